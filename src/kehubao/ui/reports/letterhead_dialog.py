"""报表抬头: the company name, address, phone, logo and colours every report prints,
saved with the database (so a colleague's copy prints the same letterhead).

The company field starts empty while no company is set, with a hint in its place: a
default written into it would be stored by the next save of any other field and then
print as the user's company. Left empty, the reports print as before it was ever set."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...errors import UserError
from ...reports.model import Letterhead
from ...services.report_settings import load_letterhead, save_letterhead
from .. import ops
from ..tasks import show_error
from ..widgets.forms import error_label


class ColourButton(QPushButton):
    """A button showing a colour; clicking opens the colour chooser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = "#000000"
        self.clicked.connect(self._choose)
        self.setMinimumWidth(110)

    def set_value(self, value: str) -> None:
        self.value = value.upper()
        text = "#000" if QColor(value).lightness() > 150 else "#fff"
        self.setText(self.value)
        self.setStyleSheet(f"background:{self.value}; color:{text}; padding:4px 10px;")

    def _choose(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.value), self.window())
        if chosen.isValid():
            self.set_value(chosen.name())


class LetterheadDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("报表抬头"))
        self.setMinimumWidth(520)
        self.company = QLineEdit()
        self.company.setPlaceholderText(self.tr("贵公司名称"))
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.logo = QLineEdit()
        self.logo.setPlaceholderText(self.tr("PNG 或 JPG 图片，可不填"))
        browse = QPushButton(self.tr("选择…"))
        browse.clicked.connect(self._browse_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        self.primary = ColourButton()
        self.accent = ColourButton()
        form = QFormLayout()
        form.addRow(self.tr("公司名称"), self.company)
        form.addRow(self.tr("地址"), self.address)
        form.addRow(self.tr("电话"), self.phone)
        form.addRow(self.tr("标志"), logo_row)
        form.addRow(self.tr("主色"), self.primary)
        form.addRow(self.tr("辅色"), self.accent)
        hint = QLabel(self.tr("抬头印在每份报表的页眉；主色用于标题和表头，辅色用于表格底纹。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#607d8b;")
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)  # until the stored values are on screen
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        ops.query(self, db, load_letterhead, self._fill)

    def _fill(self, head: Letterhead) -> None:
        self.company.setText(head.company)
        self.address.setText(head.address)
        self.phone.setText(head.phone)
        self.logo.setText(head.logo_path)
        self.primary.set_value(head.primary_colour)
        self.accent.set_value(head.accent_colour)
        self.save_button.setEnabled(True)

    def _browse_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择标志图片"), self.logo.text(),
                                              self.tr("图片 (*.png *.jpg *.jpeg)"))
        if path:
            self.logo.setText(path)

    def letterhead(self) -> Letterhead:
        return Letterhead(company=self.company.text(), address=self.address.text(),
                          phone=self.phone.text(), logo_path=self.logo.text(),
                          primary_colour=self.primary.value, accent_colour=self.accent.value)

    def save(self) -> None:
        head = self.letterhead()
        self.save_button.setEnabled(False)
        ops.write(self, self.db, lambda session: save_letterhead(session, head),
                  lambda _stored: self.accept(), on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, UserError):
            self.error.setText(str(exc))
            self.error.show()
        else:
            show_error(self, exc)
