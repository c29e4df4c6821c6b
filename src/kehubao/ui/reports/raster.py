"""PDF pages as images, for the preview and for printing (PySide6-Essentials has no
QtPdf, so pages are rasterised with PDFium through pypdfium2).

Everything here returns `QImage`, which may be built on a worker thread (a `QPixmap` may
not), so the caller rasterises off the GUI thread and only shows the result. PDFium is
not thread-safe: one lock serialises every call into it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

_pdfium = threading.Lock()
POINTS_PER_INCH = 72.0
MAX_PRINT_DPI = 300  # above this an A4 page costs 35 MB+ per image for no visible gain


def page_count(pdf: bytes) -> int:
    with _pdfium:
        document = pdfium.PdfDocument(pdf)
        try:
            return len(document)
        finally:
            document.close()


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Each page's (width, height) in points (1/72 inch)."""
    with _pdfium:
        document = pdfium.PdfDocument(pdf)
        try:
            return [document[n].get_size() for n in range(len(document))]
        finally:
            document.close()


def render_page(pdf: bytes, index: int, dpi: float) -> QImage:
    """Page `index` (from 0) at `dpi`, as an RGB image that owns its pixels."""
    with _pdfium:
        document = pdfium.PdfDocument(pdf)
        try:
            page = document[index]
            bitmap = page.render(scale=dpi / POINTS_PER_INCH, rev_byteorder=True,
                                 optimize_mode="print" if dpi >= 150 else None)
            pixels = bytes(bitmap.buffer)
            width, height, stride = bitmap.width, bitmap.height, bitmap.stride
            bitmap.close()
            page.close()
        finally:
            document.close()
    image = QImage(pixels, width, height, stride, QImage.Format.Format_RGB888)
    return image.copy()  # detach from `pixels`, which goes out of scope


def render_pages(pdf: bytes, dpi: float,
                 progress: Callable[[float], None] | None = None) -> list[QImage]:
    """Every page at `dpi` (the preview's zoom); `progress(fraction)` after each page."""
    count = page_count(pdf)
    images = []
    for n in range(count):
        images.append(render_page(pdf, n, dpi))
        if progress is not None:
            progress((n + 1) / count)
    return images


def print_pdf(pdf: bytes, printer: QPrinter,
              progress: Callable[[float], None] | None = None) -> int:
    """Paint the PDF's pages on `printer` (each page rasterised at the printer's
    resolution, capped at MAX_PRINT_DPI, and fitted to the paper keeping its aspect);
    honours the page range chosen in the print dialog. Returns the pages printed.

    QPainter may paint on a QPrinter from a worker thread, so this runs off the GUI
    thread once the print dialog has been answered."""
    count = page_count(pdf)
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = max(1, printer.fromPage()), min(count, printer.toPage() or count)
    if first > last:
        return 0
    printer.setFullPage(True)  # the PDF page carries its own margins
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("printer refused to start")
    try:
        for n in range(first, last + 1):
            if n > first:
                printer.newPage()
            image = render_page(pdf, n - 1, dpi)
            paper = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
            target = _fit(image.size(), QRect(0, 0, paper.width(), paper.height()))
            painter.drawImage(target, image)
            if progress is not None:
                progress((n - first + 1) / (last - first + 1))
    finally:
        painter.end()
    return last - first + 1


def _fit(size: QSize, area: QRect) -> QRect:
    """The largest rectangle of `size`'s aspect ratio centred in `area`."""
    scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    x = area.x() + (area.width() - scaled.width()) // 2
    y = area.y() + (area.height() - scaled.height()) // 2
    return QRect(x, y, scaled.width(), scaled.height())

