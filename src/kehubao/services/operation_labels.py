"""The operation journal's labels taken apart, so that the UI can show them in English.

Services label each operation with a Chinese sentence ("删除客户：Acme", "恢复 3 个联系人"),
stored in the journal as written. `parse` splits one into a fixed head (a caption the UI
translates), a count, and the parts naming the user's records (shown as they are) or a
kind (translated like any label). None for a label of a shape not known here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models.enums import RiskKind, SupportKind


@dataclass(frozen=True)
class LabelParts:
    head: str  # a fixed caption: "删除客户", "批量指定负责人"
    name: str = ""  # the record's name, a file name: user data
    count: int | None = None
    words: tuple[str, ...] = ()  # after the name: kinds ("欠款") and amounts


_COUNTED = re.compile(r"(删除|恢复) (\d+) (?:个|条)(.+)")
_OWNER = re.compile(r"批量指定负责人为“(.*)”")
_STATUS = re.compile(r"批量修改状态为“(.*)”")
_RECORDED = re.compile(r"(记录[^：]+)：(.*) ([\d,.]+) 元")  # 记录销售：Acme 1,000.00 元
_IMPORT = re.compile(r"导入：(.*)（(\d+) 行）")
_TRANSACTIONS = re.compile(r"导入交易记录 (\d+) 条(?:：(.*))?")
_MONEY = re.compile(r"删除(.+)记录 ([\d,.]+) 元")
_BRACKETED = re.compile(r"(.*)（([^（）]*)）")
NO_OWNER = "（无）"
# The kinds a label may end in after a space (services/evaluation: support and risk).
_KINDS = {text for enum in (RiskKind, SupportKind) for _code, text in enum.choices()}


def parse(label: str) -> LabelParts | None:
    if m := _COUNTED.fullmatch(label):
        return LabelParts(m[1] + m[3], count=int(m[2]))
    if m := _OWNER.fullmatch(label):
        return LabelParts("批量指定负责人", "" if m[1] == NO_OWNER else m[1])
    if m := _STATUS.fullmatch(label):
        return LabelParts("批量修改状态", words=(m[1],))
    if m := _RECORDED.fullmatch(label):
        return LabelParts(m[1], m[2], words=(f"¥{m[3]}",))
    if m := _IMPORT.fullmatch(label):
        return LabelParts("导入", m[1], count=int(m[2]))
    if m := _TRANSACTIONS.fullmatch(label):
        return LabelParts("导入交易记录", m[2] or "", count=int(m[1]))
    if m := _MONEY.fullmatch(label):
        return LabelParts("删除交易记录", words=(m[1], m[2]))
    head, colon, rest = label.partition("：")
    if not colon:
        return LabelParts(head)
    if head == "新建跟进提醒":  # "新建跟进提醒：Acme：Call back": the customer, then the title
        return LabelParts(head, rest.replace("：", ": ", 1))
    if m := _BRACKETED.fullmatch(rest):  # "记录跟进：Acme（拜访）", "新建联系人：Li（Acme）"
        return LabelParts(head, m[1], words=(m[2],))
    if rest in _KINDS:  # "风险已处理：欠款"
        return LabelParts(head, words=(rest,))
    name, _space, kind = rest.rpartition(" ")  # "记录风险：Acme 欠款"; not "修改客户：Acme Ltd"
    return LabelParts(head, name, words=(kind,)) if name and kind in _KINDS else LabelParts(head, rest)
