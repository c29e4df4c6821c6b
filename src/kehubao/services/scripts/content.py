"""A script's content in one plain form, shared by the starter library, import/export and
the editor: the same dict is validated, hashed, written to JSON and XLSX, and applied to
the database, so "has the user edited this built-in script?" is a comparison of hashes
and an import and an export can never disagree on what a script is."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from ...errors import ValidationError
from ...models import ObjectionScript
from ...models.enums import ServiceElement
from ...texts import Text, noop

FORMAT = "kehubao-scripts"
FORMAT_VERSION = 1
ELEMENTS = ("price", "quality", "service")
MAX_REPLIES = 20
_LIMITS = {"title": 120, "category": 60, "tags": 200, "key": 40}


@dataclass
class ReplyContent:
    text: str
    reasoning: str = ""


@dataclass
class ScriptContent:
    """What a user writes about one objection; no ids, no statistics."""

    title: str
    category: str = ""
    phrasings: list[str] = field(default_factory=list)
    element: str = ""  # price / quality / service, or "" when it leans on none
    reasoning: str = ""
    tips: str = ""
    follow_up: str = ""
    tags: list[str] = field(default_factory=list)
    replies: list[ReplyContent] = field(default_factory=list)
    key: str = ""  # the starter set's stable key; "" for the user's own scripts

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"key": self.key} if self.key else {}
        data.update(
            category=self.category, title=self.title, element=self.element,
            phrasings=self.phrasings, reasoning=self.reasoning, tips=self.tips,
            follow_up=self.follow_up, tags=self.tags,
            replies=[{"text": r.text, "reasoning": r.reasoning} for r in self.replies],
        )
        return data

    def digest(self) -> str:
        """Hash of the text (the key excluded): equal hashes mean the same script."""
        data = self.to_json()
        data.pop("key", None)
        raw = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _text(value: Any, label: str, limit: int | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValidationError("“{label}”应当是文字", label=Text(label))
    value = value.replace("\r\n", "\n").strip()
    if limit is not None and len(value) > limit:
        raise ValidationError("“{label}”太长了（最多 {limit} 个字）", label=Text(label), limit=limit)
    return value


def _lines(value: Any, label: str) -> list[str]:
    """A list of strings, or one text with one item a line (how people type them)."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.replace("\r\n", "\n").split("\n")
    if not isinstance(value, list):
        raise ValidationError("“{label}”应当是文字列表", label=Text(label))
    out = [_text(v, label) for v in value]
    return list(dict.fromkeys(v for v in out if v))


def element_code(value: Any) -> str:
    """'price' or '价格' → 'price'; '' for none. Anything else is refused."""
    text = _text(value, noop("侧重"))
    if not text or text in ("other", ServiceElement.OTHER.label):
        return ""
    for member in ServiceElement:
        if text in (member.value, member.label) and member.value in ELEMENTS:
            return member.value
    raise ValidationError("“侧重”只能是价格、质量或服务（收到“{text}”）", text=text)


def parse_item(item: Any) -> ScriptContent:
    """One script from a starter file, an import or the editor, checked and cleaned."""
    if not isinstance(item, dict):
        raise ValidationError("每条话术应当是一个对象")
    title = _text(item.get("title"), noop("异议"), _LIMITS["title"])
    if not title:
        raise ValidationError("话术缺少“异议”（客户怎么说）")
    tags = item.get("tags")
    tag_list = tags.split() if isinstance(tags, str) else _lines(tags, noop("标签"))
    replies_raw = item.get("replies")
    if not isinstance(replies_raw, list):
        raise ValidationError("话术“{title}”缺少回复", title=title)
    replies = []
    for raw in replies_raw:
        if isinstance(raw, str):
            raw = {"text": raw}
        if not isinstance(raw, dict):
            raise ValidationError("话术“{title}”的回复格式不对", title=title)
        text = _text(raw.get("text"), noop("回复"))
        if text:
            replies.append(ReplyContent(text, _text(raw.get("reasoning"), noop("回复理由"))))
    if not replies:
        raise ValidationError("话术“{title}”至少要有一条回复", title=title)
    if len(replies) > MAX_REPLIES:
        raise ValidationError("话术“{title}”的回复太多（最多 {limit} 条）", title=title,
                              limit=MAX_REPLIES)
    return ScriptContent(
        title=title,
        # 话术分类, not 分类: the bare word is the customer's class (a report's column).
        category=_text(item.get("category"), noop("话术分类"), _LIMITS["category"]),
        phrasings=_lines(item.get("phrasings"), noop("客户说法")),
        element=element_code(item.get("element")),
        reasoning=_text(item.get("reasoning"), noop("原因分析")),
        tips=_text(item.get("tips"), noop("技巧")),
        follow_up=_text(item.get("follow_up"), noop("后续动作")),
        tags=list(dict.fromkeys(t for t in tag_list if t)),
        replies=replies,
        key=_text(item.get("key"), noop("编号"), _LIMITS["key"]),
    )


def content_of(script: ObjectionScript) -> ScriptContent:
    """The content of a stored script, in the same form as parse_item's."""
    return ScriptContent(
        title=script.title,
        category=script.category.name if script.category else "",
        phrasings=_lines(script.phrasings, noop("客户说法")),
        element=script.element if script.element in ELEMENTS else "",
        reasoning=script.reasoning or "",
        tips=script.tips or "",
        follow_up=script.follow_up or "",
        tags=(script.tags or "").split(),
        replies=[ReplyContent(r.text, r.reasoning or "") for r in script.live_replies],
        key=script.builtin_key or "",
    )


def plain_text(content: ScriptContent, *, reasoning: bool = False) -> str:
    """The script as plain text to paste into WeChat: objection, then numbered replies."""
    lines = [f"【{content.title}】"]
    for n, reply in enumerate(content.replies, 1):
        lines.append(f"{n}. {reply.text}")
        if reasoning and reply.reasoning:
            lines.append(f"   （{reply.reasoning}）")
    if content.follow_up:
        lines.append(f"后续：{content.follow_up}")
    return "\n".join(lines)
