"""The personal-data export's page in the user's language: with the English translation
installed (an English window), the page made for a person of an English database shows
no Chinese; without a translator (the CLI) the same page is Chinese.

The database is built through the services with ASCII names, so any Chinese found is the
program's own words."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from kehubao.db import Database
from kehubao.services import contacts as contact_svc
from kehubao.services import customers as svc
from kehubao.services import followups
from kehubao.services import personal_data as pd

from .english_helpers import chinese, chinese_in, english, english_qm  # noqa: F401 (fixtures)


def person(db: Database) -> int:
    """John Smith of Acme, with every kind of thing the page shows: a full record (enum
    fields, a yes/no), a visit and a reminder, his name in the company's notes and in a
    colleague's call, edits, a stay in the recycle bin, and a colleague erased before (the
    company's notes keep the erasure's mark where her name was)."""
    with db.session() as s:
        firm = svc.create_customer(s, {"name": "Acme Machinery Ltd", "code": "AC-001",
                                       "kind": "company", "phone": "02155556666"},
                                   tags=["Key account", "Export"])
        mary = contact_svc.create_contact(s, firm.id, {"name": "Mary Jones", "mobile": "13600001111"})
        gone = contact_svc.create_contact(s, firm.id, {"name": "Peter Brown",
                                                       "mobile": "13700002222"})
        john = contact_svc.create_contact(s, firm.id, {
            "name": "John Smyth", "mobile": "13911112222", "gender": "male", "title": "Buyer",
            "decision_role": "buyer", "age_band": "middle", "home_region": "north",
            "culture_level": "high", "last_emotion": "anger", "is_primary": True,
            "birthday": "1980-03-04", "wechat": "jsmith", "notes": "Likes tea"})
        ids = {"firm": firm.id, "mary": mary.id, "gone": gone.id, "john": john.id}
    with db.session() as s:
        contact_svc.update_contact(s, ids["john"], {"name": "John Smith", "mobile": "13987654321"})
        svc.update_customer(s, ids["firm"], {"notes": "Ask John Smith or Peter Brown first"})
    with db.session() as s:
        followups.log_interaction(
            s, ids["firm"], kind="visit", summary="Visited John Smith", contact_id=ids["john"],
            mood="joy", occurred_at=datetime(2026, 3, 5, 10, 0), content="Prices discussed",
            next_step="Send samples", next_due="2030-01-02 09:00")
        followups.log_interaction(s, ids["firm"], kind="call", summary="Call with Mary",
                                  contact_id=ids["mary"], occurred_at=datetime(2026, 2, 1, 9, 0),
                                  content="Mary says John Smith travels next month")
    with db.session() as s:
        contact_svc.delete_contacts(s, [ids["john"]])
    with db.session() as s:
        contact_svc.restore_contacts(s, [ids["john"]])
    with db.session() as s:
        pd.erase_contact(s, ids["gone"])
    return ids["john"]


def page(db: Database, contact_id: int, target: Path) -> str:
    with db.session(write=False) as s:
        data = pd.export_contact(s, contact_id)
    return pd.write_export(data, target).read_text(encoding="utf-8")


@pytest.mark.usefixtures("english")
def test_the_page_in_english_has_no_chinese(db: Database, tmp_path: Path) -> None:
    shown = page(db, person(db), tmp_path / "john.html")
    assert chinese_in(shown) == ""
    for said in ("<html lang='en'>", "<title>Personal data export: John Smith</title>",
                 "<h2>Contact details</h2>", "<th>Mobile</th>", "<th>Record ID</th>",
                 "<th>Gender</th><td><pre>Male</pre>", "<th>Primary contact</th><td><pre>No</pre>",
                 "<h2>Interactions (1)</h2>", "<h2>Follow-ups (1)</h2>",
                 "<th>Tags</th><td><pre>Export, Key account</pre>",
                 "<td><pre>Customer 1</pre></td><td><pre>Notes</pre></td>",
                 "Ask John Smith or [deleted] first",
                 "Mary says John Smith travels next month",
                 "<td><pre>Interaction 2</pre></td><td><pre>Details</pre></td>",
                 # the journal's labels as the Undo menu says them, names whole
                 "Edit contact: John Smyth<", "Edit customer: Acme Machinery Ltd<",
                 "Log interaction: Acme Machinery Ltd (Visit)", "<td><pre>Changed</pre>",
                 "<td><pre>Contact 3</pre>", '{&quot;notes&quot;: &quot;Ask John Smith or [deleted] first&quot;}',
                 "Older backups (the backups folder"):
        assert said in shown, said


@pytest.mark.usefixtures("chinese")
def test_the_same_page_without_a_translator_is_chinese(db: Database, tmp_path: Path) -> None:
    shown = page(db, person(db), tmp_path / "john.html")
    for said in ("<html lang='zh-CN'>", "<title>个人信息导出：John Smith</title>",
                 "<h2>联系人信息</h2>", "<th>手机</th>", "<th>性别</th><td><pre>男</pre>",
                 "<h2>跟进记录（1 条）</h2>", "<th>标签</th><td><pre>Export、Key account</pre>",
                 "Ask John Smith or 〔已删除〕 first", "修改联系人：John Smyth<",
                 "<td><pre>跟进记录 2</pre></td><td><pre>详细情况</pre></td>",
                 "较早的备份（数据库旁的 backups 文件夹"):
        assert said in shown, said
