"""Chinese first, English second: every string the UI shows goes through Qt's translator,
the translation file lists exactly the strings in the code, and English really loads."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator
from PySide6.QtGui import QAction

from kehubao.ui.i18n import (
    BILINGUAL,
    LANGUAGES,
    choose_language,
    chosen_language,
    enum_label,
    label,
)

from .conftest import make_window

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "src" / "kehubao" / "ui"
TS_FILE = ROOT / "resources" / "translations" / "kehubao_en.ts"
CJK = re.compile(r"[\u4e00-\u9fff]")
TRANSLATING_CALLS = {"tr", "translate", "QT_TRANSLATE_NOOP"}
PLACEHOLDER = re.compile(r"%\d|\{\w*(?=[:}])")  # Qt's %1, texts.Text's {name}


def translations_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("translations", ROOT / "scripts" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message.find("translation")
    return out


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def untranslated_literals(path: Path) -> list[str]:
    """Chinese string literals that no tr()/translate()/QT_TRANSLATE_NOOP() wraps, and
    translation calls inside f-strings, which lupdate does not see."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    found = [f"{path.relative_to(ROOT)}:{call.lineno}: {ast.unparse(call)[:40]} inside an f-string"
             for fstring in ast.walk(tree) if isinstance(fstring, ast.JoinedStr)
             for call in ast.walk(fstring)
             if isinstance(call, ast.Call) and _called_name(call) in TRANSLATING_CALLS]
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and CJK.search(node.value)) or isinstance(parents.get(node), ast.Expr):
            continue  # not Chinese, or a docstring
        if node.value in {*dict(LANGUAGES).values(), *BILINGUAL.values()}:
            continue  # each language named in itself; texts in both languages at once
        up = parents.get(node)
        while up is not None and not (isinstance(up, ast.Call) and _called_name(up) in TRANSLATING_CALLS):
            up = parents.get(up)
        if up is None:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value[:30]!r}")
    return found


def test_every_chinese_string_of_the_ui_goes_through_the_translator():
    found = [hit for path in sorted(UI.rglob("*.py")) for hit in untranslated_literals(path)]
    assert found == []


def test_translation_file_lists_exactly_the_strings_of_the_code(tmp_path):
    fresh = tmp_path / "kehubao_en.ts"
    shutil.copyfile(TS_FILE, fresh)
    translations_script().update(fresh)
    assert set(messages(fresh)) == set(messages(TS_FILE)), \
        "run: python scripts/translations.py update"
    contexts = {context for context, _source in messages(TS_FILE)}
    assert "" not in contexts and "labels" in contexts


def test_english_translation_is_complete_and_keeps_placeholders():
    for (context, source), translation in messages(TS_FILE).items():
        where = f"{context}: {source!r}"
        assert translation is not None and translation.get("type") is None, where
        text = translation.text or ""
        assert text.strip() and not CJK.search(text.replace("客户宝", "")), where
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        assert text.count("&") == source.count("&"), where  # "&x" is a keyboard mnemonic


@pytest.fixture
def english(tmp_path, qapp):  # type: ignore[no-untyped-def]
    qm = tmp_path / "kehubao_en.qm"
    translations_script().release(TS_FILE, qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_window_in_english(qtbot, db, english):  # type: ignore[no-untyped-def]
    from kehubao.models.enums import CustomerStatus

    window = make_window(qtbot, db)
    menus = [action.text() for action in window.menuBar().actions()]
    assert not any(CJK.search(text) for text in menus), menus
    header = window.page_of("customers").list.model.headerData(0, Qt.Orientation.Horizontal,
                                                    Qt.ItemDataRole.DisplayRole)
    assert header and not CJK.search(header)
    assert not CJK.search(enum_label(CustomerStatus, "potential"))
    assert not CJK.search(label("客户"))
    assert window.windowTitle() == "Kehubao"  # title bar and message boxes name it too
    from kehubao.exchange.importer import PROGRESS_TEXTS

    assert not any(CJK.search(label(text)) for text in PROGRESS_TEXTS)  # the import's steps


def test_window_in_chinese_without_a_translator(qtbot, db):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, db)
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    assert window.windowTitle() == "客户宝"
    assert label("客户") == "客户"


def _choose_in_menu(window, language: str) -> None:  # type: ignore[no-untyped-def]
    action = next(a for a in window.findChildren(QAction) if a.text() == dict(LANGUAGES)[language])
    action.trigger()


def test_language_choice_is_remembered_and_the_window_reopens_in_it(qtbot, db, answer):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, db)
    asked = answer("yes")
    try:
        _choose_in_menu(window, "en")
        assert chosen_language() == "en"
        assert asked and "Reopen" in asked[0]  # asked in both languages
        assert window.reopen_request and not window.isVisible()  # application.run reopens it
    finally:
        choose_language("zh")
    assert chosen_language() == "zh"


def test_language_choice_later_when_the_user_says_no(qtbot, db, answer):  # type: ignore[no-untyped-def]
    window = make_window(qtbot, db)
    answer("no")
    try:
        _choose_in_menu(window, "en")
        assert chosen_language() == "en"
        assert not window.reopen_request and window.isVisible()
    finally:
        choose_language("zh")


def test_the_application_reopens_the_window_in_the_chosen_language(qapp, monkeypatch, tmp_path):  # type: ignore[no-untyped-def]
    """``run`` loops once more when the window asked to reopen, with the new translator."""
    from kehubao.ui import application

    windows: list[str] = []

    def one_window(app, target, guard, files, notice):  # type: ignore[no-untyped-def]
        windows.append(QCoreApplication.translate("labels", "客户宝"))
        if len(windows) == 1:
            choose_language("en")  # what the menu does before the window closes
            return 0, None, True
        return 0, None, False

    monkeypatch.setattr(application, "_run_window", one_window)
    translations_script().release(TS_FILE, tmp_path / "kehubao_en.qm")  # not kept in git
    monkeypatch.setattr("kehubao.ui.i18n.resource_path", lambda *_parts: tmp_path)
    try:
        assert application._run(qapp, str(tmp_path / "x.db"), ()) == 0
    finally:
        choose_language("zh")
        from kehubao import texts
        from kehubao.ui import i18n

        i18n.remove_translators(qapp)  # as the other tests run: the source text, no Qt zh
        texts.install(i18n._translate_text)
    assert windows == ["客户宝", "Kehubao"]


def test_chinese_unless_another_language_was_chosen(qtbot):  # type: ignore[no-untyped-def]
    QSettings().remove("ui/language")
    assert chosen_language() == "zh"
