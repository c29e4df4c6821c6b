"""The import and export dialogs as a salesperson uses them: pick a file, check the
column mapping and what each row will do, change the duplicate policy, import, undo;
bad files and cancelled imports leave the database as it was."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kehubao.exchange.fields import ImportField
from kehubao.models import Contact, Customer
from kehubao.services import customers as svc
from kehubao.services.contacts import create_contact
from kehubao.services.customer_list import CustomerFilter
from kehubao.ui import ops
from kehubao.ui.exchange import import_dialog
from kehubao.ui.exchange.export_dialog import ExportDialog
from kehubao.ui.exchange.import_dialog import ImportDialog

from .conftest import settle
from .test_english_screens import CJK
from .test_i18n import english  # noqa: F401 (the fixture: the English .qm installed)

TAIWAN_LIST = [["客戶名稱", "聯絡人", "手機", "備註"],
               ["北京星辰科技有限公司", "张伟", "13812345678", "老客戶"],
               ["上海明月贸易有限公司", "李娜", "13900001111/13700002222", "展會認識"]]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "utf-8-sig") -> Path:
    path.write_text("\r\n".join(",".join(row) for row in rows) + "\r\n", encoding=encoding)
    return path


def seed_zhang(window) -> None:  # type: ignore[no-untyped-def]
    with window.db.session() as s:
        customer = svc.create_customer(s, {"name": "北京星辰科技有限公司"})
        s.flush()
        create_contact(s, customer.id, {"name": "张伟", "mobile": "13812345678"})


def idle(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Until the dialog's chain of background tasks (read, then preview) is done."""
    from kehubao.ui.tasks import _running, wait_for_tasks

    for _ in range(3):
        qtbot.wait(30)
        qtbot.waitUntil(lambda: not _running, timeout=20_000)
        wait_for_tasks()
    qtbot.wait(30)


def open_dialog(window, qtbot, path: Path) -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(window.db, window, path)
    qtbot.addWidget(dialog)
    idle(qtbot)
    return dialog


def mapping_shown(dialog: ImportDialog) -> list[str]:
    table = dialog.mapping_table
    return [table.cellWidget(0, c).currentData() for c in range(table.columnCount())]


def actions_shown(dialog: ImportDialog) -> dict[int, str]:
    table = dialog.outcome_table
    shown = {}
    for r in range(table.rowCount()):
        combo = table.cellWidget(r, 2)
        shown[int(table.item(r, 0).text())] = combo.currentData() if combo else "error"
    return shown


def values_shown(dialog: ImportDialog) -> dict[int, dict[str, str]]:
    """The preview's value columns: line → {column header: text}."""
    table = dialog.outcome_table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    return {int(table.item(r, 0).text()): {headers[c]: table.item(r, c).text()
                                           for c in range(4, table.columnCount()) if table.item(r, c)}
            for r in range(table.rowCount())}


def customer_count(window) -> int:  # type: ignore[no-untyped-def]
    with window.db.session(write=False) as s:
        return s.scalar(select(func.count()).select_from(Customer).where(Customer.deleted_at.is_(None)))


def test_import_shows_mapping_and_outcomes_then_imports_and_undoes(window, qtbot, answer,
                                                                   tmp_path) -> None:
    seed_zhang(window)
    told = answer("yes")
    dialog = open_dialog(window, qtbot, write_csv(tmp_path / "客戶.csv", TAIWAN_LIST))

    assert mapping_shown(dialog) == ["customer_name", "contact_name", "mobile", "notes"]
    assert [dialog.mapping_table.verticalHeaderItem(r).text() for r in range(3)] == \
        ["导入为", "2", "3"]  # file lines, as the outcome tab and the problem list count
    assert actions_shown(dialog) == {2: "skip", 3: "create"}
    assert "新建 1" in dialog.summary_label.text() and "跳过 1" in dialog.summary_label.text()
    assert values_shown(dialog)[3] == {  # as it will be stored: two numbers, split
        "客户性质": "单位", "手机": "13900001111", "电话": "13700002222", "备注": "展會認識"}

    merge = next(b for b in dialog.duplicate_policy.buttons() if b.property("code") == "merge")
    merge.setChecked(True)
    idle(qtbot)
    assert actions_shown(dialog) == {2: "merge", 3: "create"}

    dialog.import_button.click()
    idle(qtbot)
    assert told and "新建客户 1 个" in told[-1]
    assert dialog.result() == ImportDialog.DialogCode.Accepted
    with window.db.session(write=False) as s:
        li = s.scalars(select(Contact).where(Contact.name == "李娜")).one()
        assert (li.mobile, li.phone) == ("13900001111", "13700002222")
        star = s.scalars(select(Customer).where(Customer.name == "北京星辰科技有限公司")).one()
        assert "老客戶" in (star.notes or "")  # merged into the existing customer

    settle(qtbot, window)
    assert "导入" in window.actions_by_name["undo"].text()
    window.actions_by_name["undo"].trigger()
    settle(qtbot, window)
    assert customer_count(window) == 1


def test_rows_are_prepared_once_per_mapping_and_matched_again_on_import(
        window, qtbot, answer, tmp_path, monkeypatch) -> None:
    """Switching the policy and importing reuse the preview's prepared rows (on a big
    list, preparing is most of a preview); a new mapping prepares again; the import
    still matches against the database as it is then."""
    from kehubao.exchange import importer

    prepared: list[int] = []
    real = importer.prepare_row
    monkeypatch.setattr(importer, "prepare_row", lambda src: prepared.append(src.line) or real(src))
    answer("yes")
    dialog = open_dialog(window, qtbot, write_csv(tmp_path / "客戶.csv", TAIWAN_LIST))
    assert prepared == [2, 3] and actions_shown(dialog) == {2: "create", 3: "create"}

    merge = next(b for b in dialog.duplicate_policy.buttons() if b.property("code") == "merge")
    merge.setChecked(True)
    idle(qtbot)
    assert prepared == [2, 3]

    notes_box = dialog.mapping_table.cellWidget(0, 3)
    notes_box.setCurrentIndex(notes_box.findData(ImportField.IGNORE.value))
    idle(qtbot)
    assert prepared == [2, 3, 2, 3]

    seed_zhang(window)  # after the preview: the import must still see him
    dialog.import_button.click()
    idle(qtbot)
    assert prepared == [2, 3, 2, 3]
    assert customer_count(window) == 2  # 星辰 (merged into) and 明月
    with window.db.session(write=False) as s:
        assert s.scalar(select(func.count()).select_from(Contact).where(Contact.name == "张伟")) == 1
        assert s.scalars(select(Customer.notes).where(Customer.notes.is_not(None))).all() == []


def test_a_column_set_to_ignore_is_not_imported(window, qtbot, answer, tmp_path) -> None:
    answer("yes")
    dialog = open_dialog(window, qtbot, write_csv(tmp_path / "客戶.csv", TAIWAN_LIST))
    notes_box = dialog.mapping_table.cellWidget(0, 3)
    notes_box.setCurrentIndex(notes_box.findData(ImportField.IGNORE.value))
    idle(qtbot)
    assert mapping_shown(dialog)[3] == "ignore"

    dialog.import_button.click()
    idle(qtbot)
    with window.db.session(write=False) as s:
        assert s.scalars(select(Customer.notes).where(Customer.notes.is_not(None))).all() == []


def test_rows_with_errors_block_the_import_until_they_are_skipped(window, qtbot, tmp_path) -> None:
    rows = [["客户名称", "联系人", "手机"], ["", "", "13812345678"], ["甲公司", "张三", "13900001111"]]
    dialog = open_dialog(window, qtbot, write_csv(tmp_path / "有误.csv", rows))

    assert actions_shown(dialog) == {2: "error", 3: "create"}
    assert not dialog.import_button.isEnabled()
    assert dialog.problems and dialog.problems[0][0] == 2
    dialog.skip_invalid.setChecked(True)
    assert dialog.import_button.isEnabled()


def test_a_file_that_is_not_a_list_is_explained_and_nothing_changes(window, qtbot, answer,
                                                                   tmp_path) -> None:
    told = answer("yes")
    bad = tmp_path / "客户.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    dialog = open_dialog(window, qtbot, bad)

    assert dialog.loaded is None and not dialog.import_button.isEnabled()
    assert told and "不是文本表格" in told[-1]
    assert customer_count(window) == 0


def test_a_cancelled_import_leaves_nothing_behind(window, qtbot, answer, tmp_path,
                                                  monkeypatch) -> None:
    from kehubao.ui.tasks import _running

    answer("yes")
    dialog = open_dialog(window, qtbot, write_csv(tmp_path / "客戶.csv", TAIWAN_LIST))
    gate = threading.Event()
    real_import = import_dialog.run_import

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        summary = real_import(*args, **kwargs)  # everything written, not yet committed
        gate.wait(10)
        return summary

    monkeypatch.setattr(import_dialog, "run_import", held)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: bool(_running), timeout=5000)
    _running[0].progress.cancel()  # as the progress dialog's 取消 button does
    gate.set()
    idle(qtbot)

    assert customer_count(window) == 0
    assert dialog.result() != ImportDialog.DialogCode.Accepted


def test_export_dialog_writes_the_chosen_format_and_scope(window, qtbot, tmp_path) -> None:
    seed_zhang(window)
    with window.db.session() as s:
        other = svc.create_customer(s, {"name": "上海明月贸易有限公司"}).id
    dialog = ExportDialog(window.db, CustomerFilter(), [other], (2, 2), window)
    qtbot.addWidget(dialog)
    csv_button = next(b for b in dialog.format.buttons() if b.property("fmt") == 1)
    csv_button.setChecked(True)
    scopes = {b.property("code"): b for b in dialog.scope.buttons()}
    assert set(scopes) == {"all", "selection"} and scopes["selection"].isChecked()

    dialog.run_export(str(tmp_path / "选中.csv"))
    idle(qtbot)
    text = (tmp_path / "选中.csv").read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")  # Excel opens it as UTF-8
    assert "上海明月贸易有限公司" in text.decode("utf-8-sig")
    assert "北京星辰科技有限公司" not in text.decode("utf-8-sig")


def test_problem_list_is_saved_for_excel(window, qtbot, tmp_path, monkeypatch) -> None:
    import csv

    import openpyxl
    from PySide6.QtWidgets import QFileDialog

    book = openpyxl.Workbook()
    book.active.title = "上海"
    for row in (["客户名称", "手机"], ["乙公司", "13700002222"]):
        book.active.append(row)
    sheet = book.create_sheet("北京")
    for row in (["客户名称", "手机"], ["", "13812345678"], ["甲公司", "13900001111"],
                ["丙公司", "13600003333"]):
        sheet.append(row)
    book.save(tmp_path / "两个表.xlsx")
    dialog = open_dialog(window, qtbot, tmp_path / "两个表.xlsx")
    assert "北京" in dialog.file_label.text() and "上海" in dialog.file_label.text()

    saved = tmp_path / "问题.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(saved), "")))
    dialog.save_problem_list()
    rows = list(csv.reader(saved.open(encoding="utf-8-sig")))
    assert rows[0] == ["行号", "类别", "说明"]
    assert ["", "提示"] == rows[1][:2] and "上海" in rows[1][2]  # about the whole file
    assert rows[2][:2] == ["2", "错误"]


def test_closed_import_and_export_dialogs_let_go_of_what_they_hold(window, qtbot, monkeypatch,
                                                                   tmp_path) -> None:
    """A dialog parented to the window would otherwise live (with the file it read, or
    the ids of a big selection) until the app quits."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QFileDialog

    seed_zhang(window)
    sample = tmp_path / "名单.csv"
    sample.write_text("客户名称,手机\n甲公司,13300133020\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(sample), "")))
    seen = []
    for dialog_class in (ImportDialog, ExportDialog):
        monkeypatch.setattr(dialog_class, "exec", lambda self: seen.append(self) or 0)
    window.import_list()
    window.page_of("customers").export_list([1, 2, 3])
    ops.wait_idle()
    assert [type(d) for d in seen] == [ImportDialog, ExportDialog]
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(ImportDialog) == [] and window.findChildren(ExportDialog) == []


def test_import_starts_with_the_file_picker_and_a_cancel_opens_nothing(window, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *_a, **_k: asked.append(1) or ("", "")))
    monkeypatch.setattr(ImportDialog, "exec", lambda self: pytest.fail("no dialog without a file"))
    window.import_list()
    assert asked == [1]


def test_export_is_not_offered_with_no_customers(window, answer, monkeypatch) -> None:
    told = answer("yes")
    monkeypatch.setattr(ExportDialog, "exec", lambda self: pytest.fail("nothing to export"))
    window.page_of("customers").export_list()
    ops.wait_idle()
    assert told and "没有客户" in told[0]


def test_a_task_whose_dialog_is_freed_ends_and_leaves_the_running_list(window, qtbot) -> None:
    """Closing a dialog before its progress window shows (the first half second) frees
    it; the task it started must still end, cancelled, and tell nobody."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QDialog

    from kehubao.ui.tasks import run_task, running_titles, wait_for_tasks

    dialog = QDialog(window)
    started, told, steps = threading.Event(), [], []

    def work(progress):  # type: ignore[no-untyped-def]
        started.set()
        for step in range(200):
            progress(0.5)  # raises once cancelled
            steps.append(step)
            threading.Event().wait(0.01)
        return "done"

    run_task(dialog, "正在检查数据…", work, on_done=told.append, on_error=told.append)
    qtbot.waitUntil(started.is_set, timeout=5000)
    dialog.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert wait_for_tasks(5000)
    qtbot.waitUntil(lambda: not running_titles(), timeout=5000)
    assert told == [] and len(steps) < 200  # cancelled, and nobody told


def test_a_saved_copy_is_suggested_next_to_the_backups(window, monkeypatch, qtbot) -> None:
    from PySide6.QtWidgets import QFileDialog

    from kehubao.ui.backups.dialog import BackupsDialog

    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args: asked.append(args[2]) or ("", "")))
    dialog = BackupsDialog(window.db, window)
    qtbot.addWidget(dialog)
    dialog.save_copy()
    assert asked and Path(asked[0]).parent.name == "backups"
    assert Path(asked[0]).name == f"{window.db.path.stem}-copy.db"


def test_a_cancelled_preview_leaves_no_stale_outcome(window, qtbot, answer, tmp_path,
                                                     monkeypatch) -> None:
    """A new mapping whose preview is cancelled: the old outcome is gone, and the import
    (which checks every row again) still follows the new mapping."""
    from kehubao.ui import tasks
    from kehubao.ui.tasks import _running

    answer("yes")
    dialog = open_dialog(window, qtbot, write_csv(tmp_path / "客戶.csv", TAIWAN_LIST))
    assert dialog.outcome_table.rowCount() == 2
    gate = threading.Event()
    real = import_dialog.plan

    def held(*args, **kwargs):  # type: ignore[no-untyped-def]
        gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(import_dialog, "plan", held)
    notes_box = dialog.mapping_table.cellWidget(0, 3)
    notes_box.setCurrentIndex(notes_box.findData(ImportField.IGNORE.value))
    qtbot.waitUntil(lambda: bool(_running), timeout=5000)
    _running[0].progress.cancel()
    gate.set()
    idle(qtbot)
    assert tasks.running_titles() == []
    assert dialog.outcome_table.rowCount() == 0 and "预览未完成" in dialog.summary_label.text()
    assert dialog.import_button.isEnabled()

    monkeypatch.setattr(import_dialog, "plan", real)
    dialog.import_button.click()
    idle(qtbot)
    with window.db.session(write=False) as s:
        assert s.scalars(select(Customer.notes).where(Customer.notes.is_not(None))).all() == []


@pytest.mark.usefixtures("english")
def test_problem_list_in_english(window, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """From an English window the saved problem list is English: its header, its kinds
    and every sentence about a row (the file's own words ASCII here)."""
    import csv

    from PySide6.QtWidgets import QFileDialog

    rows = [["Company", "Contact", "Mobile", "Email"],
            ["", "", "13812345678", ""],  # no name: an error
            ["Acme Ltd", "John Smith", "12345", "john@"],  # a bad number and e-mail
            ["Blue Sky Retail", "J" * 61, "13900001111", ""],  # a name too long: an error
            ["Acme Ltd", "John Smith", "13700002222", ""]]
    dialog = open_dialog(window, qtbot, write_csv(tmp_path / "list.csv", rows))
    saved = tmp_path / "problems.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(saved), "")))
    dialog.save_problem_list()
    lines = list(csv.reader(saved.open(encoding="utf-8-sig")))
    assert lines[0] == ["Row", "Type", "Details"]
    assert len(lines) >= 5 and {line[1] for line in lines[1:]} == {"Error", "Note"}
    assert [line for line in lines if CJK.search(",".join(line))] == []
    assert any(line[0] == "4" and line[2].startswith("Name: ") for line in lines)


@pytest.mark.parametrize(("encoding", "shown"), [("utf-8-sig", "UTF-8"), ("gbk", "GBK")])
def test_the_file_line_names_its_encoding_as_people_do(window, qtbot, tmp_path,
                                                       encoding: str, shown: str) -> None:  # type: ignore[no-untyped-def]
    """Not Python's codec name ("utf-8-sig", "gb18030"), in either language."""
    path = write_csv(tmp_path / "名单.csv", [["客户名称", "联系人", "手机"],
                                            ["济南华远数控设备有限公司", "王建国", "13905310001"]],
                     encoding)
    dialog = open_dialog(window, qtbot, path)
    assert dialog.file_label.text().splitlines()[0].endswith(f" · CSV · {shown}")
