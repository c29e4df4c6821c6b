"""Each report rendered from a database and read back with pypdf."""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from kehubao.db import Database
from kehubao.errors import UserError
from kehubao.models import Setting
from kehubao.reports import (
    KINDS,
    capitals,
    render_batch,
    render_customer_list,
    render_customer_report,
    render_visit_list,
)
from kehubao.reports import data as report_data
from kehubao.services.advice import CLASS_STRATEGY, EMOTION_ADVICE

from .conftest import NAME, Seeded, pdf_text, squash

GENERATED = datetime(2026, 7, 6, 9, 30)


def render(db: Database, kind: str, customer_id: int) -> bytes:
    out = io.BytesIO()
    with db.session(write=False) as s:
        render_customer_report(s, kind, customer_id, out, generated=GENERATED)
    return out.getvalue()


def test_evaluation_sheet(db: Database, seeded: Seeded) -> None:
    text = pdf_text(render(db, "evaluation", seeded.customer_id))
    assert squash(NAME) in text  # & and < printed as typed, 𠮷 from the fallback font
    assert "客户评价表" in text and "2026年第二季度" in text and "张三" in text
    with db.session(write=False) as s:
        indicators = report_data.default_template(s).indicators
        last, tenth = indicators[-1].name, indicators[7].name  # the fixture scores [7] 10
    assert "开发能力" in text and last in text
    # weighted contributions: 8/10 × 15% × 100 = 12; 10/10 × 10% × 100 = 10
    assert "12" in text and "总分：82分" in text and "等级：B" in text
    assert "四类·最宝贵" in text and squash(CLASS_STRATEGY["4"]) in text  # as evaluated then
    # change since the last evaluation: 60 → 82, each indicator +2 (the one scored 10: +4)
    assert "+22" in text and f"{tenth}+4" in text and "2026年第一季度" in text
    assert "表现良好&稳定<继续>" in text
    assert "客户签字" in text and "主管审核" in text
    assert capitals(1234567) in text and capitals(1001000) in text
    assert "第1页/共" in text and "生成时间：2026-07-0609:30" in text


def test_an_older_evaluation_prints_its_own_scores(db: Database, seeded: Seeded) -> None:
    from sqlalchemy import select

    from kehubao.models import Evaluation
    from kehubao.services.report_requests import ReportRequest, render_request

    with db.session(write=False) as s:
        older, newer = s.scalars(select(Evaluation.id).where(
            Evaluation.customer_id == seeded.customer_id).order_by(Evaluation.evaluated_on)).all()
        first = render_request(s, ReportRequest("evaluation", customer_id=seeded.customer_id,
                                                evaluation_id=older), generated=GENERATED)
        latest = render_request(s, ReportRequest("evaluation", customer_id=seeded.customer_id,
                                                 evaluation_id=newer), generated=GENERATED)
        with pytest.raises(UserError):  # another customer's evaluation is not this one's
            report_data.evaluation_sheet(s, seeded.blank_customer_id, older)
    text = pdf_text(first.pdf)
    # the first quarter's sheet: every indicator 6 → 60 points, C, class 3, no earlier one
    assert "2026年第一季度" in text and "总分：60分" in text and "等级：C" in text
    assert "三类" in text and "总分：82分" not in text and "2026年第二季度" not in text
    assert "+22" not in text  # nothing before it to compare with
    # asking for the newest by id prints what the default (latest) prints
    assert pdf_text(latest.pdf) == pdf_text(render(db, "evaluation", seeded.customer_id))


def test_blank_form_for_a_customer_never_evaluated(db: Database, seeded: Seeded) -> None:
    text = pdf_text(render(db, "evaluation", seeded.blank_customer_id))
    assert "客户评价表（空白表）" in text and "没评价过的客户" in text
    with db.session(write=False) as s:
        template = report_data.default_template(s)
        names = [i.name for i in template.indicators]
    assert len(names) == len(template.indicators) >= 8
    for name in names:
        assert name in text
    assert "总分：________分" in text


def test_visit_report(db: Database, seeded: Seeded) -> None:
    text = pdf_text(render(db, "visit", seeded.customer_id))
    for part in ("拜访报告", squash(NAME), "王䶮", "总经理", "2026-05-2010:00", "45分钟",
                 "介绍新品<A款>", "谈了新品的价格&账期。", "怒", "需要更长账期", "价格比别家高",
                 "质量更稳定，返修少（有效）", "同意试订", "下周报价", "2026-05-27"):
        assert part in text, part


def test_visit_list_for_a_week(db: Database, seeded: Seeded) -> None:
    out = io.BytesIO()
    with db.session(write=False) as s:
        visits = report_data.visits_between(s, date(2026, 5, 18), date(2026, 5, 24))
        render_visit_list(visits, date(2026, 5, 18), date(2026, 5, 24), out,
                          letterhead=report_data.letterhead(s))
    text = pdf_text(out.getvalue())
    assert "2026-05-18至2026-05-24" in text and "共1次拜访" in text
    assert text.count("介绍新品<A款>") == 2  # summary row and the full write-up


def test_brief(db: Database, seeded: Seeded) -> None:
    text = pdf_text(render(db, "brief", seeded.customer_id))
    assert "拜访准备单" in text and squash(NAME) in text
    assert squash(EMOTION_ADVICE["anger"]) in text  # services/advice.py reused
    # personality (an entity typed by the user stays as typed), preferences, last mood
    assert "个性：爽快&lt;直接&gt;" in text and "偏好：喜欢喝茶" in text and "上次情绪：怒" in text
    assert "送报价单" in text and "价格比别家高" in text and "质量更稳定，返修少" in text
    assert f"¥10,010.00（{capitals(1001000)}）" in text  # overdue, figures and capitals
    assert squash(CLASS_STRATEGY["3"]) in text
    assert len(PdfReader(io.BytesIO(render(db, "brief", seeded.customer_id))).pages) == 1


def test_archive_card_long_notes_flow_onto_further_pages(db: Database, seeded: Seeded) -> None:
    data = render(db, "archive", seeded.customer_id)
    pages = len(PdfReader(io.BytesIO(data)).pages)
    assert pages >= 2
    text = pdf_text(data)
    assert "第160条备注" in text and "备注结束[表情]" in text
    assert f"第{pages}页/共{pages}页" in text
    assert "XS20260401001" in text and "¥12,345.67" in text


def test_customer_list_with_totals_in_capitals(db: Database, seeded: Seeded) -> None:
    out = io.BytesIO()
    with db.session(write=False) as s:
        rows = report_data.customer_list(s, region="华中区")
        render_customer_list(rows, "华中区", out, letterhead=report_data.letterhead(s))
    text = pdf_text(out.getvalue())
    assert len(rows) == 1 and squash(NAME) in text and "共1家" in text
    assert f"销售合计：¥12,345.67（{capitals(1234567)}）" in text


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_font_is_embedded_as_a_subset(db: Database, seeded: Seeded, kind: str) -> None:
    reader = PdfReader(io.BytesIO(render(db, kind, seeded.customer_id)))
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for key in fonts:
            font = fonts[key].get_object()
            names.add(str(font["/BaseFont"]))
            descriptor = (font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                          if "/DescendantFonts" in font else font["/FontDescriptor"])
            assert "/FontFile2" in descriptor.get_object()  # TrueType outlines embedded
    assert names and all(re.match(r"^/[A-Z]{6}\+", n) for n in names), names
    if kind in ("evaluation", "archive"):  # 𠮷 in the name: the fallback is embedded too
        assert any("KehubaoHanA" in n for n in names)


def test_letterhead_comes_from_settings(db: Database, seeded: Seeded) -> None:
    with db.session() as s:
        s.add(Setting(key="letterhead", value={"company": "湘江贸易有限公司",
                                               "phone": "0731-1234", "primary_colour": "bad"}))
    text = pdf_text(render(db, "archive", seeded.customer_id))
    assert text.startswith("湘江贸易有限公司") and "0731-1234" in text


def test_unknown_customer_is_a_user_error(db: Database) -> None:
    with db.session(write=False) as s, pytest.raises(UserError, match="找不到编号为 424242"):
        render_customer_report(s, "evaluation", 424242, io.BytesIO())


def test_batch_reports_progress_and_can_be_cancelled(db: Database, seeded: Seeded,
                                                      tmp_path) -> None:  # type: ignore[no-untyped-def]
    seen: list[float] = []
    with db.session(write=False) as s:
        files = render_batch(s, "evaluation", [seeded.customer_id, seeded.blank_customer_id],
                             tmp_path / "all", progress=seen.append)
    assert seen == [0.0, 0.5, 1.0] and len(files) == 2 and all(f.stat().st_size for f in files)
    assert files[0].name.startswith(f"评价表-{seeded.customer_id}-A&B _贸易_ 公司")

    class Cancelled(Exception):
        pass

    def cancel(fraction: float) -> None:
        if fraction > 0:
            raise Cancelled

    with db.session(write=False) as s, pytest.raises(Cancelled):
        render_batch(s, "evaluation", [seeded.customer_id, seeded.blank_customer_id],
                     tmp_path / "cancelled", progress=cancel)
    assert len(list((tmp_path / "cancelled").iterdir())) == 1


def test_chart_labels_use_the_fallback_fonts() -> None:
    from reportlab.graphics.shapes import String

    from kehubao.reports import fonts
    from kehubao.reports.charts import _label

    group = _label(0, 0, "忠诚度𠮷😀", 8)
    parts = [(s.fontName, s.text) for s in group.contents if isinstance(s, String)]
    assert parts == [(fonts.MAIN, "忠诚度"), (fonts.FALLBACK_A, "𠮷"), (fonts.MAIN, "[表情]")]


def test_undrawable_characters_of_a_whole_report(db: Database, seeded: Seeded) -> None:
    from kehubao.reports import undrawable_in

    with db.session(write=False) as s:
        card = report_data.archive_card(s, seeded.customer_id)
    assert undrawable_in(card) == ["😀"]  # 𠮷 and 䶮 have fallback fonts


def test_a_long_plain_paragraph_splits_over_pages_without_losing_text() -> None:
    from kehubao.reports import render_archive
    from kehubao.reports.model import ArchiveCard, CustomerInfo, Letterhead

    customer = CustomerInfo(id=1, name="某客户", notes="客户希望在旺季前备货，付款周期从30天调整为45天。" * 400)
    out = io.BytesIO()
    render_archive(ArchiveCard(customer, [], [], []), out, letterhead=Letterhead())
    assert len(PdfReader(io.BytesIO(out.getvalue())).pages) >= 4
    # 400 sentences + "还没有登记联系人。" + "没有联系记录。"
    assert pdf_text(out.getvalue()).count("。") == 402


def test_an_extension_b_character_only_the_big_fallback_has() -> None:
    from kehubao.reports import fonts, render_archive
    from kehubao.reports.model import ArchiveCard, CustomerInfo, Letterhead

    rare = "\U00020001"
    assert fonts.font_for(rare) == fonts.FALLBACK_B
    out = io.BytesIO()
    render_archive(ArchiveCard(CustomerInfo(id=1, name=f"张{rare}"), [], [], []), out,
                   letterhead=Letterhead())
    reader = PdfReader(io.BytesIO(out.getvalue()))
    names = {str(f.get_object()["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any(re.match(r"^/[A-Z]{6}\+KehubaoHanB", n) for n in names), names
    assert f"张{rare}" in pdf_text(out.getvalue())


def test_letterhead_logo_and_colour(db: Database, seeded: Seeded, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (60, 40), (200, 30, 30)).save(logo)
    with db.session() as s:
        s.add(Setting(key="letterhead", value={"company": "湘江贸易", "logo": str(logo),
                                               "primary_colour": "#AA0000"}))
    reader = PdfReader(io.BytesIO(render(db, "visit", seeded.customer_id)))
    page = reader.pages[0]
    assert len(page["/Resources"]["/XObject"]) == 1  # the logo, on every page
    assert b".666667 0 0 rg" in page.get_contents().get_data()  # #AA0000 as fill colour


def test_an_unreadable_logo_does_not_cost_the_report(db: Database, seeded: Seeded,
                                                      tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "logo.png"
    bad.write_bytes(b"not an image")
    with db.session() as s:
        s.add(Setting(key="company.logo", value=str(bad)))
        s.add(Setting(key="company.name", value="单项设置公司"))
    assert pdf_text(render(db, "visit", seeded.customer_id)).startswith("单项设置公司")


def test_a_cut_customer_list_says_so(db: Database, seeded: Seeded) -> None:
    out = io.BytesIO()
    with db.session(write=False) as s:
        rows = report_data.customer_list(s, limit=1)
        total = report_data.customer_count(s)
        render_customer_list(rows, "全部客户", out, total=total,
                             letterhead=report_data.letterhead(s))
    text = pdf_text(out.getvalue())
    assert total == 2 and "共2家，只列出按拼音排序的前1家" in text and "所列客户销售合计" in text
