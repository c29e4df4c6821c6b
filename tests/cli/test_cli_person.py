"""`kehubao person export` and `kehubao person erase`: the files, the confirmation (and
the refusal when nobody can be asked), exit codes, JSON, the note about backups."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kehubao.db import Database

NAME, MOBILE = "薛定谔猫", "13987654321"


@pytest.fixture
def people(tmp_path: Path, fresh_db: Callable[[Path], Database]) -> tuple[str, int, int, int]:
    """(database path, customer id, the person's contact id, a colleague's id)."""
    from kehubao.services import contacts, customers, followups

    path = tmp_path / "a.db"
    db = fresh_db(path)
    with db.session() as s:
        firm = customers.create_customer(s, {"name": "明德机电有限公司"})
        person = contacts.create_contact(s, firm.id, {"name": NAME, "mobile": MOBILE})
        colleague = contacts.create_contact(s, firm.id, {"name": "王建国"})
        followups.log_interaction(s, firm.id, kind="visit", summary=f"拜访{NAME}",
                                  contact_id=person.id)
        ids = firm.id, person.id, colleague.id
    db.dispose()
    return (str(path), *ids)


def contacts_left(path: str) -> list[str]:
    from kehubao.db import open_database
    from kehubao.models import Contact

    db = open_database(path)
    try:
        with db.session(write=False) as s:
            return sorted(c.name for c in s.query(Contact))
    finally:
        db.dispose()


def test_export_writes_json_and_html_by_the_suffix(cli, people, tmp_path: Path) -> None:
    db, _firm, person, _colleague = people
    out = cli.json("--db", db, "person", "export", "--contact", str(person),
                   "-o", str(tmp_path / "p.json"), "--json")
    assert out["name"] == NAME and out["format"] == "json"
    assert out["counts"]["interactions"] == 1
    data = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert data["contact"]["mobile"] == MOBILE
    assert data["interactions"][0]["subject"] == f"拜访{NAME}"

    result = cli("--db", db, "person", "export", "--contact", str(person), "-o",
                 str(tmp_path / "p.html"))
    assert result.returncode == 0, result.stderr
    assert f"已导出联系人“{NAME}”的个人信息" in result.stdout
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert "<h2>联系人信息</h2>" in page and MOBILE in page


def test_export_refuses_a_wrong_suffix_and_an_unknown_contact(cli, people, tmp_path: Path) -> None:
    db, _firm, person, _colleague = people
    result = cli("--db", db, "person", "export", "--contact", str(person), "-o",
                 str(tmp_path / "p.txt"))
    assert result.returncode == 1 and ".json 或 .html" in result.stderr
    assert not (tmp_path / "p.txt").exists()
    result = cli("--db", db, "person", "export", "--contact", "999", "-o", str(tmp_path / "p.json"))
    assert result.returncode == 1 and "找不到编号为 999 的联系人" in result.stderr
    assert "Traceback" not in result.stderr


def test_erase_without_a_terminal_and_without_yes_is_refused(cli, people) -> None:
    db, _firm, person, _colleague = people
    result = cli("--db", db, "person", "erase", "--contact", str(person), stdin="y\n")
    assert result.returncode == 1
    assert "--yes" in result.stderr and "不可撤销" in result.stderr
    assert contacts_left(db) == sorted([NAME, "王建国"])


def test_erase_with_yes_deletes_and_mentions_the_backups(cli, people) -> None:
    db, _firm, person, _colleague = people
    result = cli("--db", db, "person", "erase", "--contact", str(person), "--yes")
    assert result.returncode == 0, result.stderr
    assert f"已彻底删除联系人“{NAME}”" in result.stdout
    assert "联系人 1 条、跟进记录 1 条" in result.stdout
    assert "backups" in result.stdout and "轮换" in result.stdout
    assert contacts_left(db) == ["王建国"]
    result = cli("--db", db, "person", "erase", "--contact", str(person), "--yes")
    assert result.returncode == 1 and "找不到编号为" in result.stderr


def test_erase_a_customer_as_json(cli, people) -> None:
    db, firm, _person, _colleague = people
    out = cli.json("--db", db, "person", "erase", "--customer", str(firm), "--yes", "--json")
    assert out["kind"] == "customer" and out["name"] == "明德机电有限公司"
    assert out["rows"] == {"customer": 1, "contact": 2, "interaction": 1}
    assert out["file_cleaned"] is True and "backups" in out["backups"]
    assert contacts_left(db) == []


def test_erase_needs_one_target(cli, people) -> None:
    db, firm, person, _colleague = people
    assert cli("--db", db, "person", "erase", "--yes").returncode == 2
    both = cli("--db", db, "person", "erase", "--contact", str(person), "--customer", str(firm))
    assert both.returncode == 2


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize(("typed", "erased"), [("不对\n", False), (f"{NAME}\n", True), ("y\n", True)])
def test_erase_on_a_terminal_asks_for_the_name(cli, people, typed: str, erased: bool) -> None:
    db, _firm, person, _colleague = people
    leader, follower = os.openpty()
    try:
        os.write(leader, typed.encode("utf-8"))
        result = subprocess.run([sys.executable, "-m", "kehubao", "--db", db, "person", "erase",
                                 "--contact", str(person)], stdin=follower, capture_output=True,
                                text=True, encoding="utf-8", env=cli.env, timeout=300)
    finally:
        os.close(follower)
        os.close(leader)
    assert f"输入“{NAME}”或 y 确认" in result.stderr
    assert "不能撤销" in result.stderr and "backups" in result.stderr
    if erased:
        assert result.returncode == 0, result.stderr
        assert contacts_left(db) == ["王建国"]
    else:
        assert result.returncode == 1 and "已取消" in result.stderr
        assert contacts_left(db) == sorted([NAME, "王建国"])
