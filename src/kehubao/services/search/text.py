"""Turning documents and queries into the same tokens.

SQLite's trigram tokenizer finds nothing for one- or two-character queries, and its
unicode61 tokenizer would treat a whole run of Chinese as one word. So before text goes
into the index every Chinese character is set apart by spaces: each becomes a token, and
a Chinese query of any length becomes a phrase of adjacent characters. Phone numbers go
in as overlapping three-digit tokens, so any fragment of a number is a phrase the index
answers directly ("5678" finds 138 1234 5678).

Queries are reduced to tokens of letters, digits and Chinese characters only; whatever
else the user typed (quotes, *, %, NEAR, OR...) can never reach the FTS or LIKE syntax.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from ...normalize import name_key, phone_digits
from ...pinyin_keys import SURNAME_READINGS, char_readings, is_cjk

_CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))
_TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[0-9a-z]+")
_PHONEISH = re.compile(r"^\+?[\d\s\-()（）]+$")
MIN_PHONE_FRAGMENT = 3


@lru_cache(maxsize=1)
def _split_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for start, end in _CJK_RANGES:
        for code in range(start, end):
            table[code] = f" {chr(code)} "
    return table


def split_doc(text: str) -> str:
    """Set every Chinese character of document text apart with spaces. The text was
    cleaned when it was saved, so it is not normalised again: that halves the cost of
    indexing a million documents."""
    return text.translate(_split_table())


def digit_grams(digits: str) -> str:
    """Overlapping three-digit tokens: "1381234" → "138 381 812 123 234". Any fragment of
    three or more digits is then a phrase of adjacent tokens, and the index holds at most
    a thousand distinct terms however many numbers there are."""
    return " ".join([digits[i : i + 3] for i in range(len(digits) - 2)])


def phone_grams(phone: str) -> str:
    return digit_grams("".join([ch for ch in phone if ch.isdigit()]))


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass
class Query:
    """A user's query, understood. Every form is empty when it does not apply."""

    raw: str
    name_key: str = ""  # for exact / prefix matches on names
    tokens: list[str] = field(default_factory=list)  # CJK chars and lower-case words
    latin: str = ""  # letters only, spaces removed: pinyin or initials ("zhang san" → "zhangsan")
    digits: str = ""  # a phone fragment of ≥3 digits
    mixed: list[str] = field(default_factory=list)  # "张s" → ["张", "s"]

    @property
    def is_empty(self) -> bool:
        return not self.tokens and not self.digits

    @property
    def has_cjk(self) -> bool:
        return any(is_cjk_token(t) for t in self.tokens)

    def fts_phrase(self, *, prefix: bool = True) -> str:
        """All tokens as one phrase; the last token may be a prefix (as-you-type)."""
        if not self.tokens:
            return ""
        phrase = '"' + " ".join(self.tokens) + '"'
        if prefix and not is_cjk_token(self.tokens[-1]):
            phrase += " *"
        return phrase

    def phone_phrase(self) -> str:
        return f'"{digit_grams(self.digits)}"' if self.digits else ""

    @property
    def like_is_exact(self) -> bool:
        """Chinese characters stand side by side in the text, so a query made only of
        them (spaces aside) is a plain substring. With Latin words or punctuation in
        between, spacing and punctuation may differ from the text."""
        return bool(self.tokens) and all(is_cjk_token(t) for t in self.tokens) and \
            "".join(self.tokens) == "".join(self.raw.split())

    def like_pattern(self) -> str:
        """LIKE pattern matching the same tokens, in order, in the raw text. When it is
        not exact (`like_is_exact`), it is looser than the index's phrase and callers
        verify its candidates against the index."""
        joiner = "" if self.like_is_exact else "%"
        return "%" + joiner.join(like_escape(t) for t in self.tokens) + "%"

    def mixed_prefixes(self) -> list[str]:
        """For the common shape "Chinese, then one run of letters" (张s, 王ln, 张sanf):
        a matching name's keys begin with the initials plus the letters ("zs", "wln") or
        with the full pinyin plus the letters ("zhangsanf"), for some reading of the
        Chinese characters (王 is usually wang, rarely yu). Empty for other shapes."""
        if len(self.mixed) < 2 or is_cjk_token(self.mixed[-1]):
            return []
        lead, run = self.mixed[:-1], self.mixed[-1]
        if not all(is_cjk_token(t) for t in lead):
            return []
        combos = [("", "")]
        for n, token in enumerate(lead):
            # Names are indexed with the usual reading, plus the surname reading for
            # the first character (单 shan): only those can match.
            readings = list(char_readings(token)[:1])
            if n == 0 and token in SURNAME_READINGS:
                readings.append(SURNAME_READINGS[token])
            if not readings:
                return []
            combos = [(i + r[0], f + r) for i, f in combos for r in dict.fromkeys(readings)][:4]
        return sorted({p for i, f in combos for p in (i + run, f + run)})

    def initials_hint(self) -> str:
        """For a mixed query starting with Chinese ("张s", "张三f"): the initials its
        names must start with — each leading character's initial, then the first
        letter typed ("zs"). Lets SQL discard most names before the exact check."""
        hint = ""
        for token in self.mixed:
            if is_cjk_token(token):
                readings = char_readings(token)
                if not readings or len({r[0] for r in readings}) > 1:
                    return hint  # a polyphone: its initial is not certain
                hint += readings[0][0]
            else:
                return hint + token[0]
        return hint


def is_cjk_token(token: str) -> bool:
    return len(token) == 1 and is_cjk(token)


def parse_query(raw: str) -> Query:
    text = unicodedata.normalize("NFKC", raw or "").strip()
    query = Query(raw=text)
    if not text:
        return query
    lowered = text.lower()
    query.tokens = _TOKEN.findall(lowered)
    query.name_key = name_key(text) if query.tokens else ""
    if _PHONEISH.match(text):
        digits = phone_digits(text)
        if len(digits) >= MIN_PHONE_FRAGMENT:
            query.digits = digits
    letters = "".join(t for t in query.tokens if t.isascii())
    if query.tokens and all(t.isascii() and t.isalpha() for t in query.tokens):
        query.latin = letters
    if query.has_cjk and any(t.isascii() and t.isalpha() for t in query.tokens):
        query.mixed = [t for t in query.tokens if not t.isdigit()]
    return query


def matches_mixed(segments: list[str], name_syllables: list[tuple[str, str]]) -> bool:
    """Does a name, given as (character, pinyin syllable) pairs, start with the mixed
    query? A Chinese segment must equal the character; a Latin run must be covered by the
    next characters' syllables — each either whole or by its initial ("张s", "zhangs",
    "zh三", "z三f" all match 张三丰)."""
    letters: list[tuple[str, bool]] = []  # (unit, is_cjk)
    for seg in segments:
        if is_cjk_token(seg):
            letters.append((seg, True))
        else:
            letters.append((seg, False))
    return _match(letters, 0, 0, name_syllables)


def _match(units: list[tuple[str, bool]], u: int, pos: int, chars: list[tuple[str, str]]) -> bool:
    if u == len(units):
        return True
    if pos >= len(chars):
        return False
    unit, cjk = units[u]
    char, syllable = chars[pos]
    if cjk:
        return unit == char and _match(units, u + 1, pos + 1, chars)
    return _match_latin(unit, units, u, pos, chars)


def _match_latin(rest: str, units: list[tuple[str, bool]], u: int, pos: int,
                 chars: list[tuple[str, str]]) -> bool:
    if not rest:
        return _match(units, u + 1, pos, chars)
    if pos >= len(chars):
        return False
    syllable = chars[pos][1]
    if not syllable:
        return False
    # the whole remaining run is a prefix of this syllable (as-you-type)
    if syllable.startswith(rest) and _match(units, u + 1, pos + 1, chars):
        return True
    # the syllable is consumed whole, or only its initial
    for taken in {len(syllable), 1}:
        if rest.startswith(syllable[:taken]) and _match_latin(rest[taken:], units, u, pos + 1, chars):
            return True
    return False
