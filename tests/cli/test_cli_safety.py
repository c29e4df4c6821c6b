"""The command line and an open window; where a database is in danger."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehubao import instance_lock
from kehubao.config import database_path_key


@pytest.fixture
def window_lock(cli, monkeypatch):  # type: ignore[no-untyped-def]
    """Hold a database's window lock as an open window would (QLockFile), at the place
    the CLI's user data dir puts it."""
    from PySide6.QtCore import QLockFile

    monkeypatch.setenv("XDG_DATA_HOME", cli.env["XDG_DATA_HOME"])
    monkeypatch.setenv("HOME", cli.env["HOME"])
    held: list[QLockFile] = []

    def hold(db_path: Path) -> None:
        path = instance_lock.lock_path(db_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = QLockFile(str(path))
        lock.setStaleLockTime(0)
        assert lock.tryLock(100)
        held.append(lock)

    yield hold
    for lock in held:
        lock.unlock()


def test_restore_refuses_while_a_window_has_the_database_open(cli, tmp_path: Path, window_lock) -> None:
    db = tmp_path / "a.db"
    cli.json("--db", str(db), "demo", "--customers", "5", "--json")
    backup = tmp_path / "copy.db"
    assert cli("--db", str(db), "backup", "--to", str(backup)).returncode == 0
    cli.json("--db", str(db), "demo", "--customers", "3", "--json")
    window_lock(db)

    result = cli("--db", str(db), "restore", str(backup))

    assert result.returncode == 1
    assert "请先关闭窗口" in result.stderr
    assert cli.json("--db", str(db), "info", "--json")["counts"]["customer"] == 8  # untouched


def test_writing_beside_an_open_window_warns(cli, tmp_path: Path, window_lock) -> None:
    db = tmp_path / "a.db"
    cli.json("--db", str(db), "demo", "--customers", "2", "--json")
    quiet = cli("--db", str(db), "demo", "--customers", "1", "--json")
    assert "窗口" not in quiet.stderr
    window_lock(db)
    warned = cli("--db", str(db), "demo", "--customers", "1", "--json")
    assert warned.returncode == 0
    assert "客户宝窗口正打开着这个数据库" in warned.stderr


def test_a_crashed_windows_lock_does_not_block_restore(cli, tmp_path: Path, monkeypatch) -> None:
    import subprocess
    import sys

    monkeypatch.setenv("XDG_DATA_HOME", cli.env["XDG_DATA_HOME"])
    db = tmp_path / "a.db"
    cli.json("--db", str(db), "demo", "--customers", "2", "--json")
    backup = tmp_path / "copy.db"
    assert cli("--db", str(db), "backup", "--to", str(backup)).returncode == 0
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    lock = instance_lock.lock_path(db)
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text(f"{dead.pid}\npython\nhost\n", encoding="utf-8")
    result = cli("--db", str(db), "restore", str(backup))
    assert result.returncode == 0, result.stderr


def test_list_files_on_the_command_line_go_to_the_window() -> None:
    from kehubao.cli.main import split_window_files

    assert split_window_files(["名单.xlsx"]) == ([], ["名单.xlsx"])
    assert split_window_files(["--db", "x.db", "a.CSV", "b.vcf"]) == (["--db", "x.db"], ["a.CSV", "b.vcf"])
    assert split_window_files(["--db", "list.csv"]) == (["--db", "list.csv"], [])  # the value of --db
    assert split_window_files(["--language", "en", "a.csv"]) == (["--language", "en"], ["a.csv"])
    assert split_window_files(["import", "a.csv"]) == (["import", "a.csv"], [])  # a command's own
    assert split_window_files([]) == ([], [])


def test_a_command_after_a_list_file_is_a_usage_error(cli, tmp_path: Path) -> None:
    result = cli("--db", str(tmp_path / "a.db"), "a.csv", "info")
    assert result.returncode == 2
    assert "a.csv" in result.stderr


def test_check_warns_about_a_database_in_a_synced_folder(cli, tmp_path: Path) -> None:
    synced = tmp_path / "我的坚果云"
    synced.mkdir()
    db = synced / "a.db"
    cli.json("--db", str(db), "demo", "--customers", "2", "--json")

    report = cli.json("--db", str(db), "check", "--json")
    assert report["ok"] and len(report["warnings"]) == 1 and "坚果云" in report["warnings"][0]
    text = cli("--db", str(db), "check")
    assert text.returncode == 0  # a warning, not a problem
    assert "警告：" in text.stdout and "坚果云" in text.stdout

    plain = tmp_path / "b.db"
    cli.json("--db", str(plain), "demo", "--customers", "2", "--json")
    assert cli.json("--db", str(plain), "check", "--json")["warnings"] == []


def test_the_command_line_follows_a_moved_database(cli, tmp_path: Path) -> None:
    import json

    old = tmp_path / "OneDrive" / "a.db"
    old.parent.mkdir()
    cli.json("--db", str(old), "demo", "--customers", "2", "--json")
    new = tmp_path / "data" / "kehubao" / "a.db"
    new.parent.mkdir(parents=True)
    new.write_bytes(old.read_bytes())
    cli.json("--db", str(new), "demo", "--customers", "1", "--json")
    (new.parent / "moved-databases.json").write_text(
        json.dumps({database_path_key(old): str(new)}), encoding="utf-8")

    result = cli("--db", str(old), "info", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["counts"]["customer"] == 3
    assert "已从" in result.stderr and str(new) in result.stderr
