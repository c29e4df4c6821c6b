"""What every report page shares: the company letterhead, the footer with the generated
time and "第 2 页 / 共 3 页", the paragraph styles, and small table builders.

The page total is only known once the whole document is laid out, so the footer is
drawn by a canvas that keeps each page's state and writes the footers at save time.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import IO

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, LongTable, PageTemplate, TableStyle
from reportlab.platypus import Table as _Table

from ..config import APP_DISPLAY_NAME
from ..texts import Text
from . import fonts
from .linebreak import CJKParagraph
from .model import Letterhead
from .text import markup

# Binary streams: ASCII85 (ReportLab's default) makes files a quarter larger and costs
# a few ms per sheet in pure Python; every PDF reader takes binary streams.
rl_config.useA85 = 0

PAGE_W, PAGE_H = A4
MARGIN = 16 * mm
TOP = 30 * mm  # room for the letterhead
BOTTOM = 16 * mm
BODY_W = PAGE_W - 2 * MARGIN


def colour(text: str, default: str) -> colors.Color:
    """A colour from a setting (#RRGGBB), falling back to the default when unreadable."""
    try:
        return colors.HexColor(text)
    except (ValueError, TypeError):
        return colors.HexColor(default)


class Styles:
    """The paragraph styles of one report, coloured after the letterhead."""

    def __init__(self, letterhead: Letterhead) -> None:
        font = fonts.register_fonts()
        self.primary = colour(letterhead.primary_colour, "#1F4E79")
        self.accent = colour(letterhead.accent_colour, "#D9E2F3")

        def style(name: str, size: float, **kw: object) -> ParagraphStyle:
            return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.45,
                                  wordWrap="CJK", **kw)  # type: ignore[arg-type]

        self.title = style("title", 17, alignment=TA_CENTER, textColor=self.primary,
                           spaceAfter=3 * mm)
        self.h2 = style("h2", 11.5, textColor=self.primary, spaceBefore=3 * mm,
                        spaceAfter=1.5 * mm)
        self.body = style("body", 9.5)
        self.small = style("small", 8, textColor=colors.HexColor("#555555"))
        self.cell = style("cell", 9)
        self.cell_right = style("cell_right", 9, alignment=TA_RIGHT)
        self.cell_center = style("cell_center", 9, alignment=TA_CENTER)
        self.label = style("label", 9, textColor=colors.HexColor("#333333"))


def para(text: str | None, style: ParagraphStyle, *, empty: str = "") -> CJKParagraph:
    """A paragraph of user text (escaped, with font fallback)."""
    return CJKParagraph(markup(text, empty=empty), style)


def fixed(markup_text: str, style: ParagraphStyle) -> CJKParagraph:
    """A paragraph of the program's own markup (already escaped by the caller)."""
    return CJKParagraph(markup_text, style)


GRID = colors.HexColor("#9AA5B1")
CELL_PAD = 6  # ReportLab's default left and right padding of a table cell


class Table(_Table):
    """A ReportLab table whose plain-string cells use the embedded face (ReportLab's
    default is Helvetica, which would be referenced unembedded)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # Plain-string cells (the program's own labels and figures) are drawn without
        # paragraph layout, which is most of the cost of a table.
        self.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.MAIN),
                                  ("FONTSIZE", (0, 0), (-1, -1), 9),
                                  ("LEADING", (0, 0), (-1, -1), 12)]))


def kv_table(pairs: Sequence[tuple[str, str | None]], styles: Styles, *,
             columns: int = 2, label_w: float = 22 * mm) -> Table:
    """Label/value grid, `columns` pairs per row; values are user text.

    `label_w` suits Chinese labels (up to five characters); longer labels (English) widen
    the label column up to 34 mm, and a label longer still wraps."""
    widest = max((pdfmetrics.stringWidth(label, fonts.MAIN, 9) for label, _v in pairs),
                 default=0.0) + 2 * CELL_PAD
    label_w = max(label_w, min(widest + 1, 34 * mm))
    value_w = BODY_W / columns - label_w
    rows: list[list[Flowable | str]] = []
    row: list[Flowable | str] = []
    for label, value in pairs:
        row += [cell(label, styles.cell, label_w), para(value, styles.cell)]
        if len(row) == 2 * columns:
            rows.append(row)
            row = []
    if row:
        rows.append(row + [""] * (2 * columns - len(row)))
    table = Table(rows, colWidths=[label_w, value_w] * columns)
    commands = [("GRID", (0, 0), (-1, -1), 0.4, GRID),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    for c in range(columns):
        commands.append(("BACKGROUND", (2 * c, 0), (2 * c, -1), styles.accent))
    table.setStyle(TableStyle(commands))
    return table


class LongGrid(LongTable):
    """Table for lists of thousands of rows (ReportLab's LongTable splits page by page
    without re-measuring every remaining row each time)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.MAIN),
                                  ("FONTSIZE", (0, 0), (-1, -1), 9),
                                  ("LEADING", (0, 0), (-1, -1), 12)]))


def cell(text: str | None, style: ParagraphStyle, width: float) -> Flowable | str:
    """User text for a table cell: a plain string (drawn without paragraph layout, much
    faster in long lists) when the main face has every character and it fits on one
    line, else a wrapping paragraph with font fallback."""
    text = text or ""
    if "\n" not in text and all(fonts.font_for(ch) == fonts.MAIN for ch in text) and \
            pdfmetrics.stringWidth(text, fonts.MAIN, style.fontSize) <= width - 2 * CELL_PAD:
        return text
    return para(text, style)


def _heading(text: str, style: ParagraphStyle, width: float) -> Flowable | str:
    """A column heading: wrapped at spaces when longer than the column, in smaller type
    when one word alone is wider than it ("Weight" over a narrow column of figures)."""
    room = width - 2 * CELL_PAD
    longest = max((pdfmetrics.stringWidth(word, fonts.MAIN, style.fontSize)
                   for word in text.split()), default=0.0)
    if longest > room > 0:
        size = max(6.0, style.fontSize * room / longest)
        return para(text, ParagraphStyle(f"{style.name}_{size:.1f}", parent=style,
                                         fontSize=size, leading=size * 1.3))
    return cell(text, style, width)


def grid_table(header: Sequence[str], rows: Sequence[Sequence[Flowable | str]],
               widths: Sequence[float], styles: Styles, *, repeat: bool = True) -> Table:
    """A table with a coloured header row repeated on every page it spans. A heading
    wider than its column (English) wraps instead of running into the next one."""
    kind = LongGrid if len(rows) > 60 else Table
    heading = [_heading(text, styles.cell_center, width)
               for text, width in zip(header, widths, strict=True)]
    table = kind([heading, *rows], colWidths=list(widths),
                 repeatRows=1 if repeat else 0)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), styles.accent),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _draw_letterhead(canvas: Canvas, letterhead: Letterhead, title: str,
                     primary: colors.Color) -> None:
    canvas.saveState()
    x = MARGIN
    top = PAGE_H - 12 * mm
    logo = Path(letterhead.logo_path) if letterhead.logo_path else None
    if logo is not None and logo.is_file():
        try:
            canvas.drawImage(str(logo), x, top - 10 * mm, width=14 * mm, height=10 * mm,
                             preserveAspectRatio=True, mask="auto")
            x += 16 * mm
        except Exception:  # an unreadable logo must not cost the user the report
            pass
    canvas.setFillColor(primary)
    _draw_text(canvas, x, top - 5 * mm, letterhead.company, 13)
    canvas.setFillColor(colors.HexColor("#555555"))
    details = "  ".join(p for p in (letterhead.address, letterhead.phone) if p)
    if details:
        _draw_text(canvas, x, top - 9.5 * mm, details, 7.5)
    canvas.setFillColor(primary)
    _draw_text(canvas, PAGE_W - MARGIN, top - 5 * mm, title, 10, right=True)
    canvas.setStrokeColor(primary)
    canvas.setLineWidth(1.2)
    canvas.line(MARGIN, top - 12 * mm, PAGE_W - MARGIN, top - 12 * mm)
    canvas.restoreState()


def _draw_text(canvas: Canvas, x: float, y: float, text: str, size: float, *,
               right: bool = False) -> None:
    """Draw a user string on the canvas with the same font fallback as paragraphs."""
    pieces = [(font if font != fonts.PLACEHOLDER else fonts.MAIN, run)
              for font, run in fonts.runs(text.replace("\n", " "))]
    if right:
        x -= sum(canvas.stringWidth(run, font, size) for font, run in pieces)
    for font, run in pieces:
        canvas.setFont(font, size)
        canvas.drawString(x, y, run)
        x += canvas.stringWidth(run, font, size)


def numbered_canvas(generated: datetime, style_colour: colors.Color) -> type[Canvas]:
    """A canvas class that writes "第 n 页 / 共 N 页" and the generated time on every page
    once the page count is known."""
    stamp = Text("生成时间：{time:%Y-%m-%d %H:%M}", time=generated)

    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            # Start in the embedded face, so no unembedded Helvetica is ever referenced.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or fonts.MAIN
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802  (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont(fonts.MAIN, 7.5)
                self.setFillColor(colors.HexColor("#666666"))
                self.drawString(MARGIN, 9 * mm, stamp)
                self.drawRightString(PAGE_W - MARGIN, 9 * mm,
                                     Text("第 {page} 页 / 共 {pages} 页",
                                          page=self._pageNumber, pages=total))
                self.setStrokeColor(style_colour)
                self.setLineWidth(0.5)
                self.line(MARGIN, 12 * mm, PAGE_W - MARGIN, 12 * mm)
                super().showPage()
            super().save()

    return NumberedCanvas


def build(target: str | Path | IO[bytes], story: list[Flowable], *, title: str,
          letterhead: Letterhead, styles: Styles, generated: datetime | None = None,
          author: str = "") -> None:
    """Lay out `story` on A4 pages with letterhead and footer, and write the PDF."""
    generated = generated or datetime.now()
    doc = BaseDocTemplate(
        target if not isinstance(target, Path) else str(target), pagesize=A4,
        leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP, bottomMargin=BOTTOM,
        title=title, author=author or letterhead.company, creator=Text(APP_DISPLAY_NAME),
    )
    frame = Frame(MARGIN, BOTTOM, BODY_W, PAGE_H - TOP - BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def on_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        _draw_letterhead(canvas, letterhead, title, styles.primary)

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build(story, canvasmaker=numbered_canvas(generated, styles.primary))
