"""Shared fixtures: a fresh, migrated database per test (no state leaks between tests)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import kehubao.services  # noqa: E402,F401  (installs the session hooks)
from kehubao.db import Database, open_database  # noqa: E402

DATA_DIR = Path(__file__).parent / "data"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kehubao.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    from kehubao.services.starter import ensure_starter_data

    database = open_database(str(db_path))
    with database.session() as session:
        ensure_starter_data(session)
    yield database
    database.dispose()


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo database built once per test run; tests copy it."""
    from kehubao.services.demo import generate_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = open_database(str(path))
    generate_demo(database, customers=300, seed=7)
    database.dispose()
    return path


@pytest.fixture
def demo_db(demo_db_template: Path, tmp_path: Path) -> Iterator[Database]:
    import shutil

    path = tmp_path / "demo.db"
    shutil.copyfile(demo_db_template, path)
    database = open_database(str(path))
    yield database
    database.dispose()
