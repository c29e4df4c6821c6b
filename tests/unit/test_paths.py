"""Paths as Chinese users have them: a user named 张 三 (Chinese, a space), folders named
客户 宝, 项目#2 or 50%20. The database, its backups and the log must land in exactly
that folder, never in one whose name was cut at ``#`` or decoded from ``%20``."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path, PureWindowsPath

import platformdirs
import platformdirs.windows
import pytest

from kehubao import config, crash_log
from kehubao.db_sqlite import file_uri

# Characters that mean something in a URI, all legal in a Windows folder name ("?" is
# not, but is on Linux and macOS).
ODD_FOLDERS = ["张 三", "项目#2", "50%20 百分", "a&b=c;d"] + ([] if sys.platform == "win32" else ["问?号"])


@pytest.mark.parametrize("folder", ODD_FOLDERS)
def test_file_uri_opens_the_file_at_that_path(tmp_path: Path, folder: str) -> None:
    place = tmp_path / folder
    place.mkdir()
    db = place / "客户 宝.db"
    conn = sqlite3.connect(file_uri(db), uri=True)  # creates it, at that path
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    assert db.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder]  # nothing created beside
    ro = sqlite3.connect(file_uri(db, "ro"), uri=True)
    try:
        assert ro.execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
        with pytest.raises(sqlite3.OperationalError):
            ro.execute("INSERT INTO t VALUES (1)")
    finally:
        ro.close()
    with pytest.raises(sqlite3.OperationalError):  # rw never creates a file
        sqlite3.connect(file_uri(place / "missing.db", "rw"), uri=True)


def test_file_uri_of_windows_paths() -> None:
    assert file_uri(PureWindowsPath(r"C:\Users\张 三\AppData\Local\kehubao\kehubao.db"), "ro") == (
        "file:///C:/Users/%E5%BC%A0%20%E4%B8%89/AppData/Local/kehubao/kehubao.db?mode=ro")
    assert file_uri(PureWindowsPath(r"\\server\share\项目#2\k.db")) == (
        "file:////server/share/%E9%A1%B9%E7%9B%AE%232/k.db")


def test_default_places_under_a_windows_user_named_zhang_san(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Windows' logic, run here: the database in %LOCALAPPDATA%\\kehubao (not roaming,
    and not kehubao\\kehubao: no author folder), the log beside it in Logs."""
    local = r"C:\Users\张 三\AppData\Local"
    folders = {"CSIDL_LOCAL_APPDATA": local, "CSIDL_APPDATA": r"C:\Users\张 三\AppData\Roaming"}
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", folders.__getitem__)
    # (os.path.join writes "/" here, "\\" on Windows: compared as Windows paths.)
    assert PureWindowsPath(config.default_database_path()) == PureWindowsPath(
        local, "kehubao", "kehubao.db")
    assert PureWindowsPath(crash_log.crash_log_path()) == PureWindowsPath(
        local, "kehubao", "Logs", "crash.log")


@pytest.mark.skipif(sys.platform == "win32", reason="XDG and HOME: Linux and macOS")
def test_default_places_under_a_home_named_zhang_san(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "home" / "张 三"
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "KEHUBAO_DB", "KEHUBAO_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    target = config.resolve_database()
    assert target.is_default and target.path is not None
    assert target.path.is_relative_to(home) and target.path.name == "kehubao.db"
    assert crash_log.crash_log_path().is_relative_to(home)
