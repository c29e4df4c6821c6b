"""The search box (Ctrl+K, always in the toolbar): results as you type, grouped by kind,
arrow keys to move, Enter to open. Searches run on a reader thread, newest query wins,
so typing never stutters."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ..db import Database
from ..services.search import SearchPage, SearchResults, search, search_more
from . import ops
from .i18n import label
from .icons import icon

KIND_TITLES = {"customer": QT_TRANSLATE_NOOP("labels", "客户"),
               "contact": QT_TRANSLATE_NOOP("labels", "联系人"),
               "interaction": QT_TRANSLATE_NOOP("labels", "跟进记录"),
               "script": QT_TRANSLATE_NOOP("labels", "话术")}
PER_KIND = 8


class SearchPopup(QFrame):
    """Result list shown under the box; never takes the keyboard focus from it."""

    chosen = Signal(str, int, object)
    more_requested = Signal(str)  # kind

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(False)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.setColumnWidth(0, 230)
        self.tree.itemClicked.connect(lambda item, _c: self.choose(item))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.tree)

    def show_results(self, results: SearchResults) -> None:
        self.tree.clear()
        self._groups: dict[str, tuple[QTreeWidgetItem, QTreeWidgetItem | None, int]] = {}
        first = None
        for kind, title in KIND_TITLES.items():
            hits = results.of_kind(kind)
            if not hits:
                continue
            header = QTreeWidgetItem([self._heading(title, len(hits), len(hits) >= PER_KIND)])
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            header.setForeground(0, self.palette().mid())
            self.tree.addTopLevelItem(header)
            for hit in hits:
                item = self._hit_item(hit)
                self.tree.addTopLevelItem(item)
                first = first or item
            more = None
            if len(hits) >= PER_KIND:  # there may be more of this kind: one row asks for them
                more = QTreeWidgetItem([self.tr("显示更多…")])
                more.setData(0, Qt.ItemDataRole.UserRole, ("more", kind))
                more.setForeground(0, self.palette().link())
                self.tree.addTopLevelItem(more)
            self._groups[kind] = (header, more, len(hits))
        if first is None:
            empty = QTreeWidgetItem([self.tr("没有找到“%1”").replace("%1", results.query)])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(empty)
        self.tree.setCurrentItem(first)

    def _heading(self, title: str, count: int, maybe_more: bool) -> str:
        shown = f"{count}+" if maybe_more else str(count)
        return self.tr("%1（%2）").replace("%1", label(title)).replace("%2", shown)

    @staticmethod
    def _hit_item(hit) -> QTreeWidgetItem:  # type: ignore[no-untyped-def]
        # An interaction without a subject is titled by its kind (电话): a label.
        title = label(hit.title) if hit.kind == "interaction" else hit.title
        subtitle = shown_subtitle(hit.subtitle)
        item = QTreeWidgetItem([title, subtitle])
        item.setData(0, Qt.ItemDataRole.UserRole, (hit.kind, hit.id, hit.customer_id))
        item.setToolTip(0, title)
        item.setToolTip(1, subtitle)
        return item

    def shown_of_kind(self, kind: str) -> int:
        return self._groups[kind][2] if kind in self._groups else 0

    def add_more(self, page: SearchPage) -> None:
        """The next hits of one group, inserted above its 显示更多 row (gone at the end)."""
        if page.kind not in self._groups:
            return
        header, more, count = self._groups[page.kind]
        if more is None:
            return
        at = self.tree.indexOfTopLevelItem(more)
        for n, hit in enumerate(page.hits):
            self.tree.insertTopLevelItem(at + n, self._hit_item(hit))
        count += len(page.hits)
        if page.hits:
            self.tree.setCurrentItem(self.tree.topLevelItem(at))
        if not page.has_more:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(more))
            more = None
        header.setText(0, self._heading(KIND_TITLES[page.kind], count, more is not None))
        self._groups[page.kind] = (header, more, count)

    def move(self, step: int) -> None:  # type: ignore[override]
        items = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        choosable = [i for i in items if i.data(0, Qt.ItemDataRole.UserRole)]
        if not choosable:
            return
        current = self.tree.currentItem()
        index = choosable.index(current) if current in choosable else -1
        self.tree.setCurrentItem(choosable[(index + step) % len(choosable)])

    def choose(self, item: QTreeWidgetItem | None = None) -> bool:
        item = item or self.tree.currentItem()
        data = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if not data:
            return False
        if data[0] == "more":
            self.more_requested.emit(data[1])
            return True
        self.hide()
        self.chosen.emit(*data)
        return True


class SearchBox(QLineEdit):
    open_hit = Signal(str, int, object)  # kind, id, customer id

    def __init__(self, db: Database, parent: QWidget) -> None:
        super().__init__(parent)
        self.db = db
        self.setPlaceholderText(self.tr("搜索客户、联系人、电话、拼音、话术…（Ctrl+K）"))
        self.setClearButtonEnabled(True)
        self.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.setMinimumWidth(320)
        self.setMaximumWidth(460)
        self.popup = SearchPopup(self.window())
        self.popup.chosen.connect(self._chosen)
        self.popup.more_requested.connect(self._more)
        self.generation = 0
        self.last_results: SearchResults | None = None
        self._choose_when_shown = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self._run)
        self.textChanged.connect(self._typed)
        # Hide the popup shortly after focus leaves (a click on a result must land
        # first). A timer owned by the box dies with it, unlike a bare single-shot.
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.setInterval(150)
        self._hide_timer.timeout.connect(lambda: self.hasFocus() or self.popup.hide())

    def focus_search(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()
        if self.text().strip() and self.last_results is not None:
            self._place_popup()

    def _typed(self, text: str) -> None:
        if text.strip():
            self._timer.start()
        else:
            self.generation += 1
            self.popup.hide()

    def _run(self) -> None:
        """Search on a reader; only the newest query's results are shown. A failed
        keystroke search just shows nothing."""
        self._timer.stop()
        self.generation += 1
        generation, text = self.generation, self.text()
        ops.query(self, self.db, lambda session: search(session, text, limit=PER_KIND),
                  lambda results: self._show(generation, results), key=f"search:{id(self)}",
                  on_error=lambda _exc: self._show(generation, SearchResults(query=text)))

    def _more(self, kind: str) -> None:
        text, offset = self.text(), self.popup.shown_of_kind(kind)
        ops.query(self, self.db, lambda session: search_more(session, text, kind, offset=offset),
                  self.popup.add_more, key=f"search-more:{id(self)}")

    def run_now(self) -> None:
        """Search at once (Enter pressed before the typing pause ended; tests)."""
        self._run()

    def _show(self, generation: int, results: SearchResults) -> None:
        if generation != self.generation or not self.text().strip():
            return
        self.last_results = results
        self.popup.show_results(results)
        if self._choose_when_shown:
            self._choose_when_shown = False
            self.popup.choose()
        elif self.hasFocus():
            self._place_popup()

    def _place_popup(self) -> None:
        below = self.mapToGlobal(QPoint(0, self.height() + 2))
        width = max(self.width(), 520)
        self.popup.setGeometry(below.x() + self.width() - width, below.y(), width, 420)
        self.popup.show()
        self.popup.raise_()

    def _chosen(self, kind: str, ref_id: int, customer_id: int | None) -> None:
        self.open_hit.emit(kind, ref_id, customer_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.popup.isVisible():
            self.popup.move(1 if key == Qt.Key.Key_Down else -1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive() or self.last_results is None or \
                    self.last_results.query != self.text():
                self._choose_when_shown = True  # Enter typed faster than the search
                self.run_now()
                return
            self.popup.choose()
            return
        if key == Qt.Key.Key_Escape:
            if self.popup.isVisible():
                self.popup.hide()
            else:
                self.clear()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self._hide_timer.start()
        super().focusOutEvent(event)


def shown_subtitle(subtitle: str) -> str:
    """A search hit's subtitle in the user's language. The search index stores it in
    Chinese ("昆明 · 意向 · 终端客户", "2026-07-04 电话 · Acme"): its words that are labels
    (a status, a type, an interaction's kind) are translated, the user's words kept."""
    return " · ".join(" ".join(label(word) for word in part.split(" "))
                      for part in subtitle.split(" · "))
