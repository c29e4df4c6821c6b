"""The main window: navigation between 客户 / 跟进 / 话术 / 评价 / 报表 / 回收站, the
always-visible search box, menus with shortcuts, the status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..db import Database
from ..services.journal import UndoResult, undo
from ..services.locations import can_move, local_destination, risky_location
from ..services.workspace import WorkspaceStatus, workspace_status
from . import database_tools, location_warning, ops
from .bus import QtBus
from .i18n import BILINGUAL, LANGUAGES, app_name, choose_language, chosen_language
from .icons import icon
from .journal_labels import operation_label
from .location_warning import LocationWarning
from .other_writers import OtherWriters
from .search_box import SearchBox
from .sections import Section, SectionContext, load_sections
from .widgets.modal import run_modal


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.bus = QtBus()
        self.setWindowTitle(app_name())
        self.actions_by_name: dict[str, QAction] = {}
        self.status = None  # the last WorkspaceStatus read
        self.quitting = False  # Ctrl+Q: close for real even when closing goes to the tray

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(22, 22))
        self.stack = QStackedWidget()
        self.sections = load_sections(SectionContext(db, self.bus, self))
        for section in self.sections:
            self._add_section(section)
        self.nav.currentRowChanged.connect(self._show_section)
        self.nav.setCurrentRow(0)

        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self._banner_row = column  # the location warning goes above everything
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        column.addLayout(layout, 1)
        self.setCentralWidget(central)
        self.location_warning: LocationWarning | None = None
        self.move_request: tuple[Path, Path] | None = None  # carried out by application.run
        self.reopen_request = False  # likewise: a new window, in the language just chosen

        self.search_box = SearchBox(db, self)
        self.search_box.open_hit.connect(self.open_hit)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(80)
        self._status_timer.timeout.connect(self._refresh_status)
        self.bus.changed.connect(self._on_changed)
        self.other_writers = OtherWriters(db, lambda: self.show_message(
            self.tr("数据库被其他程序（例如命令行）修改过，已刷新。")), self)
        from .backups.schedule import BackupSchedule

        self.backups = BackupSchedule(db, self.bus, self)
        self.backups.damaged.connect(self._damage_found)
        self._restore_geometry()
        QTimer.singleShot(0, self._refresh_status)
        QTimer.singleShot(0, self._refresh_badges)
        QTimer.singleShot(0, self._check_location)
        # On the navigation only: a style sheet on the window would route every cell of
        # the customer list through Qt's slower style-sheet painting.
        self.nav.setStyleSheet(
            "QListWidget#nav { border: none; border-right: 1px solid palette(mid);"
            " font-size: 11pt; padding-top: 6px; }"
            "QListWidget#nav::item { padding: 10px 6px; }"
        )
        self.nav.ensurePolished()  # the style sheet's font decides the width
        widest = max(self.nav.fontMetrics().horizontalAdvance(s.title() + " 99,999")
                     for s in self.sections)
        self.nav.setFixedWidth(max(118, widest + 48))  # icon and padding; English words are longer

    # ---------------------------------------------------------------- sections

    def _add_section(self, section: Section) -> None:
        item = QListWidgetItem(icon(section.icon_name), section.title())
        item.setData(Qt.ItemDataRole.UserRole, section.key)
        self.nav.addItem(item)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(holder)

    def _show_section(self, row: int) -> None:
        if row < 0:
            return
        section = self.sections[row]
        holder = self.stack.widget(row)
        if not section.has_page():
            holder.layout().addWidget(section.page())
        self.stack.setCurrentIndex(row)
        section.activated()

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def page_of(self, key: str) -> QWidget:
        """A section's page, built if it was not shown yet."""
        return self.section(key).page()

    def go_to(self, key: str) -> Section:
        section = self.section(key)
        self.nav.setCurrentRow(self.sections.index(section))
        return section

    def current_context(self) -> tuple[int | None, int | None]:
        """(customer, contact) the user is looking at, for actions such as Ctrl+L."""
        section = self.sections[max(0, self.nav.currentRow())]
        return section.current_customer(), section.current_contact()

    def open_hit(self, kind: str, ref_id: int, customer_id: object) -> None:
        """Open what a search hit points at, in the section that shows such things."""
        for section in self.sections:
            if section.open_hit(kind, ref_id, customer_id if isinstance(customer_id, int) else None):
                return

    def _refresh_badges(self) -> None:
        for row, section in enumerate(self.sections):
            if not section.badge_entities:
                continue

            def show(count: int | None, row: int = row, section: Section = section) -> None:
                item = self.nav.item(row)
                item.setText(section.title() if not count else
                             self.tr("%1 %2").replace("%1", section.title()).replace("%2", f"{count:,}"))
                item.setToolTip(section.badge_tip(count) if count else "")

            ops.query(self, self.db, section.badge, show, key=f"badge:{section.key}",
                      on_error=lambda _exc: None)

    # ---------------------------------------------------------------- construction

    def _action(self, name: str, text: str, slot, shortcut=None, icon_name: str | None = None,  # type: ignore[no-untyped-def]
                tip: str | None = None) -> QAction:
        action = QAction(icon(icon_name) if icon_name else icon(name), text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self._register(name, action)
        return action

    def _register(self, name: str, action: QAction) -> None:
        self.actions_by_name[name] = action
        self.addAction(action)

    def _build_actions(self) -> None:
        self._section_actions = [a for s in self.sections for a in s.actions()]
        for contributed in self._section_actions:
            self._register(contributed.name, contributed.action)
        self._action("import", self.tr("导入名单…"), self.import_list, "Ctrl+I", "import")
        self._action("demo", self.tr("加载演示数据…"), self.load_demo, None, "customers")
        self._action("backup", self.tr("备份与恢复…"), self.open_backups, "Ctrl+Shift+B", "export")
        self._action("quit", self.tr("退出"), self.quit, QKeySequence.StandardKey.Quit, "none")
        self._action("undo", self.tr("撤销"), self.undo_last, QKeySequence.StandardKey.Undo, "undo")
        self._action("search", self.tr("全局搜索"), self.search_box.focus_search, "Ctrl+K", "search")
        for n, section in enumerate(self.sections):
            self._action(f"go_{section.key}", section.title(),
                         lambda _=False, row=n: self.nav.setCurrentRow(row), f"Ctrl+{n + 1}",
                         section.icon_name)
        self._action("check", self.tr("检查数据库"),
                     lambda: database_tools.check_database(self, self.db), None, "none")
        self._action("reindex", self.tr("重建搜索索引"),
                     lambda: database_tools.reindex(self, self.db), None, "search")
        self._action("guide", self.tr("用户指南"), self.show_guide, "F1", "none")
        self._action("about", self.tr("关于客户宝"), self.about, None, "app")

    def _contributed(self, menu: str) -> list[str]:
        return [a.name for a in self._section_actions if a.menu == menu]

    def _build_menus(self) -> None:
        a = self.actions_by_name
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        for name in (*self._contributed("file"), None, "import", None, "demo", "backup", None, "quit"):
            file_menu.addSeparator() if name is None else file_menu.addAction(a[name])
        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        for name in ("undo", None, *self._contributed("edit"), "search"):
            edit_menu.addSeparator() if name is None else edit_menu.addAction(a[name])
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        for section in self.sections:
            view_menu.addAction(a[f"go_{section.key}"])
        for name in self._contributed("go"):
            view_menu.addAction(a[name])
        tools = bar.addMenu(self.tr("工具(&T)"))
        for name in (*self._contributed("tools"), "backup", "check", "reindex"):
            tools.addAction(a[name])
        tools.addSeparator()
        self._build_language_menu(tools.addMenu(BILINGUAL["language_menu"]))
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(a["guide"])
        help_menu.addSeparator()
        help_menu.addAction(a["about"])

    def _build_language_menu(self, menu: QMenu) -> None:
        group = QActionGroup(menu)
        current = chosen_language()
        for code, name in LANGUAGES:
            action = menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(self.change_language)

    def change_language(self, action: QAction) -> None:
        """Remember the language and offer to reopen the window in it at once (widgets
        are built in one language); ``application.run`` does the reopening, after the
        window closed the usual way, asking about unsaved work."""
        language = action.data()
        if language == chosen_language():
            return
        choose_language(language)
        if QMessageBox.question(self, app_name(), BILINGUAL["reopen_now"]) \
                != QMessageBox.StandardButton.Yes:
            QMessageBox.information(self, app_name(), BILINGUAL["language_changed"])
            return
        self.reopen_request = True
        self.quit()
        if not self.quitting:  # the window stayed open (an unsaved form): not now
            self.reopen_request = False

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("工具栏"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(18, 18))
        for contributed in self._section_actions:
            if contributed.toolbar:
                bar.addAction(contributed.action)
        for name in ("import", "undo"):
            bar.addAction(self.actions_by_name[name])
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy().Preferred)
        bar.addWidget(spacer)
        bar.addWidget(self.search_box)
        self.addToolBar(bar)

    def _build_status_bar(self) -> None:
        self.db_label = QLabel()
        self.db_label.setToolTip(self.db.target.display)
        self.count_label = QLabel()
        status = self.statusBar()
        status.addPermanentWidget(self.count_label)
        status.addPermanentWidget(self.db_label)
        self.db_label.setText(self.tr("数据库：%1").replace("%1", self.db.target.path.name
                                                       if self.db.target.path else self.db.target.display))

    # ---------------------------------------------------------------- behaviour

    def show_message(self, text: str, ms: int = 6000) -> None:
        self.statusBar().showMessage(text, ms)

    def _on_changed(self, changes) -> None:  # type: ignore[no-untyped-def]
        # Any change may add an undoable operation or change the count; one cheap query.
        self._status_timer.start()
        entities = {c.entity for c in changes}
        if any(entities & set(s.badge_entities) for s in self.sections):
            self._refresh_badges()

    # ---------------------------------------------------------------- a dangerous place

    def _check_location(self) -> None:
        """Warn (without blocking) when the database is in a synced folder or on a network
        drive. Off the GUI thread: asking a network drive can take a while."""
        path = self.db.path
        if path is None or location_warning.ignored(path):
            return
        ops.query(self, self.db, lambda _session: risky_location(path), self._warn_about_location,
                  key="location", on_error=lambda _exc: None)

    def _warn_about_location(self, reason: str | None) -> None:
        if not reason or self.db.path is None or self.location_warning is not None:
            return
        bar = LocationWarning(self.db.path, reason, can_move(self.db.path), self)
        bar.move_requested.connect(self.move_to_local_folder)
        bar.destroyed.connect(lambda: setattr(self, "location_warning", None))
        self._banner_row.insertWidget(0, bar)
        bar.show()
        self.location_warning = bar

    def move_to_local_folder(self) -> None:
        """Ask, then close the window; ``application.run`` copies the database (nothing
        writes to it then) and opens the copy."""
        source = self.db.path
        if source is None:
            return
        target = local_destination(source)
        answer = QMessageBox.question(self, app_name(), self.tr(
            "把数据库复制到本机文件夹：\n%1\n\n客户宝会关闭窗口、复制数据库，再打开新位置的数据库；以后用原来的路径"
            "打开时也会使用新位置。原来的文件保留在原处，不再使用。\n\n要继续吗？").replace("%1", str(target)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.move_request = (source, target)
        self.quit()
        if not self.quitting:  # the window stayed open (an unsaved form): no move
            self.move_request = None

    def _refresh_status(self) -> None:
        ops.query(self, self.db, workspace_status, self._show_status, key="window-status",
                  on_error=lambda _exc: None)

    def _show_status(self, status: WorkspaceStatus) -> None:
        self.status = status
        self.count_label.setText(self.tr("客户 %1 个").replace("%1", f"{status.customers:,}"))
        undo_action = self.actions_by_name["undo"]
        undo_action.setEnabled(status.undo_id is not None)
        undo_action.setText(self.tr("撤销“%1”").replace("%1", operation_label(status.undo_label))
                            if status.undo_label else self.tr("撤销"))
        for section in self.sections:
            if hasattr(section, "workspace_changed"):
                section.workspace_changed(status)

    def undo_last(self) -> None:
        """Ask (for an import) with no transaction open, then undo in the background: a
        question on screen must never hold SQLite's write lock."""
        ops.query(self, self.db, workspace_status, self._undo_after_reading)

    def _undo_after_reading(self, status: WorkspaceStatus) -> None:
        if status.undo_id is None:
            return
        if status.undo_kind == "import":
            answer = QMessageBox.question(
                self, app_name(),
                self.tr("撤销“%1”会把这次导入的客户移入回收站，确定吗？").replace("%1", operation_label(status.undo_label)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        ops.write(self, self.db, lambda session, progress: undo(session, status.undo_id, progress=progress),
                  self._undone, progress_title=self.tr("正在撤销…"))

    def _undone(self, result: UndoResult) -> None:
        message = self.tr("已撤销：%1").replace("%1", operation_label(result.label))
        if result.skipped:
            message += self.tr("（%1 项之后又被修改过，保留了最新的内容）").replace("%1", str(result.skipped))
        self.show_message(message)

    def import_list(self) -> None:
        """The file picker first; the import dialog opens on the chosen file."""
        from .exchange.import_dialog import ask_import_file

        if path := ask_import_file(self):
            self.import_file(path)

    def import_file(self, path: Path) -> None:
        from .exchange.import_dialog import ImportDialog

        run_modal(ImportDialog(self.db, self, path))

    # ---------------------------------------------------------------- a second start

    def handle_instance_message(self, message: dict) -> None:
        """A second start on this database (``ui/single_instance.py``): come forward, and
        import the files it was given, if any."""
        from .single_instance import files_in

        self.bring_forward()
        files = [f for f in files_in(message) if f.is_file()]
        if not files:
            return
        if QApplication.activeModalWidget() is not None:
            # A dialog is open (perhaps an import): the file waits for the user.
            self.show_message(self.tr("请先关闭打开的对话框，再导入 %1").replace("%1", files[0].name), 15000)
            return
        QTimer.singleShot(0, lambda: self.import_file(files[0]))  # after the reply is sent

    def bring_forward(self) -> None:
        """Un-hide (from the tray), un-minimize (keeping maximized), raise and activate."""
        if self.isHidden():
            self.show()
        if self.isMinimized():
            self.setWindowState((self.windowState() & ~Qt.WindowState.WindowMinimized)
                                | Qt.WindowState.WindowActive)
        self.raise_()
        self.activateWindow()

    def load_demo(self) -> None:
        database_tools.load_demo(self, self.db)

    def open_backups(self) -> None:
        from .backups.dialog import BackupsDialog

        if self.db.path is None:
            QMessageBox.information(self, app_name(), self.tr("服务器数据库请用服务器的备份工具。"))
            return
        run_modal(BackupsDialog(self.db, self))

    def _damage_found(self, problems: list[str]) -> None:
        """The background check found damage the quick start-up check could not see."""
        from ..backups.integrity import summary

        QMessageBox.critical(self, app_name(), self.tr(
            "数据库文件已损坏（%1）。请不要继续修改数据：在“备份与恢复”中恢复最新的备份。")
            .replace("%1", summary(problems)))
        self.open_backups()

    def show_guide(self) -> None:
        """F1: the user guide at the topic of the section on screen."""
        from .guide import show_guide, topic_for

        show_guide(self, topic_for(self.sections[max(0, self.nav.currentRow())]))

    def about(self) -> None:
        from .about import show_about

        show_about(self.db, self)

    # ---------------------------------------------------------------- geometry

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            state = settings.value("window/state")
            if isinstance(state, QByteArray):
                self.restoreState(state)
            return
        screen = QApplication.primaryScreen().availableGeometry()
        self.resize(min(1280, screen.width()), min(800, screen.height()))

    def quit(self) -> None:
        self.quitting = True
        if not self.close():
            self.quitting = False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        from .tasks import cancel_all, running_titles, wait_for_tasks

        if not self.quitting and any(section.close_to_tray() for section in self.sections):
            self.hide()
            event.ignore()
            return
        if titles := running_titles():
            answer = QMessageBox.question(
                self, app_name(),
                self.tr("“%1”还在进行。现在退出会取消它（已做的部分不会保存）。确定退出吗？")
                .replace("%1", titles[0]))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            cancel_all()
            wait_for_tasks()
        if not all(section.confirm_close() for section in self.sections):
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        for section in self.sections:
            if section.has_page():
                section.save_state()
        self.other_writers.stop()
        ops.wait_idle(10_000)  # no read or write may outlive the window
        self.other_writers.close()
        self.hide()
        self.backups.at_exit()
        self.bus.close()
        super().closeEvent(event)
