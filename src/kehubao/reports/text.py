"""User text made safe for ReportLab, money the way Chinese business papers write it, and
the small joins every report uses, in the user's language.

ReportLab's Paragraph reads a small XML-like markup, so a customer called `A&B <贸易>`
would be mangled or crash the report; and it has no font fallback. `markup()` is the one
place every user string passes through before it reaches a Paragraph: it escapes the
text, sets each character in a font that has it, and shows placeholders for the rest.

The program's own words are ``texts.Text`` templates (Chinese in the CLI, the UI's
language in the UI), punctuation included: "{first}、{second}" becomes "{first}, {second}".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from xml.sax.saxutils import escape as _xml_escape

from ..texts import Text, noop
from . import fonts

PLACEHOLDER_COLOUR = "#8a8a8a"


def escape(text: str) -> str:
    """Escape &, < and > so the text prints exactly as typed (`&amp;` typed by a user
    prints as `&amp;`)."""
    return _xml_escape(text)


def markup(text: str | None, *, empty: str = "") -> str:
    """Paragraph markup for a user string: escaped, line breaks kept, each rare
    character in the fallback font that has it, undrawable ones as grey placeholders."""
    if text is None or text == "":
        return escape(empty)
    parts: list[str] = []
    for font, run in fonts.runs(text.replace("\r\n", "\n").replace("\r", "\n")):
        body = escape(run).replace("\n", "<br/>").replace("\t", "    ")
        if font == fonts.MAIN:
            parts.append(body)
        elif font == fonts.PLACEHOLDER:
            parts.append(f'<font color="{PLACEHOLDER_COLOUR}" face="{fonts.MAIN}">'
                         f"{body}</font>")
        else:
            parts.append(f'<font face="{font}">{body}</font>')
    return "".join(parts)


def marked(template: str, /, **args: str) -> str:
    """Paragraph markup of the sentence `template` (mark it with ``noop``) in the user's
    language, whose arguments are markup already (escaped user text, bold figures, a
    coloured word): only the template's own words are escaped here."""
    slots = {key: f"\x00{n}\x00" for n, key in enumerate(args)}
    shown = escape(Text(template, **slots))
    for key, slot in slots.items():
        shown = shown.replace(slot, args[key])
    return shown


# ---------------------------------------------------------------- joins

SIDE_BY_SIDE = noop("{first}　{second}")  # two facts in one cell: 经销商　稳定
LISTED = noop("{first}、{second}")  # items of a list: tags
SEMICOLON = noop("{first}；{second}")  # two sentences about one thing


def joined(parts: Iterable[str | None], template: str = SIDE_BY_SIDE) -> str:
    """The non-empty parts joined pairwise by `template` (a two-placeholder join of the
    user's language); empty when all are empty."""
    shown = [p for p in parts if p]
    if not shown:
        return ""
    out = shown[0]
    for part in shown[1:]:
        out = Text(template, first=out, second=part)
    return out


# ---------------------------------------------------------------- language

# Chinese capitals (大写) belong on Chinese papers only. Which language the reports are
# in is told by this one marked sentence (as Qt's translators set "QT_LAYOUT_DIRECTION"):
# untranslated, the papers are Chinese.
_LANGUAGE = noop("报表语言：中文")


def in_chinese() -> bool:
    """True unless the installed translation turns the reports into another language."""
    return Text(_LANGUAGE) == _LANGUAGE


# ---------------------------------------------------------------- money

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿", "万亿")


def yuan(fen: int | None, *, sign: str = "¥") -> str:
    """An amount in figures: ¥12,345.67 (fen are whole numbers, so no rounding)."""
    if fen is None:
        return ""
    negative = fen < 0
    whole, cents = divmod(abs(int(fen)), 100)
    return f"{'-' if negative else ''}{sign}{whole:,}.{cents:02d}"


def _group(n: int) -> str:
    """One four-digit group (1..9999) in capitals, inner zeros collapsed to one 零."""
    out: list[str] = []
    digits = f"{n:04d}"
    zero = False
    for pos, ch in enumerate(digits):
        d = int(ch)
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_DIGITS[d] + _SMALL_UNITS[3 - pos])
    return "".join(out)


def capitals(fen: int) -> str:
    """An amount in Chinese capitals (大写) as written on receipts and contracts:
    12345.67 → 壹万贰仟叁佰肆拾伍元陆角柒分; 0 → 零元整; 10010 → 壹万零壹拾元整;
    100.05 → 壹佰元零伍分."""
    fen = int(fen)
    if fen < 0:
        return "负" + capitals(-fen)
    whole, cents = divmod(fen, 100)
    jiao, fen_digit = divmod(cents, 10)
    if whole == 0 and cents == 0:
        return "零元整"
    parts: list[str] = []
    if whole:
        groups: list[int] = []
        while whole:
            whole, g = divmod(whole, 10000)
            groups.append(g)
        if len(groups) > len(_BIG_UNITS):
            raise ValueError("金额过大")
        text = ""
        pending_zero = False
        for index in range(len(groups) - 1, -1, -1):
            g = groups[index]
            if g == 0:
                pending_zero = bool(text)
                continue
            if text and (pending_zero or g < 1000):
                text += "零"
            text += _group(g) + _BIG_UNITS[index]
            pending_zero = False
        parts.append(text + "元")
    if jiao:
        parts.append(_DIGITS[jiao] + "角")
    if fen_digit:
        if not jiao and parts:  # 壹佰元零伍分: the empty 角 place is read as 零
            parts.append("零")
        parts.append(_DIGITS[fen_digit] + "分")
    elif not jiao:
        parts.append("整")
    return "".join(parts)


def with_capitals(fen: int | None, *, said: bool = False) -> str:
    """¥12,345.67（壹万贰仟…）on a Chinese paper — `said` adds 大写： before the capitals —
    and just ¥12,345.67 in another language, whose readers have no use for them."""
    if fen is None:
        return ""
    if not in_chinese():
        return yuan(fen)
    return f"{yuan(fen)}（{'大写：' if said else ''}{capitals(fen)}）"


def wan(value: float | None) -> str:
    """An amount counted in 万元 (annual revenue, registered capital): 1,234.5 万元."""
    if value is None:
        return ""
    figures = f"{value:,.2f}".removesuffix(".00")
    return Text("{amount} 万元", amount=figures)


# ---------------------------------------------------------------- dates

def day(value: date | datetime | None) -> str:
    """2026-03-05 (ISO order, as Chinese forms print dates in figures)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat()


def moment(value: datetime | None) -> str:
    """2026-03-05 14:30 (the same figures in every language)."""
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M")


def period(label: str | None) -> str:
    """An evaluation period as stored ("2026年第2季度", written by the evaluation service)
    in the user's language; a label of another shape (typed by a user) as it is."""
    from ..services.evaluation.scoring import quarter_parts

    parts = quarter_parts(label or "")
    if parts is None:
        return label or ""
    return Text("{year}年第{quarter}季度", year=parts[0], quarter=parts[1])
