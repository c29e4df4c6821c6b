"""Preview, print and save a report: the dialog with the page images, and the three
actions the 报表 page, the customer tab and Ctrl+P share.

Rendering (ReportLab) and rasterising (PDFium) run on reader threads through
``ops.query``; printing paints on the QPrinter from the worker with a progress dialog.
Only the print and file dialogs, and turning images into pixmaps, touch the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ...db import Database
from ...services.report_requests import RenderedReport, ReportRequest, render_request
from .. import ops
from ..i18n import app_name
from ..icons import icon
from . import raster

ZOOMS = (50, 75, 100, 125, 150, 200)
SCREEN_DPI = 96
LAST_DIR = "reports/last_dir"


def confirm_undrawable(parent: QWidget, report: RenderedReport) -> bool:
    """Before printing or saving: say which characters will print as placeholders (□)
    and let the user stop to fix the text first."""
    if not report.undrawable:
        return True
    chars = " ".join(report.undrawable[:20]) + (" …" if len(report.undrawable) > 20 else "")
    text = QCoreApplication.translate("Reports", "这份报表里有 %1 个字符没有字体可以显示，会印成占位符：\n%2\n\n仍然继续吗？") \
        .replace("%1", str(len(report.undrawable))).replace("%2", chars)
    reply = QMessageBox.warning(parent, app_name(), text,
                                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return reply == QMessageBox.StandardButton.Yes


def save_pdf(parent: QWidget, report: RenderedReport) -> Path | None:
    """Ask where, then write the PDF (a few hundred KB: written on the spot)."""
    settings = QSettings()
    folder = Path(str(settings.value(LAST_DIR, str(Path.home()))))
    path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Reports", "另存为 PDF"),
                                          str(folder / report.file_name),
                                          QCoreApplication.translate("Reports", "PDF 文件 (*.pdf)"))
    if not path:
        return None
    target = Path(path if path.lower().endswith(".pdf") else path + ".pdf")
    try:
        target.write_bytes(report.pdf)
    except OSError as exc:
        QMessageBox.warning(parent, app_name(),
                            QCoreApplication.translate("Reports", "无法保存文件：%1").replace("%1", str(exc)))
        return None
    settings.setValue(LAST_DIR, str(target.parent))
    return target


def print_pdf(parent: QWidget, db: Database, report: RenderedReport,
              printer: QPrinter | None = None) -> None:
    """Qt's print dialog, then the pages painted on the printer off the GUI thread.
    With `printer` given (already set up, as tests do) the dialog is skipped."""
    if printer is None:
        if not confirm_undrawable(parent, report):
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(report.title)
        dialog = QPrintDialog(printer, parent)
        dialog.setMinMax(1, raster.page_count(report.pdf))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
    held = printer  # referenced by the work below, so it outlives the painting
    window = parent.window()

    def done(pages: int) -> None:
        status = getattr(window, "statusBar", None)
        if status is not None:
            status().showMessage(QCoreApplication.translate("Reports", "已送去打印：%1 页").replace("%1", str(pages)), 5000)

    ops.query(parent, db, lambda _s, progress: raster.print_pdf(report.pdf, held, progress),
              done, progress_title=QCoreApplication.translate("Reports", "正在打印…"))


class ReportActions:
    """Render a request off the GUI thread, then preview, print or save it."""

    def __init__(self, parent: QWidget, db: Database) -> None:
        self.parent, self.db = parent, db

    def _render(self, request: ReportRequest, then) -> None:  # type: ignore[no-untyped-def]
        ops.query(self.parent, self.db, lambda session, _p: render_request(session, request),
                  then, progress_title=QCoreApplication.translate("Reports", "正在生成报表…"))

    def preview(self, request: ReportRequest) -> "PreviewDialog":
        dialog = PreviewDialog(self.db, request, self.parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def print(self, request: ReportRequest) -> None:
        self._render(request, lambda report: print_pdf(self.parent, self.db, report))

    def save(self, request: ReportRequest) -> None:
        def ask(report: RenderedReport) -> None:
            if confirm_undrawable(self.parent, report):
                save_pdf(self.parent, report)

        self._render(request, ask)


class PreviewDialog(QDialog):
    """The report's pages as images: zoom, page x / y, 打印…, 另存为…."""

    def __init__(self, db: Database, request: ReportRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.request = db, request
        self.report: RenderedReport | None = None
        self.images: list[QImage] = []
        self.pages: list[QLabel] = []
        self.setWindowTitle(self.tr("报表预览"))
        self.resize(900, 720)

        self.zoom = QComboBox()
        for value in ZOOMS:
            self.zoom.addItem(f"{value}%", value)
        self.zoom.setCurrentIndex(ZOOMS.index(100))
        self.zoom.currentIndexChanged.connect(self._rasterise)
        smaller = QPushButton("−")
        smaller.setToolTip(self.tr("缩小"))
        smaller.clicked.connect(lambda: self._step_zoom(-1))
        larger = QPushButton("+")
        larger.setToolTip(self.tr("放大"))
        larger.clicked.connect(lambda: self._step_zoom(1))
        for button in (smaller, larger):
            button.setFixedWidth(36)
        self.page_label = QLabel(self.tr("正在生成…"))
        self.print_button = QPushButton(icon("reports"), self.tr("打印…"))
        self.print_button.clicked.connect(self.print_report)
        self.save_button = QPushButton(icon("export"), self.tr("另存为…"))
        self.save_button.clicked.connect(self.save_report)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.close)
        for button in (self.print_button, self.save_button):
            button.setEnabled(False)
        bar = QHBoxLayout()
        for widget in (smaller, self.zoom, larger):
            bar.addWidget(widget)
        bar.addSpacing(16)
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        for widget in (self.print_button, self.save_button, close):
            bar.addWidget(widget)

        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("background:#fff8e1; border:1px solid #ffb300;"
                                   " border-radius:4px; padding:6px;")
        self.warning.hide()
        self.sheet = QWidget()
        self.sheet.setStyleSheet("background:#808890;")
        self.sheet_layout = QVBoxLayout(self.sheet)
        self.sheet_layout.setSpacing(12)
        self.sheet_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.sheet)
        self.scroll.setWidgetResizable(True)
        self.scroll.verticalScrollBar().valueChanged.connect(self._update_page_label)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.warning)
        layout.addWidget(self.scroll, 1)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_report)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self._step_zoom(1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self._step_zoom(-1))
        self._load()

    # ---------------------------------------------------------------- rendering

    def _dpi(self) -> float:
        return SCREEN_DPI * self.zoom.currentData() / 100 * self.devicePixelRatioF()

    def _load(self) -> None:
        request, dpi = self.request, self._dpi()

        def read(session: Session) -> tuple[RenderedReport, list[QImage]]:
            report = render_request(session, request)
            return report, raster.render_pages(report.pdf, dpi)

        ops.query(self, self.db, read, self._loaded, on_error=self._failed,
                  key=f"report-preview:{id(self)}")

    def _failed(self, exc: BaseException) -> None:
        from ..tasks import show_error

        self.page_label.setText(self.tr("无法生成这份报表"))
        show_error(self, exc)

    def _loaded(self, result: tuple[RenderedReport, list[QImage]]) -> None:
        self.report, images = result
        self.setWindowTitle(self.tr("报表预览 - %1").replace("%1", self.report.title))
        for button in (self.print_button, self.save_button):
            button.setEnabled(True)
        if self.report.undrawable:
            self.warning.setText(self.tr("以下字符没有字体可以显示，会印成占位符：%1")
                                 .replace("%1", " ".join(self.report.undrawable[:20])))
            self.warning.show()
        self._show_images(images)

    def _rasterise(self) -> None:
        if self.report is None:
            return
        pdf, dpi = self.report.pdf, self._dpi()
        ops.query(self, self.db, lambda _session: raster.render_pages(pdf, dpi),
                  self._show_images, key=f"report-preview:{id(self)}")

    def _step_zoom(self, step: int) -> None:
        index = max(0, min(len(ZOOMS) - 1, self.zoom.currentIndex() + step))
        self.zoom.setCurrentIndex(index)

    def _show_images(self, images: list[QImage]) -> None:
        self.images = images
        while len(self.pages) < len(images):
            label = QLabel()
            label.setStyleSheet("background:white; border:1px solid #5a6068;")
            self.sheet_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.pages.append(label)
        ratio = self.devicePixelRatioF()
        for label, image in zip(self.pages, images, strict=False):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.deviceIndependentSize().toSize())
        self._update_page_label()

    def _update_page_label(self) -> None:
        """Page x / y: the page under the middle of the view. Page tops are summed from
        the page sizes, as the layout may not have placed the labels yet."""
        if not self.images:
            return
        middle = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 2
        top = self.sheet_layout.contentsMargins().top()
        current = 1
        for n, label in enumerate(self.pages[:len(self.images)], 1):
            if top <= middle:
                current = n
            top += label.height() + self.sheet_layout.spacing()
        self.page_label.setText(self.tr("第 %1 页 / 共 %2 页").replace("%1", str(current))
                                .replace("%2", str(len(self.images))))

    # ---------------------------------------------------------------- actions

    def print_report(self, printer: QPrinter | None = None) -> None:
        if self.report is not None:
            print_pdf(self, self.db, self.report, printer if isinstance(printer, QPrinter) else None)

    def save_report(self) -> Path | None:
        if self.report is None or not confirm_undrawable(self, self.report):
            return None
        return save_pdf(self, self.report)
