"""The readable form of a personal-data export (services/personal_data/): one
self-contained HTML page with Chinese labels, for the person who asked to see what is
stored about them. The JSON holds the same data for machines."""

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
from ..contacts import CONTACT_FIELDS
from ..followups.values import FOLLOW_UP_FIELDS, INTERACTION_FIELDS
from .records import TABLE_LABELS

# Labels of the columns the forms do not name (ids, times the program keeps).
_COMMON = {
    "id": "编号", "customer_id": "所属客户（编号）", "contact_id": "联系人（编号）",
    "owner_id": "负责人（编号）", "created_at": "建立时间", "updated_at": "最后修改时间",
    "deleted_at": "移入回收站的时间", "name_sort": "姓名排序键", "last_emotion_at": "记录情绪的时间",
    "interaction_id": "跟进记录（编号）", "status": "状态", "snoozed_until": "推迟到",
    "completed_at": "完成时间", "recurrence": "重复规则", "origin": "来源", "auto_key": "自动提醒标识",
    "script_id": "话术（编号）", "reply_id": "应答（编号）",
}
_ACTIONS = {"insert": "新建", "insert_many": "批量新建", "update": "修改"}
_DOC_KINDS = {"customer": "客户", "contact": "联系人", "interaction": "跟进记录"}
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
    parts = [
        "<!DOCTYPE html>", "<html lang='zh-CN'><head><meta charset='utf-8'>",
        f"<title>个人信息导出：{escape(str(contact.get('name', '')))}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>个人信息导出：{escape(str(contact.get('name', '')))}</h1>",
        f"<p class='muted'>导出时间：{escape(str(data.get('exported_at', '')))} · "
        "客户宝保存的关于此人的全部信息</p>",
        "<h2>联系人信息</h2>", _record_table(contact, CONTACT_FIELDS, _CONTACT_ENUMS),
        "<h2>所属客户</h2>",
        _pairs([("客户名称", customer.get("name")), ("客户编号", customer.get("code")),
                ("标签", "、".join(data.get("customer_tags", [])) or None),
                ("在回收站中", "是" if customer.get("deleted_at") else None)]),
        f"<h2>跟进记录（{len(data['interactions'])} 条）</h2>",
        *(_record_table(r, INTERACTION_FIELDS, _INTERACTION_ENUMS) for r in data["interactions"]),
        f"<h2>跟进提醒（{len(data['follow_ups'])} 条）</h2>",
        *(_record_table(r, FOLLOW_UP_FIELDS, _FOLLOW_UP_ENUMS) for r in data["follow_ups"]),
        f"<h2>客户的其他记录中提到此人的内容（{len(data['mentions'])} 处）</h2>",
        _rows(["记录", "编号", "字段", "内容"],
              ([TABLE_LABELS.get(m["table"], m["table"]), m["id"], m["field"], m["text"]]
               for m in data["mentions"])),
        f"<h2>操作记录（撤销日志，{len(data['journal'])} 条）</h2>",
        _rows(["时间", "操作", "记录", "动作", "修改前", "修改后"],
              ([e["at"], e["label"], f"{TABLE_LABELS.get(e['table'], e['table'])} {e['row_id'] or ''}",
                _ACTIONS.get(e["action"], e["action"]), _json(e["before"]), _json(e["after"])]
               for e in data["journal"])),
        f"<h2>搜索索引（{len(data['search_documents'])} 条）</h2>",
        _rows(["类别", "标题", "名称", "检索键", "正文"],
              ([_DOC_KINDS.get(d["kind"], d["kind"]), d["title"], d["names"], d["keys"].strip(),
                d["body"]] for d in data["search_documents"])),
        f"<p class='note'>{escape(str(data.get('backups', '')))}</p>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def _label(key: str, specs: Mapping[str, Any]) -> str:
    if key in _COMMON:  # ids say so: the forms call a contact_id 联系人
        return _COMMON[key]
    return specs[key].label if key in specs else key


def _shown(key: str, value: Any, enums: Mapping[str, Any]) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if key in enums:
        return enums[key].label_of(value, default=str(value))
    if isinstance(value, str) and _STAMP.match(value):
        return value[:19].replace("T", " ")
    return str(value)


def _record_table(record: Mapping[str, Any], specs: Mapping[str, Any],
                  enums: Mapping[str, Any]) -> str:
    return _pairs([(_label(k, specs), _shown(k, v, enums)) for k, v in record.items()])


def _pairs(pairs: Iterable[tuple[str, Any]]) -> str:
    rows = "".join(f"<tr><th>{escape(label)}</th><td><pre>{escape(str(value))}</pre></td></tr>"
                   for label, value in pairs if value not in (None, ""))
    return f"<table>{rows}</table>" if rows else "<p class='muted'>（无）</p>"


def _rows(headers: list[str], rows: Iterable[list[Any]]) -> str:
    body = "".join("<tr>" + "".join(f"<td><pre>{escape('' if v is None else str(v))}</pre></td>"
                                    for v in row) + "</tr>" for row in rows)
    if not body:
        return "<p class='muted'>（无）</p>"
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    return f"<table class='wide'><tr>{head}</tr>{body}</table>"


def _json(value: Any) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False)
