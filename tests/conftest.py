"""Shared fixtures: a fresh, migrated database per test (no state leaks between tests).

Migrating an empty database takes about 0.4 s; copying a migrated one takes a few
milliseconds. So the migrations run once per test run, into a template that every
`db` copies (tests/unit/test_database.py still migrates from empty, on purpose).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import kehubao.services  # noqa: E402,F401  (installs the session hooks)
from kehubao.db import Database, open_database  # noqa: E402

DATA_DIR = Path(__file__).parent / "data"


def overwrite_middle(path: Path) -> None:
    """Damage a database file the way a failing disk does: 60 KB of junk a third of the
    way in (pages of tables and indexes, the header intact)."""
    data = bytearray(path.read_bytes())
    start = len(data) // 3
    data[start:start + 60_000] = bytes((i * 97 + 13) % 256 for i in range(60_000))
    path.write_bytes(bytes(data))


@pytest.fixture
def damage_middle() -> Callable[[Path], None]:
    return overwrite_middle


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kehubao.db"


def settle_file(path: Path) -> None:
    """Fold the WAL into the database file so that copying the one file copies it all."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0


@pytest.fixture(scope="session")
def fresh_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new installation's database, migrated and with its starter data, built once."""
    from kehubao.services.maintenance import prepare_database

    path = tmp_path_factory.mktemp("template") / "fresh.db"
    database = open_database(str(path))
    prepare_database(database)
    database.dispose()
    settle_file(path)
    return path


@pytest.fixture
def fresh_db(fresh_db_template: Path) -> Iterator[Callable[[Path], Database]]:
    """Opens new databases set up like a new installation, at the paths given."""
    opened: list[Database] = []

    def make(path: Path) -> Database:
        shutil.copyfile(fresh_db_template, path)
        opened.append(open_database(str(path)))
        return opened[-1]

    yield make
    for database in opened:
        database.dispose()


@pytest.fixture
def db(db_path: Path, fresh_db: Callable[[Path], Database]) -> Database:
    return fresh_db(db_path)


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database built once per test run; tests copy it."""
    from kehubao.services.demo import generate_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_database(str(path))
    generate_demo(database, customers=300, seed=7)
    database.dispose()
    settle_file(path)
    return path


@pytest.fixture
def demo_db(demo_db_template: Path, tmp_path: Path) -> Iterator[Database]:
    import shutil

    path = tmp_path / "demo.db"
    shutil.copyfile(demo_db_template, path)
    database = open_database(str(path))
    yield database
    database.dispose()
