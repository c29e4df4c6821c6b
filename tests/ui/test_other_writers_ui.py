"""The window notices what another program wrote to its database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kehubao.services.customers import create_customer
from kehubao.ui import ops

from .conftest import make_window, settle


def test_a_command_line_write_shows_in_the_open_window(qtbot, db, tmp_path) -> None:
    window = make_window(qtbot, db)
    model = window.page_of("customers").list.model
    before = model.rowCount()
    src = Path(__file__).resolve().parents[2] / "src"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
           "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-m", "kehubao", "--db", str(db.path), "demo",
                             "--customers", "3", "--json"], env=env, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")

    qtbot.waitUntil(lambda: model.rowCount() == before + 3, timeout=8_000)
    settle(qtbot, window)
    assert window.count_label.text().endswith(f"{before + 3:,} 个")


def test_our_own_writes_do_not_look_like_someone_elses(qtbot, db, monkeypatch) -> None:
    window = make_window(qtbot, db)
    announced: list[bool] = []
    monkeypatch.setattr("kehubao.ui.other_writers.everything_changed", lambda: announced.append(True) or [])
    ops.write(window, db, lambda session: create_customer(session, {"name": "甲公司"}).id)
    settle(qtbot, window)
    window.other_writers.check()
    ops.wait_idle()
    assert window.page_of("customers").list.model.rowCount() == 1  # the bus told the list
    assert announced == []
