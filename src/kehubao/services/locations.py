"""Places that corrupt SQLite, and moving a database out of them.

A sync client (OneDrive, 坚果云, 百度网盘 …) copies the database file while 客户宝 writes
it, or replaces it with another computer's copy; a network file system's locks are not
reliable. Either way SQLite can lose or corrupt data, so the window and `kehubao check`
warn, and the window offers to move the database into the user data dir (a consistent
copy through SQLite's backup API). The move is remembered (``config.moved_database``),
so a shortcut that still names the old place opens the new one.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from ..config import database_path_key, moved_databases_file, user_data_dir
from ..texts import Text, noop

# (what the user knows it as, folder names that mark it: whole names, case-insensitive;
# a trailing "*" also matches longer names such as "OneDrive - 公司", "GoogleDrive-x@y").
# The Chinese names are marked for the translator (Nutstore, Baidu Netdisk...).
CLOUD_FOLDERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("OneDrive", ("onedrive", "onedrive -*", "onedrive-*", "skydrive")),
    (noop("坚果云"), ("nutstore", "nutstore *", "我的坚果云", "坚果云*")),
    (noop("百度网盘"), ("baidunetdisk*", "baidusyncdisk", "baiduyun*", "百度网盘*", "百度云*")),
    (noop("腾讯微云"), ("weiyun*", "微云*", "腾讯微云*")),
    ("Dropbox", ("dropbox", "dropbox (*", "dropbox-*")),
    (noop("iCloud 云盘"), ("icloud drive", "iclouddrive", "mobile documents", "com~apple~clouddocs")),
    (noop("Google 云端硬盘"), ("google drive", "googledrive", "googledrive-*", "my drive", "我的云端硬盘")),
    ("Box", ("box sync", "box drive")),
    (noop("阿里云盘"), ("aliyundrive*", "阿里云盘*")),
    (noop("天翼云盘"), ("天翼云盘*", "ecloud")),
    (noop("WPS 云文档"), ("wps云文档", "wps网盘", "wpsdrive")),
    ("Synology Drive", ("synologydrive", "synology drive")),
    ("Nextcloud / ownCloud", ("nextcloud", "owncloud")),
    ("Seafile", ("seafile", "seadrive")),
    ("pCloud", ("pcloud drive", "pclouddrive")),
    ("MEGA", ("megasync",)),
    ("Yandex Disk", ("yandex.disk", "yandexdisk")),
)

# Linux /proc/mounts and macOS `mount` file system types that live on another machine.
NETWORK_FILE_SYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "coda",
    "fuse.sshfs", "sshfs", "davfs", "fuse.davfs", "fuse.davfs2", "webdav", "afpfs", "afpfs_ng",
    "fuse.rclone", "fuse.s3fs", "fuse.gvfsd-fuse", "glusterfs", "fuse.glusterfs", "ceph",
    "fuse.ceph", "lustre", "gpfs", "fuse.seadrive", "fuse.onedriver",
})

DRIVE_REMOTE = 4  # GetDriveTypeW

CLOUD_REASON = noop("数据库在“{service}”的同步文件夹中（{folder}）。同步软件会在客户宝写入时复制或替换"
                "数据库文件，可能造成数据丢失或损坏，建议移到本机文件夹。")
NETWORK_REASON = noop("数据库在网络位置上（{where}）。网络文件系统的文件锁不可靠，SQLite 数据库可能因此"
                  "损坏，建议移到本机文件夹。")


def risky_location(path: Path | str, *, mounts: Iterable[tuple[str, str]] | None = None,
                   drive_type: Callable[[str], int] | None = None) -> Text | None:
    """Why ``path`` is a dangerous place for a SQLite database, in one sentence (a
    ``Text``: Chinese, or the window's language), or None for an ordinary local folder.

    Looks at the path's folder names (sync clients' folders, case-insensitive), at a
    Windows UNC path or network drive letter, and on Linux/macOS at the file system the
    path is on. ``mounts`` ((mount point, type) pairs) and ``drive_type`` replace the
    system's own answers (tests; the Windows check on other systems)."""
    text = os.fspath(path)
    candidates = [text]
    if not _is_unc(text) and not _is_windows_drive_path(text):
        try:
            resolved = os.path.realpath(text)
        except (OSError, ValueError):
            resolved = text
        if resolved != text:
            candidates.append(resolved)  # a link into a synced folder
    for candidate in candidates:
        if reason := _cloud_reason(candidate):
            return reason
    if _is_unc(text):
        return Text(NETWORK_REASON, where=_unc_share(text))
    if _is_windows_drive_path(text):
        if drive_type is None and sys.platform == "win32":
            drive_type = _windows_drive_type
        if drive_type is not None:
            root = text[:2].upper() + "\\"
            try:
                if drive_type(root) == DRIVE_REMOTE:
                    return Text(NETWORK_REASON, where=Text("网络驱动器 {drive}", drive=root[:2]))
            except OSError:
                pass
        return None
    if mounts is None:
        mounts = _mount_table()
    fs_type, mount_point = _file_system_of(candidates[-1], mounts)
    if fs_type in NETWORK_FILE_SYSTEMS or fs_type.startswith(("nfs", "cifs", "smb")):
        # "/mnt/share，cifs": the mount point and its file system type
        return Text(NETWORK_REASON, where=Text("{mount}，{type}", mount=mount_point, type=fs_type))
    return None


def _cloud_reason(text: str) -> Text | None:
    spans = [(m.group(), m.end()) for m in re.finditer(r"[^\\/]+", text)]
    parts = [text[:end] for _name, end in spans]  # each folder with the path leading to it
    folded = [name.casefold() for name, _end in spans]
    for n, name in enumerate(folded[:-1]):  # folders only: a file may be called anything
        if service := _cloud_service(name):
            return Text(CLOUD_REASON, service=Text(service), folder=_shown_folder(parts, n))
        # Box Drive's folder is just "Box", in the home folder: C:\Users\x\Box, /Users/x/Box
        if name == "box" and n >= 2 and folded[n - 2] in ("users", "home"):
            return Text(CLOUD_REASON, service="Box", folder=_shown_folder(parts, n))
        # macOS puts every File Provider cloud (OneDrive, Dropbox, Google …) here
        if name == "cloudstorage" and n >= 1 and folded[n - 1] == "library":
            service = _cloud_service(folded[n + 1]) if n + 1 < len(folded) - 1 else None
            return Text(CLOUD_REASON, service=Text(service or noop("云盘")),
                        folder=_shown_folder(parts, n + 1))
    return None


def _cloud_service(folder: str) -> str | None:
    for service, names in CLOUD_FOLDERS:
        for name in names:
            if folder == name or (name.endswith("*") and folder.startswith(name[:-1])):
                return service
    return None


def _shown_folder(parts: Sequence[str], n: int) -> str:
    shown = parts[n]
    return shown if len(shown) <= 80 else "…" + shown[-79:]


def _is_unc(text: str) -> bool:
    if text.upper().startswith(("\\\\?\\UNC\\", "//?/UNC/")):
        return True
    if text.startswith(("\\\\?\\", "\\\\.\\", "//?/", "//./")):
        return False  # a long or device path of a local drive
    return text.startswith(("\\\\", "//")) and len(text) > 2 and text[2] not in "\\/"


def _unc_share(text: str) -> str:
    rest = re.sub(r"^(\\\\\?\\UNC\\|//\?/UNC/|\\\\|//)", "", text, flags=re.IGNORECASE)
    parts = [p for p in re.split(r"[\\/]+", rest) if p][:2]
    return "\\\\" + "\\".join(parts)


def _is_windows_drive_path(text: str) -> bool:
    return bool(re.match(r"^[A-Za-z]:[\\/]", text))


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _file_system_of(path: str, mounts: Iterable[tuple[str, str]]) -> tuple[str, str]:
    """(type, mount point) of the longest mount point containing ``path``."""
    best, best_type = "", ""
    for mount_point, fs_type in mounts:
        prefix = mount_point.rstrip("/") + "/"
        if (path == mount_point or path.startswith(prefix) or mount_point == "/") and len(mount_point) > len(best):
            best, best_type = mount_point, fs_type.lower()
    return best_type, best


def _mount_table() -> list[tuple[str, str]]:
    """The system's mounts: /proc/mounts on Linux, `mount` on macOS; [] elsewhere."""
    proc = Path("/proc/mounts")
    if proc.exists():
        try:
            lines = proc.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return []
        table = []
        for line in lines:
            fields = line.split()
            if len(fields) >= 3:  # spaces in a mount point are written as \040
                table.append((re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[1]),
                              fields[2]))
        return table
    if sys.platform == "darwin":
        try:
            out = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=3).stdout
        except (OSError, subprocess.SubprocessError):
            return []
        # "//user@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by user)"
        return [(m.group(1), m.group(2)) for m in re.finditer(r" on (.+?) \((\w+)[,)]", out)]
    return []


# ---------------------------------------------------------------------- moving

def local_destination(path: Path) -> Path:
    """Where a database at ``path`` would move: the user data dir, under its own name
    (a new name if that is taken, e.g. by the default kehubao.db)."""
    folder = user_data_dir()
    candidate = folder / path.name
    n = 2
    while candidate.exists():
        candidate = folder / f"{path.stem}-{n}{path.suffix}"
        n += 1
    return candidate


def can_move(path: Path) -> bool:
    """Not when the database already is in the user data dir (nowhere better to go)."""
    try:
        return Path(os.path.abspath(path)).parent != Path(os.path.abspath(user_data_dir()))
    except OSError:
        return False


def move_database(source: Path, target: Path) -> Path:
    """Copy a live database to ``target`` consistently (SQLite's online backup, so writes
    in progress elsewhere are either in the copy or not at all), check the copy, and
    remember that the database now lives there. The old file is left where it was."""
    from ..db_sqlite import backup_file, integrity_problems
    from ..errors import UserError

    if target.exists():
        raise UserError("目标文件已存在，没有覆盖：{path}", path=target)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    backup_file(source, partial)
    import sqlite3

    conn = sqlite3.connect(partial)
    try:
        problems = integrity_problems(conn)
    finally:
        conn.close()
    if problems:
        partial.unlink(missing_ok=True)
        raise UserError("复制出的数据库没有通过检查，原数据库未做改动：{problems}",
                        problems=Text("；").join(problems[:3]))
    os.replace(partial, target)
    remember_move(source, target)
    return target


def remember_move(old: Path, new: Path) -> None:
    """Record that the database at ``old`` now lives at ``new`` (written whole, then
    renamed into place, so a crash leaves the old record or the new one)."""
    file = moved_databases_file()
    try:
        moves = json.loads(file.read_text(encoding="utf-8"))
        if not isinstance(moves, dict):
            moves = {}
    except (OSError, ValueError):
        moves = {}
    moves[database_path_key(old)] = str(new)
    file.parent.mkdir(parents=True, exist_ok=True)
    scratch = file.with_name(file.name + ".tmp")
    scratch.write_text(json.dumps(moves, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(scratch, file)
