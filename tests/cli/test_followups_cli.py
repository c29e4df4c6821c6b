"""`kehubao log` and `kehubao reminders`: exit codes, JSON, the .ics file."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar


def _one_line_error(result) -> None:
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_log_then_reminders_and_ics(cli, tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    cli.json("--db", db, "demo", "--customers", "0", "--json")
    from kehubao.db import open_database
    from kehubao.models import Contact, Customer

    database = open_database(db)
    with database.session() as s:
        customer = Customer(name="测试客户", name_sort="ceshi", status="stable")
        s.add(customer)
        s.flush()
        contact = Contact(customer_id=customer.id, name="钱经理")
        s.add(contact)
        s.flush()
        cid, pid = customer.id, contact.id
    database.dispose()

    out = cli.json("--db", db, "log", str(cid), "--kind", "visit", "--summary", "上门送样",
                   "--time", "2026-12-02 10:00", "--contact", str(pid), "--mood", "喜",
                   "--next-step", "电话确认试用", "--due", "2026-12-04 15:00", "--json")
    assert out["occurred_at"] == "2026-12-02T10:00" and out["follow_up_id"] > 0

    listing = cli.json("--db", db, "reminders", "--at", "2026-12-02 11:00", "--json")
    assert listing["counts"]["week"] == 1 and listing["counts"]["overdue"] == 0
    (item,) = listing["items"]
    assert (item["id"], item["title"], item["due"], item["contact"], item["mood"]) == (
        out["follow_up_id"], "电话确认试用", "2026-12-04T15:00", "钱经理", "joy")
    assert item["last_interaction"] == "上门送样"
    assert cli.json("--db", db, "reminders", "--due", "--at", "2026-12-02 11:00",
                    "--json")["items"] == []
    due = cli.json("--db", db, "reminders", "--due", "--at", "2026-12-04 15:30", "--json")
    assert [i["group"] for i in due["items"]] == ["today"]

    text = cli("--db", db, "reminders", "--at", "2026-12-05 08:00")
    assert text.returncode == 0 and "已逾期（1）" in text.stdout and "钱经理" in text.stdout

    ics = tmp_path / "follow-ups.ics"
    result = cli("--db", db, "reminders", "--ics", str(ics))
    assert result.returncode == 0 and "1 条" in result.stdout
    (event,) = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "测试客户：电话确认试用"


def test_bad_input_and_usage(cli, tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    cli.json("--db", db, "demo", "--customers", "3", "--json")
    _one_line_error(cli("--db", db, "log", "99999", "--kind", "visit", "--summary", "x"))
    _one_line_error(cli("--db", db, "log", "1", "--kind", "飞鸽", "--summary", "x"))
    _one_line_error(cli("--db", db, "log", "1", "--kind", "call", "--summary", "x",
                        "--due", "2026-12-04"))
    _one_line_error(cli("--db", db, "reminders", "--ics", str(tmp_path / "no" / "x.ics")))
    assert cli("--db", db, "log", "abc", "--kind", "visit", "--summary", "x").returncode == 2
    assert cli("--db", db, "log", "1", "--summary", "x").returncode == 2
    assert cli("--db", db, "reminders", "--days", "0").returncode == 2
