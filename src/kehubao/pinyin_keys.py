"""Pinyin keys of names, for sorting (按拼音排序) and for search by pinyin and initials.

pypinyin's `lazy_pinyin` segments text with a phrase dictionary and costs ~70 µs a name,
too slow for indexing 500,000 names or importing 100,000 rows. We use pypinyin's own
dictionaries with a cheaper walk: one lookup per character, and a phrase lookup only
around characters that have several readings (重庆 chong qing, 银行 yin hang).

Person names need one more rule: surnames have their own readings (单 shan, 曾 zeng,
解 xie, 区 ou, 仇 qiu). For a person we keep both the surname reading and the ordinary one
as variants, so "shan" and "dan" both find 单田芳.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TONE_FOLD = str.maketrans(
    "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ",
    "aaaaeeeeiiiioooouuuuvvvvvnnnm",
)

# Two-character surnames, read as a unit.
COMPOUND_SURNAMES: dict[str, tuple[str, str]] = {
    "欧阳": ("ou", "yang"), "司马": ("si", "ma"), "上官": ("shang", "guan"),
    "诸葛": ("zhu", "ge"), "东方": ("dong", "fang"), "皇甫": ("huang", "fu"),
    "尉迟": ("yu", "chi"), "公孙": ("gong", "sun"), "慕容": ("mu", "rong"),
    "长孙": ("zhang", "sun"), "令狐": ("ling", "hu"), "夏侯": ("xia", "hou"),
    "宇文": ("yu", "wen"), "司徒": ("si", "tu"), "万俟": ("mo", "qi"),
    "单于": ("chan", "yu"), "澹台": ("tan", "tai"), "轩辕": ("xuan", "yuan"),
    "端木": ("duan", "mu"), "南宫": ("nan", "gong"), "西门": ("xi", "men"),
    "独孤": ("du", "gu"), "呼延": ("hu", "yan"), "申屠": ("shen", "tu"),
    "赫连": ("he", "lian"), "钟离": ("zhong", "li"), "百里": ("bai", "li"),
    "闻人": ("wen", "ren"), "太史": ("tai", "shi"), "公冶": ("gong", "ye"),
}

# Surnames whose reading differs from the character's most common one.
SURNAME_READINGS: dict[str, str] = {
    "单": "shan", "曾": "zeng", "解": "xie", "区": "ou", "仇": "qiu", "查": "zha",
    "朴": "piao", "盖": "ge", "缪": "miao", "翟": "zhai", "覃": "qin", "乐": "yue",
    "秘": "bi", "种": "chong", "繁": "po", "员": "yun", "句": "gou", "冼": "xian",
    "洗": "xian", "折": "she", "尉": "yu", "黑": "he", "牟": "mou", "阚": "kan",
    "华": "hua", "任": "ren", "宿": "su", "召": "shao", "纪": "ji", "燕": "yan",
    "过": "guo", "宁": "ning", "曲": "qu", "葛": "ge", "相": "xiang", "卜": "bu",
    "褚": "chu", "都": "du", "柏": "bai", "祭": "zhai", "长": "chang", "藏": "zang",
    "能": "nai", "郇": "huan", "隗": "wei", "员外": "yun", "万": "wan", "沈": "shen",
}


@dataclass(frozen=True)
class NameKeys:
    """Pinyin forms of one name. `variants` are full pinyin without spaces (first is the
    preferred reading), `initials` the first letters; `sort_key` orders names."""

    variants: tuple[str, ...]
    initials: tuple[str, ...]
    sort_key: str


def is_cjk(ch: str) -> bool:
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2FFFF


def _dictionaries() -> tuple[dict, dict]:
    """pypinyin's dictionaries, loaded on first use: importing them takes a quarter of a
    second that the window's start-up should not pay."""
    global _PINYIN_DICT, _PHRASES_DICT
    if _PINYIN_DICT is None:
        from pypinyin.phrases_dict import phrases_dict
        from pypinyin.pinyin_dict import pinyin_dict

        _PINYIN_DICT, _PHRASES_DICT = pinyin_dict, phrases_dict
    return _PINYIN_DICT, _PHRASES_DICT  # type: ignore[return-value]


_PINYIN_DICT: dict | None = None
_PHRASES_DICT: dict | None = None
_PHRASE_STARTS: frozenset[str] | None = None


def _phrase_starts() -> frozenset[str]:
    """The first two characters of every phrase: where none starts, skip the lookups."""
    global _PHRASE_STARTS
    if _PHRASE_STARTS is None:
        _PHRASE_STARTS = frozenset(w[:2] for w in _dictionaries()[1] if len(w) >= 2)
    return _PHRASE_STARTS


def char_readings(ch: str) -> tuple[str, ...]:
    """Tone-less readings of one character, most common first; () if it has none."""
    readings = _READINGS.get(ch)
    if readings is None:
        raw = _dictionaries()[0].get(ord(ch))
        readings = tuple(dict.fromkeys(r.translate(_TONE_FOLD) for r in raw.split(","))) if raw else ()
        _READINGS[ch] = readings
    return readings


_READINGS: dict[str, tuple[str, ...]] = {}
_PHRASES: dict[str, tuple[str, ...] | None] = {}
_MAX_PHRASE = 4


def _phrase(word: str) -> tuple[str, ...] | None:
    if word in _PHRASES:
        return _PHRASES[word]
    readings = _dictionaries()[1].get(word)
    value = tuple(r[0].translate(_TONE_FOLD) for r in readings) if readings else None
    if value is not None and len(value) != len(word):
        value = None
    _PHRASES[word] = value
    return value


_RUNS = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ffff]+)|([A-Za-z0-9]+)")


def syllables(text: str) -> list[str]:
    """One syllable per CJK character, Latin words and digit runs kept whole and
    lower-cased; every other character dropped.

    A run of CJK characters that contains a polyphone is segmented by forward maximum
    matching against pypinyin's phrase dictionary (中国/银行/长沙/分行), which is what
    lazy_pinyin does too, only without its per-call overhead."""
    out: list[str] = []
    for cjk, latin in _RUNS.findall(text):
        if cjk:
            out.extend(_run_syllables(cjk))
        else:
            out.append(latin.lower())
    return out


def _run_syllables(run: str) -> list[str]:
    readings = [char_readings(ch) for ch in run]
    poly = [len(r) > 1 for r in readings]
    if not any(poly):
        return [r[0] for r in readings if r]
    out: list[str] = []
    starts = _phrase_starts()
    i, n = 0, len(run)
    while i < n:
        # A phrase only matters if it covers a polyphone; elsewhere take the reading.
        if run[i : i + 2] in starts and any(poly[i : i + _MAX_PHRASE]):
            for length in range(min(_MAX_PHRASE, n - i), 1, -1):
                phrase = _phrase(run[i : i + length])
                if phrase is not None:
                    out.extend(phrase)
                    i += length
                    break
            else:
                if readings[i]:
                    out.append(readings[i][0])
                i += 1
        else:
            if readings[i]:
                out.append(readings[i][0])
            i += 1
    return out


@lru_cache(maxsize=50_000)
def name_keys(text: str | None, *, person: bool = False) -> NameKeys:
    """Pinyin variants, initials and sort key of a customer or person name. Cached:
    person names repeat a lot (张伟, 王芳...)."""
    if not text:
        return NameKeys((), (), "")
    text = text.strip()
    base = syllables(text)
    latin = _latin_tokens(text)
    variants_sylls = [base]
    if person:
        surname = _surname_syllables(text)
        if surname is not None:
            k = len(surname)
            alt = surname + base[k:]
            if alt != base:
                variants_sylls.insert(0, alt)
    variants = tuple(dict.fromkeys("".join(v) for v in variants_sylls))
    initials = tuple(dict.fromkeys(_initials_of(v, latin) for v in variants_sylls))
    sort_key = " ".join(variants_sylls[0])
    return NameKeys(variants, initials, sort_key)


def _latin_tokens(text: str) -> set[str]:
    return {latin.lower() for _cjk, latin in _RUNS.findall(text) if latin}


def _initials_of(sylls: list[str], latin: set[str]) -> str:
    return "".join(s if s in latin else s[0] for s in sylls)


def _surname_syllables(name: str) -> list[str] | None:
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return list(COMPOUND_SURNAMES[name[:2]])
    if name and name[0] in SURNAME_READINGS:
        return [SURNAME_READINGS[name[0]]]
    return None


def sort_key(text: str | None, *, person: bool = False) -> str:
    return name_keys(text, person=person).sort_key
