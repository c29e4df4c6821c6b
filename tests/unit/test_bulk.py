"""Bulk-load helpers."""

from __future__ import annotations

import gc
import threading

from kehubao.bulk import BULK_GC_THRESHOLD, fewer_collections


def test_fewer_collections_raises_thresholds_and_restores_them_when_the_outermost_ends() -> None:
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == BULK_GC_THRESHOLD
        with fewer_collections():
            assert gc.get_threshold() == BULK_GC_THRESHOLD
        assert gc.get_threshold() == BULK_GC_THRESHOLD  # the outer load is still running
    assert gc.get_threshold() == before


def test_fewer_collections_restores_after_an_error_and_across_threads() -> None:
    before = gc.get_threshold()
    inside = threading.Event()
    leave = threading.Event()

    def load() -> None:
        with fewer_collections():
            inside.set()
            leave.wait(5)

    worker = threading.Thread(target=load)
    worker.start()
    inside.wait(5)
    try:
        with fewer_collections():
            raise ValueError
    except ValueError:
        pass
    assert gc.get_threshold() == BULK_GC_THRESHOLD  # the worker's load goes on
    leave.set()
    worker.join(5)
    assert gc.get_threshold() == before


def test_empty_columns_are_left_out_only_where_the_database_would_store_null() -> None:
    from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select

    from kehubao.bulk import bulk_insert, without_empty_columns

    table = Table("t", MetaData(), Column("id", Integer, primary_key=True), Column("a", String),
                  Column("b", String), Column("status", String, server_default="potential"))
    columns = ["id", "a", "b", "status"]
    rows = [(1, None, "x", None), (2, None, None, None)]

    kept, narrow = without_empty_columns(table, columns, rows)
    assert kept == ["id", "b", "status"]  # status: NULL here, but its default is not
    assert narrow == [(1, "x", None), (2, None, None)]
    assert without_empty_columns(table, columns, []) == (columns, [])
    full = [(1, "a", "b", "s")]
    assert without_empty_columns(table, columns, full) == (columns, full)

    engine = create_engine("sqlite://")
    table.metadata.create_all(engine)
    with engine.begin() as conn:
        bulk_insert(conn, table, kept, narrow)
        assert conn.execute(select(table).order_by(table.c.id)).all() == [
            (1, None, "x", None), (2, None, None, None)]


def test_temporary_keys_nest_when_their_kinds_differ() -> None:
    from sqlalchemy import create_engine, select

    from kehubao.bulk import temporary_keys

    engine = create_engine("sqlite://")
    with engine.begin() as conn:
        with temporary_keys(conn, texts={"phone": ["138", "139"]}) as outer:
            with temporary_keys(conn, numbers={"company": [1, 2, 3]}) as inner:
                assert sorted(conn.scalars(inner("company"))) == [1, 2, 3]
            assert sorted(conn.scalars(outer("phone"))) == ["138", "139"]  # still there
        assert conn.scalars(select(outer("phone").subquery())).all() == []
