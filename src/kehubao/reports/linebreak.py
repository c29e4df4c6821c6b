"""Chinese line breaking for report paragraphs.

ReportLab's `wordWrap='CJK'` breaks between any two characters and knows only Japanese
closing marks: it lets a line start with ，！？；：” 》 (they are not in its list), hangs
at most one mark, lets a line end with an opening （ or “, and breaks inside a number or
an order code longer than half a line. `CJKParagraph` breaks instead between *clusters*:
a run of Latin letters and digits with its inner separators (¥12,345.67, SO-2026-0815,
45%) stays whole, closing punctuation sticks to what precedes it, opening punctuation
to what follows. A cluster wider than the whole line is the only thing ever cut.

The same rules wrap English (an English report, Latin words among Chinese): a word is a
cluster, the spaces after it stick to it (a line never starts with a space) and are not
counted when deciding whether the word still fits, so lines break at spaces, not inside
words; a no-break space (U+00A0) joins what it stands between.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import sameFrag
from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import FragLine, ParaLines, cjkU, makeCJKParaLine
from reportlab.rl_config import _FUZZ

# Never at the start of a line (closing marks, Chinese and Western).
NO_START = frozenset(ALL_CANNOT_START + "，。、．！？；：”’）》〉」』】〕｝］〗〙…‥—·%‰℃,.!?;:)]} ")
# Never at the end of a line (opening marks, currency signs).
NO_END = frozenset(ALL_CANNOT_END + "“‘（《〈「『【〔｛［〖〘([{¥￥$")
NBSP = "\u00a0"  # a space that never breaks ("Class\u00a03")
# Characters that, between two word characters, belong to the same number or code.
_INNER = frozenset(".,-/_:#+@&'’")


def _wordish(ch: str) -> bool:
    """A letter or digit of a word or a number: Latin (also é, ü), Greek, Cyrillic…, not
    the ideographs (which break between any two)."""
    return ch.isalnum() and ch < "\u2e80" or "０" <= ch <= "９" or ch in "¥￥$%"


def clusters(chars: list[str]) -> list[tuple[int, int]]:
    """(start, end) index ranges of the units a line may break between."""
    n = len(chars)

    def joined(i: int) -> bool:  # may the line NOT break between chars[i-1] and chars[i]?
        before, here = chars[i - 1], chars[i]
        if here in NO_START or before in NO_END or NBSP in (before, here):
            return True
        if _wordish(before) and _wordish(here):
            return True
        if here in _INNER and _wordish(before) and i + 1 < n and _wordish(chars[i + 1]):
            return True
        return before in _INNER and i >= 2 and _wordish(chars[i - 2]) and _wordish(here)

    out: list[tuple[int, int]] = []
    start = 0
    for i in range(1, n):
        if not joined(i):
            out.append((start, i))
            start = i
    if n:
        out.append((start, n))
    return out


def _one_line(frags: list, max_width: float) -> ParaLines | None:
    """The common case in tables — the text fits on one line — without measuring each
    character on its own (the greedy filling below is several times slower)."""
    width = 0.0
    for f in frags:
        if hasattr(f, "cbDefn") or hasattr(f, "lineBreak") or not isinstance(f.text, str):
            return None
        width += stringWidth(f.text, f.fontName, f.fontSize)
        if width > max_width + _FUZZ:
            return None
    words = []
    size = ascent_max = descent_min = 0.0
    for f in frags:
        ascent, descent = getAscentDescent(f.fontName, f.fontSize)
        size, ascent_max = max(size, f.fontSize), max(ascent_max, ascent)
        descent_min = min(descent_min, descent)
        if words and sameFrag(words[-1], f):
            words[-1].text += f.text
        else:
            word = f.clone()
            word.text = f.text
            words.append(word)
    line = FragLine(kind=1, extraSpace=max_width - width, wordCount=1, words=words,
                    fontSize=size, ascent=ascent_max, descent=descent_min, maxWidth=max_width,
                    currentWidth=width, lineBreak=False)
    return ParaLines(kind=1, lines=[line])


def split_lines(frags: list, max_widths: list[float], calc_bounds: bool) -> ParaLines:
    """Greedy filling by clusters; the drop-in for ReportLab's `cjkFragSplit`."""
    if (fast := _one_line(frags, max_widths[0])) is not None:
        return fast
    chars: list[cjkU] = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode("utf8")
        if text:
            chars.extend(cjkU(t, f, "utf8") for t in text)
        else:
            chars.append(cjkU(text, f, "utf8"))
    lines = []
    max_width = max_widths[0]
    line_start = 0
    used = 0.0
    trailing = 0.0  # width of the spaces that end the line so far (not counted to fit)

    def close(end: int, width: float, line_break: bool) -> None:
        nonlocal max_width, line_start, used, trailing
        lines.append(makeCJKParaLine(chars[line_start:end], max_width, width,
                                     max_width - width, line_break, calc_bounds))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        line_start, used, trailing = end, 0.0, 0.0

    for start, end in clusters([str(c) or "\0" for c in chars]):
        pos = start
        while pos < end:
            # a forced break (<br/>) inside the cluster ends the line right there
            stop = next((k + 1 for k in range(pos, end)
                         if hasattr(chars[k].frag, "lineBreak")), end)
            widths = [_width(chars[k], max_width) for k in range(pos, stop)]
            width = sum(widths)
            spaces = 0.0
            for k in range(stop - 1, pos - 1, -1):
                if str(chars[k]) != " ":
                    break
                spaces += widths[k - pos]
            if used + width - spaces > max_width + _FUZZ and used > 0:
                close(pos, used - trailing, False)
            if width - spaces > max_width + _FUZZ:  # longer than a line: cut it by characters
                for k in range(pos, stop):
                    w = widths[k - pos]
                    if used + w > max_width + _FUZZ and used > 0:
                        close(k, used, False)
                    used += w
            else:
                used += width
            trailing = spaces if spaces < width else trailing + spaces
            pos = stop
            if hasattr(chars[stop - 1].frag, "lineBreak"):
                close(stop, used - trailing, True)
    if used > 0 or line_start < len(chars):
        close(len(chars), used - trailing, False)
    return ParaLines(kind=1, lines=lines)


def _width(u: cjkU, max_width: float) -> float:
    w = u.width
    if hasattr(w, "normalizedValue"):
        w._normalizer = max_width
        w = w.normalizedValue(max_width)
    return w


def _split_frags(bl_para: ParaLines, start: int, stop: int) -> list:
    """The frags of lines start..stop, for the part of a paragraph continued on the next
    page. ReportLab's own version appends a space to every line (right for English,
    where lines break at spaces) and would print those spaces inside Chinese text."""
    return [word for line in bl_para.lines[start:stop] for word in line.words]


class CJKParagraph(Paragraph):
    """A Paragraph that wraps Chinese text by the rules above (set `wordWrap='CJK'` in
    its style)."""

    def _get_split_blParaFunc(self):  # type: ignore[no-untyped-def]  # noqa: N802
        return _split_frags if self.blPara.kind == 1 else super()._get_split_blParaFunc()

    def breakLinesCJK(self, maxWidths):  # type: ignore[no-untyped-def]  # noqa: N802
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]  # noqa: N806
        self.height = 0
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        if not self.frags:
            style = self.style
            return ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName,
                             textColor=style.textColor, lines=[], ascent=style.fontSize,
                             descent=-0.2 * style.fontSize)
        auto = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return split_lines(self.frags, list(maxWidths), auto not in ("", "off"))
