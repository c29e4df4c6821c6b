"""Where a SQLite database is in danger (synced folders, network drives), and moving it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kehubao import config
from kehubao.services import locations
from kehubao.services.locations import DRIVE_REMOTE, risky_location

LOCAL_MOUNTS = [("/", "ext4"), ("/home", "ext4"), ("/mnt/c", "9p")]


@pytest.mark.parametrize(("path", "service"), [
    (r"C:\Users\张三\OneDrive\客户\kehubao.db", "OneDrive"),
    (r"C:\Users\张三\OneDrive - 上海某某有限公司\kehubao.db", "OneDrive"),
    (r"d:\users\x\onedrive\Documents\kehubao.db", "OneDrive"),
    ("/Users/zhang/Library/CloudStorage/OneDrive-Personal/kehubao.db", "OneDrive"),
    (r"C:\Users\张三\Nutstore\kehubao.db", "坚果云"),
    (r"D:\我的坚果云\销售\kehubao.db", "坚果云"),
    (r"D:\BaiduSyncdisk\kehubao.db", "百度网盘"),
    (r"D:\BaiduNetdiskWorkspace\kehubao.db", "百度网盘"),
    (r"D:\百度网盘同步空间\kehubao.db", "百度网盘"),
    (r"D:\微云同步盘\kehubao.db", "腾讯微云"),
    (r"C:\Users\x\Dropbox (公司)\kehubao.db", "Dropbox"),
    ("/home/x/Dropbox/kehubao.db", "Dropbox"),
    ("/Users/x/Library/Mobile Documents/com~apple~CloudDocs/kehubao.db", "iCloud"),
    (r"C:\Users\x\iCloudDrive\kehubao.db", "iCloud"),
    (r"G:\My Drive\kehubao.db", "Google"),
    ("/Users/x/Box/客户/kehubao.db", "Box"),
    ("/Users/x/Library/CloudStorage/GoogleDrive-x@example.com/My Drive/k.db", "Google"),
])
def test_synced_folders_are_named(path: str, service: str) -> None:
    reason = risky_location(path, mounts=LOCAL_MOUNTS, drive_type=lambda _root: 3)
    assert reason is not None and service in reason
    assert "同步" in reason


@pytest.mark.parametrize("path", [
    r"C:\Users\张三\Documents\kehubao.db",
    r"C:\Users\张三\AppData\Local\kehubao\kehubao.db",
    "/home/x/kehubao/kehubao.db",
    "/home/x/OneDrive.db",  # a file's own name is not a folder
    "/srv/box/kehubao.db",  # "box" only marks Box Drive in a home folder
    "/mnt/c/Users/x/Documents/kehubao.db",
])
def test_ordinary_local_places_are_fine(path: str) -> None:
    assert risky_location(path, mounts=LOCAL_MOUNTS, drive_type=lambda _root: 3) is None


@pytest.mark.parametrize("path", [
    r"\\fileserver\销售部\kehubao.db",
    "//fileserver/share/kehubao.db",
    r"\\?\UNC\fileserver\share\kehubao.db",
])
def test_unc_paths_are_network_places(path: str) -> None:
    reason = risky_location(path, mounts=LOCAL_MOUNTS)
    assert reason is not None and "网络" in reason and "fileserver" in reason


def test_long_local_paths_are_not_unc() -> None:
    assert risky_location(r"\\?\C:\Users\x\kehubao.db", mounts=LOCAL_MOUNTS, drive_type=lambda _r: 3) is None


def test_a_mapped_network_drive() -> None:
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return DRIVE_REMOTE

    reason = risky_location(r"z:\客户\kehubao.db", drive_type=drive_type)
    assert asked == ["Z:\\"]
    assert reason is not None and "Z:" in reason


@pytest.mark.parametrize("fs_type", ["nfs4", "cifs", "smb3", "fuse.sshfs", "davfs"])
def test_network_file_systems_on_linux_and_mac(fs_type: str) -> None:
    mounts = [*LOCAL_MOUNTS, ("/mnt/share dir", fs_type)]
    reason = risky_location("/mnt/share dir/sales/kehubao.db", mounts=mounts)
    assert reason is not None and fs_type in reason and "/mnt/share dir" in reason
    assert risky_location("/mnt/share directory/kehubao.db", mounts=mounts) is None  # not a prefix by name


def test_the_real_mount_table_is_read(tmp_path: Path) -> None:
    assert risky_location(tmp_path / "kehubao.db") is None  # a test machine's temp folder


def test_a_link_into_a_synced_folder(tmp_path: Path) -> None:
    synced = tmp_path / "OneDrive"
    synced.mkdir()
    (tmp_path / "work").symlink_to(synced)
    assert "OneDrive" in (risky_location(tmp_path / "work" / "kehubao.db", mounts=LOCAL_MOUNTS) or "")


def test_moving_copies_checks_and_remembers(tmp_path: Path, monkeypatch, db) -> None:  # type: ignore[no-untyped-def]
    from kehubao.services.customers import create_customer

    data_dir = tmp_path / "userdata"
    monkeypatch.setattr(config, "user_data_dir", lambda: data_dir)
    monkeypatch.setattr(locations, "user_data_dir", lambda: data_dir)
    with db.session() as session:
        create_customer(session, {"name": "甲公司"})
    target = locations.local_destination(db.path)
    assert target == data_dir / db.path.name

    assert locations.move_database(db.path, target) == target

    conn = sqlite3.connect(target)
    try:
        assert conn.execute("SELECT name FROM customer").fetchall() == [("甲公司",)]
    finally:
        conn.close()
    assert db.path.exists()  # the old file is left alone
    followed = config.resolve_database(str(db.path))
    assert followed.path == target and followed.moved_from == db.path
    assert locations.local_destination(db.path) == data_dir / f"{db.path.stem}-2{db.path.suffix}"
    assert not locations.can_move(target)
    target.unlink()
    assert config.resolve_database(str(db.path)).path == db.path  # the new file is gone: the old place
