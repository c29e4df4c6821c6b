"""Starting the window."""

from __future__ import annotations


def run_gui(db_arg: str | None) -> int:
    from .ui.application import run

    return run(db_arg)
