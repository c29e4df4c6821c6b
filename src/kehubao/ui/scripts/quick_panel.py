"""The quick panel: a small always-on-top window to find a reply in the middle of a call,
keyboard only.

Type what the customer said (Chinese, pinyin, initials or other words for it): results
follow every keystroke. ↑/↓ choose a script, Enter copies its best reply, 1–9 copy a
variant, Ctrl+Enter copies the best reply and logs "script used" on the customer that is
open in the window, Esc hides. The index is read once through ops.query (and again only
when the data changed); a keystroke searches it in memory, with no database work."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...models.enums import AgeBand, Emotion, HomeRegion
from ...services.scripts import (
    ContactLine,
    ScriptIndex,
    ScriptMatch,
    UsageStats,
    contact_line,
    library_index,
    person_of,
    record_script_use,
    segment_stats,
)
from .. import ops
from ..i18n import enum_label

VISIBLE = 9


class QuickPanel(QWidget):
    copied = Signal(str)  # the text put on the clipboard

    def __init__(self, db: Database, current_customer: Callable[[], tuple[int | None, int | None]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.db = db
        self.current_customer = current_customer
        self.index: ScriptIndex | None = None
        self.segment: UsageStats | None = None
        self.person: ContactLine | None = None
        self.matches: list[ScriptMatch] = []
        self.setWindowTitle(self.tr("话术速查"))
        self.resize(600, 480)
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("客户说了什么？中文、拼音或首字母，如 tai gui、tg"))
        self.query.textChanged.connect(self._search)
        self.query.installEventFilter(self)
        self.contact = QLabel()
        self.contact.setWordWrap(False)
        self.contact.setStyleSheet("color:#37474f")
        self.results = QListWidget()
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.currentRowChanged.connect(self._show_variants)
        self.variants = QLabel()
        self.variants.setWordWrap(True)
        self.variants.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.variants.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.status = QLabel()
        self.status.setStyleSheet("color:#607d8b")
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.contact)
        layout.addWidget(self.results, 2)
        layout.addWidget(self.variants, 3)
        layout.addWidget(self.status)
        self.status.setText(self.tr("↑↓ 选择 · Enter 复制最佳回答 · 1–9 复制第几条 · "
                                    "Ctrl+Enter 复制并记录使用 · Esc 隐藏"))

    # ------------------------------------------------------------------ showing
    def popup(self) -> None:
        """Show (or bring back) the panel, ready to type; refresh the index and the
        customer line in the background."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus()
        self.query.selectAll()
        self.refresh()

    def refresh(self) -> None:
        customer_id, contact_id = self.current_customer()

        def read(session):  # type: ignore[no-untyped-def]
            index = library_index(session)
            line = segment = None
            if customer_id is not None:
                line = contact_line(session, customer_id, contact_id)
                if line is not None and line.contact_id is not None:
                    segment = segment_stats(session, person_of(session, line.contact_id))
            return index, line, segment

        ops.query(self, self.db, read, self._loaded, key="scripts:quick-panel")

    def _loaded(self, result: tuple[ScriptIndex, ContactLine | None, UsageStats | None]) -> None:
        self.index, self.person, self.segment = result
        text = self.person.text if self.person else self.tr("未打开客户：复制回答不会记录到客户")
        if self.segment is not None and self.segment.segment is not None:
            text += " · " + self._segment_text(*self.segment.segment)
        self.contact.setText(self.contact.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideRight, max(200, self.width() - 24)))
        self.contact.setToolTip(text)
        self._search(self.query.text())

    def _segment_text(self, kind: str, code: str) -> str:
        """Says whose results rank the replies, in the user's language."""
        if kind == "mood":
            return self.tr("按情绪同为“%1”时的成功率排序").replace("%1", enum_label(Emotion, code))
        enum = AgeBand if kind == "age_band" else HomeRegion
        return self.tr("按同为%1的联系人的成功率排序").replace("%1", enum_label(enum, code))

    # ---------------------------------------------------------------- searching
    def _search(self, text: str) -> None:
        if self.index is None:
            return
        self.matches = self.index.search(text, limit=VISIBLE, stats=self.segment)
        self.results.clear()
        for n, match in enumerate(self.matches, 1):
            best = match.best_reply.text if match.best_reply else ""
            # One line, cut by the list at its right edge with "…" in either language.
            item = QListWidgetItem(f"{match.title}  —  {' '.join(best.split())[:200]}")
            item.setToolTip(best)
            item.setData(Qt.ItemDataRole.UserRole, n - 1)
            self.results.addItem(item)
        if self.matches:
            self.results.setCurrentRow(0)
        else:
            self.variants.setText(self.tr("没有找到相关话术") if text.strip() else "")

    def _show_variants(self, row: int) -> None:
        if not 0 <= row < len(self.matches):
            return
        match = self.matches[row]
        lines = [f"<b>{_escape(match.title)}</b>"]
        for n, reply in enumerate(match.replies[:9], 1):
            lines.append(f"<b>{n}</b>. {_escape(reply.text)}")
        self.variants.setText("<br>".join(lines))

    # ----------------------------------------------------------------- the keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            return self._key(event)  # type: ignore[arg-type]
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self._key(event):
            super().keyPressEvent(event)

    def _key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape:
            self.hide()
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.matches:
            step = 1 if key == Qt.Key.Key_Down else -1
            row = (self.results.currentRow() + step) % len(self.matches)
            self.results.setCurrentRow(row)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            log = bool(mods & Qt.KeyboardModifier.ControlModifier)
            self.copy_variant(0, log=log)
            return True
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            self.copy_variant(key - Qt.Key.Key_1)
            return True
        return False

    def copy_variant(self, n: int, *, log: bool = False) -> str | None:
        """Copy reply `n` (0: the best) of the chosen script; with `log`, record the use
        on the open customer."""
        row = self.results.currentRow()
        if not 0 <= row < len(self.matches) or n >= len(self.matches[row].replies):
            return None
        match = self.matches[row]
        reply = match.replies[n]
        QGuiApplication.clipboard().setText(reply.text)
        self.copied.emit(reply.text)
        message = self.tr("已复制第 %1 条回答").replace("%1", str(n + 1))
        if log and self.person is not None:
            person = self.person
            ops.write(self, self.db, lambda s: record_script_use(
                s, person.customer_id, match.script_id, reply.id,
                contact_id=person.contact_id).id)
            message = self.tr("已复制并记录到客户")
        elif log:
            message = self.tr("已复制；没有打开的客户，未记录")
        self.status.setText(message)
        return reply.text


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
