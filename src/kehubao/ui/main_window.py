"""The main window: navigation between 客户 / 跟进 / 话术 / 评价 / 报表 / 回收站, the
always-visible search box, menus with shortcuts, the status bar."""

from __future__ import annotations

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
    QWidget,
)
from sqlalchemy import func, select

from .. import __version__
from ..db import Database
from ..models import Customer
from ..services.journal import last_undoable, undo
from .bus import QtBus
from .customers.recycle_bin import RecycleBinPage
from .customers.section import CustomersSection
from .i18n import BILINGUAL, LANGUAGES, app_name, choose_language, chosen_language
from .icons import icon
from .pages import ComingPage
from .search_box import SearchBox
from .tasks import run_task, show_error
from .widgets.modal import run_modal


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        self.bus = QtBus()
        self.setWindowTitle(app_name())
        self.actions_by_name: dict[str, QAction] = {}

        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setIconSize(QSize(22, 22))
        self.stack = QStackedWidget()
        self.customers = CustomersSection(db, self.bus, self)
        self.recycle_bin = RecycleBinPage(db, self.bus, self)
        self._add_section("customers", self.tr("客户"), self.customers)
        self._add_section("followups", self.tr("跟进"), ComingPage(self.tr("跟进"), [
            self.tr("记录拜访、电话、微信和当时的情绪"),
            self.tr("到期提醒、生日和久未联系的重要客户预警"),
            self.tr("“今日”待办页和日历视图，导出 .ics")]))
        self._add_section("scripts", self.tr("话术"), ComingPage(self.tr("异议处理话术"), [
            self.tr("按类别浏览话术库（已内置常见异议，可在顶部搜索框中查找）"),
            self.tr("通话中用键盘快速查找（中文、拼音、首字母）"),
            self.tr("记录用了哪条回复、是否奏效，按成功率排序")]))
        self._add_section("evaluation", self.tr("评价"), ComingPage(self.tr("客户评价与分类"), [
            self.tr("按加权指标定期评价客户并评级"),
            self.tr("按销量 × 忠诚度分为四类，给出对应策略"),
            self.tr("客户价值与金字塔、窜货与欠款风险预警")]))
        self._add_section("reports", self.tr("报表"), ComingPage(self.tr("报表"), [
            self.tr("打印客户评价表、拜访报告、客户档案卡（PDF）"),
            self.tr("按区域、分类批量导出")]))
        self._add_section("recycle", self.tr("回收站"), self.recycle_bin)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.search_box = SearchBox(db, self)
        self.search_box.open_hit.connect(self.customers.open_hit)
        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(80)
        self._status_timer.timeout.connect(self._refresh_status)
        self.bus.changed.connect(self._on_changed)
        self._restore_geometry()
        QTimer.singleShot(0, self._refresh_status)
        # On the navigation only: a style sheet on the window would route every cell of
        # the customer list through Qt's slower style-sheet painting.
        self.nav.setStyleSheet(
            "QListWidget#nav { border: none; border-right: 1px solid palette(mid);"
            " font-size: 11pt; padding-top: 6px; }"
            "QListWidget#nav::item { padding: 10px 6px; }"
        )
        self.nav.ensurePolished()  # the style sheet's font decides the width
        widest = max(self.nav.fontMetrics().horizontalAdvance(self.nav.item(n).text())
                     for n in range(self.nav.count()))
        self.nav.setFixedWidth(max(118, widest + 64))  # icon and padding; English words are longer

    # ---------------------------------------------------------------- construction

    def _add_section(self, key: str, title: str, page: QWidget) -> None:
        item = QListWidgetItem(icon(key), title)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.addItem(item)
        self.stack.addWidget(page)

    def _action(self, name: str, text: str, slot, shortcut=None, icon_name: str | None = None,  # type: ignore[no-untyped-def]
                tip: str | None = None) -> QAction:
        action = QAction(icon(icon_name) if icon_name else icon(name), text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.actions_by_name[name] = action
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        c = self.customers
        self._action("new_customer", self.tr("新建客户…"), c.new_customer, QKeySequence.StandardKey.New, "add")
        self._action("import", self.tr("导入名单…"), self.import_list, "Ctrl+I", "import")
        self._action("export", self.tr("导出名单…"), c.export_list, "Ctrl+E", "export")
        self._action("demo", self.tr("加载演示数据…"), self.load_demo, None, "customers")
        self._action("backup", self.tr("备份数据库…"), self.backup_database, None, "export")
        self._action("quit", self.tr("退出"), self.close, QKeySequence.StandardKey.Quit, "none")
        self._action("undo", self.tr("撤销"), self.undo_last, QKeySequence.StandardKey.Undo, "undo")
        self._action("find", self.tr("筛选客户列表"), self.focus_filter, QKeySequence.StandardKey.Find, "filter")
        self._action("search", self.tr("全局搜索"), self.search_box.focus_search, "Ctrl+K", "search")
        for n, key in enumerate(("customers", "followups", "scripts", "evaluation", "reports", "recycle")):
            self._action(f"go_{key}", self.nav.item(n).text(),
                         lambda _=False, row=n: self.nav.setCurrentRow(row), f"Ctrl+{n + 1}", key)
        self._action("check", self.tr("检查数据库"), self.check_database, None, "none")
        self._action("reindex", self.tr("重建搜索索引"), self.reindex, None, "search")
        self._action("about", self.tr("关于客户宝"), self.about, None, "app")

    def _build_menus(self) -> None:
        a = self.actions_by_name
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("文件(&F)"))
        for name in ("new_customer", None, "import", "export", None, "demo", "backup", None, "quit"):
            file_menu.addSeparator() if name is None else file_menu.addAction(a[name])
        edit_menu = bar.addMenu(self.tr("编辑(&E)"))
        for name in ("undo", None, "find", "search"):
            edit_menu.addSeparator() if name is None else edit_menu.addAction(a[name])
        view_menu = bar.addMenu(self.tr("视图(&V)"))
        for key in ("customers", "followups", "scripts", "evaluation", "reports", "recycle"):
            view_menu.addAction(a[f"go_{key}"])
        tools = bar.addMenu(self.tr("工具(&T)"))
        tools.addAction(a["check"])
        tools.addAction(a["reindex"])
        tools.addSeparator()
        self._build_language_menu(tools.addMenu(BILINGUAL["language_menu"]))
        help_menu = bar.addMenu(self.tr("帮助(&H)"))
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
        choose_language(action.data())
        QMessageBox.information(self, app_name(), BILINGUAL["language_changed"])

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("工具栏"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setIconSize(QSize(18, 18))
        for name in ("new_customer", "import", "export", "undo"):
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

    def _on_changed(self, _changes) -> None:  # type: ignore[no-untyped-def]
        # Any change may add an undoable operation or change the count; one cheap query.
        self._status_timer.start()

    def _refresh_status(self) -> None:
        with self.db.session(write=False) as session:
            total = session.scalar(select(func.count()).select_from(Customer)
                                   .where(Customer.deleted_at.is_(None))) or 0
            op = last_undoable(session)
            label = op.label if op else None
        self.count_label.setText(self.tr("客户 %1 个").replace("%1", f"{total:,}"))
        undo_action = self.actions_by_name["undo"]
        undo_action.setEnabled(label is not None)
        undo_action.setText(self.tr("撤销“%1”").replace("%1", label) if label else self.tr("撤销"))
        self.customers.set_empty_database(total == 0 and not self.customers.has_deleted())

    def focus_filter(self) -> None:
        self.nav.setCurrentRow(0)
        self.customers.focus_filter()

    def undo_last(self) -> None:
        try:
            with self.db.session() as session:
                op = last_undoable(session)
                if op is None:
                    return
                if op.kind == "import":
                    answer = QMessageBox.question(
                        self, app_name(),
                        self.tr("撤销“%1”会把这次导入的客户移入回收站，确定吗？").replace("%1", op.label))
                    if answer != QMessageBox.StandardButton.Yes:
                        session.rollback()
                        return
                result = undo(session, op.id)
        except Exception as exc:  # noqa: BLE001 - reported to the user, nothing half-done
            show_error(self, exc)
            return
        message = self.tr("已撤销：%1").replace("%1", result.label)
        if result.skipped:
            message += self.tr("（%1 项之后又被修改过，保留了最新的内容）").replace("%1", str(result.skipped))
        self.statusBar().showMessage(message, 6000)

    def import_list(self) -> None:
        from .exchange.import_dialog import ImportDialog

        run_modal(ImportDialog(self.db, self))

    def load_demo(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        count, ok = QInputDialog.getInt(self, self.tr("加载演示数据"),
                                        self.tr("要生成多少个演示客户？（会加入当前数据库）"),
                                        500, 1, 200_000, 100)
        if not ok:
            return
        from ..services.demo import generate_demo

        def work(progress):  # type: ignore[no-untyped-def]
            return generate_demo(self.db, customers=count, progress=lambda _s, f: progress(f))

        run_task(self, self.tr("正在生成演示数据…"), work, cancellable=False,
                 on_done=lambda s: self.statusBar().showMessage(
                     self.tr("已生成 %1 个演示客户").replace("%1", f"{s.counts.get('customer', 0):,}"), 6000))

    def backup_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ..services.maintenance import backup, default_backup_dir

        if self.db.path is None:
            QMessageBox.information(self, app_name(), self.tr("服务器数据库请用服务器的备份工具。"))
            return
        suggested = default_backup_dir(self.db) / self.tr("%1-备份.db").replace("%1", self.db.path.stem)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("备份数据库"), str(suggested),
                                              self.tr("客户宝数据库 (*.db)"))
        if path:
            from pathlib import Path

            run_task(self, self.tr("正在备份…"), lambda _p: backup(self.db, Path(path)),
                     on_done=lambda target: self.statusBar().showMessage(
                         self.tr("已备份到 %1").replace("%1", str(target)), 8000))

    def check_database(self) -> None:
        from ..services.maintenance import check_database

        def done(problems: list[str]) -> None:
            if problems:
                QMessageBox.warning(self, app_name(), self.tr("发现问题：\n") + "\n".join(problems))
            else:
                QMessageBox.information(self, app_name(), self.tr("检查通过，没有发现问题。"))

        run_task(self, self.tr("正在检查数据库…"), lambda _p: check_database(self.db), on_done=done,
                 cancellable=False)

    def reindex(self) -> None:
        from ..services.maintenance import reindex

        run_task(self, self.tr("正在重建搜索索引…"), lambda p: reindex(self.db, progress=p),
                 cancellable=False,
                 on_done=lambda _c: self.statusBar().showMessage(self.tr("搜索索引已重建"), 6000))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("关于客户宝"), self.tr(
            "<h3>客户宝 %1</h3><p>离线客户管理：客户档案、联系人、跟进、话术与评价。</p>"
            "<p>所有数据保存在本机：%2</p>").replace("%1", __version__)
            .replace("%2", self.db.target.display))

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

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        from .tasks import cancel_all, running_titles, wait_for_tasks

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
        if not self.customers.confirm_close():
            event.ignore()
            return
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        self.customers.save_state()
        self.bus.close()
        super().closeEvent(event)
