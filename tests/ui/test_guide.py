"""The user guide: F1 opens it at the topic of the screen in use, its pages exist in both
languages with working links, and its generated images may be missing."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from kehubao.ui import guide as guide_module
from kehubao.ui.guide import (
    SECTION_TOPICS,
    SHOT,
    TOPICS,
    GuideBrowser,
    GuideWindow,
    show_guide,
    topic_title,
    without_missing_images,
)
from kehubao.ui.i18n import LANGUAGES, choose_language

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "resources" / "guide"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")  # ideographs, CJK and full-width punctuation
HREF = re.compile(r'href="([^"]*)"')
IDS = re.compile(r'\bid="([^"]+)"')
IMG = re.compile(r"<img\b[^>]*>")
# What F1 opens on each section, as a user would expect it.
EXPECTED = {"customers": ("first-steps", ""), "followups": ("followups", ""),
            "scripts": ("scripts", ""), "evaluation": ("evaluation", ""),
            "reports": ("printing", ""), "recycle": ("backups", "recycle-bin")}


def page(language: str, topic: str) -> str:
    return (GUIDE / language / f"{topic}.html").read_text(encoding="utf-8")


def guide_of(widget) -> GuideWindow | None:  # type: ignore[no-untyped-def]
    return widget.findChild(GuideWindow, "guideWindow", Qt.FindChildOption.FindDirectChildrenOnly)


# ---------------------------------------------------------------- F1 in the window

def test_f1_opens_the_guide_at_the_topic_of_each_section(qtbot, window):  # type: ignore[no-untyped-def]
    assert {s.key for s in window.sections} == set(EXPECTED)
    opened = None
    for key, (topic, anchor) in EXPECTED.items():
        window.go_to(key)
        window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_F1)
        guide = guide_of(window)
        assert guide is not None and guide.isVisible(), key
        assert (guide.current_topic(), guide.current_anchor()) == (topic, anchor), key
        assert guide.topics.currentItem().data(Qt.ItemDataRole.UserRole) == topic
        assert opened in (None, guide)  # one guide window, brought to the new topic
        opened = guide
    assert len(window.findChildren(GuideWindow)) == 1


def test_help_menu_lists_the_guide_with_f1(qtbot, window):  # type: ignore[no-untyped-def]
    help_menu = window.menuBar().actions()[-1].menu()
    action = window.actions_by_name["guide"]
    assert action in help_menu.actions()
    assert action.text() == "用户指南"
    assert action.shortcut() == QKeySequence("F1")
    window.go_to("evaluation")
    action.trigger()
    assert guide_of(window).current_topic() == "evaluation"


def test_a_section_may_name_its_own_topic(qtbot, window, monkeypatch):  # type: ignore[no-untyped-def]
    section = window.go_to("scripts")
    monkeypatch.setattr(type(section), "help_topic", "followups#log")
    window.show_guide()
    guide = guide_of(window)
    assert (guide.current_topic(), guide.current_anchor()) == ("followups", "log")


def test_f1_in_the_import_dialog_opens_importing(qtbot, window):  # type: ignore[no-untyped-def]
    from kehubao.ui.exchange.import_dialog import ImportDialog

    dialog = ImportDialog(window.db, window)
    qtbot.addWidget(dialog)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)  # as run_modal's exec()
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_F1)
    # A modal dialog blocks the window's own guide: the dialog gets one of its own.
    guide = guide_of(dialog)
    assert guide is not None and guide.isVisible()
    assert guide.current_topic() == "import"
    assert guide_of(window) is None


# ---------------------------------------------------------------- the help window

def test_links_back_and_forward_move_the_topic_list(qtbot):  # type: ignore[no-untyped-def]
    guide = GuideWindow(None, "zh")
    qtbot.addWidget(guide)
    guide.show()
    guide.show_topic("first-steps")
    assert not guide.back.isEnabled()
    # Follow the page's first link from the keyboard (Tab to it, Enter): "import.html".
    guide.browser.setFocus()
    qtbot.keyClick(guide.browser, Qt.Key.Key_Tab)
    qtbot.keyClick(guide.browser, Qt.Key.Key_Return)
    assert guide.current_topic() == "import"
    assert guide.topics.currentItem().data(Qt.ItemDataRole.UserRole) == "import"
    assert guide.back.isEnabled()
    guide.back.click()
    assert guide.current_topic() == "first-steps"
    assert guide.topics.currentItem().data(Qt.ItemDataRole.UserRole) == "first-steps"
    assert guide.forward.isEnabled()
    guide.forward.click()
    assert guide.current_topic() == "import"
    guide.show_topic("import#duplicates")
    assert guide.current_anchor() == "duplicates"
    guide.topics.setCurrentRow(TOPICS.index("backups"))  # choosing in the list
    assert guide.current_topic() == "backups"
    guide.show_topic("no-such-topic")
    assert guide.current_topic() == "first-steps"


def test_the_guide_follows_the_ui_language(qtbot):  # type: ignore[no-untyped-def]
    owners = [_owner(qtbot), _owner(qtbot)]
    choose_language("en")
    english = show_guide(owners[0], "scripts")
    assert english.language == "en"
    assert english.browser.source().toLocalFile().endswith("/guide/en/scripts.html")
    titles = [english.topics.item(row).text() for row in range(english.topics.count())]
    assert titles[0] == "First steps" and not any(CJK.search(t) for t in titles)
    choose_language("zh")
    chinese = show_guide(owners[1], "scripts")
    assert chinese.language == "zh" and chinese.topics.item(0).text() == "首次使用"


def _owner(qtbot):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    owner = QWidget()
    qtbot.addWidget(owner)
    return owner


def test_a_language_without_pages_falls_back_to_chinese():  # type: ignore[no-untyped-def]
    assert guide_module.guide_dir("fr") == guide_module.resource_path("guide", "zh")


def test_missing_images_are_left_out(tmp_path, qtbot):  # type: ignore[no-untyped-def]
    (tmp_path / "zh").mkdir()
    (tmp_path / "img").mkdir()
    from PySide6.QtGui import QColor, QImage

    picture = QImage(30, 20, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    assert picture.save(str(tmp_path / "img" / "there.png"))
    html = ('<html><head><title>T</title></head><body><p>text</p>\n'
            '<p class="shot"><img src="../img/there.png" alt="a"></p>\n'
            '<p class="shot"><img src="../img/missing.png" alt="b"></p>\n<p>end</p></body></html>')
    (tmp_path / "zh" / "t.html").write_text(html, encoding="utf-8")
    kept = without_missing_images(html, tmp_path / "zh")
    assert "there.png" in kept and "missing.png" not in kept and "<p>end</p>" in kept

    browser = GuideBrowser()
    qtbot.addWidget(browser)
    browser.setSource(QUrl.fromLocalFile(str(tmp_path / "zh" / "t.html")))
    shown = browser.toHtml()
    assert "there.png" in shown and "missing.png" not in shown and "end" in shown


# ---------------------------------------------------------------- the pages

def test_every_topic_exists_in_every_language_and_nothing_else():  # type: ignore[no-untyped-def]
    for language, _name in LANGUAGES:
        files = {p.stem for p in (GUIDE / language).glob("*.html")}
        assert files == set(TOPICS), language
        for topic in TOPICS:
            assert topic_title(topic, language) != topic, (language, topic)  # a <title>
    assert set(SECTION_TOPICS.values()) <= {f"{t}#{a}" if a else t for t, a in EXPECTED.values()}


def test_every_link_resolves_to_a_page_and_a_heading():  # type: ignore[no-untyped-def]
    for language, _name in LANGUAGES:
        for topic in TOPICS:
            for href in HREF.findall(page(language, topic)):
                if href.startswith(("http://", "https://", "mailto:")):
                    continue
                if href == "../guide.css":
                    assert (GUIDE / "guide.css").is_file()
                    continue
                target, _, anchor = href.partition("#")
                target = target or f"{topic}.html"
                assert target.endswith(".html") and "/" not in target, (language, topic, href)
                assert (GUIDE / language / target).is_file(), (language, topic, href)
                if anchor:
                    assert anchor in IDS.findall(page(language, target[:-5])), (language, topic, href)
    for topic, anchor in EXPECTED.values():  # the anchors F1 opens at
        for language, _name in LANGUAGES:
            assert not anchor or anchor in IDS.findall(page(language, topic))


def test_both_languages_have_the_same_headings_links_and_images():  # type: ignore[no-untyped-def]
    for topic in TOPICS:
        zh, en = page("zh", topic), page("en", topic)
        assert IDS.findall(zh) == IDS.findall(en), topic
        assert HREF.findall(zh) == HREF.findall(en), topic
        assert [i.replace("/zh/", "/en/") for i in SHOT.findall(zh)] == SHOT.findall(en), topic
        assert 'lang="zh-CN"' in zh and 'lang="en"' in en


def test_the_english_guide_has_no_chinese():  # type: ignore[no-untyped-def]
    for topic in TOPICS:
        text = page("en", topic).replace("客户宝", "")
        found = CJK.findall(text)
        assert not found, (topic, "".join(found)[:40])


def test_the_chinese_guide_is_in_chinese():  # type: ignore[no-untyped-def]
    for topic in TOPICS:
        body = re.sub(r"<[^>]+>", "", page("zh", topic))
        assert len(CJK.findall(body)) > 200, topic


def screenshot_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "scripts" / "screenshots.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_image_is_one_the_screenshot_script_writes():  # type: ignore[no-untyped-def]
    written = {name for name, _width in screenshot_script().GUIDE_SHOTS.values()}
    shown = set()
    for language, _name in LANGUAGES:
        for topic in TOPICS:
            html = page(language, topic)
            # Each image alone in a "shot" paragraph: the help window leaves those out
            # when the file was not generated.
            assert len(IMG.findall(html)) == len(SHOT.findall(html)), (language, topic)
            for source in SHOT.findall(html):
                folder, _, name = source.rpartition("/")
                assert folder == f"../img/{language}" and name.endswith(".png"), source
                shown.add(name[:-4])
    assert shown == written  # and nothing is generated that no page shows


@pytest.mark.parametrize("topic", TOPICS)
def test_each_page_loads_in_the_help_window(qtbot, topic):  # type: ignore[no-untyped-def]
    guide = GuideWindow(None, "zh")
    qtbot.addWidget(guide)
    guide.show_topic(topic)
    assert guide.browser.documentTitle() == topic_title(topic, "zh")
    assert guide.browser.toPlainText().strip()
