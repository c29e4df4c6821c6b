"""KEHUBAO_QUIT_AFTER_START: the installer build starts the bundled window with it to prove
the app opens; it must show the window, report it, and quit by itself with exit 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_window_quits_by_itself_after_start(db, db_path: Path, tmp_path: Path) -> None:
    db.dispose()
    env = {**os.environ, "KEHUBAO_QUIT_AFTER_START": "1", "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}  # the window saves its geometry
    result = subprocess.run([sys.executable, "-m", "kehubao", "--db", str(db_path)], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    # Chinese mode: Qt's own Cancel comes from qtbase_zh_CN.qm, the check the bundle relies on.
    assert "started: window='客户宝' visible=True qt_cancel='取消' icon=True" in result.stdout
