"""When two company names are the same company: the one rule, for the duplicate hint
while a record is typed (services/duplicates.py) and for an import deciding that rows
sharing a switchboard or mailbox are one customer (exchange/matching.py).

People write a company's name with or without its legal form, its trade and its city:
"上海明月贸易有限公司", "明月贸易", "明月贸易（上海）有限公司" and "明月" are one customer. So
a name is read as a place (a leading or bracketed city or province, if any) and a core
(what is left without the legal form and the trade words at its end). Two names are the
same company when their cores agree — equal, one inside the other when it is long
enough to mean something (three characters or more), or nearly equal (a typo) — and
they do not name two different places: 北京星辰 and 上海星辰 are two companies, 星辰 and
上海星辰 may be one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from ..normalize import name_key
from .places import PLACES

# Ends of a name that say what kind of business it is, not which one: removed from the
# end, longest first, as often as they repeat (明月贸易有限公司 → 明月).
_LEGAL_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "股份公司", "集团公司", "分公司",
                "总公司", "公司", "集团", "经营部", "商行", "批发部", "专卖店", "销售中心",
                "工作室", "厂", "店")
_TRADES = ("科技", "技术", "贸易", "商贸", "实业", "发展")
_ENDINGS = sorted(_LEGAL_FORMS + _TRADES, key=len, reverse=True)
_PROVINCES = ("河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
              "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "四川", "贵州",
              "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "北京", "天津", "上海",
              "重庆", "香港", "澳门", "台湾")
_PLACE_NAMES = sorted({*_PROVINCES, *(p[1] for p in PLACES), *(p[2] for p in PLACES)},
                      key=len, reverse=True)
_PLACE_SUFFIXES = ("特别行政区", "自治区", "省", "市", "区", "县")
_BRACKETS = re.compile(r"[(\[【〔]([^)\]】〕]*)[)\]】〕]")
MIN_CONTAINED = 3  # a core inside another counts from three characters (华为 in 华为终端 does not)
NEARLY_EQUAL = 0.85


@dataclass(frozen=True)
class CompanyName:
    place: str  # the city or province the name states ("" when none)
    core: str  # what names the company itself


@lru_cache(maxsize=65_536)
def company_name(name: str | None) -> CompanyName:
    """A company name read as place and core (name_key form)."""
    text = name_key(name)
    places = []
    for inside in _BRACKETS.findall(text):
        if place := _place_of(inside):
            places.append(place)
    text = _BRACKETS.sub("", text) or text
    for _ in range(2):  # 广东省深圳市华远: the province, then the city
        place = _leading_place(text)
        if place is None:
            break
        places.append(place[0])
        text = place[1]
    core = text
    while ending := next((e for e in _ENDINGS if core.endswith(e) and len(core) > len(e)), None):
        core = core[: -len(ending)]
    return CompanyName(places[-1] if places else "", core)


def company_core(name: str | None) -> str:
    """The part of a company name that names the company (上海明月贸易有限公司 → 明月)."""
    return company_name(name).core


def same_company(a: str | None, b: str | None) -> bool:
    """Whether two company names can be the same company (see the module's rule)."""
    na, nb = company_name(a), company_name(b)
    if not na.core or not nb.core:
        return False
    if na.place and nb.place and na.place != nb.place:
        return False
    short, long = sorted((na.core, nb.core), key=len)
    if short == long or (len(short) >= MIN_CONTAINED and short in long):
        return True
    return SequenceMatcher(None, short, long).ratio() >= NEARLY_EQUAL


def _place_of(text: str) -> str | None:
    """The place a whole text names (深圳, 深圳市, 广东省), else None."""
    for suffix in _PLACE_SUFFIXES:
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
            break
    return text if text in _PLACE_NAMES else None


def _leading_place(text: str) -> tuple[str, str] | None:
    """(place, rest) when the name starts with a place and something remains after it."""
    for place in _PLACE_NAMES:
        if text.startswith(place):
            rest = text[len(place):]
            for suffix in _PLACE_SUFFIXES:
                if rest.startswith(suffix):
                    rest = rest[len(suffix):]
                    break
            if len(rest) >= 2:
                return place, rest
    return None
