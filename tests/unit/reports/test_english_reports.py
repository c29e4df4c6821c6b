"""Reports in the user's language: with the English translation installed (as the UI does
when its language is English), every report of a database kept in English prints no
Chinese at all; without a translator (the CLI) the same reports are Chinese.

The database is built through the services with ASCII names and the English starter set
(evaluation template, objection scripts), so any Chinese found is the program's own."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from kehubao import texts
from kehubao.db import Database, open_database
from kehubao.services.report_requests import RenderedReport, ReportRequest, render_request

from .conftest import pdf_text

ROOT = Path(__file__).resolve().parents[3]
TS_FILE = ROOT / "resources" / "translations" / "kehubao_en.ts"
# Ideographs, CJK punctuation (，。、：（）) and full-width forms.
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\U00020000-\U0002fa1f]")
GENERATED = datetime(2026, 7, 6, 9, 30)


@pytest.fixture
def english(tmp_path: Path, qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """The English .qm compiled from the .ts and installed, and texts.Text translated
    through it, as ui/i18n.py does on import; both undone afterwards."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    spec = importlib.util.spec_from_file_location("translations",
                                                  ROOT / "scripts" / "translations.py")
    script = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(script)  # type: ignore[union-attr]
    qm = tmp_path / "kehubao_en.qm"
    script.release(TS_FILE, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    before = texts._translate
    texts.install(lambda template: QCoreApplication.translate("labels", template))
    yield
    texts.install(before)
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def chinese() -> Iterator[None]:
    """No translator, as in the CLI (another test may have imported ui/i18n)."""
    before = texts._translate
    texts.install(None)
    yield
    texts.install(before)


@dataclass
class English:
    db: Database
    customer: int
    blank: int


@pytest.fixture
def english_db(tmp_path: Path) -> Iterator[English]:
    """A customer with everything the reports print — contacts with advice, visits with
    an objection answered from the English script library, open and overdue follow-ups,
    money owed, two evaluations — and a customer never evaluated (a blank form)."""
    from kehubao.models import ObjectionScript
    from kehubao.services.contacts import create_contact
    from kehubao.services.customers import add_tags, create_customer
    from kehubao.services.evaluation.scoring import ScoreInput, evaluate
    from kehubao.services.evaluation.templates import active_template
    from kehubao.services.evaluation.transactions import record_transaction
    from kehubao.services.followups.follow_ups import create_follow_up
    from kehubao.services.followups.interactions import log_interaction
    from kehubao.services.maintenance import prepare_database

    db = open_database(str(tmp_path / "english.db"))
    prepare_database(db, language="en")
    now = GENERATED
    with db.session() as s:
        first = create_customer(s, {
            "name": "Acme Machinery Ltd", "code": "AC-001", "status": "stable",
            "customer_type": "dealer", "kind": "company", "industry": "Machinery",
            "region": "East", "phone": "021-55556666", "ownership": "private", "scale": "medium",
            "credit_rating": "good", "employees": 120, "annual_revenue_wan": 1234.5,
            "registered_capital_wan": 500.0, "credit_limit_fen": 50_000_000,
            "notes": "Prefers delivery before the busy season. " * 8})
        add_tags(s, [first.id], ["Key account", "Export"])
        john = create_contact(s, first.id, {
            "name": "John Smith", "title": "General Manager", "department": "Purchasing",
            "mobile": "13800138000", "wechat": "jsmith", "gender": "male", "age_band": "middle",
            "decision_role": "buyer", "personality": "Direct", "preferences": "Tea",
            "needs": "Faster delivery", "last_emotion": "anger", "is_primary": True,
            "birthday": "1980-03-04", "birthday_lunar": True, "culture_level": "high"})
        create_contact(s, first.id, {"name": "Mary Jones", "decision_role": "user"})
        script = s.scalar(select(ObjectionScript).limit(1))
        log_interaction(s, first.id, kind="visit", summary="Showed the new catalogue",
                        mood="anger", contact_id=john.id, occurred_at=now - timedelta(days=2),
                        content="Talked about prices and terms.", needs="Longer terms",
                        objections="Your price is higher", script_id=script.id,
                        reply_used="Fewer returns", reply_worked=True,
                        outcome="Trial order", next_step="Send a quote",
                        location="Their office", duration_minutes=45)
        log_interaction(s, first.id, kind="call", summary="Price check", contact_id=john.id,
                        occurred_at=now - timedelta(days=1), objections="Still too dear",
                        reply_used="Volume discount", reply_worked=False)
        create_follow_up(s, first.id, title="Send the price list", due_at=now - timedelta(days=1),
                         contact_id=john.id, note="With the new catalogue")
        create_follow_up(s, first.id, title="Call about the order",
                         due_at=now + timedelta(days=3))
        blank = create_customer(s, {"name": "Blue Sky Retail", "region": "East"}).id
        customer = first.id
    with db.session() as s:
        today = now.date()
        record_transaction(s, customer, "sale", today - timedelta(days=100), 30_000_000,
                           due_on=today - timedelta(days=40), product="Pumps", reference="SO-1")
        record_transaction(s, customer, "payment", today - timedelta(days=20), 1_000_000)
        template = active_template(s)
        evaluate(s, customer, [ScoreInput(i.id, 6) for i in template.indicators],
                 evaluated_on=today - timedelta(days=100))
        evaluate(s, customer, [ScoreInput(i.id, 8) for i in template.indicators],
                 evaluated_on=today, notes="Solid partner.")
    yield English(db, customer, blank)
    db.dispose()


def requests(e: English) -> dict[str, ReportRequest]:
    week = (GENERATED.date() - timedelta(days=6), GENERATED.date())
    return {
        "evaluation sheet": ReportRequest("evaluation", customer_id=e.customer),
        "blank evaluation form": ReportRequest("evaluation", customer_id=e.blank),
        "visit report": ReportRequest("visit", customer_id=e.customer),
        "brief": ReportRequest("brief", customer_id=e.customer),
        "archive card": ReportRequest("archive", customer_id=e.customer),
        "visit list": ReportRequest("visit_list", start=week[0], end=week[1]),
        "customer list": ReportRequest("list"),
        "customer list of a region and class": ReportRequest("list", region="East",
                                                             value_class="4"),
    }


def rendered(e: English) -> dict[str, RenderedReport]:
    out = {}
    for name, request in requests(e).items():
        with e.db.session(write=False) as s:
            out[name] = render_request(s, request, generated=GENERATED)
    return out


def test_every_report_in_english_has_no_chinese(english: None, english_db: English) -> None:
    found = {}
    for name, report in rendered(english_db).items():
        text = pdf_text(report.pdf)
        assert len(text) > 150, name  # it printed something to check
        shown = {"pdf": text, "title": report.title, "file name": report.file_name}
        for where, value in shown.items():
            if hits := sorted(set(CJK.findall(value))):
                found[f"{name} ({where})"] = "".join(hits)
    assert found == {}


def test_english_reports_say_it_in_english(english: None, english_db: English) -> None:
    reports = rendered(english_db)
    sheet = pdf_text(reports["evaluation sheet"].pdf)
    # the periods as stored (2026年第3季度, 2026年第1季度) said in English, the class and its strategy
    assert "CustomerEvaluationSheet" in sheet and "Q32026" in sheet and "Q12026" in sheet
    assert "Customerclass:Class4·Mostvaluable" in sheet and "Total:80points" in sheet
    assert "Page1of2" in sheet and "Generated:2026-07-0609:30" in sheet
    assert "CustomerEvaluationSheet(BlankForm)" in pdf_text(reports["blank evaluation form"].pdf)
    listed = pdf_text(reports["customer list"].pdf)
    assert "Totalsales:¥300,000.00" in listed
    assert "RegionStatusClassGrade" in listed  # the customer's class, not a script's category
    archive = pdf_text(reports["archive card"].pdf)
    # amounts in figures only (no Chinese capitals), 万元 counted out, joins in English
    assert "Sales(12mo.)¥300,000.00Receivable¥290,000.00" in archive
    assert "1,234.50×¥10k" in archive and "1980-03-04(lunar)" in archive
    assert "JohnSmith(primary)" in archive and "Keyaccount,Export" in archive
    brief = pdf_text(reports["brief"].pdf)
    assert "(overdue)" in brief and "Fewerreturns(worked)" in brief
    assert "Volumediscount(didnotwork)" in brief and "Lastmood:Angry" in brief
    assert reports["archive card"].title == "Customer Archive Card · Acme Machinery Ltd"
    assert reports["customer list"].title == "Customer List · All customers"
    assert reports["customer list of a region and class"].title == \
        "Customer List · East · Class 4 · Most valuable"
    assert reports["visit list"].file_name == "Visit List-2026-06-30 to 2026-07-06.pdf"


def test_the_same_reports_without_a_translator_are_chinese(chinese: None,
                                                           english_db: English) -> None:
    reports = rendered(english_db)
    archive = pdf_text(reports["archive card"].pdf)
    assert "客户档案卡" in archive and "第1页/共" in archive and "生成时间：" in archive
    assert "¥300,000.00（叁拾万元整）" in archive and "1,234.50万元" in archive
    assert "JohnSmith（主）" in archive and "Keyaccount、Export" in archive
    sheet = pdf_text(reports["evaluation sheet"].pdf)
    assert "2026年第3季度" in sheet and "四类·最宝贵" in sheet and "总分：80分" in sheet
    assert reports["customer list"].title == "客户名单 · 全部客户"
    assert reports["archive card"].file_name.startswith("档案卡-")


def test_batch_export_names_files_in_english(english: None, english_db: English,
                                             tmp_path: Path) -> None:
    from kehubao.services.report_requests import export_batch

    with english_db.db.session(write=False) as s:
        files = export_batch(s, "archive", [english_db.customer], tmp_path / "out")
    assert [f.name for f in files] == [f"Archive card-{english_db.customer}-Acme Machinery Ltd.pdf"]
    assert not CJK.search(pdf_text(files[0].read_bytes()))


def test_a_company_stored_as_the_programs_name_is_not_set(english: None,
                                                         english_db: English) -> None:
    """An earlier letterhead dialog stored its pre-filled 客户宝 with any other change:
    it counts as not set, so an English report prints the default in English."""
    from kehubao.models import Setting
    from kehubao.reports.data import letterhead

    with english_db.db.session() as s:
        s.add(Setting(key="letterhead", value={"company": "客户宝", "phone": "021-1234"}))
    with english_db.db.session(write=False) as s:
        assert (letterhead(s).company, letterhead(s).phone) == ("Kehubao", "021-1234")
        report = render_request(s, ReportRequest("archive", customer_id=english_db.customer),
                                generated=GENERATED)
    assert pdf_text(report.pdf).startswith("Kehubao")


# ------------------------------------------------------------------ room for English words


def test_a_heading_wider_than_its_column_is_never_cut_inside_a_word() -> None:
    from reportlab.lib.units import mm

    from kehubao.reports.layout import Styles, grid_table
    from kehubao.reports.model import Letterhead

    styles = Styles(Letterhead())
    widths = [14 * mm, 18 * mm, 40 * mm]
    table = grid_table(["Weight", "Personality and preferences", "Name"], [["1", "2", "3"]],
                       widths, styles)
    weight, long, short = table._cellvalues[0]
    assert short == "Name"  # fits: a plain string
    weight.wrap(widths[0] - 12, 1000)
    assert [w.text for w in weight.blPara.lines[0].words] == ["Weight"]  # smaller, whole
    long.wrap(widths[1] - 12, 1000)
    lines = ["".join(w.text for w in line.words).strip() for line in long.blPara.lines]
    assert set(" ".join(lines).split()) == {"Personality", "and", "preferences"}


def test_radar_labels_of_long_english_names_stay_beside_the_chart() -> None:
    from reportlab.lib import colors
    from reportlab.lib.units import mm

    from kehubao.reports.charts import _SLACK, radar
    from kehubao.reports.model import ScoreRow

    names = ["Business development", "Sales management", "Sales network", "Promotion",
             "After-sales service", "Relationship with us", "Satisfaction", "Loyalty",
             "Contribution", "Dependence"]
    size = 62 * mm
    drawing = radar([ScoreRow(n, 0.1, 10, score=8) for n in names], size,
                    colors.HexColor("#1F4E79"))
    left, _bottom, right, _top = drawing.getBounds()
    assert left >= -_SLACK - 0.5 and right <= size + _SLACK + 0.5

