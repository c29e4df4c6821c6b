"""Sharing a library: export and import JSON and XLSX; malformed or foreign files are
refused with one clear sentence and nothing changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from kehubao.errors import UserError
from kehubao.models import ObjectionScript, Operation, ScriptReply
from kehubao.services.journal import last_undoable, undo
from kehubao.services.scripts import export_library, import_library

from .scripts_helpers import script_by_key


def snapshot(db) -> tuple:
    with db.session(write=False) as s:
        return (s.scalar(select(func.count()).select_from(ObjectionScript)),
                s.scalar(select(func.count()).select_from(ScriptReply)),
                s.scalar(select(func.max(ObjectionScript.updated_at))),
                s.scalar(select(func.count()).select_from(Operation)))


def exported(db, path: Path) -> dict:
    with db.session(write=False) as s:
        export_library(s, path)
    return json.loads(path.read_text(encoding="utf-8"))


def test_json_round_trip_updates_matches_and_adds_new(db, tmp_path: Path) -> None:
    path = tmp_path / "lib.json"
    data = exported(db, path)
    assert data["format"] == "kehubao-scripts" and len(data["scripts"]) >= 25
    price = next(i for i in data["scripts"] if i.get("key") == "price-too-high")
    price["tips"] = "组长的新技巧"
    busy = next(i for i in data["scripts"] if i["title"] == "我现在很忙，没时间")
    del busy["key"]  # matched by title instead
    busy["replies"].append({"text": "组长补充的回复", "reasoning": ""})
    data["scripts"].append({"title": "你们离我们太远了", "category": "服务异议",
                            "element": "服务", "replies": ["我们在本市有仓库", "当天可以送到"]})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with db.session() as s:
        result = import_library(s, path)
        total = len(data["scripts"])
        assert (result.added, result.updated, result.unchanged) == (1, 2, total - 3)
        assert script_by_key(s, "price-too-high").tips == "组长的新技巧"
        assert script_by_key(s, "too-busy").live_replies[-1].text == "组长补充的回复"
    with db.session() as s:  # one operation: undo takes the whole import back
        undo(s, last_undoable(s).id)
    with db.session() as s:
        assert script_by_key(s, "price-too-high").tips != "组长的新技巧"
        assert [r.text for r in script_by_key(s, "too-busy").live_replies][-1] != "组长补充的回复"
        new = s.scalar(select(ObjectionScript).where(ObjectionScript.title == "你们离我们太远了"))
        assert new.deleted_at is not None


def test_xlsx_round_trip(db, tmp_path: Path) -> None:
    path = tmp_path / "lib.xlsx"
    with db.session(write=False) as s:
        count = export_library(s, path)
    book = load_workbook(path)
    sheet = book["话术"]
    assert [c.value for c in sheet[1]][:4] == ["编号", "分类", "异议", "客户说法"]
    assert sheet.max_row == count + 1
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "price-too-high")
    assert row[4].value == "价格"
    row[7].value = "表格里改的后续动作"
    book.save(path)
    with db.session() as s:
        result = import_library(s, path)
        assert (result.added, result.updated) == (0, 1)
        assert script_by_key(s, "price-too-high").follow_up == "表格里改的后续动作"


def _xlsx(path: Path, rows: list[list]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


BAD_FILES = {
    "truncated.json": lambda p: p.write_text('{"format": "kehubao-scripts", "scripts": [{"ti',
                                             encoding="utf-8"),
    "package.json": lambda p: p.write_text('{"name": "left-pad", "version": "1.3.0"}',
                                           encoding="utf-8"),
    "list.json": lambda p: p.write_text('[1, 2, 3]', encoding="utf-8"),
    "gbk.json": lambda p: p.write_bytes('{"title": "太贵了"}'.encode("gbk")),
    "newer.json": lambda p: p.write_text('{"format": "kehubao-scripts", "format_version": 9, '
                                         '"scripts": []}', encoding="utf-8"),
    "one-bad.json": lambda p: p.write_text(json.dumps({
        "format": "kehubao-scripts", "format_version": 1, "scripts": [
            {"title": "好的一条", "replies": ["好"]},
            {"title": "坏的一条", "element": "颜色", "replies": ["坏"]}]}), encoding="utf-8"),
    "twice.json": lambda p: p.write_text(json.dumps({
        "format": "kehubao-scripts", "format_version": 1, "scripts": [
            {"title": "同一条", "replies": ["一"]}, {"title": "同一条", "replies": ["二"]}]}),
        encoding="utf-8"),
    "headers.xlsx": lambda p: _xlsx(p, [["客户名称", "电话", "地址"], ["某公司", "123", "某地"]]),
    "not-zip.xlsx": lambda p: p.write_text("这不是表格", encoding="utf-8"),
    "notes.txt": lambda p: p.write_text("随便写的", encoding="utf-8"),
}
MESSAGES = {"truncated.json": "不是完整的 JSON", "package.json": "不是客户宝的话术库文件",
            "list.json": "不是客户宝的话术库文件", "gbk.json": "UTF-8",
            "newer.json": "更新版本", "one-bad.json": "第 2 条话术有问题",
            "twice.json": "出现了两次", "headers.xlsx": "标题行",
            "not-zip.xlsx": "不是有效的 Excel", "notes.txt": ".json 或 .xlsx"}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_malformed_or_foreign_files_change_nothing(db, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    BAD_FILES[name](path)
    before = snapshot(db)
    with pytest.raises(UserError) as err, db.session() as s:
        import_library(s, path)
    assert MESSAGES[name] in str(err.value)
    assert "\n" not in str(err.value)
    assert snapshot(db) == before


def test_export_refuses_other_formats(db, tmp_path: Path) -> None:
    with pytest.raises(UserError), db.session(write=False) as s:
        export_library(s, tmp_path / "lib.csv")
    assert not (tmp_path / "lib.csv").exists()
