"""Field rules of interactions and follow-ups, shared by the dialog, the CLI and tests
(through services/fields.py, so every bad field is reported at once, in Chinese)."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any

from ...errors import ValidationError
from ...models.enums import Emotion, FollowUpKind, InteractionKind
from .. import fields as f

_DATETIME = re.compile(
    r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：](\d{2}))?\s*$")


def a_datetime(value: Any) -> datetime | None:
    """A date and time as typed: 2026-12-03 14:30, 2026/12/3, 2026年12月3日 9:05; a date
    alone means 9:00 (the start of a working day)."""
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time(9, 0))
    text = str(value).strip()
    if not text:
        return None
    match = _DATETIME.match(text)
    if not match:
        raise ValidationError("“{text}”不是日期时间（例如 2026-12-03 14:30）", text=text)
    year, month, day, hour, minute = (int(g) if g else None for g in match.groups())
    try:
        return datetime(year, month, day, 9 if hour is None else hour, minute or 0)
    except ValueError:
        raise ValidationError("“{text}”不是有效的日期时间", text=text) from None


def priority(value: Any) -> int:
    if value in (None, ""):
        return 1
    text = str(value).strip()
    named = {"低": 0, "普通": 1, "中": 1, "高": 2, "low": 0, "normal": 1, "high": 2}
    if text in named:
        return named[text]
    if text in ("0", "1", "2"):
        return int(text)
    raise ValidationError("“{text}”不是优先级（低、普通、高）", text=text)


INTERACTION_FIELDS: dict[str, f.FieldSpec] = {s.name: s for s in [
    f.FieldSpec("kind", "方式", f.choice(InteractionKind), required=True),
    f.FieldSpec("occurred_at", "时间", a_datetime, required=True),
    f.FieldSpec("contact_id", "联系人", f.foreign_id),
    f.FieldSpec("subject", "摘要", f.text(200), required=True),
    f.FieldSpec("content", "详细情况", f.text(20_000)),
    f.FieldSpec("mood", "情绪", f.choice(Emotion)),
    f.FieldSpec("needs_found", "发现的需求", f.text(4000)),
    f.FieldSpec("objections", "遇到的异议", f.text(4000)),
    f.FieldSpec("script_id", "话术", f.foreign_id),
    f.FieldSpec("reply_id", "应答", f.foreign_id),
    f.FieldSpec("reply_used", "使用的应答", f.text(4000)),
    f.FieldSpec("reply_worked", "应答是否有效", lambda v: None if v in (None, "") else f.boolean(v)),
    f.FieldSpec("outcome", "结果", f.text(4000)),
    f.FieldSpec("next_step", "下一步", f.text(4000)),
    f.FieldSpec("location", "地点", f.text(200)),
    f.FieldSpec("duration_minutes", "时长（分钟）", f.integer(0)),
]}

FOLLOW_UP_FIELDS: dict[str, f.FieldSpec] = {s.name: s for s in [
    f.FieldSpec("title", "事项", f.text(200), required=True),
    f.FieldSpec("due_at", "到期时间", a_datetime, required=True),
    f.FieldSpec("kind", "方式", f.choice(FollowUpKind)),
    f.FieldSpec("contact_id", "联系人", f.foreign_id),
    f.FieldSpec("note", "备注", f.text(4000)),
    f.FieldSpec("priority", "优先级", priority),
]}


def follow_up_kind_for(interaction_kind: str) -> str:
    """The follow-up kind matching an interaction kind (a meeting is followed by a call)."""
    return interaction_kind if interaction_kind in FollowUpKind._value2member_map_ else "call"
