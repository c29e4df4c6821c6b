"""Small prompts for bulk actions on the customer list."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from ...models.enums import CustomerStatus
from ...normalize import split_tags
from ..i18n import enum_choices

translate = QCoreApplication.translate  # context "CustomerBulk" for these free functions


def ask_tags(parent: QWidget, title: str) -> list[str]:
    text, ok = QInputDialog.getText(
        parent, title, translate("CustomerBulk", "标签（多个用逗号分隔）："))
    if not ok:
        return []
    return split_tags(text)


def ask_owner(parent: QWidget, reps: list[str]) -> str | None:
    """The chosen or typed rep's name, "" for "no owner", None when cancelled."""
    names = [translate("CustomerBulk", "（无负责人）"), *reps]
    name, ok = QInputDialog.getItem(
        parent, translate("CustomerBulk", "修改负责人"),
        translate("CustomerBulk", "负责人（可输入新名字）："), names, 0, True)
    if not ok:
        return None
    if name == names[0] or not name.strip():
        return ""
    return name.strip()


def ask_status(parent: QWidget) -> str | None:
    choices = enum_choices(CustomerStatus)
    labels = [text for _code, text in choices]
    chosen, ok = QInputDialog.getItem(parent, translate("CustomerBulk", "修改状态"),
                                      translate("CustomerBulk", "客户状态："), labels, 0, False)
    return choices[labels.index(chosen)][0] if ok else None
