"""Personal information (services/personal_data/): an export holds everything stored
about a contact; erasing a contact or a customer leaves nothing of them — not in the
tables, the journal, an import's records, the search index, nor anywhere in the bytes of
the database file and its write-ahead log."""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import event, func, select, text

from kehubao.db import Database
from kehubao.errors import UserError
from kehubao.exchange.importer import ImportOptions, run_import
from kehubao.exchange.records import read_source
from kehubao.models import (
    ChangeRecord,
    Contact,
    Customer,
    Evaluation,
    FollowUp,
    Interaction,
    Operation,
    RiskEvent,
    Score,
    SearchDoc,
    SupportAction,
    Transaction,
    customer_tag,
)
from kehubao.services import contacts as contact_svc
from kehubao.services import customers as svc
from kehubao.services import evaluation, followups
from kehubao.services import personal_data as pd
from kehubao.services.journal import last_undoable, undo
from kehubao.services.merge import merge_customers
from kehubao.services.search import check_index, search

from .evaluation.helpers import evaluate_all

NAME, OLD_NAME = "薛定谔猫", "薛定谔"
MOBILE, OLD_MOBILE = "13987654321", "13911112222"
EMAIL, WECHAT = "schrodinger@box.example", "schrodinger_cat"
# Whatever form the person's data may take in the file: the text, its pinyin (sort keys,
# search keys), and the JSON escapes the journal's columns store non-ASCII text in.
NEEDLES = (NAME, OLD_NAME, MOBILE, OLD_MOBILE, EMAIL, WECHAT, "xue ding e", "xuedinge")


@pytest.fixture
def plain_db(db: Database) -> Database:
    """The database as a SQLite build without SECURE_DELETE leaves it (many builds,
    python.org's among them): deleted and overwritten bytes stay in the file's free
    space. Only the erasure's own connection may zero anything."""
    @event.listens_for(db.engine, "connect")
    def _plain(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        dbapi_conn.execute("PRAGMA secure_delete = OFF")

    db.engine.dispose()
    return db


def traces(db: Database, needles: tuple[str, ...] = NEEDLES, *, close: bool = True) -> list[str]:
    """The needles found in the bytes of the database file or its write-ahead log, once
    every connection is closed (``close``), or as they are while the program still runs."""
    if close:
        db.engine.dispose()
    path = Path(str(db.path))
    found = []
    for file in (path, Path(f"{path}-wal")):
        if not file.exists():
            continue
        data = file.read_bytes()
        for needle in needles:
            for form in {needle.encode("utf-8"), json.dumps(needle)[1:-1].encode("ascii")}:
                if form in data:
                    found.append(f"{needle} in {file.name}")
    return found


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def import_csv(db: Database, path: Path) -> None:
    with db.session() as s:
        run_import(s, read_source(path, "auto", session=s), ImportOptions(on_duplicate="merge"))


def person_with_a_history(db: Database, tmp_path: Path) -> dict[str, int]:
    """A company with two contacts; one of them, 薛定谔猫, edited (their old name and number
    are in the journal), visited, reminded of, named in the company's notes and in a
    colleague's visit, merged into by an import, binned and restored."""
    with db.session() as s:
        firm = svc.create_customer(s, {"name": "明德机电有限公司", "phone": "01088886666",
                                       "kind": "company"}, tags=["VIP"])
        colleague = contact_svc.create_contact(s, firm.id, {"name": "王建国", "mobile": "13600001111"})
        cat = contact_svc.create_contact(s, firm.id, {
            "name": OLD_NAME, "mobile": OLD_MOBILE, "notes": "喜欢猫", "birthday": "1987-08-12"})
        ids = {"firm": firm.id, "colleague": colleague.id, "cat": cat.id}
    with db.session() as s:
        contact_svc.update_contact(s, ids["cat"], {"name": NAME, "mobile": MOBILE, "wechat": WECHAT})
    for n in range(4):  # notes that shrink: each edit leaves the longer text behind
        with db.session() as s:
            contact_svc.update_contact(s, ids["cat"], {"notes": "长备注" * (40 - 8 * n) + NAME})
        with db.session() as s:
            svc.update_customer(s, ids["firm"], {"notes": "公司备注" * (40 - 8 * n) + f"联系人{NAME}"})
    with db.session() as s:
        own = followups.log_interaction(
            s, ids["firm"], kind="visit", summary=f"拜访{NAME}", contact_id=ids["cat"],
            occurred_at=datetime(2026, 3, 5, 10, 0), content=f"{NAME}说价格太高，手机{MOBILE}",
            next_step=f"给{NAME}寄样品", next_due="2030-01-02 09:00")
        theirs = followups.log_interaction(
            s, ids["firm"], kind="call", summary="与王建国通话", contact_id=ids["colleague"],
            occurred_at=datetime(2026, 2, 1, 9, 0), content=f"王建国说{NAME}下月出差")
        ids.update(own=own.id, theirs=theirs.id)
    import_csv(db, write_csv(tmp_path / "名单.csv", [["公司名称", "联系人", "手机", "邮箱"],
                                                     ["明德机电有限公司", NAME, MOBILE, EMAIL]]))
    with db.session() as s:
        contact_svc.delete_contacts(s, [ids["cat"]])
    with db.session() as s:
        contact_svc.restore_contacts(s, [ids["cat"]])
    return ids


# ------------------------------------------------------------------------------ export


def test_the_export_holds_everything_stored_about_the_contact(db: Database, tmp_path: Path) -> None:
    ids = person_with_a_history(db, tmp_path)
    with db.session(write=False) as s:
        data = pd.export_contact(s, ids["cat"])

    assert data["format"] == pd.FORMAT
    assert data["contact"]["name"] == NAME and data["contact"]["mobile"] == MOBILE
    assert data["contact"]["email"] == EMAIL and data["contact"]["birthday"] == "1987-08-12"
    assert data["customer"]["name"] == "明德机电有限公司" and data["customer_tags"] == ["VIP"]
    assert [i["id"] for i in data["interactions"]] == [ids["own"]]
    assert [f["title"] for f in data["follow_ups"]] == [f"给{NAME}寄样品"]
    mentioned = {(m["table"], m["id"], m["field"]) for m in data["mentions"]}
    assert mentioned == {("customer", ids["firm"], "notes"), ("interaction", ids["theirs"], "content")}
    # the journal remembers the old name and number, the import's merge and the bin
    edits = [e for e in data["journal"] if e["table"] == "contact" and e["action"] == "update"]
    assert any(e["before"].get("mobile") == OLD_MOBILE and e["after"].get("name") == NAME
               for e in edits)
    assert any(e["operation"] == "import" and e["after"] == {"email": EMAIL} for e in edits)
    assert any(e["operation"] == "delete" for e in edits)
    assert {(d["kind"], d["title"]) for d in data["search_documents"]} >= {("contact", NAME)}
    assert pd.export_summary(data)["interactions"] == 1

    json_file = pd.write_export(data, tmp_path / "out.json")
    assert json.loads(json_file.read_text(encoding="utf-8"))["contact"]["wechat"] == WECHAT
    page = pd.write_export(data, tmp_path / "out.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    for shown in (f"个人信息导出：{NAME}", "<th>手机</th>", MOBILE, "明德机电有限公司", "拜访",
                  "王建国说薛定谔猫下月出差", "backups"):
        assert shown in page, shown
    with pytest.raises(UserError, match=r"\.json 或 \.html"):
        pd.write_export(data, tmp_path / "out.txt")


def test_the_html_escapes_what_the_user_typed(db: Database, tmp_path: Path) -> None:
    with db.session() as s:
        firm = svc.create_customer(s, {"name": "测试公司"})
        person = contact_svc.create_contact(s, firm.id, {"name": "<b>李</b>", "notes": "<script>x</script>"})
    with db.session(write=False) as s:
        page = pd.write_export(pd.export_contact(s, person.id), tmp_path / "p.html").read_text("utf-8")
    assert "<script>x" not in page and "&lt;script&gt;x" in page and "<b>李" not in page


def test_exporting_an_unknown_contact_says_so(db: Database) -> None:
    with db.session(write=False) as s, pytest.raises(UserError, match="找不到编号为 999 的联系人"):
        pd.export_contact(s, 999)


# ------------------------------------------------------------------------------- erase


def test_erasing_a_contact_leaves_no_trace_in_the_database_file(plain_db: Database,
                                                                tmp_path: Path) -> None:
    db = plain_db
    ids = person_with_a_history(db, tmp_path)
    assert traces(db)  # the test can see them: the data really is in the file

    with db.session() as s:
        result = pd.erase_contact(s, ids["cat"])
    assert result.rows == {"contact": 1, "interaction": 1, "follow_up": 1}
    assert result.redacted == 2 and result.journal > 0
    assert result.file_cleaned is True
    assert "backups" in result.notice

    assert traces(db, close=False) == []  # the write-ahead log was emptied at once
    assert Path(f"{db.path}-wal").stat().st_size == 0
    assert traces(db) == []
    with db.session(write=False) as s:
        assert s.get(Contact, ids["cat"]) is None
        assert s.get(Interaction, ids["own"]) is None
        assert s.scalar(select(func.count()).select_from(FollowUp)) == 0
        # the company and the colleague stay, their text no longer naming the person
        firm = s.get(Customer, ids["firm"])
        assert firm.notes.endswith(f"联系人{pd.REDACTED}")
        assert s.get(Interaction, ids["theirs"]).content == f"王建国说{pd.REDACTED}下月出差"
        assert s.get(Contact, ids["colleague"]).name == "王建国"
        assert firm.last_contact_at == datetime(2026, 2, 1, 9, 0)  # the colleague's call
        assert firm.next_follow_up_at is None
        assert search(s, NAME).hits == [] and search(s, MOBILE).hits == []
        assert [h.title for h in search(s, "王建国").hits if h.kind == "contact"] == ["王建国"]
        assert check_index(s) == []
        # the journal keeps no record of the contact's row, and no label names them
        assert s.scalar(select(func.count()).select_from(ChangeRecord).where(
            ChangeRecord.table_name == "contact", ChangeRecord.row_id == ids["cat"])) == 0
        assert not [label for label in s.scalars(select(Operation.label)) if OLD_NAME in label]
        erased = s.scalar(select(Operation).where(Operation.kind == "erase"))
        assert erased.label == f"彻底删除联系人（编号 {ids['cat']}）"
        integrity = s.execute(text("PRAGMA integrity_check")).scalar()
    assert integrity == "ok"

    # Older operations still undo: the company's notes go back to the previous (equally
    # scrubbed) text, since the journal was redacted the same way as the row.
    with db.session() as s:
        op = last_undoable(s)
        assert op.kind in ("edit", "create") and NAME not in op.label
        undo(s, op.id)
    with db.session(write=False) as s:
        assert pd.REDACTED in (s.get(Customer, ids["firm"]).notes or pd.REDACTED)
    assert traces(db, (NAME, MOBILE)) == []


def test_a_number_the_company_shares_is_not_erased_from_it(db: Database) -> None:
    """The switchboard number a contact shares with the company, and a colleague's name
    inside text, belong to the records that stay."""
    with db.session() as s:
        firm = svc.create_customer(s, {"name": "明德机电有限公司", "phone": "01088886666",
                                       "notes": "总机 01088886666，找张伟或李娜"})
        zhang = contact_svc.create_contact(s, firm.id, {"name": "张伟", "phone": "01088886666"})
        contact_svc.create_contact(s, firm.id, {"name": "李娜", "phone": "01088886666"})
    with db.session() as s:
        pd.erase_contact(s, zhang.id)
    with db.session(write=False) as s:
        assert s.get(Customer, firm.id).notes == f"总机 01088886666，找{pd.REDACTED}或李娜"
        assert s.get(Customer, firm.id).phone == firm.phone  # as stored (010-88886666)


def test_erasing_a_customer_removes_it_and_everything_hanging_off_it(
        plain_db: Database, tmp_path: Path) -> None:
    db = plain_db
    import_csv(db, write_csv(tmp_path / "客户.csv", [
        ["公司名称", "联系人", "手机", "备注", "标签"],
        ["薛定谔猫科技有限公司", NAME, MOBILE, "薛定谔猫科技的老客户", "猫"],
        ["邻居贸易有限公司", "赵四", "13700002222", "", ""]]))
    with db.session(write=False) as s:
        firm = s.scalar(select(Customer.id).where(Customer.name == "薛定谔猫科技有限公司"))
        neighbour = s.scalar(select(Customer.id).where(Customer.name == "邻居贸易有限公司"))
    with db.session() as s:
        twin = svc.create_customer(s, {"name": "薛定谔猫科技（旧档案）", "phone": OLD_MOBILE}).id
        contact_svc.create_contact(s, twin, {"name": OLD_NAME, "email": EMAIL})
        svc.update_customer(s, neighbour, {"referred_by_id": firm})
        followups.log_interaction(s, firm, kind="visit", summary="年度框架",
                                  occurred_at=datetime(2026, 3, 1, 9, 0))
        followups.create_follow_up(s, firm, title="回访", due_at=datetime(2030, 1, 1, 9, 0))
        evaluation.record_transaction(s, firm, "sale", date(2026, 2, 14), 1234500, product="刀具")
        evaluate_all(s, firm, on=date(2026, 3, 1))
        evaluation.record_support(s, firm, "sales", date(2026, 3, 2), "陪同拜访")
        evaluation.record_risk(s, firm, "dumping", date(2026, 3, 3), "低价抛售", evidence=NAME)
    with db.session() as s:
        merge_customers(s, firm, twin)  # the old record waits in the bin, merged
    with db.session() as s:
        svc.delete_customers(s, [firm])
    with db.session() as s:
        svc.restore_customers(s, [firm])
    with db.session(write=False) as s:
        preview = pd.erasure_preview(s, "customer", firm)
    assert preview.rows["customer"] == 2 and preview.rows["contact"] == 2

    with db.session() as s:
        result = pd.erase_customer(s, firm)
    assert result.rows["customer"] == 2 and result.rows["contact"] == 2
    assert result.file_cleaned is True

    assert traces(db, (*NEEDLES, "薛定谔猫科技")) == []
    with db.session(write=False) as s:
        for model in (Contact, Interaction, FollowUp, Transaction, Evaluation, SupportAction,
                      RiskEvent):
            assert s.scalar(select(func.count()).select_from(model).where(
                model.customer_id.in_([firm, twin]))) == 0, model
        assert s.scalar(select(func.count()).select_from(Score)) == 0
        assert s.scalar(select(func.count()).select_from(customer_tag).where(
            customer_tag.c.customer_id == firm)) == 0
        assert s.scalar(select(func.count()).select_from(SearchDoc).where(
            SearchDoc.customer_id.in_([firm, twin]))) == 0
        assert s.get(Customer, neighbour).referred_by_id is None
        # the import's list of created rows no longer names the erased ones
        lists = s.scalars(select(ChangeRecord.after).where(ChangeRecord.action == "insert_many"))
        assert all(firm not in (after or {}).get("ids", []) for after in lists)
        assert [h.title for h in search(s, "赵四").hits] == ["赵四"]
        assert check_index(s) == []


def test_erasing_a_contact_of_an_individual_customer_points_to_the_customer(db: Database) -> None:
    with db.session() as s:
        person = svc.create_customer(s, {"name": NAME, "kind": "person"})
        contact = contact_svc.create_contact(s, person.id, {"name": NAME, "mobile": MOBILE})
    with db.session(write=False) as s:
        assert pd.erasure_preview(s, "contact", contact.id).individual is True


def test_unknown_records_are_refused_and_nothing_changes(db: Database) -> None:
    with db.session() as s:
        firm = svc.create_customer(s, {"name": "明德机电有限公司"}).id
    for erase, what in ((pd.erase_contact, "联系人"), (pd.erase_customer, "客户")):
        with pytest.raises(UserError, match=f"找不到编号为 999 的{what}"):
            with db.session() as s:
                erase(s, 999)
    with pytest.raises(UserError):
        with db.session(write=False) as s:
            pd.erasure_preview(s, "script", 1)
    with db.session(write=False) as s:
        assert s.get(Customer, firm) is not None
        assert s.scalar(select(func.count()).select_from(Operation).where(
            Operation.kind == "erase")) == 0


def test_the_erasure_cannot_be_undone(db: Database) -> None:
    with db.session() as s:
        firm = svc.create_customer(s, {"name": "明德机电有限公司"})
        person = contact_svc.create_contact(s, firm.id, {"name": NAME}).id
    with db.session() as s:
        pd.erase_contact(s, person)
    with db.session() as s:
        op = last_undoable(s)
        assert op.label == "新建客户：明德机电有限公司"  # creating the contact left no step
        undo(s, op.id)
    with db.session(write=False) as s:
        assert s.get(Contact, person) is None


def test_what_the_erasure_deletes_is_zeroed_even_if_the_file_cannot_be_rebuilt(
        plain_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    db = plain_db
    with db.session() as s:
        firm = svc.create_customer(s, {"name": "明德机电有限公司"})
        person = contact_svc.create_contact(s, firm.id, {"name": NAME, "mobile": MOBILE}).id
        followups.log_interaction(s, firm.id, kind="call", summary=f"致电{NAME}", contact_id=person)

    def disk_full(_engine):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(pd.erase, "clean_file", disk_full)  # where the erasure calls it
    with db.session() as s:
        result = pd.erase_contact(s, person)
    assert result.file_cleaned is False  # said, not raised: the erasure is committed
    assert traces(db, (NAME, MOBILE)) == []


def test_the_file_is_cleaned_even_while_a_reader_is_open(db: Database) -> None:
    """A reader keeps old pages alive; the checkpoint then reports it instead of failing."""
    with db.session() as s:
        firm = svc.create_customer(s, {"name": "明德机电有限公司"})
        person = contact_svc.create_contact(s, firm.id, {"name": NAME}).id
    reader = sqlite3.connect(str(db.path), timeout=0.1)
    reader.execute("PRAGMA busy_timeout = 100")
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM contact").fetchone()
    try:
        with db.session() as s:
            result = pd.erase_contact(s, person)
    finally:
        reader.close()
    assert result.rows["contact"] == 1
    assert result.file_cleaned in (True, False)  # committed either way; never an exception
    with db.session(write=False) as s:
        assert s.get(Contact, person) is None


def test_undoing_a_merge_never_points_back_at_an_erased_record(db: Database) -> None:
    """Erasing the record merged away leaves the merge undoable: what moved stays."""
    with db.session() as s:
        keep = svc.create_customer(s, {"name": "明德机电有限公司"}).id
        old = svc.create_customer(s, {"name": "明德机电（旧档案）", "phone": "01088886666"}).id
        moved = contact_svc.create_contact(s, old, {"name": "赵六"}).id
    with db.session() as s:
        merge_customers(s, keep, old)
    with db.session() as s:
        assert pd.erase_customer(s, old).rows == {"customer": 1}
    with db.session() as s:
        op = last_undoable(s)
        assert op.kind == "merge"
        undo(s, op.id)
    with db.session(write=False) as s:
        assert s.get(Contact, moved).customer_id == keep
        assert s.get(Customer, keep).phone is None  # what the merge filled in went back
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []


def test_undoing_a_change_of_referral_never_names_an_erased_customer(db: Database) -> None:
    with db.session() as s:
        firm = svc.create_customer(s, {"name": "薛定谔猫工作室"}).id
        other = svc.create_customer(s, {"name": "明德机电有限公司"}).id
        neighbour = svc.create_customer(s, {"name": "邻居贸易有限公司", "referred_by_id": firm}).id
    with db.session() as s:
        svc.update_customer(s, neighbour, {"referred_by_id": other, "source": "展会"})
    with db.session() as s:
        pd.erase_customer(s, firm)
    with db.session() as s:
        op = last_undoable(s)
        assert op.label == "修改客户：邻居贸易有限公司"
        undo(s, op.id)
    with db.session(write=False) as s:
        row = s.get(Customer, neighbour)
        assert (row.referred_by_id, row.source) == (other, None)
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []
