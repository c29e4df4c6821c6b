"""帮助 → 关于客户宝: the version, where the data is (with buttons that open the folders),
and the licences of what the app ships, each with its full text; whole on a 1366×768
laptop in either language."""

from __future__ import annotations

import importlib.metadata as metadata
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QLabel

from kehubao import __version__, licences
from kehubao.ui import ops
from kehubao.ui.about import AboutDialog

from .conftest import make_window
from .test_i18n import english  # noqa: F401 (the fixture: the English .qm installed)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """The database where a user named 张 三 keeps it."""
    folder = tmp_path / "AppData" / "Roaming" / "张 三" / "客户 宝"
    folder.mkdir(parents=True)
    return folder / "kehubao.db"


def open_about(qtbot, db, parent=None) -> AboutDialog:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(db, parent)
    qtbot.addWidget(dialog)
    dialog.show()
    ops.wait_idle()
    qtbot.waitUntil(lambda: bool(dialog.components), timeout=10_000)
    return dialog


def rows(dialog: AboutDialog) -> dict[str, tuple[str, str]]:
    """Name → (version, licence) as the list shows them, names case-folded."""
    return {item.text(0).casefold(): (item.text(1), item.text(2)) for item in dialog._items()}


def test_the_help_menu_opens_it(qtbot, db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, db)
    shown: list[object] = []
    monkeypatch.setattr("kehubao.ui.widgets.modal.run_modal",
                        lambda dialog: shown.append(dialog) or 0)
    window.actions_by_name["about"].trigger()
    assert len(shown) == 1 and isinstance(shown[0], AboutDialog)
    ops.wait_idle()
    shown[0].deleteLater()


def test_version_and_where_the_data_is(qtbot, db, db_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    dialog = open_about(qtbot, db)
    assert __version__ in dialog.version_label.text()
    assert dialog.database_field.text() == str(db_path)
    assert dialog.folders["data"] == db_path.parent
    assert dialog.folders["backups"] == db_path.parent / "backups"
    assert "logs" in dialog.folders
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    assert dialog.open_buttons["data"].isEnabled()
    dialog.open_buttons["data"].click()
    assert opened == [QUrl.fromLocalFile(str(db_path.parent))]
    assert opened[0].toLocalFile() == str(db_path.parent)  # 张 三/客户 宝, spaces and all
    # No backup made yet: nothing to open, and the button says so.
    assert not dialog.open_buttons["backups"].isEnabled()


def test_the_licences_of_fonts_and_libraries(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    dialog = open_about(qtbot, db)
    shown = rows(dialog)
    qt = next(name for name in shown if "pyside6" in name)
    assert shown[qt] == (metadata.version("PySide6-Essentials"),
                         "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only")
    assert shown["reportlab"] == (metadata.version("reportlab"), "BSD License")
    assert shown["python"][1] == "PSF-2.0"
    fonts = [c for c in dialog.components if c.kind == licences.FONT]
    assert shown[fonts[0].name.casefold()][1].startswith("Apache-2.0")
    assert "OFL-1.1" in shown[fonts[1].name.casefold()][1]

    assert dialog.select_component("reportlab") and dialog.text_button.isEnabled()
    dialog.text_button.click()
    assert "ReportLab" in dialog.viewer.text.toPlainText()
    assert "reportlab" in dialog.viewer.windowTitle()
    assert dialog.select_component(fonts[0].name)
    dialog.show_licence_text()  # the same window, now the font's licence
    assert "Apache License" in dialog.viewer.text.toPlainText()
    assert dialog.select_component(fonts[1].name)
    dialog.show_licence_text()
    assert "Hanazono Font License" in dialog.viewer.text.toPlainText()
    dialog.viewer.close()


def test_a_library_without_a_licence_text(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    dialog = open_about(qtbot, db)
    bare = next(c for c in dialog.components if not c.files)  # chinesecalendar ships none
    assert dialog.select_component(bare.name)
    assert not dialog.text_button.isEnabled() and bare.licence in dialog.text_button.toolTip()


def not_clipped(dialog: AboutDialog) -> list[str]:
    """Labels and buttons narrower than their text (word-wrapped labels excepted)."""
    clipped = []
    for widget in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton):
        if not widget.isVisibleTo(dialog) or (isinstance(widget, QLabel) and widget.wordWrap()):
            continue
        if widget.width() < widget.sizeHint().width():
            clipped.append(f"{type(widget).__name__} {widget.text()!r}: "
                           f"{widget.width()} < {widget.sizeHint().width()}")
    return clipped


def check_fits(qtbot, db) -> AboutDialog:  # type: ignore[no-untyped-def]
    dialog = open_about(qtbot, db)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        assert dialog.frameGeometry().width() <= 1366 and dialog.frameGeometry().height() <= 728
        assert not_clipped(dialog) == []
    assert dialog.tree.columnWidth(0) >= max(
        dialog.tree.fontMetrics().horizontalAdvance(c.name) for c in dialog.components
        if c.kind == licences.LIBRARY)
    return dialog


def test_whole_on_a_small_screen_in_chinese(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    assert check_fits(qtbot, db).windowTitle() == "关于客户宝"


@pytest.mark.usefixtures("english")
def test_whole_on_a_small_screen_in_english(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    assert check_fits(qtbot, db).windowTitle() == "About Kehubao"  # English is in force
