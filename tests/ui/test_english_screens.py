"""Every screen in English shows no Chinese: each section page, the customer's detail tabs,
the main dialogs and the menus are built with the English translation installed, and the
texts of all their widgets are scanned for Chinese characters.

The database is built through the services with ASCII names only, so any Chinese found is
the program's own text, not the user's. The little Chinese shown on purpose is listed in
``BY_DESIGN`` and ``KNOWN_UNTRANSLATED_PATTERNS``, each with its reason: the check fails on
anything else, so a new untranslated string is caught.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from kehubao.ui import ops
from kehubao.ui.i18n import BILINGUAL, LANGUAGES

from .conftest import make_window, settle
from .test_i18n import english  # noqa: F401 (the fixture: the English .qm installed)

pytestmark = pytest.mark.usefixtures("english")

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")
APP_NAME = "客户宝"  # the product's name may stay in Chinese in any language

_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def _model_texts(model: QAbstractItemModel, rows: int = 40) -> Iterator[str]:
    """Headers and the first cells (recursively a little for trees) of an item model."""
    flat = isinstance(model, (QAbstractTableModel, QAbstractListModel))
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    for orientation, count in ((Qt.Orientation.Horizontal, columns),
                               (Qt.Orientation.Vertical, min(model.rowCount(QModelIndex()), rows))):
        for section in range(count):
            for role in _ROLES:
                header = model.headerData(section, orientation, role)
                if isinstance(header, str):
                    yield header

    def walk(parent: QModelIndex, depth: int) -> Iterator[str]:
        for row in range(min(model.rowCount(parent), rows)):
            for column in range(1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)):
                index = model.index(row, column, parent)
                for role in _ROLES:
                    value = model.data(index, role)
                    if isinstance(value, str):
                        yield value
                if column == 0 and depth < 3 and not flat and model.rowCount(index):
                    yield from walk(index, depth + 1)

    yield from walk(QModelIndex(), 0)


def _action_texts(action: QAction) -> Iterator[str]:
    yield from (action.text(), action.toolTip(), action.statusTip())
    if (menu := action.menu()) is not None:
        yield menu.title()
        for sub in menu.actions():
            yield from _action_texts(sub)


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every user-visible text of ``widget`` and its children, shown
    or not yet shown (a hidden label is shown later, in the same language)."""
    for w in [widget, *widget.findChildren(QWidget)]:
        where = f"{type(w).__name__}({w.objectName() or ''})"
        texts: list[str] = [w.toolTip(), w.statusTip(), w.whatsThis()]
        if w.isWindow():
            texts.append(w.windowTitle())
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        if isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
            texts.append(w.placeholderText())
        if isinstance(w, QLineEdit):
            texts.append(w.text())
        if isinstance(w, (QTextEdit, QPlainTextEdit)):
            texts.append(w.toPlainText())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                texts += [w.tabText(i), w.tabToolTip(i)]
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
            if w.isEditable() and w.lineEdit() is not None:
                texts.append(w.lineEdit().placeholderText())
        if isinstance(w, QMenu):
            texts.append(w.title())
        if isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView) and w.model():
            texts += list(_model_texts(w.model()))
        for action in w.actions():
            texts += list(_action_texts(action))
        for text in texts:
            if text:
                yield where, text


# Chinese the English UI shows on purpose, as regular expressions, each with why.
KNOWN_UNTRANSLATED_PATTERNS: dict[str, tuple[str, list[str]]] = {
    "import note lines": (
        "What an import cannot place in a field (an unreadable number, a second e-mail) "
        "is kept word for word in the record's notes, after a Chinese caption: that is "
        "stored data, shown in the preview's notes column as it will be saved.",
        [r"(?m)^(?:电话|手机|邮箱|单位电话|单位邮箱|其他电话|其他邮箱|传真)："]),
}
_CJK_RUN = re.compile(CJK.pattern + "+")
# Shown in Chinese on purpose: each language named in itself, and the few texts written in
# both languages at once, so that whoever is lost in the wrong one finds the way back.
BY_DESIGN = {*dict(LANGUAGES).values(), *BILINGUAL.values()}


def _only_known_runs(text: str) -> bool:
    """Whether every Chinese run of ``text`` is one of the known, listed ones."""
    text = text.replace(APP_NAME, "")
    for _reason, patterns in KNOWN_UNTRANSLATED_PATTERNS.values():
        for pattern in patterns:
            text = re.sub(pattern, "", text)
    return not _CJK_RUN.search(text)


def _excerpt(text: str) -> str:
    """A long text cut around its first Chinese (a short one whole)."""
    if len(text) <= 120:
        return text
    start = CJK.search(text.replace(APP_NAME, "\0" * len(APP_NAME))).start()
    return "…" + text[max(0, start - 40):start + 80] + "…"


def chinese_texts(widget: QWidget) -> list[str]:
    """The texts of ``widget`` with Chinese in them (other than the app's name and the
    known, listed ones), as 'Widget(name): text'."""
    found = []
    for where, text in widget_texts(widget):
        if (not CJK.search(text.replace(APP_NAME, "")) or text in BY_DESIGN
                or _only_known_runs(text)):
            continue
        found.append(f"{where}: {_excerpt(text)!r}")
    return sorted(set(found))


@pytest.fixture
def db(db_path):  # type: ignore[no-untyped-def]
    """A new database as the English UI creates it: its starter set (objection scripts,
    evaluation template) in English."""
    from kehubao.db import open_database
    from kehubao.services.maintenance import prepare_database

    database = open_database(str(db_path))
    prepare_database(database, "en")
    yield database
    database.dispose()


@pytest.fixture
def ascii_db(db):  # type: ignore[no-untyped-def]
    """Two customers with English names, a contact, a visit, follow-ups due today and
    later, and one customer in the recycle bin: every list has something to show."""
    from kehubao.services.contacts import create_contact
    from kehubao.services.customers import create_customer, delete_customers
    from kehubao.services.evaluation.risk import record_risk
    from kehubao.services.evaluation.scoring import ScoreInput, evaluate
    from kehubao.services.evaluation.support import record_support
    from kehubao.services.evaluation.templates import active_template
    from kehubao.services.evaluation.transactions import record_transaction
    from kehubao.services.followups.follow_ups import create_follow_up
    from kehubao.services.followups.interactions import log_interaction

    now = datetime.now().replace(second=0, microsecond=0)
    with db.session() as s:
        first = create_customer(s, {"name": "Acme Machinery Ltd", "status": "potential",
                                    "industry": "Machinery"})
        create_customer(s, {"name": "Blue River Trading"})
        gone = create_customer(s, {"name": "Old Partner Inc"})
        contact = create_contact(s, first.id, {"name": "John Smith", "title": "Manager",
                                               "mobile": "13800138000", "gender": "male",
                                               "age_band": "middle", "decision_role": "buyer"})
        log_interaction(s, first.id, kind="visit", summary="Showed the new catalogue", mood="joy",
                        contact_id=contact.id, occurred_at=now - timedelta(days=2))
        create_follow_up(s, first.id, title="Send the price list", due_at=now)
        create_follow_up(s, first.id, title="Call about the order",
                         due_at=now + timedelta(days=3))
        delete_customers(s, [gone.id])
        ids = {"customer": first.id, "contact": contact.id}
    with db.session() as s:  # money and an evaluation: the value, risk and advice screens
        today = now.date()
        record_transaction(s, first.id, "sale", today - timedelta(days=100), 30_000_000,
                           due_on=today - timedelta(days=40))
        record_transaction(s, first.id, "sale", today - timedelta(days=10), 5_000_000)
        record_risk(s, first.id, "dumping", today, "Sold below list price",
                    evidence="Invoice 42")
        record_support(s, first.id, "sales", today, "Trained the shop staff", cost_fen=50_000)
        template = active_template(s)
        evaluate(s, first.id, [ScoreInput(i.id, 7) for i in template.indicators])
    return db, ids


def assert_english(widget: QWidget, at_least: int = 20) -> None:
    """No Chinese in ``widget``, and the scan read enough texts to mean something."""
    assert len({text for _where, text in widget_texts(widget)}) >= at_least
    found = chinese_texts(widget)
    assert found == [], "Chinese in the English UI:\n" + "\n".join(found)


def _dialog(qtbot, make: Callable[[], QDialog]) -> QDialog:  # type: ignore[no-untyped-def]
    dialog = make()
    qtbot.addWidget(dialog)
    dialog.show()
    ops.wait_idle()
    qtbot.wait(50)
    ops.wait_idle()
    return dialog


# ------------------------------------------------------------------------ the check works


def test_the_scan_reports_an_untranslated_label(qtbot) -> None:
    """A label whose Chinese text is not in the translation file is reported; the app's
    name and plain English are not."""
    page = QWidget()
    qtbot.addWidget(page)
    QLabel(QCoreApplication.translate("Nowhere", "这句话没有翻译"), page)
    QLabel(f"Welcome to {APP_NAME}", page)
    combo = QComboBox(page)
    combo.addItems(["One", "第二项"])
    found = {re.search(r"'(.*)'", hit).group(1) for hit in chinese_texts(page)}
    assert found == {"这句话没有翻译", "第二项"}


def test_the_scan_reads_item_views_and_menus(qtbot) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    view = QTableView()
    qtbot.addWidget(view)
    model = QStandardItemModel(1, 1, view)
    model.setHorizontalHeaderLabels(["名称"])
    item = QStandardItem("fine")
    item.setToolTip("提示")
    model.setItem(0, 0, item)
    view.setModel(model)
    menu = QMenu("Menu", view)
    menu.addAction("菜单项")
    view.addAction(menu.menuAction())
    found = chinese_texts(view)
    assert {"名称", "提示", "菜单项"} <= {re.search(r"'(.*)'", hit).group(1) for hit in found}


# ------------------------------------------------------------------------ the screens


def test_every_section_page_in_english(qtbot, ascii_db) -> None:  # type: ignore[no-untyped-def]
    db, ids = ascii_db
    window = make_window(qtbot, db)
    assert window.windowTitle() == "Kehubao"  # English is in force
    for section in window.sections:
        window.go_to(section.key)
        settle(qtbot, window)
    customers = window.page_of("customers")
    customers.open_customer(ids["customer"])
    settle(qtbot, window)
    detail = customers.details[ids["customer"]]
    for index in range(detail.tabs.count()):
        detail.tabs.setCurrentIndex(index)
        settle(qtbot, window)
    assert len({text for _where, text in widget_texts(window)}) > 300  # the scan reads it all
    found = chinese_texts(window)
    for key in ("followups", "evaluation"):  # the other tabs load when first shown
        window.go_to(key)
        tabs = window.page_of(key)
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle(qtbot, window)
            found += chinese_texts(window)
    found = sorted(set(found))
    assert found == [], "Chinese in the English UI:\n" + "\n".join(found)
    assert_english(window.menuBar())


def test_quick_panel_in_english(qtbot, ascii_db) -> None:  # type: ignore[no-untyped-def]
    db, _ids = ascii_db
    window = make_window(qtbot, db)
    scripts = window.section("scripts")
    scripts.show_quick_panel()
    panel = scripts.quick_panel()
    ops.wait_idle()
    qtbot.waitUntil(lambda: panel.index is not None, timeout=5000)
    settle(qtbot, window)
    assert_english(panel)
    panel.hide()


def test_main_dialogs_in_english(qtbot, ascii_db, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from kehubao.services.customer_list import CustomerFilter
    from kehubao.ui.about import AboutDialog
    from kehubao.ui.backups.dialog import BackupsDialog
    from kehubao.ui.customers.contact_dialog import ContactDialog
    from kehubao.ui.customers.edit_dialog import CustomerDialog
    from kehubao.ui.customers.money_dialogs import RiskDialog, SupportDialog, TransactionDialog
    from kehubao.ui.evaluation.import_dialog import TransactionImportDialog
    from kehubao.ui.evaluation.template_dialog import TemplateDialog
    from kehubao.ui.evaluation.value_dialog import ValueAssumptionsDialog
    from kehubao.ui.exchange.export_dialog import ExportDialog
    from kehubao.ui.exchange.import_dialog import ImportDialog
    from kehubao.ui.followups.follow_up_dialog import FollowUpDialog
    from kehubao.ui.followups.log_dialog import LogInteractionDialog
    from kehubao.ui.followups.reminder_settings import ReminderSettingsDialog
    from kehubao.ui.reports.letterhead_dialog import LetterheadDialog
    from kehubao.ui.scripts.editor import ScriptDialog

    db, ids = ascii_db
    window = make_window(qtbot, db)
    csv = tmp_path / "people.csv"
    csv.write_text("Name,Phone,City,Email\nGreen Leaf Co,13900139000,Shanghai,a@b.cn\n"
                   "Acme Machinery Ltd,12ab,Beijing,not-an-email\n,139,,\n", encoding="utf-8")
    makers: dict[str, Callable[[], QDialog]] = {
        "new customer": lambda: CustomerDialog(db, None, window),
        "edit customer": lambda: CustomerDialog(db, ids["customer"], window),
        "new contact": lambda: ContactDialog(db, ids["customer"], None, window),
        "edit contact": lambda: ContactDialog(db, ids["customer"], ids["contact"], window),
        "log visit": lambda: LogInteractionDialog(db, ids["customer"], contact_id=ids["contact"]),
        "follow-up": lambda: FollowUpDialog(db, customer_id=ids["customer"]),
        "import": lambda: ImportDialog(db, window, csv),
        "backups": lambda: BackupsDialog(db, window),
        "reminder settings": lambda: ReminderSettingsDialog(db, window),
        "letterhead": lambda: LetterheadDialog(db, window),
        "evaluation template": lambda: TemplateDialog(db, window),
        "value assumptions": lambda: ValueAssumptionsDialog(db, window),
        "sale": lambda: TransactionDialog(db, ids["customer"], "Acme", "sale", 30, window),
        "support": lambda: SupportDialog(db, ids["customer"], "Acme", window),
        "risk": lambda: RiskDialog(db, ids["customer"], "Acme", window),
        "export": lambda: ExportDialog(db, CustomerFilter(), None, (2, 2), window),
        "new script": lambda: ScriptDialog(db, None, ["Price"], lambda _s, _d: None, window),
        "transaction import": lambda: TransactionImportDialog(db, window),
        "about": lambda: AboutDialog(db, window),
    }
    found = []
    for name, make in makers.items():
        dialog = _dialog(qtbot, make)
        found += [f"{name}: {hit}" for hit in chinese_texts(dialog)]
        dialog.reject()
    assert found == [], "Chinese in the English UI:\n" + "\n".join(found)


def test_scan_uses_an_ascii_database(ascii_db) -> None:  # type: ignore[no-untyped-def]
    """The scan's premise: the user data it shows has no Chinese in it."""
    from kehubao.services.customers import get_customer
    from kehubao.services.evaluation.templates import active_template

    db, ids = ascii_db
    with db.session(write=False) as s:
        assert not CJK.search(get_customer(s, ids["customer"]).name)
        assert not CJK.search(active_template(s).name)  # the English starter set


def test_the_scan_lets_through_only_the_listed_texts(qtbot) -> None:
    """A listed text passes, the same with something new in it does not."""
    page = QWidget()
    qtbot.addWidget(page)
    QLabel("Notes:\n其他电话：010 1234 5678", page)
    QLabel("其他电话：010 1234 5678 新的话", page)
    found = chinese_texts(page)
    assert len(found) == 1 and "新的话" in found[0]


def test_full_width_punctuation_counts_as_chinese(qtbot) -> None:
    """"Li（Manager）" in an English screen is a Chinese pattern left untranslated."""
    page = QWidget()
    qtbot.addWidget(page)
    QLabel("John Smith（Manager）", page)
    assert len(chinese_texts(page)) == 1


@pytest.mark.parametrize(("stored", "shown"), [
    ("删除客户：Acme", "Delete customer: Acme"),
    ("恢复 3 个联系人", "Restore contact ×3"),
    ("记录跟进：Acme（拜访）", "Log interaction: Acme (Visit)"),
    ("记录风险：Acme 低价抛售", "Record risk: Acme (Price dumping)"),
    ("修改客户：Acme Trading Ltd", "Edit customer: Acme Trading Ltd"),  # a space in a name
    ("风险已处理：低价抛售", "Risk resolved (Price dumping)"),
    ("批量指定负责人为“（无）”", "Assign owner"),
    ("导入：list.csv（12 行）", "Import ×12: list.csv"),
    ("记录话术效果", "Record script result"),
    ("批量修改状态为“稳定”", "Set status (Stable)"),
    ("记录销售：Acme 1,000.00 元", "Record sale: Acme (¥1,000.00)"),
    ("删除话术：Too expensive", "Delete script: Too expensive"),
    ("恢复 3 个话术", "Restore script ×3"),
    ("新建跟进提醒：Acme：Call back", "New follow-up: Acme: Call back"),
])
def test_undo_labels_in_english(stored: str, shown: str) -> None:
    """The journal's Chinese labels, as the Undo menu shows them in English."""
    from kehubao.ui.journal_labels import operation_label

    assert operation_label(stored) == shown


def test_other_dialogs_in_english(qtbot, ascii_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The dialogs opened from a choice or an event: merge, erase, the crash report, the
    report preview and batch export, the catch-up list, the location bar, the guide."""
    from kehubao.services.customers import create_customer
    from kehubao.services.followups.today import due_between
    from kehubao.services.locations import risky_location
    from kehubao.services.personal_data import erasure_preview
    from kehubao.services.report_requests import ReportRequest
    from kehubao.ui.crash import CrashDialog
    from kehubao.ui.customers.erase_dialog import EraseDialog
    from kehubao.ui.customers.merge_dialog import MergeDialog
    from kehubao.ui.followups.catch_up import CatchUpDialog
    from kehubao.ui.guide import GuideWindow
    from kehubao.ui.location_warning import LocationWarning
    from kehubao.ui.reports.batch_export import BatchExportDialog
    from kehubao.ui.reports.preview import PreviewDialog

    db, ids = ascii_db
    window = make_window(qtbot, db)
    now = datetime.now()
    with db.session() as s:
        twin = create_customer(s, {"name": "Acme Machinery Limited"}).id
        preview = erasure_preview(s, "contact", ids["contact"])
        missed = due_between(s, now - timedelta(days=30), now + timedelta(minutes=1))
    assert missed  # the catch-up list has a row to show
    synced = tmp_path / "OneDrive" / "kehubao.db"
    reason = risky_location(synced)
    assert reason
    makers: dict[str, Callable[[], QWidget]] = {
        "merge": lambda: MergeDialog(db, ids["customer"], twin, window),
        "erase": lambda: EraseDialog(preview, window),
        "crash": lambda: CrashDialog("ValueError", "Traceback: ...", tmp_path / "crash.log", window),
        "report preview": lambda: PreviewDialog(
            db, ReportRequest(kind="archive", customer_id=ids["customer"]), window),
        "batch export": lambda: BatchExportDialog(db, [ids["customer"]], "selection", window),
        "catch-up": lambda: CatchUpDialog(missed, window),
        "location bar": lambda: LocationWarning(synced, reason, True, window),
        "guide": lambda: GuideWindow(window, "en"),
    }
    found = []
    for name, make in makers.items():
        widget = make()
        qtbot.addWidget(widget)
        widget.show()
        settle(qtbot, window)
        assert len({text for _where, text in widget_texts(widget)}) >= 3, name  # it rendered
        found += [f"{name}: {hit}" for hit in chinese_texts(widget)]
        widget.close()
    assert found == [], "Chinese in the English UI:\n" + "\n".join(found)


def test_customer_list_cells_fit_in_english(qtbot, ascii_db) -> None:  # type: ignore[no-untyped-def]
    """A choice column is as wide as its longest English label: "Interested" and
    "Class 4 · Most valuable" are not cut to "Interes…" as in a Chinese-sized column."""
    from kehubao.models.enums import CustomerStatus, ValueClass
    from kehubao.ui.i18n import enum_label

    db, _ids = ascii_db
    window = make_window(qtbot, db)
    page = window.page_of("customers").list
    view = page.view
    metrics = view.fontMetrics()
    for key, enum in (("status", CustomerStatus), ("value_class", ValueClass)):
        column = next(n for n, c in enumerate(page.model.columns) if c.key == key)
        widest = max(metrics.horizontalAdvance(enum_label(enum, code)) for code, _t in enum.choices())
        assert view.columnWidth(column) >= widest + 8, key


def test_search_subtitles_in_english() -> None:
    """The search index keeps its subtitles in Chinese; the popup shows their labels in
    English and the user's words as they are."""
    from kehubao.ui.search_box import shown_subtitle

    assert shown_subtitle("Kunming · 意向 · 终端客户 · Wine") == "Kunming · Interested · End customer · Wine"
    assert shown_subtitle("2026-07-04 电话 · Acme Ltd") == "2026-07-04 Phone · Acme Ltd"
