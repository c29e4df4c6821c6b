"""The readable form of a personal-data export (services/personal_data/): one
self-contained HTML page, for the person who asked to see what is stored about them. The
JSON holds the same data for machines.

The page's own words (headings, captions, field labels, enum labels) are ``texts.Text``:
Chinese from the CLI, the window's language from the UI. What the user typed, and what
the program stored as it was written (the search index, the journal's values), are shown
as they are; the journal's labels are said again in the page's language when their shape
is known (services/operation_labels.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from ...models.enums import (
    AgeBand,
    CultureLevel,
    DecisionRole,
    Emotion,
    FollowUpKind,
    FollowUpStatus,
    Gender,
    HomeRegion,
    InteractionKind,
)
from ...texts import Text, language, noop
from ..contacts import CONTACT_FIELDS
from ..customers import CUSTOMER_FIELDS
from ..followups.values import FOLLOW_UP_FIELDS, INTERACTION_FIELDS
from ..operation_labels import parse
from .records import REDACTED, TABLE_LABELS

# Labels of the columns the forms do not name (ids, times the program keeps).
_COMMON = {
    "id": noop("记录编号"), "customer_id": noop("所属客户（编号）"),
    "contact_id": noop("联系人（编号）"), "owner_id": noop("负责人（编号）"),
    "created_at": noop("建立时间"), "updated_at": noop("最后修改时间"),
    "deleted_at": noop("移入回收站的时间"), "name_sort": noop("姓名排序键"),
    "last_emotion_at": noop("记录情绪的时间"), "interaction_id": noop("跟进记录（编号）"),
    "status": noop("状态"), "snoozed_until": noop("推迟到"), "completed_at": noop("完成时间"),
    "recurrence": noop("重复规则"), "origin": noop("来源"), "auto_key": noop("自动提醒标识"),
    "script_id": noop("话术（编号）"), "reply_id": noop("应答（编号）"),
}
# One row of a table, by its id ("客户 12"); a table named alone is TABLE_LABELS'.
_ROW = {"customer": noop("客户 {id}"), "contact": noop("联系人 {id}"),
        "interaction": noop("跟进记录 {id}"), "follow_up": noop("跟进提醒 {id}"),
        "trade_transaction": noop("交易记录 {id}"), "evaluation": noop("评价 {id}"),
        "score": noop("评分 {id}"), "support_action": noop("支援记录 {id}"),
        "risk_event": noop("风险事件 {id}")}
# The free-text fields other records may mention a person in (records.FREE_TEXT) that
# no form names.
_FREE_TEXT = {"note": noop("备注"), "notes": noop("备注"), "comment": noop("评语"),
              "description": noop("说明"), "evidence": noop("证据")}
_FORMS = {"customer": CUSTOMER_FIELDS, "contact": CONTACT_FIELDS,
          "interaction": INTERACTION_FIELDS, "follow_up": FOLLOW_UP_FIELDS}
_ACTIONS = {"insert": noop("新建"), "insert_many": noop("批量新建"), "update": noop("修改")}
_DOC_KINDS = {"customer": noop("客户"), "contact": noop("联系人"), "interaction": noop("跟进记录")}
_CONTACT_ENUMS = {"gender": Gender, "decision_role": DecisionRole, "age_band": AgeBand,
                  "home_region": HomeRegion, "culture_level": CultureLevel,
                  "last_emotion": Emotion}
_INTERACTION_ENUMS = {"kind": InteractionKind, "mood": Emotion}
_FOLLOW_UP_ENUMS = {"kind": FollowUpKind, "status": FollowUpStatus}
_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d")
_STYLE = """
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif;
       margin: 2em auto; max-width: 60em; color: #263238; line-height: 1.5; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { font-size: 1.2em; margin-top: 2em;
     border-bottom: 1px solid #cfd8dc; padding-bottom: .2em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { border: 1px solid #cfd8dc; padding: .3em .5em; text-align: left; vertical-align: top; }
th { background: #eceff1; font-weight: 600; width: 12em; }
.wide th { width: auto; } .muted { color: #78909c; } .note { background: #fff8e1; padding: .6em; }
pre { white-space: pre-wrap; margin: 0; font-family: inherit; }
"""


def render_html(data: Mapping[str, Any]) -> str:
    contact = data["contact"]
    customer = data.get("customer") or {}
    title = escape(Text("个人信息导出：{name}", name=str(contact.get("name", ""))))
    parts = [
        "<!DOCTYPE html>", f"<html lang='{_page_language()}'><head><meta charset='utf-8'>",
        f"<title>{title}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{title}</h1>",
        _p(Text("导出时间：{time} · 客户宝保存的关于此人的全部信息",
                time=_shown("exported_at", data.get("exported_at", ""), {}) or ""), "muted"),
        _h2(Text("联系人信息")), _record_table(contact, CONTACT_FIELDS, _CONTACT_ENUMS),
        _h2(Text("所属客户")),
        _pairs([(Text("客户名称"), customer.get("name")), (Text("客户编号"), customer.get("code")),
                (Text("标签"), _listed(data.get("customer_tags", [])) or None),
                (Text("在回收站中"), Text("是") if customer.get("deleted_at") else None)]),
        _h2(Text("跟进记录（{count} 条）", count=len(data["interactions"]))),
        *(_record_table(r, INTERACTION_FIELDS, _INTERACTION_ENUMS) for r in data["interactions"]),
        _h2(Text("跟进提醒（{count} 条）", count=len(data["follow_ups"]))),
        *(_record_table(r, FOLLOW_UP_FIELDS, _FOLLOW_UP_ENUMS) for r in data["follow_ups"]),
        _h2(Text("客户的其他记录中提到此人的内容（{count} 处）", count=len(data["mentions"]))),
        _rows([Text("记录"), Text("字段"), Text("内容")],
              ([_row_name(m["table"], m["id"]), _field(m["table"], m["field"]),
                _unredacted(m["text"])] for m in data["mentions"])),
        _h2(Text("操作记录（撤销日志，{count} 条）", count=len(data["journal"]))),
        _rows([Text("时间"), Text("操作"), Text("记录"), Text("动作"), Text("修改前"),
               Text("修改后")],
              ([_shown("at", e["at"], {}), _operation(e["label"]),
                _row_name(e["table"], e["row_id"]), _said(_ACTIONS, e["action"]),
                _json(e["before"]), _json(e["after"])] for e in data["journal"])),
        _h2(Text("搜索索引（{count} 条）", count=len(data["search_documents"]))),
        _rows([Text("类别"), Text("标题"), Text("名称"), Text("检索键"), Text("正文")],
              ([_said(_DOC_KINDS, d["kind"]), d["title"], d["names"], d["keys"].strip(),
                d["body"]] for d in data["search_documents"])),
        _p(str(data.get("backups", "")), "note"),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _page_language() -> str:
    """The page's language for the browser (fonts, hyphenation, read aloud)."""
    code = language()
    return "zh-CN" if code == "zh" else code


def _h2(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def _p(text: str, css: str) -> str:
    return f"<p class='{css}'>{escape(text)}</p>"


def _listed(items: Iterable[str]) -> str:
    """Tags as a list of the page's language: 甲、乙 / A, B."""
    out = ""
    for item in items:
        out = Text("{first}、{second}", first=out, second=item) if out else item
    return out


def _said(words: Mapping[str, str], code: str) -> str:
    return Text(words[code]) if code in words else code


def _row_name(table: str, row_id: int | None) -> str:
    """"客户 12" for a row; the table's name alone for a batch of rows (an import)."""
    if row_id is None:
        return Text(TABLE_LABELS[table]) if table in TABLE_LABELS else table
    return Text(_ROW[table], id=row_id) if table in _ROW else f"{table} {row_id}"


def _field(table: str, column: str) -> str:
    """A column of another record as its form names it."""
    spec = _FORMS.get(table, {}).get(column)
    if spec is not None:
        return Text(spec.label)
    return _said(_FREE_TEXT, column)


def _operation(label: str | None) -> str:
    """A journal label (stored in Chinese, as the service wrote it) in the page's language:
    the fixed head and kinds translated, the names of records as they are — the way the
    Undo menu shows it (ui/journal_labels.py). In Chinese, or of a shape not known, the
    label as stored."""
    if not label:
        return ""
    parts = parse(label)
    if parts is None or Text(parts.head) == parts.head:
        return label
    out = Text(parts.head)
    if parts.count is not None:
        out = f"{out} ×{parts.count}"
    if parts.name:
        out = Text("{what}：{name}", what=out, name=parts.name)
    if parts.words:
        out = Text("{what}（{words}）", what=out,
                   words=" ".join(Text(word) for word in parts.words))
    return out


def _unredacted(text: str) -> str:
    """Text in which an earlier erasure replaced a name (records.redact): its mark, stored
    in Chinese, in the page's language."""
    return text.replace(REDACTED, Text(REDACTED))


def _label(key: str, specs: Mapping[str, Any]) -> str:
    if key in _COMMON:  # ids say so: the forms call a contact_id 联系人
        return Text(_COMMON[key])
    return Text(specs[key].label) if key in specs else key


def _shown(key: str, value: Any, enums: Mapping[str, Any]) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return Text("是") if value else Text("否")
    if key in enums:
        return Text(enums[key].label_of(value, default=str(value)))
    if isinstance(value, str) and _STAMP.match(value):
        return value[:19].replace("T", " ")
    if isinstance(value, str):
        return _unredacted(value)
    return str(value)


def _record_table(record: Mapping[str, Any], specs: Mapping[str, Any],
                  enums: Mapping[str, Any]) -> str:
    return _pairs([(_label(k, specs), _shown(k, v, enums)) for k, v in record.items()])


def _pairs(pairs: Iterable[tuple[str, Any]]) -> str:
    rows = "".join(f"<tr><th>{escape(label)}</th><td><pre>{escape(str(value))}</pre></td></tr>"
                   for label, value in pairs if value not in (None, ""))
    return f"<table>{rows}</table>" if rows else _p(Text("（无）"), "muted")


def _rows(headers: list[str], rows: Iterable[list[Any]]) -> str:
    body = "".join("<tr>" + "".join(f"<td><pre>{escape('' if v is None else str(v))}</pre></td>"
                                    for v in row) + "</tr>" for row in rows)
    if not body:
        return _p(Text("（无）"), "muted")
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    return f"<table class='wide'><tr>{head}</tr>{body}</table>"


def _json(value: Any) -> str:
    return "" if value is None else _unredacted(json.dumps(value, ensure_ascii=False))
