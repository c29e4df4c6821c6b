"""Packages whose ``__init__`` re-exports names from many modules load them all on the
first import of any one of them — for the window's start-up, ReportLab, icalendar and the
script matcher's tables before anything is on screen. ``lazy_exports`` keeps the public
names (``from kehubao.services.followups import log_interaction``) and loads a module
when one of its names is first used (PEP 562)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_exports(package: str, names: Mapping[str, str],
                 namespace: dict[str, Any]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: ``names`` maps each public name to the
    submodule that defines it; a loaded name is kept in ``namespace`` (the package's
    globals), so the next use costs nothing."""
    def __getattr__(name: str) -> Any:  # noqa: N807 (the module hook's own name)
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f".{module}", package), name)
        namespace[name] = value
        return value

    return __getattr__
