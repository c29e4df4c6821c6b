"""The 话术 section: the library page, the quick panel (Ctrl+Shift+Space in the window;
on Windows also system-wide), opening a script from a search hit."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ...services import scripts as svc
from .. import ops
from ..icons import icon
from ..sections import Section, SectionAction, SectionContext

if TYPE_CHECKING:
    from .library_page import LibraryPage
    from .quick_panel import QuickPanel


HOTKEY_SETTING = "scripts/hotkey"
DEFAULT_HOTKEY = "Ctrl+Shift+Space"


class ScriptsSection(Section):
    key, icon_name = "scripts", "scripts"

    def __init__(self, ctx: SectionContext) -> None:

        super().__init__(ctx)
        self._panel: QuickPanel | None = None
        self._hotkey = None
        self._actions = self._make_actions()
        # Read the library into memory now, off the GUI thread, so the first panel opens
        # without waiting for the index.
        ops.query(self, ctx.db, svc.library_index)
        if sys.platform == "win32":
            self._register_global_hotkey()

    def title(self) -> str:
        return self.tr("话术")

    def build_page(self) -> QWidget:
        from .library_page import LibraryPage

        page = LibraryPage(self.ctx.db, self.ctx.bus)
        page.status.connect(self._status)
        return page

    # ------------------------------------------------------------------ actions
    def _make_actions(self) -> list[SectionAction]:
        window = self.ctx.window
        quick = QAction(icon("scripts"), self.tr("话术速查…"), window)
        quick.setShortcut(QKeySequence(self.hotkey()))
        quick.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quick.triggered.connect(self.show_quick_panel)
        export = QAction(icon("export"), self.tr("导出话术库…"), window)
        export.triggered.connect(lambda: self._library().export_file())
        imp = QAction(icon("import"), self.tr("导入话术库…"), window)
        imp.triggered.connect(lambda: self._library().import_file())
        adopt = QAction(self.tr("采用新版内置话术"), window)
        adopt.triggered.connect(lambda: self._library().adopt_offer(True))
        keep = QAction(self.tr("保留自己的话术，不再提示新版"), window)
        keep.triggered.connect(lambda: self._library().adopt_offer(False))
        self.quick_action = quick
        return [SectionAction("scripts_quick", quick, "tools", toolbar=True),
                SectionAction("scripts_export", export, "file"),
                SectionAction("scripts_import", imp, "file"),
                SectionAction("scripts_adopt", adopt, "edit"),
                SectionAction("scripts_keep", keep, "edit")]

    def actions(self) -> list[SectionAction]:
        return self._actions

    @staticmethod
    def hotkey() -> str:
        return str(QSettings().value(HOTKEY_SETTING, DEFAULT_HOTKEY))

    def _register_global_hotkey(self) -> None:
        from .hotkey_win import GlobalHotkey

        self._hotkey = GlobalHotkey(self.show_quick_panel, self)
        problem = self._hotkey.register(self.hotkey())
        if problem:
            self._status(problem)

    # ------------------------------------------------------------ the protocol
    def open_hit(self, kind: str, ref_id: int, customer_id: int | None) -> bool:
        if kind != "script":
            return False
        window = self.ctx.window
        if hasattr(window, "go_to"):
            window.go_to(self.key)
        self._library().show_script(ref_id)
        return True

    def _library(self) -> LibraryPage:
        return self.page()  # type: ignore[return-value]

    def _status(self, text: str) -> None:
        bar = self.ctx.window.statusBar()
        if bar is not None:
            bar.showMessage(text, 5000)

    # ---------------------------------------------------------- the quick panel
    def quick_panel(self) -> QuickPanel:
        from .quick_panel import QuickPanel

        if self._panel is None:
            self._panel = QuickPanel(self.ctx.db, self._customer_in_view, self.ctx.window)
            self._panel.copied.connect(lambda _t: self._status(self.tr("回答已复制到剪贴板")))
        return self._panel

    def show_quick_panel(self) -> None:
        self.quick_panel().popup()

    def _customer_in_view(self) -> tuple[int | None, int | None]:
        """The customer (and contact) open in the window: the panel logs uses on them."""
        window = self.ctx.window
        current = getattr(window, "current_section", None)
        section = current() if callable(current) else None
        if section is None or section is self:
            customers = getattr(window, "customers", None)
            if customers is None or not hasattr(customers, "current_customer"):
                return None, None
            return customers.current_customer(), None
        return section.current_customer(), section.current_contact()
