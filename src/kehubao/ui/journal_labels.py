"""The Undo menu's labels in the user's language.

The operation journal stores each operation's label as a Chinese sentence written by the
service that did it ("删除客户：Acme", "恢复 3 个联系人"); stored rows cannot change
language, so the UI translates them when it shows them: services/operation_labels.py
takes a label apart, the fixed head and any kind go through the ``labels`` context, the
names of the user's records stay as they are. A head not listed here shows unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ..services.operation_labels import parse
from .i18n import label

# The heads the services write (services/*: `operation(session, kind, "head：…")`).
HEADS = {
    QT_TRANSLATE_NOOP("labels", "新建客户"), QT_TRANSLATE_NOOP("labels", "修改客户"),
    QT_TRANSLATE_NOOP("labels", "删除客户"), QT_TRANSLATE_NOOP("labels", "恢复客户"),
    QT_TRANSLATE_NOOP("labels", "合并客户"), QT_TRANSLATE_NOOP("labels", "评价客户"),
    QT_TRANSLATE_NOOP("labels", "新建联系人"), QT_TRANSLATE_NOOP("labels", "修改联系人"),
    QT_TRANSLATE_NOOP("labels", "删除联系人"), QT_TRANSLATE_NOOP("labels", "恢复联系人"),
    QT_TRANSLATE_NOOP("labels", "新建跟进提醒"), QT_TRANSLATE_NOOP("labels", "修改跟进提醒"),
    QT_TRANSLATE_NOOP("labels", "推迟跟进提醒"), QT_TRANSLATE_NOOP("labels", "完成跟进提醒"),
    QT_TRANSLATE_NOOP("labels", "取消跟进提醒"), QT_TRANSLATE_NOOP("labels", "删除跟进提醒"),
    QT_TRANSLATE_NOOP("labels", "恢复跟进提醒"), QT_TRANSLATE_NOOP("labels", "记录跟进"),
    QT_TRANSLATE_NOOP("labels", "修改跟进记录"), QT_TRANSLATE_NOOP("labels", "删除跟进记录"),
    QT_TRANSLATE_NOOP("labels", "恢复跟进记录"), QT_TRANSLATE_NOOP("labels", "删除交易记录"),
    QT_TRANSLATE_NOOP("labels", "恢复交易记录"), QT_TRANSLATE_NOOP("labels", "导入交易记录"),
    QT_TRANSLATE_NOOP("labels", "保存评价模板"), QT_TRANSLATE_NOOP("labels", "记录支援"),
    QT_TRANSLATE_NOOP("labels", "记录风险"), QT_TRANSLATE_NOOP("labels", "风险已处理"),
    QT_TRANSLATE_NOOP("labels", "记录使用话术"), QT_TRANSLATE_NOOP("labels", "记录话术效果"),
    QT_TRANSLATE_NOOP("labels", "导入话术库"), QT_TRANSLATE_NOOP("labels", "采用新版内置话术"),
    QT_TRANSLATE_NOOP("labels", "保留自己的话术"), QT_TRANSLATE_NOOP("labels", "新建话术"),
    QT_TRANSLATE_NOOP("labels", "修改话术"), QT_TRANSLATE_NOOP("labels", "归档话术"),
    QT_TRANSLATE_NOOP("labels", "取消归档话术"), QT_TRANSLATE_NOOP("labels", "导入"),
    QT_TRANSLATE_NOOP("labels", "批量添加标签"), QT_TRANSLATE_NOOP("labels", "批量移除标签"),
    QT_TRANSLATE_NOOP("labels", "批量指定负责人"), QT_TRANSLATE_NOOP("labels", "批量修改状态"),
    QT_TRANSLATE_NOOP("labels", "记录销售"), QT_TRANSLATE_NOOP("labels", "记录回款"),
    QT_TRANSLATE_NOOP("labels", "记录退货"), QT_TRANSLATE_NOOP("labels", "删除话术"),
    QT_TRANSLATE_NOOP("labels", "恢复话术"),
}


def operation_label(text: str | None) -> str:
    """``text``, a label from the operation journal, in the user's language."""
    if not text:
        return ""
    parts = parse(text)
    if parts is None or parts.head not in HEADS:
        return text
    out = label(parts.head)
    if parts.count is not None:
        out += f" ×{parts.count}"
    if parts.name:
        out += f": {parts.name}"
    if parts.words:
        out += " (" + " ".join(label(word) for word in parts.words) + ")"
    return out
