"""Where things live: the database, the resources shipped with the app, user data.

The database is chosen, in order, by `--db PATH`, by a full SQLAlchemy URL in
`KEHUBAO_DATABASE_URL` (so a team can later point several laptops at one server), by a
path in `KEHUBAO_DB`, and otherwise is `kehubao.db` in the user data directory.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "kehubao"
APP_DISPLAY_NAME = "客户宝"
DB_FILE_NAME = "kehubao.db"
MOVES_FILE_NAME = "moved-databases.json"


@dataclass(frozen=True)
class DatabaseTarget:
    """Which database to open: a SQLite file path, or any SQLAlchemy URL."""

    url: str
    path: Path | None  # set for SQLite files
    is_default: bool = False  # the user data dir location, which we may create
    moved_from: Path | None = None  # named at this old place, moved here out of danger

    @property
    def display(self) -> str:
        return str(self.path) if self.path else _redact(self.url)


def user_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return user_data_dir() / DB_FILE_NAME


def resolve_database(db_arg: str | None = None, env: dict[str, str] | None = None) -> DatabaseTarget:
    env = os.environ if env is None else env
    if db_arg:
        return _target_for_path(Path(db_arg))
    if url := env.get("KEHUBAO_DATABASE_URL", "").strip():
        if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
            return _target_for_path(Path(url.removeprefix("sqlite:///")))
        return DatabaseTarget(url=url, path=None)
    if path := env.get("KEHUBAO_DB", "").strip():
        return _target_for_path(Path(path))
    target = _target_for_path(default_database_path())
    return DatabaseTarget(url=target.url, path=target.path, is_default=True)


def _target_for_path(path: Path) -> DatabaseTarget:
    path = path.expanduser().absolute()
    if (moved := moved_database(path)) is not None:
        return DatabaseTarget(url=f"sqlite:///{moved.as_posix()}", path=moved, moved_from=path)
    return DatabaseTarget(url=f"sqlite:///{path.as_posix()}", path=path)


def database_path_key(path: Path | str) -> str:
    """One spelling of a database file's place: the same for ``.\\x.db``, ``X.DB`` on
    Windows and a link to it (the window lock and the record of moves use it)."""
    return os.path.normcase(os.path.realpath(os.path.abspath(os.fspath(path))))


def moved_databases_file() -> Path:
    return user_data_dir() / MOVES_FILE_NAME


def moved_database(path: Path) -> Path | None:
    """Where the database named ``path`` was moved (out of a synced folder or a network
    drive, by the window: ``services/locations.move_database``), if it still exists
    there; the window and the command line then both use the new place."""
    file = moved_databases_file()
    if not file.is_file():
        return None
    try:
        moves = json.loads(file.read_text(encoding="utf-8"))
        new = moves.get(database_path_key(path)) if isinstance(moves, dict) else None
    except (OSError, ValueError):
        return None
    if isinstance(new, str) and Path(new).is_file():
        return Path(new)
    return None


def _redact(url: str) -> str:
    """Hide a password in a server URL before showing it."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        creds, host = rest.rsplit("@", 1)
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url


@functools.cache
def resources_dir() -> Path:
    """The `resources/` folder: inside the package when installed from a wheel, beside
    `src/` in a source checkout, or in the PyInstaller bundle."""
    here = Path(__file__).resolve().parent
    candidates = [here / "resources", here.parents[1] / "resources"]
    if bundle := getattr(sys, "_MEIPASS", None):
        candidates.insert(0, Path(bundle) / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("resources folder not found next to the kehubao package")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
