"""Qt draws some texts itself (message box and dialog buttons, the file dialog): in
Chinese mode they must be Chinese too, from Qt's own translation shipped with PySide6."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from kehubao.ui import i18n
from kehubao.ui.i18n import install_translator, qt_translations_dirs, remove_translators

Button = QMessageBox.StandardButton


def button_texts() -> dict[str, str]:
    box = QMessageBox()
    box.setStandardButtons(Button.Yes | Button.No | Button.Save | Button.Discard | Button.Cancel)
    texts = {name: box.button(getattr(Button, name)).text()
             for name in ("Yes", "No", "Save", "Discard", "Cancel")}
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Close)
    texts["Ok"] = buttons.button(QDialogButtonBox.StandardButton.Ok).text()
    texts["Close"] = buttons.button(QDialogButtonBox.StandardButton.Close).text()
    box.deleteLater()
    buttons.deleteLater()
    return texts


@pytest.fixture
def translators(qapp):  # type: ignore[no-untyped-def]
    """The rest of the UI tests run without translators: take ours out afterwards."""
    yield qapp
    remove_translators(qapp)


def test_pyside6_ships_qts_chinese_translation() -> None:
    assert any((folder / "qtbase_zh_CN.qm").is_file() for folder in qt_translations_dirs())


def test_qt_buttons_speak_chinese_in_chinese_mode(translators) -> None:  # type: ignore[no-untyped-def]
    assert install_translator(translators, "zh")
    texts = button_texts()
    assert texts == {"Yes": "是(&Y)", "No": "否(&N)", "Save": "保存", "Discard": "丢弃",
                     "Cancel": "取消", "Ok": "确定", "Close": "关闭"}


def test_qt_buttons_speak_english_in_english_mode(translators) -> None:  # type: ignore[no-untyped-def]
    install_translator(translators, "zh")
    install_translator(translators, "en")  # replaces Qt's Chinese, whether or not the .qm is built
    texts = button_texts()
    assert texts["Yes"] == "&Yes" and texts["Cancel"] == "Cancel" and texts["Ok"] == "OK"


def test_bundle_folder_is_used_when_qt_has_none(translators, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """In a PyInstaller bundle Qt's own translations folder may not exist; the copy the
    PySide6 hook puts in the bundle is used instead."""
    shipped = next(folder / "qtbase_zh_CN.qm" for folder in qt_translations_dirs()
                   if (folder / "qtbase_zh_CN.qm").is_file())
    bundled = tmp_path / "PySide6" / "Qt" / "translations"
    bundled.mkdir(parents=True)
    shutil.copyfile(shipped, bundled / "qtbase_zh_CN.qm")

    class NoQtFolder:
        LibraryPath = i18n.QLibraryInfo.LibraryPath

        @staticmethod
        def path(_which):  # type: ignore[no-untyped-def]
            return str(tmp_path / "nowhere")

    monkeypatch.setattr(i18n, "QLibraryInfo", NoQtFolder)
    monkeypatch.setattr(i18n.sys, "_MEIPASS", str(tmp_path), raising=False)
    assert install_translator(translators, "zh")
    assert button_texts()["No"] == "否(&N)"
    monkeypatch.delattr(i18n.sys, "_MEIPASS")
    assert not install_translator(translators, "zh")  # nowhere to find it: stays English
    assert button_texts()["No"] == "&No"
