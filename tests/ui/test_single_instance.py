"""One window per database: the lock, handing a second start over, stale locks."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSysInfo, Qt

from kehubao import instance_lock
from kehubao.ui.single_instance import InstanceGuard

from .conftest import make_window


@pytest.fixture
def locks(tmp_path: Path, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path / "locks"
    monkeypatch.setattr(instance_lock, "lock_dir", lambda: folder)
    return folder


@pytest.fixture
def guards():  # type: ignore[no-untyped-def]
    made: list[InstanceGuard] = []

    def make(path: Path) -> InstanceGuard:
        made.append(InstanceGuard(path))
        return made[-1]

    yield make
    for guard in made:
        guard.release()


def hand_over_in_background(qtbot, guard: InstanceGuard, argv: list[str],  # type: ignore[no-untyped-def]
                            files: list[Path]) -> bool:
    """The second start blocks until the first answers; the first answers from this
    thread's event loop, so the second runs beside it."""
    result: list[bool] = []
    thread = threading.Thread(target=lambda: result.append(guard.hand_over(argv, files, timeout_ms=8000)))
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=10_000)
    thread.join()
    return result == [True]


def test_a_second_start_hands_its_arguments_to_the_first(qtbot, tmp_path, locks, guards) -> None:
    db_path = tmp_path / "x.db"
    first = guards(db_path)
    assert first.acquire()
    received: list[dict] = []
    first.message.connect(received.append)

    second = guards(tmp_path / "." / "x.db")  # another spelling of the same file
    assert not second.acquire()
    listing = tmp_path / "名单.xlsx"
    assert hand_over_in_background(qtbot, second, ["--db", str(db_path), str(listing)], [listing])
    assert received[0]["argv"] == ["--db", str(db_path), str(listing)]
    assert received[0]["files"] == [str(listing)]


def test_another_database_is_not_the_same_instance(tmp_path, locks, guards) -> None:
    assert guards(tmp_path / "a.db").acquire()
    assert guards(tmp_path / "b.db").acquire()


def test_the_window_comes_forward_and_imports_the_file(qtbot, db, tmp_path, locks, guards,
                                                       monkeypatch) -> None:
    window = make_window(qtbot, db)
    first = guards(db.path)
    assert first.acquire()
    first.message.connect(window.handle_instance_message)
    activated: list[bool] = []
    monkeypatch.setattr(window, "activateWindow", lambda: activated.append(True))
    imported: list[Path] = []
    monkeypatch.setattr(window, "import_file", imported.append)
    window.showMinimized()
    listing = tmp_path / "名单.csv"
    listing.write_text("公司名称\n甲公司\n", encoding="utf-8")

    assert hand_over_in_background(qtbot, guards(db.path), [str(listing)], [listing])
    qtbot.waitUntil(lambda: bool(imported), timeout=5_000)

    assert activated and not window.isMinimized() and window.isVisible()
    assert imported == [listing]


def test_just_activating_when_there_is_nothing_to_import(qtbot, db, monkeypatch) -> None:
    window = make_window(qtbot, db)
    window.hide()  # closed to the tray
    activated: list[bool] = []
    monkeypatch.setattr(window, "activateWindow", lambda: activated.append(True))
    monkeypatch.setattr(window, "import_file", lambda _p: pytest.fail("nothing to import"))
    window.handle_instance_message({"argv": [], "files": ["/no/such/file.csv", 3]})
    qtbot.wait(20)
    assert window.isVisible() and activated


def test_a_stale_lock_from_a_crash_does_not_block_a_start(tmp_path, locks, guards) -> None:
    db_path = tmp_path / "x.db"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    locks.mkdir(parents=True)
    lock = instance_lock.lock_path(db_path)
    lock.write_text(f"{dead.pid}\npython\n{QSysInfo.machineHostName()}\n", encoding="utf-8")

    assert not instance_lock.window_holds(db_path)  # its process is gone
    guard = guards(db_path)
    assert guard.acquire()
    assert instance_lock.lock_owner(lock) == os.getpid()


def test_window_holds_tells_whether_a_live_window_has_the_database(tmp_path, locks, guards) -> None:
    db_path = tmp_path / "x.db"
    assert not instance_lock.window_holds(db_path)
    guard = guards(db_path)
    assert guard.acquire()
    assert instance_lock.window_holds(db_path)
    assert instance_lock.window_holds(str(tmp_path / "." / "x.db"))
    assert not instance_lock.window_holds(tmp_path / "y.db")
    guard.release()
    assert not instance_lock.window_holds(db_path)


@pytest.mark.skipif(sys.platform == "win32", reason="flock is the Unix check")
def test_a_lock_whose_process_id_was_reused_is_not_a_window(tmp_path, locks) -> None:
    """A crash's lock naming a process id that now belongs to another program (alive,
    but not holding the lock)."""
    db_path = tmp_path / "x.db"
    locks.mkdir(parents=True)
    instance_lock.lock_path(db_path).write_text(f"{os.getppid()}\nbash\nhost\n", encoding="utf-8")
    assert not instance_lock.window_holds(db_path)


def test_a_second_process_hands_over_and_exits(qtbot, tmp_path, monkeypatch) -> None:
    """The whole path of `kehubao --db X 名单.csv` while a window has X open."""
    data_home = tmp_path / "xdg"
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "HOME": str(tmp_path),
           "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(Path(instance_lock.__file__).parents[1]),
                                          os.environ.get("PYTHONPATH", "")])}
    env.pop("KEHUBAO_DB", None)
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    monkeypatch.setenv("HOME", str(tmp_path))
    db_path = tmp_path / "x.db"
    first = InstanceGuard(db_path)
    try:
        assert first.acquire()
        received: list[dict] = []
        first.message.connect(received.append)
        listing = tmp_path / "名单.csv"
        second = subprocess.Popen([sys.executable, "-m", "kehubao", "--db", str(db_path), str(listing)],
                                  env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
        out, err = second.communicate()
        assert second.returncode == 0, err.decode("utf-8", "replace")
        assert received and received[0]["files"] == [str(listing)]
        assert not db_path.exists()  # the second start never opened the database
    finally:
        first.release()


def test_bring_forward_keeps_a_maximized_window_maximized(qtbot, db) -> None:
    window = make_window(qtbot, db)
    window.showMaximized()
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMinimized)
    window.bring_forward()
    assert window.windowState() & Qt.WindowState.WindowMaximized
    assert not window.isMinimized()
