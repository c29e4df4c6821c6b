"""Icons from resources/icons (SVG, so they stay sharp at any DPI)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from ..config import resource_path


@cache
def icon(name: str) -> QIcon:
    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
