"""The crash log: every unexpected error of the window, with its traceback, in one file
the user can send us (``crash.log`` in the user log dir).

Bounded (1 MB, three old files kept) so a bug that fires on every repaint cannot fill
the disk. Errors logged anywhere under the ``kehubao`` logger (an op that failed, a bus
listener that raised) land here too; the window's crash dialog (``ui/crash.py``) says
where the file is. No Qt here: the file's place is the same for every part of the app.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import platformdirs

from . import __version__
from .config import APP_NAME

CRASH_LOG_NAME = "crash.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3

crash_logger = logging.getLogger("kehubao.crash")
_handler: RotatingFileHandler | None = None


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def crash_log_path() -> Path:
    return log_dir() / CRASH_LOG_NAME


def install() -> Path | None:
    """Send the app's errors to the crash log; its path, or None when the folder cannot
    be written (then errors still go to the console — nothing may fail over logging)."""
    global _handler
    path = crash_log_path()
    if _handler is not None:
        if Path(_handler.baseFilename) == path:
            return path
        uninstall()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                      encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setLevel(logging.ERROR)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger("kehubao").addHandler(handler)
    _handler = handler
    return path


def uninstall() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger("kehubao").removeHandler(_handler)
        _handler.close()
        _handler = None


def installed_path() -> Path | None:
    return Path(_handler.baseFilename) if _handler is not None else None


def record_crash(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
                 where: str = "") -> str:
    """Write one unexpected exception to the crash log; its traceback text (the
    details the crash dialog shows)."""
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    context = (f"客户宝 {__version__}, Python {platform.python_version()}, {platform.platform()}"
               f"{', ' + where if where else ''}")
    crash_logger.critical("unexpected error (%s) at %s\n%s", context,
                          datetime.now().isoformat(timespec="seconds"), details)
    if _handler is None:  # no file: at least the console
        sys.stderr.write(details)
    return details
