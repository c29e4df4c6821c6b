"""Opening databases: migrations, pragmas, and refusing bad locations without harm."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from kehubao.config import resolve_database
from kehubao.db import head_revision, open_database
from kehubao.errors import DatabaseLocationError


def test_new_database_is_migrated_to_head(db_path: Path) -> None:
    db = open_database(str(db_path))
    assert db.schema_revision() == head_revision()
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    db.dispose()


def test_models_match_migrations(db_path: Path) -> None:
    """Every model change must come with an Alembic revision."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from kehubao.db import include_in_migrations
    from kehubao.models import Base

    db = open_database(str(db_path))
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": include_in_migrations, "compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    db.dispose()
    assert diff == []


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseLocationError, match="文件夹"):
        open_database(str(tmp_path))


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseLocationError, match="不存在"):
        open_database(str(tmp_path / "nope" / "x.db"))
    assert not (tmp_path / "nope").exists()


def test_non_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    content = "这是一份备忘录，不是数据库。\n".encode() * 100
    path.write_bytes(content)
    with pytest.raises(DatabaseLocationError, match="不是"):
        open_database(str(path))
    assert path.read_bytes() == content
    assert not Path(str(path) + "-wal").exists()


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE music (title TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseLocationError, match="其他程序"):
        open_database(str(path))
    assert path.read_bytes() == before


def test_newer_schema_is_refused(db_path: Path) -> None:
    open_database(str(db_path)).dispose()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseLocationError, match="更新版本"):
        open_database(str(db_path))


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(DatabaseLocationError, match="权限"):
            open_database(str(folder / "x.db"))
    finally:
        folder.chmod(0o700)


def test_database_url_environment_wins_over_path() -> None:
    env = {"KEHUBAO_DATABASE_URL": "postgresql://u:secret@server/crm", "KEHUBAO_DB": "/x.db"}
    target = resolve_database(None, env)
    assert target.path is None and target.url.startswith("postgresql://")
    assert "secret" not in target.display
    assert resolve_database("/tmp/a.db", env).path == Path("/tmp/a.db")
    assert resolve_database(None, {"KEHUBAO_DB": "/y.db"}).path == Path("/y.db")


def test_older_database_is_backed_up_then_migrated(db_path: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A database from an older release opens in a newer one: the newer release has one
    more revision; opening backs the file up first, then upgrades it, data intact."""
    import shutil

    from kehubao import db as dbmod

    db = open_database(str(db_path))
    with db.session() as session:
        session.execute(text("INSERT INTO tag (name) VALUES ('老客户')"))
    current = db.schema_revision()
    db.dispose()

    newer = tmp_path / "migrations"
    shutil.copytree(dbmod.MIGRATIONS_DIR, newer, ignore=shutil.ignore_patterns("__pycache__"))
    (newer / "versions" / "9999_test_colour.py").write_text(
        f'revision = "9999"\ndown_revision = "{current}"\nbranch_labels = None\ndepends_on = None\n'
        "from alembic import op\nimport sqlalchemy as sa\n"
        "def upgrade():\n    with op.batch_alter_table('tag') as b:\n"
        "        b.add_column(sa.Column('shade', sa.String(9)))\n"
        "def downgrade():\n    pass\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(dbmod, "MIGRATIONS_DIR", newer)

    upgraded = open_database(str(db_path))
    assert upgraded.schema_revision() == "9999"
    with upgraded.engine.connect() as conn:
        assert conn.execute(text("SELECT name, shade FROM tag")).all() == [("老客户", None)]
    upgraded.dispose()
    from kehubao.backups.store import list_backups

    backups = list_backups(db_path)
    assert [(b.reason, b.revision, b.verified) for b in backups] == [
        ("before-migration", current, True)]


def test_unwritable_location_gives_one_clear_line(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """As root the permission test above cannot run; check the same path by making the
    folder report itself unwritable."""
    from kehubao import db_sqlite

    real_access = os.access
    monkeypatch.setattr(db_sqlite.os, "access",
                        lambda p, mode: False if mode & os.W_OK else real_access(p, mode))
    with pytest.raises(DatabaseLocationError, match="权限") as err:
        open_database(str(tmp_path / "x.db"))
    assert "\n" not in str(err.value)
    assert not (tmp_path / "x.db").exists()



HOT_JOURNAL_WRITER = r"""
import os, signal, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = DELETE")
conn.execute("PRAGMA cache_size = 1")  # spill pages to the file so the journal is hot
conn.execute("BEGIN IMMEDIATE")
conn.executemany("INSERT INTO tag (name) VALUES (?)", [(f"半截{i:05d}" * 20,) for i in range(3000)])
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(os.name == "nt", reason="needs SIGKILL")
def test_hot_journal_is_rolled_back_on_open(db_path: Path) -> None:
    """A writer killed mid-transaction (a big demo in rollback-journal mode) leaves a hot
    journal; opening rolls it back instead of calling the database read-only."""
    import subprocess
    import sys

    open_database(str(db_path)).dispose()
    subprocess.run([sys.executable, "-c", HOT_JOURNAL_WRITER, str(db_path)], check=False)
    journal = Path(str(db_path) + "-journal")
    assert journal.exists()
    ro = sqlite3.connect(f"file:{db_path.as_posix()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):  # what a read-only probe meets
        ro.execute("SELECT count(*) FROM tag").fetchone()
    ro.close()
    db = open_database(str(db_path))
    with db.session(write=False) as session:
        assert session.execute(text("SELECT count(*) FROM tag")).scalar() == 0
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    db.dispose()
    assert not journal.exists()


def test_set_journal_mode_gives_up_quietly_when_locked(db_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Best effort: after a cancelled bulk load, a lock held elsewhere must not replace
    the real reason (Ctrl-C) with "database is locked"."""
    from kehubao import db_sqlite

    db = open_database(str(db_path))
    db.dispose()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(db_sqlite, "BUSY_TIMEOUT_MS", 50)
    try:
        assert db_sqlite.set_journal_mode(db.engine, "WAL") == ""
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        db.dispose()


def test_failed_rollback_keeps_the_original_error(db_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy.orm import Session

    db = open_database(str(db_path))

    def locked(self: Session) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(Session, "rollback", locked)
    with pytest.raises(KeyboardInterrupt):
        with db.session() as session:
            session.execute(text("INSERT INTO tag (name) VALUES ('未保存')"))
            raise KeyboardInterrupt
    monkeypatch.undo()
    with db.session(write=False) as session:
        assert session.execute(text("SELECT count(*) FROM tag")).scalar() == 0
    db.dispose()


@pytest.mark.parametrize("url, words", [("junk", "不是有效的数据库地址"),
                                        ("nosuchdb://server/crm", "不支持")])
def test_unusable_database_url_is_a_location_error(url: str, words: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEHUBAO_DATABASE_URL", url)
    with pytest.raises(DatabaseLocationError, match=words):
        open_database()


def test_database_errors_are_described_for_the_user() -> None:
    from kehubao.db import describe_database_error

    def error(cls: type, message: str, name: str) -> sqlite3.Error:
        exc = cls(message)
        exc.sqlite_errorname = name  # type: ignore[attr-defined]
        return exc

    locked = error(sqlite3.OperationalError, "database is locked", "SQLITE_BUSY")
    damaged = error(sqlite3.DatabaseError, "database disk image is malformed", "SQLITE_CORRUPT")
    index = error(sqlite3.DatabaseError, "vtable constructor failed: search_fts_customer",
                  "SQLITE_CORRUPT_VTAB")
    assert "正被其他程序使用" in describe_database_error(locked, "x.db")
    assert "kehubao restore" in describe_database_error(damaged, "x.db")
    assert "check --reindex" in describe_database_error(index, "x.db")
    assert describe_database_error(ValueError("bug"), "x.db") is None
    assert describe_database_error(error(sqlite3.OperationalError, "no such column: x",
                                         "SQLITE_ERROR"), "x.db") is None
