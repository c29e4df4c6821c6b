"""At start: what fell due while the app was closed, so nothing is missed even when no
balloon was ever seen. Enter opens the selected customer, Esc closes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services.followups import TodayRow


class CatchUpDialog(QDialog):
    open_follow_up = Signal(int, int)  # follow-up id, customer id

    def __init__(self, rows: list[TodayRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("离开期间到期的跟进"))
        self.resize(720, 420)
        heading = QLabel(self.tr("软件关闭期间，有 %1 条跟进到期：").replace("%1", str(len(rows))))
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("到期"), self.tr("客户 · 联系人"), self.tr("事项")])
        self.list.header().resizeSection(0, 110)
        self.list.header().resizeSection(1, 240)
        for row in rows:
            who = row.customer_name + (f" · {row.contact_name}" if row.contact_name else "")
            item = QTreeWidgetItem([row.due.strftime("%m-%d %H:%M"), who, row.title])
            item.setData(0, Qt.ItemDataRole.UserRole, (row.follow_up_id, row.customer_id))
            self.list.addTopLevelItem(item)
        if rows:
            self.list.setCurrentItem(self.list.topLevelItem(0))
        self.list.itemActivated.connect(lambda item, _c: self._open(item))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                   | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Open).setText(self.tr("打开客户"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.accepted.connect(lambda: self._open(self.list.currentItem()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def _open(self, item: QTreeWidgetItem | None) -> None:
        if item is not None:
            follow_up_id, customer_id = item.data(0, Qt.ItemDataRole.UserRole)
            self.open_follow_up.emit(follow_up_id, customer_id)
            self.accept()
