"""Adding, editing, duplicating, archiving and deleting scripts. Every change is one
journaled operation (Undo takes it back), deleting moves the script to the recycle bin,
and removed reply variants are only stamped deleted, so an interaction that used one
still shows what was said and Undo brings it back."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...errors import UserError, ValidationError
from ...models import ObjectionCategory, ObjectionScript, ScriptReply, utcnow
from ...texts import Text
from ..journal import operation
from ..recycle_bin import move_to_bin, restore_from_bin
from .content import ScriptContent, content_of, parse_item

NOUN = "话术"


def get_script(session: Session, script_id: int) -> ObjectionScript:
    """A live script, or a UserError the user can read (it was deleted meanwhile)."""
    script = session.get(ObjectionScript, script_id)
    if script is None or script.deleted_at is not None:
        raise UserError("这条话术不存在或已删除")
    return script


def category_named(session: Session, name: str) -> ObjectionCategory | None:
    """The category of that name, created when new; None for no category."""
    if not name:
        return None
    category = session.scalar(select(ObjectionCategory).where(ObjectionCategory.name == name))
    if category is None:
        order = session.scalar(select(func.max(ObjectionCategory.sort_order))) or 0
        category = ObjectionCategory(name=name, sort_order=order + 1)
        session.add(category)
    return category


def _check_title(session: Session, title: str, own_id: int | None) -> None:
    """Titles are unique among live scripts: import matches scripts by title."""
    stmt = select(ObjectionScript.id).where(ObjectionScript.title == title,
                                            ObjectionScript.deleted_at.is_(None))
    if own_id is not None:
        stmt = stmt.where(ObjectionScript.id != own_id)
    if session.scalar(stmt.limit(1)) is not None:
        raise ValidationError("已经有一条叫“{title}”的话术了，请换个说法", {"title": Text("重名")}, title=title)


def apply_content(session: Session, script: ObjectionScript, content: ScriptContent) -> None:
    """Write `content` into `script`. Replies keep their row (and so their use history)
    when their text is unchanged, else the row in the same position is reworded; rows left
    over are stamped deleted, never destroyed."""
    script.title = content.title
    script.category = category_named(session, content.category)
    script.phrasings = "\n".join(content.phrasings) or None
    script.element = content.element or None
    script.reasoning = content.reasoning or None
    script.tips = content.tips or None
    script.follow_up = content.follow_up or None
    script.tags = " ".join(content.tags) or None
    live = list(script.live_replies)
    by_text: dict[str, ScriptReply] = {}
    for row in reversed(live):
        by_text[row.text] = row
    chosen: list[ScriptReply | None] = [by_text.pop(c.text, None) for c in content.replies]
    taken = {id(r) for r in chosen if r is not None}
    spare = [r for r in live if id(r) not in taken]
    for n, (wanted, row) in enumerate(zip(content.replies, chosen, strict=True)):
        if row is None:
            row = spare.pop(0) if spare else None
        if row is None:
            row = ScriptReply(text=wanted.text)
            script.replies.append(row)
        row.text, row.reasoning, row.sort_order = wanted.text, wanted.reasoning or None, n
    now = utcnow()
    for row in spare:
        row.deleted_at = now


def create_script(session: Session, content: ScriptContent | dict) -> ObjectionScript:
    """A new script of the user's own."""
    if isinstance(content, dict):
        content = parse_item(content)
    _check_title(session, content.title, None)
    with operation(session, "create", f"新建{NOUN}：{content.title}"):
        script = ObjectionScript(title=content.title)
        session.add(script)
        apply_content(session, script, content)
        session.flush()
    return script


def update_script(session: Session, script_id: int, content: ScriptContent | dict) -> ObjectionScript:
    """Save the editor's content; the built-in key stays, so a later starter set knows
    the user edited this script (its text no longer hashes to builtin_hash)."""
    if isinstance(content, dict):
        content = parse_item(content)
    script = get_script(session, script_id)
    _check_title(session, content.title, script.id)
    with operation(session, "edit", f"修改{NOUN}：{content.title}"):
        apply_content(session, script, content)
        session.flush()
    return script


def duplicate_script(session: Session, script_id: int) -> ObjectionScript:
    """A copy to adapt (for one product, one kind of customer); it is the user's own."""
    source = get_script(session, script_id)
    content = content_of(source)
    content.key = ""
    base = f"{source.title}（副本）"
    title, n = base, 2
    while session.scalar(select(ObjectionScript.id).where(
            ObjectionScript.title == title, ObjectionScript.deleted_at.is_(None)).limit(1)):
        title, n = f"{base[:-1]}{n}）", n + 1
    content.title = title[:120]
    return create_script(session, content)


def set_archived(session: Session, script_id: int, archived: bool) -> ObjectionScript:
    """Archive (out of the quick panel and the ranked list, history kept) or bring back."""
    script = get_script(session, script_id)
    if script.archived != archived:
        verb = "归档" if archived else "取消归档"
        with operation(session, "edit", f"{verb}{NOUN}：{script.title}"):
            script.archived = archived
            session.flush()
    return script


def delete_scripts(session: Session, ids: Iterable[int]) -> int:
    """Move scripts to the recycle bin; how many were moved."""
    return move_to_bin(session, ObjectionScript, ids, NOUN)


def restore_scripts(session: Session, ids: Iterable[int]) -> int:
    return restore_from_bin(session, ObjectionScript, ids, NOUN)
