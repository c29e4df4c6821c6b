"""The fonts reports print with, and which of them draws each character.

ReportLab embeds only TrueType outlines and has no per-glyph fallback: a character the
chosen font lacks comes out as a blank or a box. So every piece of user text is split
into runs, each set in the first font of a chain that has the glyph (main face, then the
rare-ideograph fallbacks), and what no font has (emoji, stray symbols) is replaced by a
visible placeholder and reported by `undrawable()`. The big Extension B fallback is only
unpacked and registered when a text needs it, so a cold start stays short.
"""

from __future__ import annotations

import io
import lzma
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from functools import lru_cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase import ttfonts as _ttfonts
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont

from ..config import resource_path
from ..texts import Text, noop

MAIN = "KehubaoSans"
FALLBACK_A = "KehubaoHanA"
FALLBACK_B = "KehubaoHanB"
# Placeholder runs are marked with this pseudo font name by `runs()`.
PLACEHOLDER = "placeholder"
EMOJI_TEXT = noop("[表情]")  # printed in the user's language

_lock = threading.Lock()
_coverage: dict[str, dict[int, int]] = {}

# Characters that are part of an emoji sequence and never print on their own.
_JOINERS = {0x200D, 0xFE0E, 0xFE0F, 0x20E3}


def _register(name: str) -> dict[int, int]:
    """Register one font with ReportLab (once per process) and return its cmap."""
    with _lock:
        if name in _coverage:
            return _coverage[name]
        if name == MAIN:
            font = TTFont(MAIN, str(resource_path("fonts", "wqy-microhei.ttc")),
                          subfontIndex=0)
        elif name == FALLBACK_A:
            font = TTFont(FALLBACK_A, str(resource_path("fonts", "KehubaoHanA.ttf")))
        elif name == FALLBACK_B:
            packed = resource_path("fonts", "KehubaoHanB.ttf.xz").read_bytes()
            data = io.BytesIO(lzma.decompress(packed))
            data.name = "KehubaoHanB.ttf"  # type: ignore[attr-defined]
            font = TTFont(FALLBACK_B, data)
        else:
            raise KeyError(name)
        pdfmetrics.registerFont(font)
        # No bold or italic faces: <b> and <i> in markup fall back to the same face.
        registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
        _coverage[name] = font.face.charToGlyph
        return font.face.charToGlyph


def _utf16_hex(cp: int) -> str:
    """A code point as the UTF-16BE hex a ToUnicode CMap needs (surrogates above BMP)."""
    return chr(cp).encode("utf-16-be", "surrogatepass").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap, but correct for characters beyond the BMP: ReportLab
    writes 𠮷 as <20BB7>, which is not UTF-16, so copying or searching the PDF (and
    pypdf) lose every Extension B character. Otherwise the same text as ReportLab's."""
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", f"<00> <{len(subset) - 1:02X}>", "endcodespacerange",
        f"{len(subset)} beginbfchar",
        *(f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end",
        "end"])


# Installed once for the process; identical output for every BMP character.
_ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def register_fonts() -> str:
    """Register the main face and the small fallback; returns the main face's name.

    Safe to call from any thread and any number of times (the UI's print preview and the
    CLI both call it)."""
    _register(MAIN)
    _register(FALLBACK_A)
    return MAIN


def _has(name: str, cp: int) -> bool:
    return cp in _register(name)


def is_emoji(cp: int) -> bool:
    """Pictographs and symbols that people type from an emoji keyboard."""
    return (0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or 0x1F1E6 <= cp <= 0x1F1FF
            or 0x2B00 <= cp <= 0x2BFF or 0xE0020 <= cp <= 0xE007F)


@lru_cache(maxsize=65536)
def font_for(char: str) -> str | None:
    """The first font in the chain that draws `char`, or None when none does."""
    cp = ord(char)
    if is_emoji(cp) or cp in _JOINERS:
        return None
    if _has(MAIN, cp):
        return MAIN
    if 0x3400 <= cp <= 0x4DBF or 0x4E00 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF \
            or 0x20000 <= cp <= 0x2FFFF:
        if _has(FALLBACK_A, cp):
            return FALLBACK_A
        if 0x20000 <= cp <= 0x2A6DF and _has(FALLBACK_B, cp):
            return FALLBACK_B
    return None


def placeholder(char: str) -> str:
    """What prints instead of a character no font draws: [表情] for an emoji, the code
    point otherwise, so the reader sees that something was there."""
    cp = ord(char)
    return Text(EMOJI_TEXT) if is_emoji(cp) else f"[U+{cp:04X}]"


def _printable(ch: str) -> bool:
    """Control and format characters are dropped rather than replaced (they are never
    meant to be seen); line breaks are handled by the caller."""
    return unicodedata.category(ch) not in ("Cc", "Cf") or ord(ch) in _JOINERS


def runs(text: str) -> Iterator[tuple[str, str]]:
    """Split text into (font name, text) runs; undrawable characters become
    (PLACEHOLDER, replacement) runs, an emoji sequence (with its joiners, skin tones and
    variation selectors) one [表情]."""
    current: str | None = None
    buf: list[str] = []
    in_emoji = after_joiner = False
    for ch in text:
        cp = ord(ch)
        if ch in "\n\t":
            font: str | None = MAIN
        elif not _printable(ch):
            continue
        else:
            font = font_for(ch)
        if font is None:
            modifier = cp in _JOINERS or 0x1F3FB <= cp <= 0x1F3FF
            if in_emoji and (modifier or after_joiner and is_emoji(cp)):
                after_joiner = cp == 0x200D
                continue  # part of the emoji already shown as [表情]
            if buf:
                yield current, "".join(buf)  # type: ignore[misc]
            buf, current = [], None
            if modifier:
                continue  # a stray joiner or selector: nothing to see
            in_emoji, after_joiner = is_emoji(cp), False
            yield PLACEHOLDER, placeholder(ch)
            continue
        in_emoji = after_joiner = False
        if font != current and buf:
            yield current, "".join(buf)  # type: ignore[misc]
            buf = []
        current = font
        buf.append(ch)
    if buf:
        yield current, "".join(buf)  # type: ignore[misc]


def undrawable(text: str) -> list[str]:
    """The characters of `text` that no bundled font can draw (each once, in order), so a
    caller can tell the user what the PDF shows as placeholders."""
    seen: dict[str, None] = {}
    for ch in text:
        if ch in "\n\t" or ord(ch) in _JOINERS or not _printable(ch):
            continue
        if 0x1F3FB <= ord(ch) <= 0x1F3FF:
            continue
        if font_for(ch) is None:
            seen.setdefault(ch, None)
    return list(seen)


def undrawable_in(data: object) -> list[str]:
    """The undrawable characters in every string of a report's data (dataclasses, lists,
    dicts), so the UI can say before printing which ones will show as placeholders."""
    seen: dict[str, None] = {}
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            for ch in undrawable(item):
                seen.setdefault(ch, None)
        elif is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, f.name) for f in reversed(fields(item)))
        elif isinstance(item, (list, tuple)):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            stack.extend(reversed(list(item.values())))
    return list(seen)
