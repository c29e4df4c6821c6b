"""The encoding of a CSV file, guessed conservatively: a wrong guess silently turns a
customer list into mojibake, which is worse than an error.

1. a BOM decides (UTF-8, UTF-16 LE/BE, UTF-32); BOM-less UTF-16 is recognised by its
   NUL pattern;
2. NUL bytes / many control characters otherwise mean "not a text table";
3. strict UTF-8 over the *whole* file (streamed, so no extra copy);
4. GB18030 (superset of GBK/GB2312) versus Big5 (as cp950), each strict over the whole
   file; the one whose letters are more often *common* Hanzi wins, ties go to GB18030 —
   Big5 bytes usually decode as valid-but-absurd GBK, so validity alone proves nothing;
   (the sample is taken from the first line with non-ASCII bytes: a GBK list whose
   first thousand rows are ASCII is still Chinese);
5. only then charset-normalizer (it mis-guesses short Chinese text, hence last), with
   Windows-1252 winning its ties for Western exports;
6. a file that is clearly UTF-8 or Chinese but has a handful of broken bytes (cut off
   mid-character, a stray byte) is read with those bytes replaced, and the rows that hold
   them are listed for checking;
7. still nothing → ``UnknownEncoding`` (the reader says so) rather than a lossy decode.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache
from pathlib import Path

from charset_normalizer import from_bytes

__all__ = ["NotText", "UnknownEncoding", "detect_encoding"]

SAMPLE_BYTES = 64 * 1024  # what the caller reads first: BOM, binary, delimiter, charset
_CHUNK_BYTES = 1024 * 1024  # streaming validation chunk
_BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 first: its LE BOM starts like UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls except tab/LF/VT/FF/CR: plentiful in binary files, absent from text tables.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13))
_MAX_CONTROL_RATIO = 0.02


class NotText(Exception):
    """The bytes are binary (NULs, control characters), not a text table."""


class UnknownEncoding(Exception):
    """No codec decodes the file believably."""


def detect_encoding(path: Path, head: bytes) -> tuple[str, bool]:
    """Pick a codec that decodes the whole file strictly; see the module docstring.

    Returns (codec, lossy): lossy is True only for a file that is clearly in that codec
    but has a few broken bytes (see ``_nearly_clean_encoding``).
    """
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, False
    bomless_utf16 = _guess_bomless_utf16(head)
    if bomless_utf16:
        return bomless_utf16, False
    if b"\x00" in head or _control_ratio(head) > _MAX_CONTROL_RATIO:
        raise NotText
    if _decodes_cleanly(path, "utf-8"):
        return "utf-8", False

    # Chinese legacy encodings. Judge plausibility on a sample with Chinese in it (a long
    # English preamble or ASCII-only first rows prove nothing), validity on the file.
    sample = head if not head.isascii() else _first_non_ascii(path)
    scores: dict[str, float] = {}
    plausible: dict[str, float] = {}
    for encoding in ("gb18030", "cp950"):
        text = codecs.getincrementaldecoder(encoding)(errors="replace").decode(sample)
        score = _common_hanzi_score(text)
        plausible[encoding] = score
        if score > 0 and _decodes_cleanly(path, encoding):
            scores[encoding] = score
    if scores:
        best = max(scores, key=lambda enc: (scores[enc], enc == "gb18030"))
        if scores[best] >= 0.5:
            return best, False

    guess = _charset_normalizer_guess(sample)
    if guess and _decodes_cleanly(path, guess):
        return guess, False
    if "gb18030" in scores:  # implausible text but a valid decode: better than failing
        return "gb18030", False
    nearly = _nearly_clean_encoding(path, plausible)
    if nearly:
        return nearly, True
    raise UnknownEncoding


_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_MAX_BROKEN_CHARS = 20  # more than this and the codec is probably wrong, not the bytes


def _nearly_clean_encoding(path: Path, plausible: dict[str, float]) -> str | None:
    """A codec under which only a few bytes of the file are broken.

    Files cut off mid-character, or with one stray byte from a copy-paste, are common;
    refusing the whole list for that helps nobody. UTF-8 qualifies on its own (wrong
    guesses break on nearly every non-ASCII character); a Chinese codec also needs its
    text to be plausible Chinese. The broken rows are reported for checking.
    """
    best: tuple[int, str] | None = None
    for encoding in ("utf-8", "gb18030", "cp950"):
        if encoding != "utf-8" and plausible.get(encoding, 0) < 0.5:
            continue
        broken = _broken_chars(path, encoding)
        if broken <= _MAX_BROKEN_CHARS and (best is None or broken < best[0]):
            best = (broken, encoding)
    return best[1] if best else None


def _broken_chars(path: Path, encoding: str) -> int:
    """How many replacement characters a lenient decode of the file produces (stops
    counting past the limit)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    broken = 0
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK_BYTES):
            broken += decoder.decode(chunk).count("\ufffd")
            if broken > _MAX_BROKEN_CHARS:
                return broken
    return broken + decoder.decode(b"", final=True).count("\ufffd")


def _first_non_ascii(path: Path) -> bytes:
    """A sample starting at the first line that has non-ASCII bytes in it."""
    offset = 0
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK_BYTES):
            if found := _HIGH_BYTE.search(chunk):
                line_start = chunk.rfind(b"\n", 0, found.start()) + 1
                f.seek(offset + line_start)
                return f.read(SAMPLE_BYTES)
            offset += len(chunk)
    return b""


def _charset_normalizer_guess(head: bytes) -> str | None:
    """charset-normalizer's pick, except that Windows-1252 wins ties.

    For short Western text several single-byte code pages are equally "clean" and the
    library may pick Central European cp1250 (é ok, but è → č); the Western code page
    is what non-Chinese Outlook/Excel exports actually use.
    """
    matches = from_bytes(head)
    best = matches.best()
    if best is not None and any(
        m.chaos <= best.chaos and "cp1252" in m.could_be_from_charset for m in matches
    ):
        return "cp1252"
    return best.encoding if best is not None else None


def _guess_bomless_utf16(head: bytes) -> str | None:
    """UTF-16 without BOM: the ASCII (digits, delimiters) put NULs on one byte parity.

    Binary files have NULs on both parities; a candidate must also decode to text free
    of control characters.
    """
    if len(head) < 4 or b"\x00" not in head:
        return None
    even, odd = head[0::2], head[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    for encoding, mostly, rarely in (("utf-16-le", odd_nul, even_nul),
                                     ("utf-16-be", even_nul, odd_nul)):
        if mostly >= 0.05 and rarely <= 0.02:
            try:
                text = codecs.getincrementaldecoder(encoding)().decode(head)
            except UnicodeDecodeError:
                return None
            if _control_ratio(text.encode("utf-8")) == 0:
                return encoding
    return None


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / len(data)


def _decodes_cleanly(path: Path, encoding: str) -> bool:
    """Strictly decode the whole file in chunks: proves the codec without a full copy."""
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    except LookupError:
        return False
    try:
        with path.open("rb") as f:
            while chunk := f.read(_CHUNK_BYTES):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except (UnicodeDecodeError, ValueError):
        return False
    return True


@cache
def _common_hanzi() -> frozenset[str]:
    """GB2312 level 1 (3755 simplified) ∪ Big5 level 1 (5401 traditional) characters.

    Real names, companies and addresses use these almost exclusively; text decoded with
    the wrong Chinese codec lands mostly outside them.
    """
    chars: set[str] = set()
    trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    for codec, leads, trail_bytes in (
        ("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),
        ("big5", range(0xA4, 0xC7), trails),
    ):
        for lead in leads:
            for trail in trail_bytes:
                chars.update(bytes((lead, trail)).decode(codec, errors="ignore"))
    return frozenset(chars)


def _common_hanzi_score(text: str) -> float:
    """Share of non-ASCII letters that are common Hanzi (0 when there are none).

    Punctuation and symbols (，（）①℃) are left out: notes full of them are still
    Chinese. Letters include the kana, Greek and private-use characters that text
    decoded with the wrong codec is full of.
    """
    letters = [ch for ch in text if ord(ch) > 0x7F and unicodedata.category(ch)[0] in "LC"]
    if not letters:
        return 0.0
    common = _common_hanzi()
    return sum(ch in common for ch in letters) / len(letters)
