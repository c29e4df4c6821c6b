"""The 报表 UI: preview with page images, print through a QPrinter, batch export with
Cancel, the letterhead dialog, the customer tab's 打印 menu and Ctrl+P."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from kehubao.models.enums import ValueClass
from kehubao.reports import data
from kehubao.services.report_requests import ReportRequest, batch_customer_ids, render_request
from kehubao.ui import ops
from kehubao.ui.reports import raster
from kehubao.ui.reports.letterhead_dialog import LetterheadDialog
from kehubao.ui.reports.page import ReportsPage
from kehubao.ui.reports.preview import PreviewDialog
from kehubao.ui.tasks import _running, wait_for_tasks


def _two_page_pdf() -> bytes:
    """Page 1: a black square 100 pt wide whose lower-left corner is at (72, 72)."""
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    c.rect(72, 72, 100, 100, stroke=0, fill=1)
    c.showPage()
    c.drawString(100, 700, "page two")
    c.showPage()
    c.save()
    return out.getvalue()


def test_raster_renders_each_page_at_the_asked_resolution(qapp) -> None:  # type: ignore[no-untyped-def]
    pdf = _two_page_pdf()
    assert raster.page_count(pdf) == 2
    images = raster.render_pages(pdf, 144)  # 2 pixels per point
    assert len(images) == 2
    # A4 is 595.28 × 841.89 pt → 1191 × 1684 px at 144 dpi (PDFium rounds up)
    assert abs(images[0].width() - 1191) <= 1 and abs(images[0].height() - 1684) <= 1
    height = images[0].height()
    # the square spans x 144..344 px, and y from the bottom 144..344 px
    assert images[0].pixelColor(244, height - 244) == QColor("black")
    assert images[0].pixelColor(20, 20) == QColor("white")
    assert images[0].pixelColor(400, height - 244) == QColor("white")


def test_render_request_covers_every_kind(demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session(write=False) as session:
        cid = data.customer_ids(session)[0]
        for kind in ("evaluation", "brief", "archive"):
            report = render_request(session, ReportRequest(kind, customer_id=cid))
            assert report.pdf.startswith(b"%PDF")
            assert report.file_name.endswith(".pdf") and str(cid) in report.file_name
        listed = render_request(session, ReportRequest("list", value_class="4"))
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(listed.pdf)).pages)
        assert "客户名单" in listed.title and "四类" in listed.title
        first = data.customer_list(session, value_class="4")[0].name
        assert first in text


def _wait_task(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.wait(20)
    qtbot.waitUntil(lambda: not _running, timeout=60_000)
    wait_for_tasks()
    ops.wait_idle()


def test_preview_of_an_evaluation_sheet_shows_its_pages(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session(write=False) as session:
        cid = data.customer_ids(session)[0]
    dialog = PreviewDialog(demo_db, ReportRequest("evaluation", customer_id=cid))
    qtbot.addWidget(dialog)
    dialog.show()
    ops.wait_idle()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert len(dialog.images) >= 1
    shown = dialog.pages[0].pixmap()
    assert not shown.isNull() and shown.width() > 400  # an A4 page at 100 % is ~794 px wide
    assert dialog.page_label.text().startswith("第 1 页 / 共 ")
    assert dialog.print_button.isEnabled()
    width = dialog.images[0].width()
    dialog.zoom.setCurrentIndex(dialog.zoom.findData(200))
    ops.wait_idle()
    qtbot.waitUntil(lambda: dialog.images[0].width() > 1.9 * width, timeout=20_000)


def test_print_goes_through_a_qprinter_to_a_pdf_file(qtbot, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session(write=False) as session:
        cid = data.customer_ids(session)[0]
    dialog = PreviewDialog(demo_db, ReportRequest("archive", customer_id=cid))
    qtbot.addWidget(dialog)
    ops.wait_idle()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    printer.setResolution(150)
    dialog.print_report(printer)
    _wait_task(qtbot)
    assert target.exists() and target.stat().st_size > 10_000
    printed = PdfReader(str(target))
    assert len(printed.pages) == raster.page_count(dialog.report.pdf)


def test_batch_export_of_a_class_writes_one_file_per_customer(qtbot, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session(write=False) as session:
        counts = {v.value: len(batch_customer_ids(session, value_class=v.value)) for v in ValueClass}
    smallest = min((c for c in counts if counts[c]), key=counts.__getitem__)
    page = ReportsPage(demo_db)
    qtbot.addWidget(page)
    page.kind.setCurrentIndex(page.kind.findData("archive"))
    page.scope.setCurrentIndex(page.scope.findData("class"))
    page.value_class.setCurrentIndex(page.value_class.findData(smallest))
    assert page.batch_button.isEnabled() and not page.preview_button.isEnabled()
    out = tmp_path / "batch"
    page.export_to(out)
    _wait_task(qtbot)
    files = sorted(out.glob("*.pdf"))
    assert len(files) == counts[smallest]
    assert all(f.name.startswith("档案卡-") for f in files)
    assert page.done_box is not None and f"已导出 {counts[smallest]} 份" in page.done_box.text()


def test_cancel_stops_a_batch_export(qtbot, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with demo_db.session(write=False) as session:
        everyone = len(batch_customer_ids(session))
    page = ReportsPage(demo_db)
    qtbot.addWidget(page)
    page.kind.setCurrentIndex(page.kind.findData("archive"))
    page.scope.setCurrentIndex(page.scope.findData("class"))  # 全部分类: every customer
    out = tmp_path / "batch"
    page.export_to(out)
    qtbot.waitUntil(lambda: bool(_running), timeout=5_000)
    task = _running[0]
    qtbot.waitUntil(lambda: len(list(out.glob("*.pdf"))) >= 2, timeout=30_000)
    task.dialog.canceled.emit()  # what the Cancel button sends
    _wait_task(qtbot)
    written = len(list(out.glob("*.pdf")))
    assert 2 <= written < everyone
    assert page.done_box is None  # a cancelled export does not claim to be done


def test_letterhead_dialog_saves_and_the_next_report_prints_it(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    dialog = LetterheadDialog(demo_db)
    qtbot.addWidget(dialog)
    ops.wait_idle()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=5_000)
    dialog.company.setText("青岛海润泵业有限公司")
    dialog.phone.setText("0532-88886666")
    dialog.primary.set_value("#8b0000")
    dialog.logo.setText("/nowhere/logo.png")
    dialog.save()
    ops.wait_idle()
    assert "找不到标志图片" in dialog.error.text() and dialog.result() == 0
    with demo_db.session(write=False) as session:
        assert data.letterhead(session).company == "客户宝"  # the refused save wrote nothing
    dialog.logo.setText("")
    dialog.save()
    ops.wait_idle()
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=5_000)
    with demo_db.session(write=False) as session:
        head = data.letterhead(session)
        assert (head.company, head.phone, head.primary_colour) == (
            "青岛海润泵业有限公司", "0532-88886666", "#8B0000")
        cid = data.customer_ids(session)[0]
        report = render_request(session, ReportRequest("evaluation", customer_id=cid))
    text = PdfReader(io.BytesIO(report.pdf)).pages[0].extract_text()
    assert "青岛海润泵业有限公司" in text


def test_letterhead_dialog_leaves_an_unset_company_unset(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    """The company field starts empty (a hint in its place), and saving another change
    stores no company: the reports print as before the letterhead was ever saved. The
    program's name an earlier dialog stored along with any change counts as not set."""
    from kehubao.models import Setting
    from kehubao.reports.model import Letterhead

    with demo_db.session(write=False) as session:
        never_saved = data.letterhead(session)
    with demo_db.session() as session:  # what the earlier dialog stored: its pre-filled name
        session.add(Setting(key="letterhead", value={"company": "客户宝", "address": "",
                                                     "phone": "", "logo_path": "",
                                                     "primary_colour": "#1F4E79",
                                                     "accent_colour": "#DCE6F2"}))
    dialog = LetterheadDialog(demo_db)
    qtbot.addWidget(dialog)
    ops.wait_idle()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=5_000)
    assert dialog.company.text() == "" and dialog.company.placeholderText() == "贵公司名称"
    dialog.phone.setText("0532-88886666")
    dialog.save()
    ops.wait_idle()
    qtbot.waitUntil(lambda: dialog.result() == 1, timeout=5_000)
    with demo_db.session(write=False) as session:
        stored = session.get(Setting, "letterhead").value
        assert stored["company"] == "" and stored["phone"] == "0532-88886666"
        assert data.letterhead(session) == Letterhead(phone="0532-88886666") == \
            Letterhead(**{**vars(never_saved), "phone": "0532-88886666"})
    again = LetterheadDialog(demo_db)
    qtbot.addWidget(again)
    ops.wait_idle()
    qtbot.waitUntil(again.save_button.isEnabled, timeout=5_000)
    assert (again.company.text(), again.phone.text()) == ("", "0532-88886666")


@pytest.mark.parametrize("kind", ["brief"])
def test_customer_tab_and_ctrl_p_open_the_preview(qtbot, demo_db, kind: str) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import make_window

    window = make_window(qtbot, demo_db)
    customers = window.page_of("customers")
    cid = customers.list.model.id_at(0)
    customers.open_customer(cid)
    ops.wait_idle()
    detail = customers.details[cid]
    titles = [a.text() for a in detail.print_button.menu().actions()]
    assert titles == ["客户评价表", "拜访准备单", "客户档案卡", "最近一次拜访报告"]
    detail.print_button.menu().actions()[1].trigger()
    ops.wait_idle()
    dialogs = [w for w in window.findChildren(PreviewDialog)]
    assert dialogs and dialogs[-1].request == ReportRequest(kind, customer_id=cid)
    qtbot.waitUntil(lambda: dialogs[-1].report is not None, timeout=20_000)
    assert window.current_context()[0] == cid
    action = window.actions_by_name["print_customer"]
    assert action.shortcut().toString() == "Ctrl+P"
    action.trigger()
    section = window.section("reports")
    assert section.menu is not None and len(section.menu.actions()) == 4
    section.menu.close()


def test_characters_without_a_font_are_named_before_printing(qtbot, demo_db, answer) -> None:  # type: ignore[no-untyped-def]
    from kehubao.models import Customer

    with demo_db.session() as session:
        cid = data.customer_ids(session)[0]
        session.get(Customer, cid).name = "泰安\ue000机械厂"  # a private-use character
    dialog = PreviewDialog(demo_db, ReportRequest("archive", customer_id=cid))
    qtbot.addWidget(dialog)
    ops.wait_idle()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert dialog.report.undrawable == ["\ue000"]
    assert "\ue000" in dialog.warning.text() and not dialog.warning.isHidden()
    asked = answer("no")
    dialog.print_report()  # the user stops at the warning: no print dialog, no task
    assert len(asked) == 1 and "\ue000" in asked[0]
    assert not _running


# ---------------------------------------------------------------- other entry points


def _export_boxes(widget) -> list[str]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    return [box.text() for box in widget.findChildren(QMessageBox)]


def test_customer_list_exports_pdfs_of_the_selection(qtbot, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QItemSelectionModel
    from tests.ui.conftest import make_window

    from kehubao.ui.reports.batch_export import BatchExportDialog

    window = make_window(qtbot, demo_db)
    listing = window.page_of("customers").list
    chosen = [listing.model.id_at(row) for row in (0, 2, 5)]
    selection = listing.view.selectionModel()
    for row in (0, 2, 5):
        selection.select(listing.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    menu = listing.context_menu()
    texts = {a.text(): a for a in menu.actions()}
    assert texts["导出所选客户的 PDF…"].isEnabled() and texts["导出筛选结果的 PDF…"].isEnabled()
    bulk = [a for a in listing.bulk_menu.actions() if a.text() == "导出 PDF…"]
    assert len(bulk) == 1
    bulk[0].trigger()  # the 批量操作 menu's entry opens the same dialog
    dialogs = listing.findChildren(BatchExportDialog)
    assert len(dialogs) == 1 and dialogs[0].customers == chosen
    dialog = dialogs[0]
    assert [dialog.kind.itemData(i) for i in range(dialog.kind.count())] == [
        "evaluation", "brief", "archive"]
    assert "所选的 3 个客户" in [label.text() for label in dialog.findChildren(QLabel)]
    dialog.kind.setCurrentIndex(dialog.kind.findData("brief"))
    out = tmp_path / "chosen"
    dialog.folder.setText(str(out))
    dialog.accept()
    _wait_task(qtbot)
    files = sorted(out.glob("*.pdf"))
    assert sorted(int(f.name.split("-")[1]) for f in files) == sorted(chosen)
    assert all(f.name.startswith("拜访准备单-") for f in files)
    assert "已导出 3 份" in _export_boxes(listing)


def test_customer_list_exports_pdfs_of_the_filter_result(qtbot, demo_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from tests.ui.conftest import make_window

    from kehubao.ui.customers.pdf_export import open_pdf_export
    from kehubao.ui.reports.batch_export import BATCH_DIR

    with demo_db.session(write=False) as session:
        counts = {v.value: len(batch_customer_ids(session, value_class=v.value)) for v in ValueClass}
    smallest = min((c for c in counts if counts[c]), key=counts.__getitem__)
    window = make_window(qtbot, demo_db)
    listing = window.page_of("customers").list
    listing.value_class.setCurrentIndex(listing.value_class.findData(smallest))
    listing.model.wait_loaded()
    ops.wait_idle()
    shown = [listing.model.id_at(r) for r in range(listing.model.rowCount())]
    assert len(shown) == counts[smallest]
    out = tmp_path / "filtered"
    QSettings().setValue(BATCH_DIR, str(out))  # the folder the last batch went to
    dialog = open_pdf_export(listing, selected=False)
    assert dialog.folder.text() == str(out)
    assert f"筛选出的 {counts[smallest]} 个客户" in [label.text() for label in dialog.findChildren(QLabel)]
    dialog.kind.setCurrentIndex(dialog.kind.findData("archive"))
    dialog.accept()
    _wait_task(qtbot)
    files = list(out.glob("档案卡-*.pdf"))
    assert sorted(int(f.name.split("-")[1]) for f in files) == sorted(shown)
    assert f"已导出 {counts[smallest]} 份" in _export_boxes(listing)


def test_timeline_visit_links_to_its_visit_report(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QUrl
    from sqlalchemy import select
    from tests.ui.conftest import make_window

    from kehubao.models import Interaction

    with demo_db.session(write=False) as session:
        visit = session.scalars(select(Interaction).where(
            Interaction.kind == "visit", Interaction.deleted_at.is_(None))
            .order_by(Interaction.occurred_at)).first()
        cid, iid, subject = visit.customer_id, visit.id, visit.subject
        call = session.scalar(select(Interaction.id).where(
            Interaction.customer_id == cid, Interaction.kind == "call",
            Interaction.deleted_at.is_(None)))
    window = make_window(qtbot, demo_db)
    customers = window.page_of("customers")
    customers.open_customer(cid)
    ops.wait_idle()
    detail = customers.details[cid]
    html = detail.timeline.toHtml()
    assert f"print-visit:{iid}" in html and "打印拜访报告" in html
    if call is not None:  # a phone call is not a visit: no report link
        assert f"print-visit:{call}\"" not in html
    detail.timeline.anchorClicked.emit(QUrl(f"print-visit:{iid}"))
    ops.wait_idle()
    dialogs = window.findChildren(PreviewDialog)
    assert dialogs and dialogs[-1].request == ReportRequest("visit", customer_id=cid, interaction_id=iid)
    qtbot.waitUntil(lambda: dialogs[-1].report is not None, timeout=20_000)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(dialogs[-1].report.pdf)).pages)
    assert "拜访报告" in text
    if subject:
        assert subject.replace(" ", "")[:8] in text.replace(" ", "").replace("\n", "")
