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

from ..texts import Text, noop
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


def _width(text: str, size: float) -> float:
    return sum(stringWidth(run, fonts.MAIN if font == fonts.PLACEHOLDER else font, size)
               for font, run in fonts.runs(text))


def _split(text: str) -> list[str]:
    """A long label on two lines, split at the space nearest the middle ("Relationship /
    with us"); a label without spaces (Chinese) stays on one."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not spaces:
        return [text]
    cut = min(spaces, key=lambda i: abs(i - len(text) / 2))
    return [text[:cut], text[cut + 1:]]


def _fitted(text: str, size: float, room: float) -> tuple[list[str], float]:
    """The lines and font size of a spoke's label that must stay within `room` points:
    one line if it fits, else two, and smaller type if even those are too wide."""
    if _width(text, size) <= room:
        return [text], size
    lines = _split(text)
    widest = max(_width(line, size) for line in lines)
    return lines, max(5.0, size * min(1.0, room / widest)) if widest else size


_LABEL_SIZE = 7
_SLACK = 8  # how far a side label may reach past the drawing (into the cell's padding)


def _radius(names: list[str], angles: list[float], size: float) -> float:
    """The radar's radius: as large as leaves room for the spokes' labels at its sides,
    first on one line each, else on two (long English names); never under 27 % of the
    drawing."""
    def fitting(widths: list[float]) -> float:
        r = size / 2 - 26
        for w, a in zip(widths, angles, strict=False):
            if abs(math.cos(a)) >= 0.3:
                r = min(r, (size / 2 + _SLACK - w) / abs(math.cos(a)) - 6)
        return r

    r = fitting([_width(name, _LABEL_SIZE) for name in names])
    if r < size * 0.3:
        r = fitting([max(_width(line, _LABEL_SIZE) for line in _split(name))
                     for name in names])
    return max(r, size * 0.27)


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
    n = max(len(rows), 3)
    angles = [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]
    names = [row.name.replace("\n", " ") for row in rows]
    r = _radius(names, angles, size)
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
            room = {"start": size + _SLACK - lx, "end": lx + _SLACK, "middle": size}[anchor]
            lines, font_size = _fitted(names[i], _LABEL_SIZE, room)
            y = ly - 3 + (4 if math.sin(a) > 0.9 else 0)
            # two lines grow away from the centre (up at the top, down at the bottom)
            y += (font_size + 1) * (len(lines) - 1) * (1 if math.sin(a) > 0.3 else
                                                        0.5 if math.sin(a) > -0.3 else 0)
            for line in lines:
                d.add(_label(lx, y, line, font_size, anchor))
                y -= font_size + 1

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
_QUADRANTS = {"1": (0, 0, noop("一类"), noop("无价值")), "2": (1, 0, noop("二类"), noop("高危")),
              "3": (0, 1, noop("三类"), noop("明日之星")), "4": (1, 1, noop("四类"), noop("最宝贵"))}


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
        d.add(_label(x + cell / 2, y + cell / 2 + 2, Text(name), 8, colour=ink))
        d.add(_label(x + cell / 2, y + cell / 2 - 8, Text(words), 6.5, colour=ink))
        if mine:
            d.add(Circle(x + cell - 7, y + cell - 7, 2.5, fillColor=colors.white,
                         strokeColor=None))
    d.add(_label(left + cell, 3, Text("销量 →"), 6.5))
    turned = Group(_label(0, 0, Text("忠诚度 →"), 6.5))
    turned.transform = (0, 1, -1, 0, 10, bottom + cell)  # rotated a quarter turn
    d.add(turned)
    return d
