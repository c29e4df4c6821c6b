"""Small vector charts for the evaluation sheet (reportlab.graphics, embedded as vectors).

The radar shows each indicator as a share of its maximum, with the previous evaluation
as a dashed outline; the quadrant shows the four classes (sales volume × loyalty) with
the customer's class filled in.
"""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from . import fonts
from .model import ScoreRow

_INK = colors.HexColor("#333333")


def _label(x: float, y: float, text: str, size: float, anchor: str = "middle",
           colour: colors.Color = _INK) -> Group:
    """A label (an indicator's name from an editable template) set run by run in the
    font that has each character, like paragraphs, so a rare character is no box."""
    runs = [(fonts.MAIN if font == fonts.PLACEHOLDER else font, run)
            for font, run in fonts.runs(text.replace("\n", " "))]
    total = sum(stringWidth(run, font, size) for font, run in runs)
    left = x - {"start": 0, "middle": total / 2, "end": total}[anchor]
    group = Group()
    for font, run in runs:
        group.add(String(left, y, run, fontName=font, fontSize=size, fillColor=colour))
        left += stringWidth(run, font, size)
    return group


def _drawing(size: float) -> Drawing:
    d = Drawing(size, size)
    # The renderer's starting font is Helvetica unless the drawing names another; it
    # would be referenced in the PDF without being embedded.
    d.initialFontName = fonts.MAIN
    d.initialFontSize = 8
    return d


def radar(rows: list[ScoreRow], size: float, primary: colors.Color) -> Drawing:
    """Indicators on spokes, score / max on each, 0 at the centre."""
    fonts.register_fonts()
    d = _drawing(size)
    cx = cy = size / 2
    r = size / 2 - 26
    n = max(len(rows), 3)
    angles = [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]
    grey = colors.HexColor("#B8C2CC")
    for ring in (0.25, 0.5, 0.75, 1.0):
        pts: list[float] = []
        for a in angles:
            pts += [cx + r * ring * math.cos(a), cy + r * ring * math.sin(a)]
        d.add(Polygon(pts, strokeColor=grey, strokeWidth=0.4, fillColor=None))
    for i, a in enumerate(angles):
        d.add(Line(cx, cy, cx + r * math.cos(a), cy + r * math.sin(a), strokeColor=grey,
                   strokeWidth=0.4))
        if i < len(rows):
            lx, ly = cx + (r + 6) * math.cos(a), cy + (r + 6) * math.sin(a)
            anchor = "middle" if abs(math.cos(a)) < 0.3 else ("start" if math.cos(a) > 0
                                                               else "end")
            d.add(_label(lx, ly - 3 + (4 if math.sin(a) > 0.9 else 0), rows[i].name, 7,
                         anchor))

    def outline(values: list[float | None]) -> list[float]:
        pts: list[float] = []
        for (a, v), row in zip(zip(angles, values, strict=False), rows, strict=False):
            share = max(0.0, min(1.0, (v or 0) / row.max_score)) if row.max_score else 0.0
            pts += [cx + r * share * math.cos(a), cy + r * share * math.sin(a)]
        return pts

    if any(row.previous is not None for row in rows):
        pts = outline([row.previous for row in rows])
        d.add(PolyLine(pts + pts[:2], strokeColor=colors.HexColor("#888888"),
                       strokeWidth=0.8, strokeDashArray=[2, 2]))
    if any(row.score is not None for row in rows):
        fill = colors.Color(primary.red, primary.green, primary.blue, alpha=0.25)
        d.add(Polygon(outline([row.score for row in rows]), strokeColor=primary,
                      strokeWidth=1.2, fillColor=fill))
    return d


# Quadrant positions: (column, row) with column 1 = high volume, row 1 = loyal.
_QUADRANTS = {"1": (0, 0, "一类", "无价值"), "2": (1, 0, "二类", "高危"),
              "3": (0, 1, "三类", "明日之星"), "4": (1, 1, "四类", "最宝贵")}


def quadrant(value_class: str, size: float, primary: colors.Color,
             accent: colors.Color) -> Drawing:
    """The four classes; the customer's class is filled."""
    fonts.register_fonts()
    d = _drawing(size)
    left, bottom = 16, 14
    cell = (size - left - 4) / 2
    for code, (col, row, name, words) in _QUADRANTS.items():
        x, y = left + col * cell, bottom + row * cell
        mine = code == value_class
        d.add(Rect(x, y, cell, cell, strokeColor=colors.HexColor("#9AA5B1"), strokeWidth=0.6,
                   fillColor=primary if mine else accent))
        ink = colors.white if mine else colors.HexColor("#333333")
        d.add(_label(x + cell / 2, y + cell / 2 + 2, name, 8, colour=ink))
        d.add(_label(x + cell / 2, y + cell / 2 - 8, words, 6.5, colour=ink))
        if mine:
            d.add(Circle(x + cell - 7, y + cell - 7, 2.5, fillColor=colors.white,
                         strokeColor=None))
    d.add(_label(left + cell, 3, "销量 →", 6.5))
    turned = Group(_label(0, 0, "忠诚度 →", 6.5))
    turned.transform = (0, 1, -1, 0, 10, bottom + cell)  # rotated a quarter turn
    d.add(turned)
    return d
