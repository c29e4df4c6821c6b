"""Small prompts for bulk actions on the customer list."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from ...db import Database
from ...models.enums import CustomerStatus
from ...services import customers as svc


def ask_tags(parent: QWidget, title: str) -> list[str]:
    with_names = ""
    text, ok = QInputDialog.getText(parent, title, parent.tr("标签（多个用逗号分隔）："), text=with_names)
    if not ok:
        return []
    return [t.strip() for t in text.replace(",", "，").replace("、", "，").split("，") if t.strip()]


def ask_owner(parent: QWidget, db: Database) -> int | None:
    """The chosen rep's id, 0 for "no owner", None when cancelled."""
    with db.session(write=False) as session:
        reps = [(r.id, r.name) for r in svc.sales_reps(session)]
    names = [parent.tr("（无负责人）"), *[name for _id, name in reps]]
    name, ok = QInputDialog.getItem(parent, parent.tr("修改负责人"),
                                    parent.tr("负责人（可输入新名字）："), names, 0, True)
    if not ok:
        return None
    if name == names[0] or not name.strip():
        return 0
    with db.session() as session:
        return svc.get_or_create_rep(session, name).id


def ask_status(parent: QWidget) -> str | None:
    choices = CustomerStatus.choices()
    label, ok = QInputDialog.getItem(parent, parent.tr("修改状态"), parent.tr("客户状态："),
                                     [parent.tr(label) for _c, label in choices], 0, False)
    if not ok:
        return None
    labels = [parent.tr(label) for _c, label in choices]
    return choices[labels.index(label)][0]
