"""The user guide (用户指南): a help window over the HTML pages in resources/guide/.

The pages are plain HTML files, one per topic and language (``resources/guide/zh/*.html``,
``resources/guide/en/*.html``) sharing ``resources/guide/guide.css``, simple enough for
QTextBrowser and readable in any browser too. Their titles come from each page's
``<title>``, so the topic list needs no strings in the code.

The screenshots in them are generated (``scripts/screenshots.py --guide`` writes
``resources/guide/img/LANG/``, which git ignores). A page whose images were not generated
is shown without them: each image sits alone in a ``<p class="shot">`` paragraph, and the
paragraph is left out when its file is missing.

F1 opens the guide at the topic of what is on screen: a section names its topic
(``Section.help_topic``, else ``SECTION_TOPICS`` by its key), a dialog installs its own
with ``add_help_key``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QImage, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..config import resource_path
from .i18n import chosen_language

# The topics, in the order of the list on the left (each is `<topic>.html`).
TOPICS = ["first-steps", "import", "followups", "scripts", "evaluation", "printing", "backups"]
DEFAULT_TOPIC = "first-steps"
# Which topic F1 opens on each section ("topic#anchor" opens at a heading of it).
SECTION_TOPICS = {
    "customers": "first-steps",
    "followups": "followups",
    "scripts": "scripts",
    "evaluation": "evaluation",
    "reports": "printing",
    "recycle": "backups#recycle-bin",
}
SOURCE_LANGUAGE = "zh"
# An image paragraph, as the pages write it (tests/ui/test_guide.py holds them to it).
SHOT = re.compile(r'<p class="shot">\s*<img src="([^"]+)"[^>]*>\s*</p>\s*', re.DOTALL)
_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)


def guide_dir(language: str | None = None) -> Path:
    """The pages of `language` (default: the UI's), or the Chinese ones when the
    language has none: the guide is written in Chinese first."""
    language = language or chosen_language()
    folder = resource_path("guide", language)
    return folder if folder.is_dir() else resource_path("guide", SOURCE_LANGUAGE)


def topic_path(topic: str, language: str | None = None) -> Path:
    return guide_dir(language) / f"{topic}.html"


@cache
def _title_in(path: Path) -> str:
    match = _TITLE.search(path.read_text(encoding="utf-8")) if path.is_file() else None
    return match.group(1).strip() if match else path.stem


def topic_title(topic: str, language: str | None = None) -> str:
    return _title_in(topic_path(topic, language))


def topic_for(section: object) -> str:
    """The topic F1 opens on `section`: its own `help_topic`, else the map by key."""
    own = getattr(section, "help_topic", "")
    return own or SECTION_TOPICS.get(getattr(section, "key", ""), DEFAULT_TOPIC)


def without_missing_images(html: str, folder: Path) -> str:
    """`html` without the image paragraphs whose file is not in `folder`'s reach (the
    screenshots are generated, and may not have been)."""
    return SHOT.sub(lambda m: m.group(0) if (folder / m.group(1)).is_file() else "", html)


class GuideBrowser(QTextBrowser):
    """A QTextBrowser that reads the guide's pages without their missing images."""

    def loadResource(self, kind: int, url: QUrl) -> object:  # noqa: N802 (Qt API)
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if kind == QTextDocument.ResourceType.HtmlResource and path.suffix == ".html":
                try:
                    return without_missing_images(path.read_text(encoding="utf-8"), path.parent)
                except OSError:
                    return ""
            if kind == QTextDocument.ResourceType.ImageResource and not path.is_file():
                return QImage()  # an image written outside a "shot" paragraph: nothing
        return super().loadResource(kind, url)


class GuideWindow(QWidget):
    """The guide: topics on the left, the page on the right, back and forward above.
    A top-level window owned by the window (or dialog) it was opened from."""

    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("guideWindow")
        self.language = language or chosen_language()
        self.setWindowTitle(self.tr("用户指南"))
        self.topics = QListWidget()
        self.topics.setObjectName("guideTopics")
        self.topics.setStyleSheet("QListWidget#guideTopics { font-size: 11pt; }"
                                  "QListWidget#guideTopics::item { padding: 6px 4px; }")
        for topic in TOPICS:
            item = QListWidgetItem(topic_title(topic, self.language))
            item.setData(Qt.ItemDataRole.UserRole, topic)
            self.topics.addItem(item)
        self.topics.currentItemChanged.connect(self._topic_chosen)
        self.browser = GuideBrowser()
        self.browser.setOpenExternalLinks(True)  # http(s) and mailto: to the system
        self.browser.sourceChanged.connect(self._page_shown)

        self.back = self._button(self.tr("后退"), QKeySequence.StandardKey.Back,
                                 self.browser.backward, "go-previous")
        self.forward = self._button(self.tr("前进"), QKeySequence.StandardKey.Forward,
                                    self.browser.forward, "go-next")
        self.browser.backwardAvailable.connect(self.back.setEnabled)
        self.browser.forwardAvailable.connect(self.forward.setEnabled)
        self.back.setEnabled(False)
        self.forward.setEnabled(False)
        bar = QHBoxLayout()
        bar.addWidget(self.back)
        bar.addWidget(self.forward)
        bar.addStretch(1)

        split = QSplitter()
        split.addWidget(self.topics)
        split.addWidget(self.browser)
        split.setStretchFactor(1, 1)
        self.topics.ensurePolished()  # the style sheet's font decides the width
        widest = max(self.topics.fontMetrics().horizontalAdvance(self.topics.item(row).text())
                     for row in range(self.topics.count()))
        split.setSizes([widest + 40, 780])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.resize(QSize(widest + 860, 760))

    def _button(self, text: str, key: QKeySequence.StandardKey, slot, theme: str) -> QToolButton:  # type: ignore[no-untyped-def]
        from PySide6.QtGui import QAction, QIcon

        action = QAction(QIcon.fromTheme(theme), text, self)
        action.setShortcut(QKeySequence(key))
        action.setToolTip(f"{text} ({QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    # ------------------------------------------------------------------ navigation

    def show_topic(self, topic: str) -> None:
        """Show `topic` ("name" or "name#anchor"); an unknown one shows the first steps."""
        name, _, anchor = topic.partition("#")
        path = topic_path(name if name in TOPICS else DEFAULT_TOPIC, self.language)
        url = QUrl.fromLocalFile(str(path))
        if anchor:
            url.setFragment(anchor)
        if url != self.browser.source():
            self.browser.setSource(url)
        elif anchor:
            self.browser.scrollToAnchor(anchor)

    def current_topic(self) -> str:
        """The topic of the page shown ("" before any)."""
        source = self.browser.source()
        return Path(source.toLocalFile()).stem if source.isLocalFile() else ""

    def current_anchor(self) -> str:
        return self.browser.source().fragment()

    def _topic_chosen(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole) != self.current_topic():
            self.show_topic(item.data(Qt.ItemDataRole.UserRole))

    def _page_shown(self, url: QUrl) -> None:
        """A link or back/forward changed the page: the topic list follows."""
        topic = Path(url.toLocalFile()).stem if url.isLocalFile() else ""
        for row in range(self.topics.count()):
            if self.topics.item(row).data(Qt.ItemDataRole.UserRole) == topic:
                if self.topics.currentRow() != row:
                    self.topics.blockSignals(True)
                    self.topics.setCurrentRow(row)
                    self.topics.blockSignals(False)
                return


def show_guide(owner: QWidget, topic: str = DEFAULT_TOPIC) -> GuideWindow:
    """Open the guide at `topic`, reusing the guide window of `owner`'s window.

    The guide window belongs to the window F1 was pressed in: a modal dialog blocks
    every other window, so the guide opened from one is that dialog's own (and closes
    with it)."""
    top = owner.window()
    guide = top.findChild(GuideWindow, "guideWindow", Qt.FindChildOption.FindDirectChildrenOnly)
    if guide is None:
        guide = GuideWindow(top)
    guide.show_topic(topic)
    guide.show()
    guide.raise_()
    guide.activateWindow()
    return guide


def add_help_key(dialog: QWidget, topic: str) -> QShortcut:
    """F1 in `dialog` opens the guide at `topic` (a dialog is its own window, so the
    main window's F1 does not reach it)."""
    return QShortcut(QKeySequence(Qt.Key.Key_F1), dialog, lambda: show_guide(dialog, topic))
