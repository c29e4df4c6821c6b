"""Sharing a library: export to JSON or XLSX, import from either, so a team lead can hand
a curated set to everyone.

The whole file is read and checked before anything is written: a truncated JSON, another
program's JSON, an XLSX with other headers or one bad script refuses the file with one
Chinese sentence and leaves the database as it was. On import a script matches an
existing one by its built-in key, else by its title: matches are updated, the rest
added, all in one undoable operation."""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import UserError, ValidationError
from ...models import ObjectionCategory, ObjectionScript
from ...models.enums import ServiceElement
from ..journal import operation
from .builtin import check_library
from .content import FORMAT, FORMAT_VERSION, ScriptContent, content_of, parse_item
from .editing import apply_content

MAX_FILE_BYTES = 20 * 1024 * 1024
SHEET = "话术"
HEAD = ["编号", "分类", "异议", "客户说法", "侧重", "原因分析", "技巧", "后续动作", "标签"]
REPLY_COLUMNS = 10  # 回复1, 回复1理由 ... 回复10, 回复10理由
_ELEMENT_LABEL = {m.value: m.label for m in ServiceElement}


@dataclass
class ImportResult:
    added: int
    updated: int
    unchanged: int


def _live_scripts(session: Session, include_archived: bool = True) -> list[ObjectionScript]:
    stmt = select(ObjectionScript).where(ObjectionScript.deleted_at.is_(None))
    if not include_archived:
        stmt = stmt.where(ObjectionScript.archived.is_(False))
    return list(session.scalars(stmt.order_by(ObjectionScript.id)))


def export_library(session: Session, path: str | Path, *, include_archived: bool = False) -> int:
    """Write the library to `path` (.json or .xlsx, by its suffix); how many scripts."""
    path = Path(path)
    contents = [content_of(s) for s in _live_scripts(session, include_archived)]
    categories = list(session.scalars(select(ObjectionCategory.name)
                                      .order_by(ObjectionCategory.sort_order, ObjectionCategory.id)))
    suffix = path.suffix.lower()
    if suffix == ".json":
        data = {"format": FORMAT, "format_version": FORMAT_VERSION,
                "exported_at": datetime.now().isoformat(timespec="seconds"),
                "categories": categories, "scripts": [c.to_json() for c in contents]}
        _write_atomically(path, lambda f: f.write(
            json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")))
    elif suffix == ".xlsx":
        _write_atomically(path, lambda f: _write_xlsx(f, contents))
    else:
        raise UserError("话术库只能导出为 .json 或 .xlsx 文件")
    return len(contents)


def _write_atomically(path: Path, write) -> None:  # type: ignore[no-untyped-def]
    """A half-written file never replaces a good one (disk full, cancelled)."""
    if not path.parent.exists():
        raise UserError("文件夹不存在：{parent}", parent=path.parent)
    fd, tmp = tempfile.mkstemp(prefix=".kehubao-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_xlsx(f, contents: list[ScriptContent]) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    replies = [h for n in range(1, REPLY_COLUMNS + 1) for h in (f"回复{n}", f"回复{n}理由")]
    sheet.append(HEAD + replies)
    for c in contents:
        row = [c.key, c.category, c.title, "\n".join(c.phrasings),
               _ELEMENT_LABEL.get(c.element, ""), c.reasoning, c.tips, c.follow_up,
               " ".join(c.tags)]
        for r in c.replies[:REPLY_COLUMNS]:
            row += [r.text, r.reasoning]
        sheet.append(row)
    book.save(f)


# ------------------------------------------------------------------------------ import


def read_library(path: str | Path) -> list[ScriptContent]:
    """Every script of a JSON or XLSX library file, checked; refuses the whole file on
    the first problem (the message names the script or row)."""
    path = Path(path)
    if not path.is_file():
        raise UserError("文件不存在：{path}", path=path)
    if path.stat().st_size > MAX_FILE_BYTES:
        raise UserError("文件太大，不像是话术库文件，未做任何改动")
    suffix = path.suffix.lower()
    if suffix == ".json":
        items = _json_items(path)
    elif suffix == ".xlsx":
        items = _xlsx_items(path)
    else:
        raise UserError("只能导入 .json 或 .xlsx 格式的话术库文件")
    contents, titles = [], set()
    for n, item in enumerate(items, 1):
        try:
            content = parse_item(item)
        except ValidationError as exc:
            raise UserError("第 {number} 条话术有问题：{problem}。未做任何改动", number=n,
                            problem=exc.args[0]) from None
        if content.title in titles:
            raise UserError("话术“{title}”在文件里出现了两次，未做任何改动", title=content.title)
        titles.add(content.title)
        contents.append(content)
    if not contents:
        raise UserError("文件里没有话术，未做任何改动")
    return contents


def _json_items(path: Path) -> list:
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise UserError("文件不是 UTF-8 编码的 JSON，未做任何改动") from None
    except json.JSONDecodeError:
        raise UserError("文件不是完整的 JSON（可能被截断或损坏），未做任何改动") from None
    return check_library(data)


def _xlsx_items(path: Path) -> list[dict]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise UserError("文件不是有效的 Excel（.xlsx）文件，未做任何改动") from None
    try:
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
        if header[: len(HEAD)] != HEAD or "回复1" not in header:
            raise UserError("表格的标题行不是客户宝话术库的格式（应以“编号、分类、异议……”开头），"
                            "未做任何改动")
        column = {h: i for i, h in enumerate(header) if h}
        items = []
        for row in rows:
            cells = list(row) + [None] * (len(header) - len(row))
            if all(v is None or str(v).strip() == "" for v in cells):
                continue

            def cell(name: str, cells: list = cells) -> object:
                return cells[column[name]] if name in column else None

            replies = [{"text": cell(f"回复{n}"), "reasoning": cell(f"回复{n}理由")}
                       for n in range(1, REPLY_COLUMNS + 1)
                       if cell(f"回复{n}") not in (None, "")]
            items.append({"key": cell("编号"), "category": cell("分类"), "title": cell("异议"),
                          "phrasings": cell("客户说法"), "element": cell("侧重"),
                          "reasoning": cell("原因分析"), "tips": cell("技巧"),
                          "follow_up": cell("后续动作"), "tags": str(cell("标签") or ""),
                          "replies": replies})
        return items
    finally:
        book.close()


def import_library(session: Session, path: str | Path) -> ImportResult:
    """Add and update scripts from a library file (see module doc): all or nothing."""
    contents = read_library(path)
    live = _live_scripts(session)
    by_key = {s.builtin_key: s for s in live if s.builtin_key}
    by_title = {s.title: s for s in live}
    added = updated = unchanged = 0
    with operation(session, "import", f"导入话术库：{Path(path).name}"):
        for content in contents:
            script = by_key.get(content.key) if content.key else None
            script = script or by_title.get(content.title)
            if script is None:
                script = ObjectionScript(title=content.title)
                session.add(script)
                apply_content(session, script, content)
                added += 1
                continue
            other = by_title.get(content.title)
            if other is not None and other is not script:
                raise UserError("导入后会有两条叫“{title}”的话术，未做任何改动", title=content.title)
            if content_of(script).digest() == content.digest():
                unchanged += 1
                continue
            del by_title[script.title]
            apply_content(session, script, content)
            by_title[script.title] = script
            updated += 1
        session.flush()
    return ImportResult(added, updated, unchanged)
