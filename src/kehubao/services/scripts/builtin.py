"""The starter library (resources/data/objection_scripts.json, or objection_scripts_en.json
for a database whose starter set is English: services/starter.py picks the file) and its
upgrades.

A built-in script remembers the hash of the built-in text it was last set to. When a new
starter set arrives, each script whose text still hashes to that (or to a hash an older
starter file lists under `previous_hashes`) has not been touched by the user and takes
the new text. A script the user edited keeps the user's text; the new built-in text is
stored beside it (`builtin_offer`) for the library page to offer. A built-in script the
user deleted stays deleted."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import UserError
from ...models import ObjectionScript
from ..journal import operation
from .content import FORMAT, ScriptContent, content_of, parse_item
from .editing import apply_content, category_named, get_script


@dataclass
class StarterResult:
    added: int = 0
    updated: int = 0
    offered: int = 0  # edited by the user: the new text is offered, not applied


def check_library(data: object) -> list[dict]:
    """The script items of a file in our format; refuses anything else as a whole."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UserError("这不是客户宝的话术库文件，未做任何改动")
    version = data.get("format_version")
    if not isinstance(version, int) or version > 1:
        raise UserError("这个话术库文件来自更新版本的客户宝，请先升级客户宝")
    scripts = data.get("scripts")
    if not isinstance(scripts, list):
        raise UserError("话术库文件里没有话术列表，未做任何改动")
    return scripts


def apply_starter_library(session: Session, data: dict) -> StarterResult:
    """Load or upgrade the built-in scripts (see module doc). Not journaled: it is the
    program's update, not something the user did and would undo."""
    items = check_library(data)
    for name in data.get("categories", []):
        category_named(session, name)
    existing = {s.builtin_key: s for s in session.scalars(
        select(ObjectionScript).where(ObjectionScript.builtin_key.is_not(None)))}
    result = StarterResult()
    for item in items:
        content = parse_item(item)
        new_hash = content.digest()
        script = existing.get(content.key)
        if script is None:
            script = ObjectionScript(title=content.title, builtin_key=content.key,
                                     is_builtin=True, builtin_hash=new_hash)
            session.add(script)
            apply_content(session, script, content)
            result.added += 1
            continue
        if script.deleted_at is not None:
            continue
        current = content_of(script).digest()
        untouched = {script.builtin_hash, *item.get("previous_hashes", [])}
        if current == new_hash:
            script.builtin_hash, script.builtin_offer = new_hash, None
        elif current in untouched:
            apply_content(session, script, content)
            script.builtin_hash, script.builtin_offer = new_hash, None
            result.updated += 1
        elif new_hash != script.builtin_hash:
            script.builtin_offer = {**content.to_json(), "hash": new_hash}
            result.offered += 1
    session.flush()
    return result


def offered_content(script: ObjectionScript) -> ScriptContent | None:
    """The newer built-in text waiting beside the user's edited one, if any."""
    return parse_item(script.builtin_offer) if script.builtin_offer else None


def adopt_builtin_offer(session: Session, script_id: int) -> ObjectionScript:
    """Replace the user's text by the offered built-in text (undoable)."""
    script = get_script(session, script_id)
    offer = script.builtin_offer
    if not offer:
        raise UserError("这条话术没有新的内置版本")
    content = parse_item(offer)
    with operation(session, "edit", f"采用新版内置话术：{content.title}"):
        apply_content(session, script, content)
        script.builtin_hash, script.builtin_offer = offer["hash"], None
        session.flush()
    return script


def dismiss_builtin_offer(session: Session, script_id: int) -> ObjectionScript:
    """Keep the user's text and stop offering this built-in version."""
    script = get_script(session, script_id)
    if script.builtin_offer:
        with operation(session, "edit", f"保留自己的话术：{script.title}"):
            script.builtin_hash, script.builtin_offer = script.builtin_offer["hash"], None
            session.flush()
    return script
