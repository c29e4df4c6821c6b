"""The SQLite-only part of search (FTS5), and the portable fallback used elsewhere.

One contentless FTS5 table per kind. `search_doc` keeps each document's raw text (for
the LIKE fallback and to remove old tokens on update); the index is fed the same text
with every Chinese character set apart (see text.py). The tables are created by the
Alembic migration on SQLite only; on another database `LikeBackend` searches the raw
columns with LIKE, slower but correct.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, column, or_, select, table, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from ...db_sqlite import is_busy
from ...models import SearchDoc
from ...texts import Text
from .text import split_doc

KINDS = ("customer", "contact", "interaction", "script")
COLUMNS = ("names", "keys", "body")
# The same definition as the first migration's; recreating a damaged table uses it.
FTS_DEFINITION = "fts5(names, keys, body, content='', tokenize='unicode61 remove_diacritics 2')"
SHADOW_SUFFIXES = ("data", "idx", "config", "docsize", "content")


def fts_table(kind: str) -> str:
    assert kind in KINDS
    return f"search_fts_{kind}"


def fts_row(doc_id: int, names: str, keys: str, body: str) -> tuple[int, str, str, str]:
    """What the index is fed for a document: its id and the split text columns."""
    return (doc_id, split_doc(names), keys, split_doc(body))


class FtsBackend:
    """FTS5 on SQLite."""

    name = "sqlite-fts5"
    indexes_documents = True  # bulk writers feed it fts_row()s

    def match_ids(self, session: Session, kind: str, column_name: str | None, expr: str,
                  limit: int | None) -> list[int]:
        if not expr:
            return []
        target = f"{{{column_name}}} : ({expr})" if column_name else expr
        sql = f"SELECT rowid FROM {fts_table(kind)} WHERE {fts_table(kind)} MATCH :q"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [r[0] for r in session.execute(text(sql), {"q": target})]

    def match_among(self, session: Session, kind: str, column_name: str | None, expr: str,
                    ids: Sequence[int]) -> list[int]:
        """Which of these documents the expression matches (rowid lookups, cheap)."""
        if not expr or not ids:
            return []
        name = fts_table(kind)
        target = f"{{{column_name}}} : ({expr})" if column_name else expr
        marks = ", ".join(str(int(i)) for i in ids)
        sql = f"SELECT rowid FROM {name} WHERE {name} MATCH :q AND rowid IN ({marks})"
        return [r[0] for r in session.execute(text(sql), {"q": target})]

    def match_select(self, kind: str, expr: str) -> Select:
        """A selectable of matching search_doc ids, for use inside larger queries."""
        fts = table(fts_table(kind), column("rowid"))
        return select(fts.c.rowid).where(text(f"{fts_table(kind)} MATCH :q").bindparams(q=expr))

    def add(self, conn: Connection, kind: str, rows: Sequence[tuple[int, str, str, str]]) -> None:
        """Index documents given as (id, names, keys, body) raw text."""
        self.add_split(conn, kind, [fts_row(*r) for r in rows])

    def add_split(self, conn: Connection, kind: str, rows: Sequence[tuple[int, str, str, str]]) -> None:
        """Index rows already made by `fts_row` (the bulk paths build them elsewhere)."""
        if rows:
            conn.exec_driver_sql(
                f"INSERT INTO {fts_table(kind)}(rowid, names, keys, body) VALUES (?, ?, ?, ?)",
                list(rows),
            )

    def remove(self, conn: Connection, kind: str, rows: Sequence[tuple[int, str, str, str]]) -> None:
        """A contentless index forgets a document only when told its exact old tokens."""
        if rows:
            name = fts_table(kind)
            conn.exec_driver_sql(
                f"INSERT INTO {name}({name}, rowid, names, keys, body) "
                "VALUES ('delete', ?, ?, ?, ?)",
                [fts_row(*r) for r in rows],
            )

    def clear(self, session: Session, kind: str) -> None:
        name = fts_table(kind)
        session.execute(text(f"INSERT INTO {name}({name}) VALUES ('delete-all')"))

    def recreate(self, session: Session, kind: str) -> None:
        """Drop the table and create it again, empty: the first step of a full rebuild.

        FTS5's own 'delete-all' and 'rebuild' need a readable index, so they fail on the
        very damage a rebuild is for; even DROP TABLE fails when the damaged shadow tables
        stop FTS5 from opening the table. Those are then first reset to the content of a
        new, empty index, after which the table opens and drops normally."""
        name = fts_table(kind)
        try:
            with session.begin_nested():
                session.execute(text(f"DROP TABLE IF EXISTS {name}"))
        except DBAPIError:
            self._reset_shadow_tables(session, name)
            session.execute(text(f"DROP TABLE IF EXISTS {name}"))
        session.execute(text(f"CREATE VIRTUAL TABLE {name} USING {FTS_DEFINITION}"))

    def _reset_shadow_tables(self, session: Session, name: str) -> None:
        """Make `name`'s shadow tables those of an empty index (copied from a new one)."""
        blank = f"{name}_blank"
        session.execute(text(f"DROP TABLE IF EXISTS {blank}"))
        session.execute(text(f"CREATE VIRTUAL TABLE {blank} USING {FTS_DEFINITION}"))
        schema = dict(session.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table'")).all())
        for suffix in SHADOW_SUFFIXES:
            source, target = f"{blank}_{suffix}", f"{name}_{suffix}"
            if source not in schema:
                continue
            if target in schema:
                session.execute(text(f"DELETE FROM {target}"))
            else:
                session.execute(text(schema[source].replace(source, target, 1)))
            session.execute(text(f"INSERT INTO {target} SELECT * FROM {source}"))
        session.execute(text(f"DROP TABLE {blank}"))

    def optimize(self, session: Session, kinds: Sequence[str] = KINDS) -> None:
        """Merge each index's segments into one: what deleted documents left in older
        segments is dropped (an erasure relies on it; see services/personal_data/)."""
        for kind in kinds:
            name = fts_table(kind)
            session.execute(text(f"INSERT INTO {name}({name}) VALUES ('optimize')"))

    def check(self, session: Session) -> list[str]:
        """FTS5's own consistency check of each index, and that each holds exactly the
        documents of its kind; [] when healthy."""
        problems = []
        for kind in KINDS:
            name = fts_table(kind)
            if damage := self._damage(session, name):
                problems.append(Text("{kind} 全文索引损坏（{damage}）", kind=kind, damage=damage))
                continue
            indexed = session.execute(text(f"SELECT count(*) FROM {name}_docsize")).scalar()
            docs = session.execute(
                text("SELECT count(*) FROM search_doc WHERE kind = :k"), {"k": kind}).scalar()
            if indexed != docs:
                problems.append(Text("{kind} 全文索引有 {indexed} 条，文档表有 {docs} 条", kind=kind,
                                     indexed=indexed, docs=docs))
        return problems

    def _damage(self, session: Session, name: str) -> str | None:
        """FTS5's own integrity check; None when it passes. The check is written as an
        INSERT, so while another program holds the write lock (a check beside an open
        window) it cannot run: a read that opens and walks the index stands in for it,
        rather than reporting a healthy index as damaged."""
        try:
            session.execute(text(f"INSERT INTO {name}({name}, rank) VALUES ('integrity-check', 0)"))
            return None
        except Exception as exc:  # noqa: BLE001 - reported, then repaired by a rebuild
            if not is_busy(getattr(exc, "orig", exc)):
                return exc.__class__.__name__
        try:
            session.execute(text(f"SELECT rowid FROM {name} WHERE {name} MATCH 'a OR 1'")).all()
        except Exception as exc:  # noqa: BLE001
            return exc.__class__.__name__
        return None


class LikeBackend:
    """Portable fallback: the same three columns, searched with (I)LIKE."""

    name = "like"
    indexes_documents = False  # searches the document table itself

    def __init__(self, case_insensitive_like: bool) -> None:
        self.ci = case_insensitive_like

    def match_ids(self, session: Session, kind: str, column_name: str | None, pattern: str,
                  limit: int | None) -> list[int]:
        stmt = select(SearchDoc.id).where(SearchDoc.kind == kind, self.condition(column_name, pattern))
        if limit is not None:
            stmt = stmt.limit(limit)
        return list(session.scalars(stmt))

    def condition(self, column_name: str | None, pattern: str):  # type: ignore[no-untyped-def]
        columns = [getattr(SearchDoc, c) for c in ((column_name,) if column_name else COLUMNS)]
        ops = [(c.like(pattern, escape="\\") if self.ci else c.ilike(pattern, escape="\\"))
               for c in columns]
        return or_(*ops)

    def add(self, conn: Connection, kind: str, rows: Sequence) -> None:
        pass

    def add_split(self, conn: Connection, kind: str, rows: Sequence) -> None:
        pass

    def remove(self, conn: Connection, kind: str, rows: Sequence) -> None:
        pass

    def clear(self, session: Session, kind: str) -> None:
        pass

    def recreate(self, session: Session, kind: str) -> None:
        pass

    def optimize(self, session: Session, kinds: Sequence[str] = KINDS) -> None:
        pass

    def check(self, session: Session) -> list[str]:
        return []


def backend_for(session: Session) -> FtsBackend | LikeBackend:
    """FTS5 on SQLite (the migration always creates its tables there), LIKE elsewhere."""
    if session.get_bind().dialect.name == "sqlite":
        return FtsBackend()
    return LikeBackend(case_insensitive_like=False)
