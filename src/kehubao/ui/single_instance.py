"""One window per database, as Anki does it: a lock file says a window has the database
open, and that window listens on a local server; a second start on the same database
sends its arguments there and quits, and the running window comes forward.

Two windows on one database would each keep their own view of it and undo history, and
a restore from the command line could replace the file under one of them. The lock is a
QLockFile (``instance_lock.lock_path``): a lock left by a crash is recognised as stale
(its process is gone) and taken over, so a crash never blocks the next start.

The message is one line of JSON: ``{"argv": [...], "cwd": "...", "files": [...]}`` (files
to import, as absolute paths: ``kehubao 名单.xlsx``, or Explorer's "Open with"); the window
answers ``ok`` once it has handled it, so the second start knows it was heard.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from .. import instance_lock

log = logging.getLogger(__name__)

REPLY = b"ok\n"
MAX_MESSAGE = 1 << 20  # one line of JSON: a few paths, never more than this


class InstanceGuard(QObject):
    """The lock and the server of the window that has one database open.

    ``acquire()`` takes the lock and starts listening; if another window holds it,
    ``hand_over()`` sends it this start's arguments. ``message`` is emitted for every
    message from a later start (the window activates itself and acts on it)."""

    message = Signal(dict)

    def __init__(self, db_path: Path | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.lock_path = instance_lock.lock_path(self.db_path)
        self.server_name = instance_lock.server_name(self.db_path)
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(self.lock_path))
        # Age never makes a held lock stale (the window stays open for days); only a
        # holder that no longer runs does, which QLockFile checks by process id and name.
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}

    @property
    def held(self) -> bool:
        return self._lock.isLocked()

    def acquire(self) -> bool:
        """Take the lock (taking over a stale one) and listen; False if a live window
        holds it."""
        if not self._lock.tryLock(100):
            if self._lock.error() == QLockFile.LockError.LockFailedError:
                return False
            # No permission or no space for the lock file: better one unguarded window
            # than none at all.
            log.warning("cannot create the lock file %s (%s)", self.lock_path, self._lock.error())
            return True
        self._listen()
        return True

    def _listen(self) -> None:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # We hold the lock, so a server of this name is a leftover of a crash (Unix
        # leaves its socket file behind): remove it.
        QLocalServer.removeServer(self.server_name)
        if not server.listen(self.server_name):
            log.warning("cannot listen on %s: %s", self.server_name, server.errorString())
            return
        server.newConnection.connect(self._accept)
        self._server = server

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock.isLocked():
            self._lock.unlock()

    # ------------------------------------------------------------------ receiving

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._buffers.pop(s, None))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_MESSAGE:
                socket.abort()
            else:
                self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            message = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            log.warning("ignoring a malformed message from a second start")
            socket.abort()
            return
        if not isinstance(message, dict):
            message = {}
        try:
            self.message.emit(message)
        finally:
            socket.write(REPLY)
            socket.flush()
            socket.disconnectFromServer()

    # ------------------------------------------------------------------ sending

    def hand_over(self, argv: Sequence[str], files: Sequence[str | Path] = (),
                  timeout_ms: int = 5000) -> bool:
        """Send this start's arguments to the window that holds the lock; True once it
        answered. Tries for a few seconds: that window may still be opening."""
        return send_to_running(self.server_name, argv, files, timeout_ms=timeout_ms,
                               owner_pid=instance_lock.lock_owner(self.lock_path))


def message_for(argv: Sequence[str], files: Sequence[str | Path] = ()) -> bytes:
    message = {"argv": list(argv), "cwd": os.getcwd(),
               "files": [os.path.abspath(os.fspath(f)) for f in files]}
    return json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n"


def send_to_running(name: str, argv: Sequence[str], files: Sequence[str | Path] = (), *,
                    timeout_ms: int = 5000, owner_pid: int | None = None) -> bool:
    """Blocking (the second start has no window yet): connect, send, wait for ``ok``.

    Waits in short steps: a blocking Qt wait holds Python's lock, and the window this
    talks to may be in the same process (the tests)."""
    import time

    if owner_pid is not None:
        allow_foreground(owner_pid)
    deadline = time.monotonic() + timeout_ms / 1000

    def waiting(step: Callable[[int], bool]) -> bool:
        while not step(50):
            if time.monotonic() > deadline:
                return False
        return True

    socket = QLocalSocket()
    try:
        while True:
            socket.connectToServer(name)
            if waiting(lambda ms: socket.waitForConnected(ms) or
                       socket.state() == QLocalSocket.LocalSocketState.UnconnectedState):
                if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
                    break
            if time.monotonic() > deadline:
                return False
            socket.abort()
            time.sleep(0.2)  # not listening yet: that window may still be opening
        socket.write(message_for(argv, files))
        if not waiting(lambda ms: socket.bytesToWrite() == 0 or socket.waitForBytesWritten(ms)):
            return False
        reply = b""
        while not reply.endswith(b"\n"):
            if not waiting(lambda ms: socket.bytesAvailable() > 0 or socket.waitForReadyRead(ms)
                           or socket.state() != QLocalSocket.LocalSocketState.ConnectedState):
                return False
            if not socket.bytesAvailable():
                break  # the window hung up without answering
            reply += bytes(socket.readAll().data())
        return reply == REPLY
    finally:
        socket.abort()


def allow_foreground(pid: int) -> None:
    """Windows lets only the foreground process bring a window forward: this start is
    it (the user just launched it), so it passes the right on to the running window."""
    if sys.platform != "win32":
        return
    try:
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(pid)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - only a nicety
        log.debug("AllowSetForegroundWindow failed", exc_info=True)


def files_in(message: dict[str, Any]) -> list[Path]:
    """The files a second start asked the window to import (strings only: it is input)."""
    files = message.get("files")
    return [Path(f) for f in files if isinstance(f, str) and f] if isinstance(files, list) else []
