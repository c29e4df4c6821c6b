"""Starting the window."""

from __future__ import annotations

from collections.abc import Sequence


def run_gui(db_arg: str | None, files: Sequence[str] = ()) -> int:
    """The window; ``files`` are opened in the import dialog (``kehubao 名单.xlsx``)."""
    from .ui.application import run

    return run(db_arg, files)
