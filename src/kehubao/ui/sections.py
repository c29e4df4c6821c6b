"""The sections of the window (客户, 跟进, 话术, 评价, 报表, 回收站) as one protocol.

The main window knows no section by name: it lists ``SECTIONS``, puts each one's title,
icon and badge in the navigation, gives it Ctrl+1…6, builds its page the first time it
is shown, asks each one before closing, and lets each one save its state. A new section
is a folder under ``ui/`` with a ``Section`` subclass, its own service module, and one
line in ``SECTIONS``.

A section may contribute actions to the menus (``actions()``), open what a search hit
points at (``open_hit``), say which customer the user is looking at
(``current_customer``: the "log a visit" shortcut fills it in), and count something for
its navigation badge (``badge``: runs on a reader thread, refreshed when one of
``badge_entities`` changes). F1 opens the user guide at the section's ``help_topic``
(empty: the guide's own map by key, ``ui/guide.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from ..db import Database
    from .bus import QtBus

# Where each section's class lives, in navigation order (Ctrl+1 … Ctrl+6). Imported when
# the window is built; a section's page (the heavy part) only when it is first shown.
SECTIONS: list[str] = [
    "kehubao.ui.customers.section:CustomersSection",
    "kehubao.ui.followups.section:FollowUpsSection",
    "kehubao.ui.scripts.section:ScriptsSection",
    "kehubao.ui.evaluation.section:EvaluationSection",
    "kehubao.ui.reports.section:ReportsSection",
    "kehubao.ui.customers.recycle_bin:RecycleBinSection",
]


@dataclass(frozen=True)
class SectionContext:
    """What every section is given: the database, the bus, and the window (for status
    messages and as the parent of its dialogs)."""

    db: Database
    bus: QtBus
    window: QMainWindow


@dataclass(frozen=True)
class SectionAction:
    """An action a section adds to a menu ("file", "edit", "go", "tools") and, if
    ``toolbar``, to the main toolbar."""

    name: str
    action: QAction
    menu: str = "file"
    toolbar: bool = False


class Section(QObject):
    """Base of every section; subclasses set ``key``/``icon_name`` and build a page."""

    key: ClassVar[str] = ""
    icon_name: ClassVar[str] = ""
    badge_entities: ClassVar[tuple[str, ...]] = ()
    # The user guide's topic F1 opens here ("topic" or "topic#anchor"); "" lets
    # ui/guide.py's SECTION_TOPICS decide by key.
    help_topic: ClassVar[str] = ""

    def __init__(self, ctx: SectionContext) -> None:
        super().__init__(ctx.window)
        self.ctx = ctx
        self._page: QWidget | None = None

    # -- identity (the title is translated, so it is a method)
    def title(self) -> str:
        raise NotImplementedError

    # -- the page, built on first use
    def build_page(self) -> QWidget:
        raise NotImplementedError

    def page(self) -> QWidget:
        if self._page is None:
            self._page = self.build_page()
        return self._page

    def has_page(self) -> bool:
        return self._page is not None

    def activated(self) -> None:
        """The user switched to this section."""

    # -- optional parts of the protocol
    def actions(self) -> list[SectionAction]:
        return []

    def badge(self, session: Session) -> int | None:
        """A count for the navigation item (runs on a reader thread); None: no badge."""
        return None

    def badge_tip(self, count: int) -> str:
        """What the navigation item's count counts, as its tooltip."""
        return ""

    def open_hit(self, kind: str, ref_id: int, customer_id: int | None) -> bool:
        """Open a search hit of ``kind`` if this section shows such things."""
        return False

    def current_customer(self) -> int | None:
        return None

    def current_contact(self) -> int | None:
        return None

    def save_state(self) -> None:
        """Remember what the user arranged (columns, filters) for the next start."""

    def confirm_close(self) -> bool:
        """May the window close? A section with unsaved work asks here."""
        return True

    def close_to_tray(self) -> bool:
        """Should closing the window only hide it (a section keeping a tray icon)?"""
        return False


def load_sections(ctx: SectionContext) -> list[Section]:
    sections = []
    for path in SECTIONS:
        module, _, name = path.partition(":")
        sections.append(getattr(import_module(module), name)(ctx))
    return sections
