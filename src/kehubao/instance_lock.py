"""Which window holds which database, readable without Qt.

The window takes a lock file per database (``ui/single_instance.py``, with Qt's
QLockFile) so that a second start on the same database hands over to the running window
instead of opening it twice. The lock files live in the user data dir, never next to the
database: a database in a synced folder would otherwise sync its lock to other machines.
Both the lock file's name and the window's local server name come from a hash of the
database's absolute path, so every spelling of one path (``.\\x.db``, ``X.DB`` on
Windows, a symlink) finds the same window.

The command line reads the same file through ``window_holds``: ``kehubao restore``
refuses while a window has the database open, and writes (import, demo) warn.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from .config import APP_NAME, database_path_key, user_data_dir

LOCK_DIR_NAME = "locks"


def database_key(path: Path | str) -> str:
    """A short stable name for one database file: the same for every spelling of it."""
    text = database_path_key(path)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def lock_dir() -> Path:
    return user_data_dir() / LOCK_DIR_NAME


def lock_path(db_path: Path | str) -> Path:
    return lock_dir() / f"window-{database_key(db_path)}.lock"


def server_name(db_path: Path | str) -> str:
    """The local server (a named pipe on Windows, a socket on Unix) of the window that has
    ``db_path`` open; the user name keeps two users of one machine apart."""
    user = os.environ.get("USERNAME") or os.environ.get("USER") or ""
    user_key = hashlib.sha256(user.encode("utf-8", "surrogatepass")).hexdigest()[:6]
    return f"{APP_NAME}-{user_key}-{database_key(db_path)}"


def lock_owner(path: Path) -> int | None:
    """The process id written on the first line of a QLockFile, None if unreadable."""
    try:
        first = path.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
        return int(first.strip())
    except (OSError, ValueError):
        return None


def window_holds(db_path: Path | str) -> bool:
    """Whether a live 客户宝 window has ``db_path`` open.

    A lock file left behind by a crash does not count: its process is gone (or, on
    Unix, nobody holds the file's lock any more — QLockFile keeps an flock on it while
    held, which also sees through a process id the system has since given to another
    program)."""
    path = lock_path(db_path)
    if not path.exists():
        return False
    pid = lock_owner(path)
    if pid is None or not pid_alive(pid):
        return False
    held = _file_locked(path)
    return True if held is None else held


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, someone else's
        return True
    except OSError:
        return False
    return True


def _windows_pid_alive(pid: int) -> bool:
    import ctypes
    from ctypes import wintypes

    process_query_limited_information = 0x1000
    still_active = 259
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == 5  # access denied: it exists
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def _file_locked(path: Path) -> bool | None:
    """Unix: whether another open file holds an flock on ``path`` (QLockFile takes one
    while it holds the lock); None where that cannot be told (Windows)."""
    try:
        import fcntl
    except ImportError:
        return None
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        except OSError:
            return None  # a file system without flock: trust the process id
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)
