"""The window's way of noticing another program's writes (PRAGMA data_version)."""

from __future__ import annotations

import sqlite3

from sqlalchemy import text

from kehubao.db import Database
from kehubao.services.customers import create_customer
from kehubao.services.external_changes import ExternalChanges
from kehubao.services.tracking import everything_changed


def write_elsewhere(db: Database) -> None:
    """A commit by another connection, as `kehubao import` in a terminal makes."""
    conn = sqlite3.connect(db.path, timeout=10)
    try:
        conn.execute("INSERT INTO setting (key, value, updated_at) VALUES ('elsewhere', '1', '2026-01-01 00:00:00')")
        conn.commit()
    finally:
        conn.close()


def write_here(db: Database, name: str = "甲公司") -> None:
    with db.session() as session:
        create_customer(session, {"name": name})


def test_another_connections_commit_is_noticed_once(db: Database) -> None:
    watcher = ExternalChanges(db)
    try:
        assert not watcher.check()
        write_elsewhere(db)
        assert watcher.check()
        assert not watcher.check()
    finally:
        watcher.close()


def test_our_own_writes_and_reads_are_not_someone_elses(db: Database) -> None:
    watcher = ExternalChanges(db)
    try:
        write_here(db)
        with db.session(write=False) as session:
            session.execute(text("SELECT count(*) FROM customer")).scalar()
        write_here(db, "乙公司")
        assert not watcher.check()
    finally:
        watcher.close()


def test_a_change_just_before_our_own_write_is_not_hidden_by_it(db: Database) -> None:
    watcher = ExternalChanges(db)
    try:
        write_elsewhere(db)
        write_here(db)  # would otherwise become the new baseline
        assert watcher.check()
    finally:
        watcher.close()


def test_a_closed_watcher_hears_nothing_and_holds_nothing(db: Database) -> None:
    watcher = ExternalChanges(db)
    watcher.close()
    write_here(db)
    write_elsewhere(db)
    assert not watcher.check()


def test_everything_changed_names_the_data_tables() -> None:
    entities = {change.entity for change in everything_changed()}
    assert {"customer", "contact", "interaction", "follow_up", "objection_script"} <= entities
    assert "search_doc" not in entities and "setting" not in entities
    assert all(not change.ids for change in everything_changed())  # "refresh all"


def test_a_database_in_a_chinese_folder_with_spaces(tmp_path, fresh_db) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "销售 资料#1"
    folder.mkdir()
    db = fresh_db(folder / "客户.db")
    watcher = ExternalChanges(db)
    try:
        assert watcher._read() is not None
        write_elsewhere(db)
        assert watcher.check()
    finally:
        watcher.close()


def test_the_uri_of_a_windows_share() -> None:
    from pathlib import PureWindowsPath

    from kehubao.services.external_changes import _read_write_uri

    share = PureWindowsPath(r"\\server\share\kehubao.db")
    assert _read_write_uri(share) == "file:////server/share/kehubao.db?mode=rw"  # type: ignore[arg-type]
    assert _read_write_uri(PureWindowsPath(r"C:\数据\kehubao.db")).startswith("file:///C:/")  # type: ignore[arg-type]


def test_a_bulk_load_still_gets_the_file_to_itself(db: Database) -> None:
    """Database.bulk_load leaves WAL mode only when no other connection has the file
    open: the watcher lets go of it when the engine does."""
    watcher = ExternalChanges(db)
    try:
        with db.bulk_load():
            with db.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
            write_here(db)
        assert not watcher.check()  # a fresh start after letting go: our load is not news
        write_elsewhere(db)
        assert watcher.check()
    finally:
        watcher.close()
