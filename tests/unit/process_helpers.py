"""Finding a process's children and waiting for them to end, for the tests that kill a
parent (Linux only: read from /proc, as psutil is not a dependency)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux") or not Path("/proc/self/stat").exists(),
                                reason="reads /proc")


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, None once it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2:].split()  # the name in (…) may hold spaces
    return fields[0], int(fields[1])


def alive(pid: int) -> bool:
    """Running (a zombie has finished; only its exit status waits to be collected)."""
    stat = _stat(pid)
    return stat is not None and stat[0] not in ("Z", "X")


def children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) and stat[1] == pid:
            found.add(int(entry.name))
    return found


def _is_worker(pid: int) -> bool:
    try:  # multiprocessing's "spawn" children (the resource tracker is not one)
        return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def wait_for_workers(process: subprocess.Popen, count: int = 1, timeout: float = 60) -> set[int]:
    """All running children of ``process`` once ``count`` of them are worker processes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = {pid for pid in children(process.pid) if alive(pid)}
        if sum(map(_is_worker, found)) >= count:
            return found
        assert process.poll() is None, process.communicate()
        time.sleep(0.1)
    raise AssertionError(f"no {count} worker processes after {timeout} s")


def kill_and_wait_for_orphans(process: subprocess.Popen, orphans: set[int],
                              timeout: float = 5) -> set[int]:
    """SIGKILL ``process``; return those of ``orphans`` still running after ``timeout``."""
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + timeout
    while (left := {pid for pid in orphans if alive(pid)}) and time.monotonic() < deadline:
        time.sleep(0.1)
    for pid in left:  # do not leave them behind for the rest of the test run
        os.kill(pid, signal.SIGKILL)
    return left
