"""Normalising what people type or import: phone numbers, e-mail addresses, dates, text.

Everything stored goes through here, so that duplicate detection and search compare like
with like: "138 1234 5678", "+86-138-1234-5678" and "13812345678" are one number.

Chinese numbers take a fast path (a few regular expressions): `phonenumbers` costs tens of
microseconds a call, too slow for importing 100,000 rows, so it is used only for numbers
written in international form that are not Chinese.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from .errors import ValidationError
from .texts import Text

# --------------------------------------------------------------------------- phones

# Three-digit area codes: Beijing 010 and 020–029; every other area code has four digits.
_THREE_DIGIT_AREA = re.compile(r"^0(10|2\d)")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
# "013912340000": a 0 typed (or left by a "0 + number" habit) before an 11-digit mobile.
# No area code starts 01 except Beijing's 010, whose local numbers have 7–8 digits, so
# "0" + a mobile number is never a landline.
_ZERO_BEFORE_MOBILE = re.compile(r"^01[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{9,11}$")
_SERVICE = re.compile(r"^[48]00\d{7}$")
_EXTENSION = re.compile(r"(?:转|分机|ext\.?|x|#|,|，)\s*(\d{1,6})\s*$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s\-–—.()（）\[\]/·]")


@dataclass(frozen=True)
class Phone:
    """A phone number in its stored form (`display`) and its digits (for matching)."""

    display: str
    digits: str
    kind: str  # "mobile" | "landline" | "service" | "international" | "other"

    @property
    def is_recognised(self) -> bool:
        return self.kind != "other"


def normalize_phone(raw: str | None, default_area_code: str | None = None) -> Phone | None:
    """Canonical form of a phone number; None for an empty value.

    Mobiles become 11 digits, landlines "021-62345678" (with "-8001" for an extension),
    400/800 numbers "400-123-4567", foreign numbers "+1 905-555-1234". Anything we cannot
    recognise is kept as the user wrote it (kind "other"), so nothing is ever lost."""
    if raw is None:
        return None
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    if not text:
        return None
    ext = ""
    if m := _EXTENSION.search(text):
        ext, text = m.group(1), text[: m.start()].strip()
    compact = _SEPARATORS.sub("", text)
    international = compact.startswith("+") or compact.startswith("00")
    digits = compact.lstrip("+")
    if digits.startswith("00"):
        digits = digits[2:]
    if not digits.isdigit():
        return Phone(display=text, digits=re.sub(r"\D", "", text), kind="other")
    if international or (digits.startswith("86") and len(digits) == 13):
        if digits.startswith("86"):
            digits = digits[2:]
            if not digits.startswith("1") and not digits.startswith("0"):
                digits = "0" + digits  # "+86 21 6234 5678" drops the trunk 0
        else:
            return _international("+" + digits, ext)
    if _ZERO_BEFORE_MOBILE.match(digits):
        digits = digits[1:]
    if _MOBILE.match(digits):
        return Phone(display=digits, digits=digits, kind="mobile")
    if _SERVICE.match(digits):
        shown = f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
        return Phone(display=shown, digits=digits, kind="service")
    if _LANDLINE.match(digits):
        split = 3 if _THREE_DIGIT_AREA.match(digits) else 4
        local = digits[split:]
        if 7 <= len(local) <= 8:
            shown = f"{digits[:split]}-{local}" + (f"-{ext}" if ext else "")
            return Phone(display=shown, digits=digits + ext, kind="landline")
    if 7 <= len(digits) <= 8 and digits[0] != "0":
        if default_area_code:
            return normalize_phone(default_area_code + digits + (f"转{ext}" if ext else ""))
        shown = digits + (f"-{ext}" if ext else "")
        return Phone(display=shown, digits=digits + ext, kind="landline")
    return Phone(display=text + (f" 转{ext}" if ext else ""), digits=digits + ext, kind="other")


_LIST_SEPARATORS = (re.compile(r"\s*(?:[/,，;；、|\n]|或|和)\s*"), re.compile(r"\s{2,}"), re.compile(r"\s+"))


def split_phones(raw: str | None) -> list[Phone]:
    """The numbers in one cell: usually one, sometimes a list ("13812345678/13987654321",
    "138… 139…", "0755-12345678/87654321"). A cell is split only when *every* piece is a
    number we recognise, so a single odd number is never cut into junk. A short local
    number after a landline borrows its area code, as people write them."""
    whole = normalize_phone(raw)
    if whole is None or whole.is_recognised:
        return [whole] if whole is not None else []
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    for separator in _LIST_SEPARATORS:
        pieces = [piece for piece in separator.split(text) if piece]
        if len(pieces) < 2:
            continue
        phones: list[Phone] = []
        area: str | None = None
        for piece in pieces:
            phone = normalize_phone(piece, default_area_code=area)
            if phone is None or not phone.is_recognised:
                break
            if phone.kind == "landline" and "-" in phone.display:
                area = phone.display.split("-", 1)[0]
            phones.append(phone)
        else:
            return phones
    return [whole]


def _international(number: str, ext: str) -> Phone:
    try:
        import phonenumbers  # only for foreign numbers: importing it costs start-up time

        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return Phone(display=number, digits=number.lstrip("+"), kind="other")
    if not phonenumbers.is_possible_number(parsed):
        return Phone(display=number, digits=number.lstrip("+"), kind="other")
    shown = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if ext:
        shown += f" ext. {ext}"
    return Phone(display=shown, digits=re.sub(r"\D", "", shown), kind="international")


def phone_digits(text: str) -> str:
    """Digits of a phone *query* fragment: "+86 138-1234" → "1381234"."""
    text = unicodedata.normalize("NFKC", text)
    digits = re.sub(r"\D", "", text)
    if text.lstrip().startswith("+86") or (digits.startswith("86") and len(digits) == 13):
        digits = digits[2:]
    if _ZERO_BEFORE_MOBILE.match(digits):  # stored without the stray 0 (normalize_phone)
        digits = digits[1:]
    return digits


def validate_phone(raw: str | None, field_label: str = "电话") -> str | None:
    """For forms: the stored form, or a ValidationError in plain Chinese."""
    phone = normalize_phone(raw)
    if phone is None:
        return None
    if not phone.is_recognised:
        raise ValidationError(
            "{field}“{raw}”不像有效的号码。手机为 11 位，座机请带区号，如 021-62345678。",
            field=Text(field_label), raw=raw)
    return phone.display


# --------------------------------------------------------------------------- e-mail

_EMAIL = re.compile(r"^[A-Za-z0-9._%+\-']+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")


def normalize_email(raw: str | None) -> str | None:
    """Lower-cased, trimmed address (full-width characters folded); None when empty."""
    if raw is None:
        return None
    text = unicodedata.normalize("NFKC", str(raw)).strip().strip("<>").strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return text.lower() or None


def is_valid_email(text: str) -> bool:
    return bool(_EMAIL.match(text))


def validate_email(raw: str | None) -> str | None:
    email = normalize_email(raw)
    if email is not None and not is_valid_email(email):
        raise ValidationError("邮箱“{raw}”格式不对，应类似 zhang@example.com。", raw=raw)
    return email


# --------------------------------------------------------------------------- dates

# Year used for dates known without a year (a vCard "--0203" birthday). A leap year, so
# 29 February survives; far enough in the past that no real birthday has it.
NO_YEAR = 1604


def birthday_text(value: date) -> str:
    """A birthday as people write it: 1978-03-05, or 3月5日 when the year is unknown."""
    return f"{value.month}月{value.day}日" if value.year == NO_YEAR else value.isoformat()


_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_1920 = 7306  # 1920-01-01
_YMD = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$")
_DMY_OR_MDY = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:\s.*)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T.*)?$")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*月\s*(\d{1,2})\s*日?$")


def parse_date(raw: str | date | datetime | float | int | None) -> date | None:
    """Parse the date forms found in Chinese spreadsheets and phone exports.

    Accepts 1978/3/5, 1990-12-01, 1990.12.1, 1990年12月1日, 19901201, Excel serial numbers
    (e.g. 28189), 3/22/1980 (month first, as Outlook writes; day first when unambiguous),
    "--0203" and "3月5日" (no year). Raises ValueError with a Chinese message otherwise."""
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, (int, float)):
        _refuse_year_only(f"{raw:g}")
        return _from_excel_serial(float(raw))
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    if not text:
        return None
    _refuse_year_only(text)
    try:
        if m := _YMD.match(text) or _COMPACT.match(text):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _DMY_OR_MDY.match(text):
            first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
            month, day = (second, first) if first > 12 else (first, second)
            return date(year, month, day)
        if m := _NO_YEAR.match(text) or _MONTH_DAY.match(text):
            return date(NO_YEAR, int(m.group(1)), int(m.group(2)))
        if re.fullmatch(r"\d{1,5}(\.\d+)?", text):
            return _from_excel_serial(float(text))
    except ValueError:
        pass
    raise ValueError(Text("无法识别的日期“{text}”，请写成 1990-12-01 或 1990/12/1", text=text))


_YEAR_ONLY = re.compile(r"(19\d\d|20\d\d)(?:[.年](0?[1-9]|1[0-2])月?)?")


def _refuse_year_only(text: str) -> None:
    """出生年月 columns often hold just 1990 or 1990.12; read as Excel serial numbers they
    would become dates in 1905. Refuse them, so the import keeps the text in the notes."""
    if _YEAR_ONLY.fullmatch(text):
        raise ValueError(Text("“{text}”只有年份或年月，不是完整的日期", text=text))


def _from_excel_serial(serial: float) -> date:
    # Serial numbers before 1920 are not dates anyone types in a contact list: they are
    # counts, codes or years gone wrong.
    if not _SERIAL_1920 <= serial < 2_958_466:  # .. 9999-12-31, Excel's last day
        raise ValueError(Text("无法识别的日期“{text}”", text=f"{serial:g}"))
    return _EXCEL_EPOCH + timedelta(days=int(serial))


# --------------------------------------------------------------------------- text


# Full-width Latin letters and digits (ＡＢＣ１２３) become ASCII, odd spaces become plain
# ones; CJK punctuation is left alone because it is correct Chinese typography.
_FOLD = {code: code - 0xFEE0 for code in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B),
                                          *range(0xFF41, 0xFF5B))}
_FOLD.update({0x3000: 0x20, 0xA0: 0x20, 0x09: 0x20})
_SPACES = re.compile(r" {2,}")
_TO_FOLD = re.compile("[" + re.escape("".join(map(chr, _FOLD))) + "]")  # any key of _FOLD


def clean_text(raw: object, max_length: int | None = None) -> str | None:
    """Trim, fold full-width ASCII to half-width, collapse inner runs of spaces; None if
    nothing is left. Newlines inside notes are kept. (One C-speed translate: an import
    cleans a million values.)"""
    if raw is None:
        return None
    text = str(raw)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _TO_FOLD.search(text):  # rare; a regex scan is far cheaper than translate()
        text = text.translate(_FOLD)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if "\n" in text:
        text = "\n".join(line.strip() for line in text.split("\n"))
    text = text.strip()
    if not text:
        return None
    if max_length is not None and len(text) > max_length:
        raise ValidationError("内容过长（{length} 个字符，最多 {limit} 个）", length=len(text),
                              limit=max_length)
    return text


# Marks that already close a clause: after one of them another separator reads "。；".
_CLAUSE_END = "。！？；：，、…!?;:,"


def join_clauses(parts: Iterable[str | None], separator: str = "；") -> str:
    """Pieces of text shown as one line (an interaction's content, 结果, 下一步), joined by
    `separator` except where a piece already ends with punctuation of its own: people end
    what they type with 。 or ！, and "谈得不错。；结果：…" is what the timeline used to say.
    Empty pieces are left out."""
    text = ""
    for part in parts:
        part = (part or "").strip()
        if not part:
            continue
        if text and not text.endswith(tuple(_CLAUSE_END)):
            text += separator
        text += part
    return text


_NAME_NOISE = re.compile(r"[\s·・.\-_]")


@lru_cache(maxsize=65_536)  # an import compares each name several times; companies repeat
def name_key(text: str | None) -> str:
    """The form of a name used for exact/duplicate comparison: case- and width-folded,
    without spaces or the dots of transliterated names (安娜·卡列尼娜)."""
    if not text:
        return ""
    return _NAME_NOISE.sub("", unicodedata.normalize("NFKC", text).casefold())


# What people put between tags: commas and enumeration commas of both widths, semicolons,
# slashes, bars, line breaks, and Google Contacts' " ::: " between groups.
_TAG_SEPARATORS = re.compile(r"\s*:::\s*|[,，;；、/|\n]+")


def split_tags(text: str | None) -> list[str]:
    """The tags written in one text ("VIP，北京；重点"), stripped, without empties or
    repeats, in their order. The one rule for every place tags arrive as text (the edit
    dialog, the importer, the services), so a tag typed anywhere splits the same way."""
    if not text:
        return []
    return list(dict.fromkeys(t for part in _TAG_SEPARATORS.split(text) if (t := part.strip())))
