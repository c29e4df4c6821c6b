"""Tolerant vCard 2.1 / 3.0 / 4.0 reader (stdlib only); the writer is vcard_write.py.

Why not vobject: real exports bend the RFCs — Android splits quoted-printable values with
soft breaks followed by empty lines, Outlook and BlackBerry put base64 photos on
unindented lines, Chinese phones write GBK bytes without a CHARSET, Apple escapes ``:``
and doubles the CR of every line ending.  A strict parser stops at the first such line; a
salesperson importing 800 contacts wants the 799 good ones plus a note about the bad one.
So :func:`read_vcards` never raises: it returns contacts *and* problems.

How: the file is first turned into latin-1 text (one character per byte, lossless), so the
line structure can be parsed before we know which charset each value uses.  Every value we
care about is then mapped back to bytes, quoted-printable/base64-decoded, decoded with its
own ``CHARSET`` (or a guess) and only then split and unescaped — in that order, because a
GBK or Big5 trail byte may be 0x5C, a backslash.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..texts import Text, noop

__all__ = ["VCardContact", "VCardProblem", "join_name", "read_vcards"]


@dataclass
class VCardContact:
    """One person from a vCard, reduced to what the importer maps onto a contact."""

    full_name: str = ""  # FN, else built from N, else ORG, else the e-mail local part
    family_name: str = ""
    given_name: str = ""
    organization: str = ""  # first ORG component (the company)
    department: str = ""  # remaining ORG components joined by " "
    title: str = ""  # TITLE, falling back to ROLE
    phones: list[tuple[str, str]] = field(default_factory=list)  # (kind, raw number)
    emails: list[str] = field(default_factory=list)  # preferred first
    addresses: list[str] = field(default_factory=list)  # one readable line each
    urls: list[str] = field(default_factory=list)
    birthday: str = ""  # raw BDAY text; the importer parses the many date styles
    note: str = ""
    categories: list[str] = field(default_factory=list)
    nickname: str = ""
    # Fields phones have no property for, as (ImportField value, text), carried in
    # X-KEHUBAO-* properties so that our own export imports back whole.
    extras: list[tuple[str, str]] = field(default_factory=list)
    line_no: int = 0  # line of BEGIN:VCARD, so problems and the UI can point into the file


# A card left out: the import report says so; a file of nothing else says why instead.
SKIPPED = noop("{problem}，已跳过")


@dataclass
class VCardProblem:
    """Something the user should hear about; ``line_no`` 0 means the file as a whole."""

    line_no: int
    message: str  # a texts.Text, one line, shown as-is in the import report


# ------------------------------------------------------------------------------- reading

_LINE_BREAK = re.compile(r"\r*\n|\r")  # also "\r\r\n": iPhone exports double the CR
_B64_LINE = re.compile(r"[A-Za-z0-9+/=]+")
_BOUNDARY = re.compile(r"\s*(BEGIN|END):VCARD\s*$", re.I)
_ESCAPE = re.compile(r"\\(.)", re.S)
_CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_CJK = re.compile(f"[{_CJK_CHARS}]")
_CJK_NAME = re.compile(f"[{_CJK_CHARS}·]+")
_BARE_ENCODINGS = {"QUOTED-PRINTABLE", "BASE64", "B", "8BIT", "7BIT"}
# Phones label their bytes with the oldest name they know; decode with the superset.
_CHARSET_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030",
    "euc-cn": "gb18030", "big5": "big5hkscs", "shift_jis": "cp932", "shift-jis": "cp932",
    "sjis": "cp932", "x-sjis": "cp932",
}
# First match wins, so "WORK,FAX" is a fax and vCard 4.0's "work,cell" a mobile.
_PHONE_TYPES = (("FAX", "fax"), ("PAGER", "pager"), ("CELL", "mobile"), ("MOBILE", "mobile"),
                ("IPHONE", "mobile"), ("WORK", "work"), ("HOME", "home"))
# Apple keeps custom labels in a grouped X-ABLabel ("_$!<Mobile>!$_"): only a hint.
_LABEL_HINTS = (
    ("fax", ("fax", "传真")), ("pager", ("pager", "寻呼", "传呼")),
    ("mobile", ("mobile", "cell", "iphone", "手机", "移动")),
    ("work", ("work", "office", "工作", "单位", "公司", "办公")), ("home", ("home", "住宅", "家")),
)
EXTRA_PREFIX = "X-KEHUBAO-"
_NAME_PROPS = ("FN", "N", "ORG")  # what names the contact and its company
# RFC 6350 folds lines at 75 octets: a card's last line this long may have lost the rest.
_FOLD_WIDTH = 60
_WANTED = {"FN", "N", "ORG", "TITLE", "ROLE", "TEL", "EMAIL", "ADR", "LABEL", "URL", "BDAY",
           "NOTE", "CATEGORIES", "NICKNAME"}


@dataclass(slots=True)
class _Prop:
    line_no: int
    group: str  # "item1" of "item1.TEL", lower case
    name: str  # upper case
    params: dict[str, list[str]]  # upper-case keys; bare 2.1 parameters filed under TYPE
    value: str  # still raw: latin-1 text, one character per byte
    encoding: str = ""  # "qp", "b64" or ""
    end: int = 0  # line number of its last physical line (folds, soft breaks included)

    def types(self) -> set[str]:
        return {t.upper() for t in self.params.get("TYPE", ())}


def _split_unquoted(text: str, sep: str) -> list[str]:
    """Split on ``sep`` outside double quotes (4.0 allows ``TYPE="work,voice"``)."""
    parts, start, quoted = [], 0, False
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif ch == sep and not quoted:
            parts.append(text[start:i])
            start = i + 1
    return parts + [text[start:]]


def _parse_line(line_no: int, line: str) -> _Prop | None:
    """``group.NAME;param=a,b;BARE:value`` → _Prop; None for lines without a colon."""
    colon = line.find(":")
    if colon > 0 and '"' in line[:colon]:
        colon = len(_split_unquoted(line, ":")[0])
    if colon <= 0 or colon == len(line):
        return None
    head, params = line[:colon], {}
    if ";" in head:
        parts = _split_unquoted(head, ";") if '"' in head else head.split(";")
        head = parts[0]
        for part in parts[1:]:
            key, eq, val = part.partition("=")
            key = key.strip().upper()
            if not eq:  # vCard 2.1 bare parameter: TEL;CELL;PREF, PHOTO;BASE64
                key, val = ("ENCODING" if key in _BARE_ENCODINGS else "TYPE"), key
            params.setdefault(key, []).extend(v.strip().strip('"') for v in val.split(","))
    group, _, name = head.strip().rpartition(".")
    prop = _Prop(line_no, group.lower(), name.upper(), params, line[colon + 1:])
    if "ENCODING" in params:
        encodings = {e.upper() for e in params["ENCODING"]}
        if "QUOTED-PRINTABLE" in encodings:
            prop.encoding = "qp"
        elif encodings & {"BASE64", "B"}:
            prop.encoding = "b64"
    return prop


def _properties(lines: list[str]) -> Iterator[_Prop]:
    """Join folded and soft-broken lines into properties; skip what cannot be one."""
    i, n = 0, len(lines)
    while i < n:
        line_no, line = i + 1, lines[i]
        i += 1
        while i < n and lines[i][:1] in (" ", "\t"):  # RFC 2425/6350 folding
            line += lines[i][1:]
            i += 1
        if (prop := _parse_line(line_no, line)) is None:  # blank, stray base64, garbage
            continue
        if prop.encoding == "qp":
            # Soft break: a trailing "=" continues on the next line, even an empty one
            # (Android) — but never swallow the card boundary after a truncated value.
            while i < n and (value := prop.value.rstrip(" \t")).endswith("="):
                if _BOUNDARY.match(lines[i]):
                    break
                prop.value = value[:-1] + lines[i]
                i += 1
        elif prop.encoding == "b64":
            # vCard 2.1 base64 runs on unindented lines up to a blank line; iPhone files
            # even lose the indent in mid-photo.  Base64 never contains ":".
            while i < n and lines[i] and (lines[i][0] in " \t" or _B64_LINE.fullmatch(lines[i])):
                prop.value += lines[i].strip()
                i += 1
        prop.end = i
        yield prop


class _Decoder:
    """Turns a raw property value into text, honouring ENCODING and CHARSET."""

    def __init__(self, unicode_file: bool, utf8_file: bool) -> None:
        self.unicode_file = unicode_file  # UTF-16 input, already re-encoded as UTF-8
        # A file that is not UTF-8 as a whole most likely comes from a Chinese phone.
        self.guesses = ("utf-8", "gb18030") if utf8_file else ("gb18030", "utf-8")

    def __call__(self, prop: _Prop) -> str:
        kind, raw = prop.encoding, prop.value
        if kind == "qp":
            data = binascii.a2b_qp(raw.encode("latin-1"))
        elif kind == "b64":
            try:
                data = base64.b64decode(raw.encode("latin-1") + b"==")
            except (binascii.Error, ValueError):
                return ""
        elif raw.isascii():  # the common case: nothing to decode
            return raw
        else:
            data = raw.encode("latin-1")
        # In a UTF-16 file the CHARSET of plain values describes bytes that no longer exist.
        plain_utf16 = self.unicode_file and not kind
        charset = "utf-8" if plain_utf16 else prop.params.get("CHARSET", [""])[0]
        return self._decode(data, charset).replace("\r\n", "\n").replace("\r", "\n")

    def _decode(self, data: bytes, charset: str) -> str:
        label = charset.strip().lower()
        try:
            codec = codecs.lookup(_CHARSET_ALIASES.get(label, label)).name if label else ""
        except (LookupError, ValueError):
            codec = ""  # unknown name: guess as if none were given
        if codec == "utf-8":
            return data.decode("utf-8", "replace")  # e.g. Android's stray "=80" byte
        for guess in (codec, *self.guesses) if codec else self.guesses:
            try:
                return data.decode(guess)
            except (LookupError, ValueError):  # ValueError includes UnicodeDecodeError
                pass  # a wrong label ("US-ASCII" on accented text) is common, "base64" absurd
        return data.decode("latin-1")  # never fails


def _to_latin1_text(data: bytes) -> tuple[str, bool, bool]:
    """Return (one-char-per-byte text, input was UTF-16, input is valid UTF-8)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # Windows "Unicode" exports
        text = data.decode("utf-16", "replace")
        return text.encode("utf-8", "replace").decode("latin-1"), True, True
    data = data[3:] if data[:3] == b"\xef\xbb\xbf" else data
    try:  # a file cut off mid-character (and maybe zero-filled after) is still UTF-8
        codecs.getincrementaldecoder("utf-8")().decode(data.rstrip(b"\x00"))
    except UnicodeDecodeError:
        return data.decode("latin-1"), False, False
    return data.decode("latin-1"), False, True


def _may_be_cut(prop: _Prop, lines: list[str]) -> bool:
    """Whether the last property of a file that ends inside a card may be incomplete:
    it runs to the end of the data (no line break after it, or a quoted-printable soft
    break with nothing after), or its last line is long enough that a folded
    continuation may be what was lost."""
    if prop.end >= len(lines):
        return True
    return prop.encoding != "qp" and len(lines[prop.end - 1]) >= _FOLD_WIDTH


def _unescape_one(match: re.Match[str]) -> str:
    ch = match.group(1)
    return "\n" if ch in "nN" else match.group(0) if ch.isalnum() else ch


def _unescape(text: str) -> str:
    """Undo ``\\n`` and ``\\`` + punctuation (``\\,`` ``\\;`` ``\\\\``, Apple's ``\\:``,
    Google's ``\\"``); a backslash before another letter stays, as in a Windows path."""
    return (_ESCAPE.sub(_unescape_one, text) if "\\" in text else text).strip()


def _split(text: str) -> list[str]:
    """Split a structured value (N, ORG, ADR) on unescaped ";", then unescape each part."""
    if "\\" not in text:
        return [part.strip() for part in text.split(";")]
    protected = text.replace("\\\\", "\x00")  # so that "\\;" is a backslash + a separator
    return [_unescape(part.replace("\x00", "\\\\"))
            for part in re.split(r"(?<!\\);", protected)]


def join_name(family: str, given: str) -> str:
    """Chinese (also Japanese, Korean) names read family-first without a space."""
    if family and given and _CJK_NAME.fullmatch(family + given):
        return family + given
    return " ".join(part for part in (given, family) if part)


def _flatten_address(parts: list[str]) -> str:
    """One readable line: Western order with commas, or Chinese big-to-small order."""
    parts = [", ".join(s for ln in p.split("\n") if (s := ln.strip(" ,，"))) for p in parts]
    pobox, ext, street, city, region, code, country, *rest = parts + [""] * 7
    if any(_CJK.search(p) for p in parts):
        return f"{''.join((country, region, city, street, ext, pobox, *rest))} {code}".strip()
    return ", ".join(p for p in (pobox, ext, street, city, region, code, country, *rest) if p)


def _phone_kind(prop: _Prop, labels: dict[str, str]) -> str:
    types = prop.types()
    for key, kind in _PHONE_TYPES:
        if key in types:
            return kind
    label = labels.get(prop.group, "") if prop.group else ""
    return next((kind for kind, words in _LABEL_HINTS if any(w in label for w in words)), "other")


def _pref_rank(prop: _Prop) -> int:
    if "PREF" in prop.types():
        return 1
    for value in prop.params.get("PREF", ()):  # vCard 4.0: PREF=1 (most preferred) .. 100
        return int(value) if value.isdigit() else 1
    return 101


def _add(items: list, item: object) -> None:
    """Append unless empty or already there: exports repeat values (Android: NOTE twice)."""
    if item and item not in items:
        items.append(item)


def _strip_scheme(value: str, scheme: str) -> str:
    return value[len(scheme):].strip() if value[:len(scheme)].lower() == scheme else value


def _build(props: list[_Prop], line_no: int, decode: _Decoder) -> tuple[VCardContact, bool]:
    """Collect one card's properties; for single-valued fields the first non-empty wins.

    Also says whether the name or company used had undecodable bytes (U+FFFD), which
    are left out: a replacement character must never end up in a customer's name.
    """
    c = VCardContact(line_no=line_no)
    damaged = False
    labels = {p.group: decode(p).lower() for p in props if p.name == "X-ABLABEL" and p.group}
    first: dict[str, str] = {}  # FN, TITLE, ROLE, BDAY, NICKNAME
    emails: list[tuple[int, str]] = []
    notes: list[str] = []
    label_lines: list[str] = []
    for p in props:
        if p.name.startswith(EXTRA_PREFIX):
            if value := _unescape(decode(p)):
                c.extras.append((p.name[len(EXTRA_PREFIX):].lower().replace("-", "_"), value))
            continue
        if p.name not in _WANTED:
            continue
        name, text = p.name, decode(p)
        broken = name in _NAME_PROPS and "\ufffd" in text
        if broken:
            text = text.replace("\ufffd", "")
        if name in ("FN", "TITLE", "ROLE", "BDAY", "NICKNAME"):
            damaged |= broken and name not in first
            if name not in first and (value := _unescape(text)):
                first[name] = value
        elif name == "N" and not (c.family_name or c.given_name):
            damaged |= broken
            c.family_name, c.given_name = (_split(text) + ["", ""])[:2]
        elif name == "ORG" and not (c.organization or c.department):
            damaged |= broken
            c.organization, *rest = _split(text)
            c.department = " ".join(r for r in rest if r)
        elif name == "TEL" and (number := _strip_scheme(_unescape(text), "tel:")):
            _add(c.phones, (_phone_kind(p, labels), number))
        elif name == "EMAIL":
            emails.append((_pref_rank(p), _strip_scheme(_unescape(text), "mailto:")))
        elif name == "ADR":
            _add(c.addresses, _flatten_address(_split(text)))
        elif name == "LABEL":
            _add(label_lines, _flatten_address(["", "", _unescape(text)]))
        elif name == "URL":
            _add(c.urls, _unescape(text))
        elif name == "NOTE":
            _add(notes, _unescape(text))
        elif name == "CATEGORIES":
            # Split on escaped separators too: Thunderbird writes its list as "a\, b\, c".
            for item in re.split(r"\\?[,;]", text):
                _add(c.categories, _unescape(item))
    seen: set[str] = set()
    for _, address in sorted(emails, key=lambda e: e[0]):  # stable: file order within a rank
        if address and address.lower() not in seen:
            seen.add(address.lower())
            c.emails.append(address)
    c.addresses = c.addresses or label_lines  # LABEL only when the card has no ADR
    c.title = first.get("TITLE") or first.get("ROLE", "")
    c.birthday, c.nickname = first.get("BDAY", ""), first.get("NICKNAME", "")
    c.note = "\n".join(notes)
    c.full_name = (first.get("FN") or join_name(c.family_name, c.given_name) or c.organization
                   or (c.emails[0].split("@")[0].strip() if c.emails else ""))
    return c, damaged


def read_vcards(data: bytes) -> tuple[list[VCardContact], list[VCardProblem]]:
    """Read every vCard in ``data``; never raises, reports what it had to skip."""
    text, unicode_file, utf8_file = _to_latin1_text(bytes(data))
    if not text.strip(" \t\r\n\x00"):
        return [], [VCardProblem(0, Text("不是有效的 vCard 文件（文件是空的）"))]
    decode = _Decoder(unicode_file, utf8_file)
    contacts: list[VCardContact] = []
    problems: list[VCardProblem] = []

    def finish(props: list[_Prop], begin: int, terminated: bool, at_end: bool = False) -> None:
        # A card the file ends in may be cut in its last line: drop that line, and the
        # whole card if the line named it or no name came before the cut (a cut name is
        # a wrong name, and a card without one would stop the import).
        cut = props.pop() if at_end and props and _may_be_cut(props[-1], lines) else None
        if at_end and ((cut is not None and cut.name in _NAME_PROPS)
                       or not any(p.name in _NAME_PROPS for p in props)):
            if cut is not None:
                problems.append(VCardProblem(begin, Text(
                    "第 {line} 行：名片没有结束（缺少 END:VCARD），姓名可能不完整"
                    "（文件在第 {cut} 行中断），这张名片没有导入", line=begin, cut=cut.line_no)))
            else:
                problems.append(VCardProblem(begin, Text(
                    "第 {line} 行：名片没有结束（缺少 END:VCARD），姓名可能不完整"
                    "（文件在第 {cut} 行后中断），这张名片没有导入",
                    line=begin, cut=props[-1].end if props else begin)))
            return
        contact, damaged = _build(props, begin, decode)
        usable = bool(contact.full_name or contact.phones or contact.emails)
        if cut is not None and (cut.name in _WANTED or cut.name.startswith(EXTRA_PREFIX)):
            problems.append(VCardProblem(begin, Text(
                "第 {line} 行：名片没有结束（缺少 END:VCARD），最后一行（第 {cut} 行 {property}）"
                "可能不完整，已忽略", line=begin, cut=cut.line_no, property=cut.name)))
        elif not terminated:  # keep what a truncated card has, but say so
            problems.append(VCardProblem(begin, Text("第 {line} 行：名片没有结束（缺少 END:VCARD）",
                                                     line=begin)))
        elif not usable:
            problems.append(VCardProblem(begin, Text(SKIPPED, problem=Text(
                "第 {line} 行：名片里没有姓名、电话、邮箱或单位", line=begin))))
        if usable and damaged:
            problems.append(VCardProblem(begin, Text(
                "第 {line} 行：姓名或单位里有无法识别的字符（�），已去掉，导入后请核对", line=begin)))
        if usable:
            contacts.append(contact)

    card: list[_Prop] | None = None
    begin = nested = 0
    seen_begin = False
    lines = _LINE_BREAK.split(text)
    for prop in _properties(lines):
        marker = prop.name in ("BEGIN", "END") and prop.value.strip().upper() == "VCARD"
        if marker and prop.name == "BEGIN":
            seen_begin = True
            if card is None:
                card, begin = [], prop.line_no
            elif nested or (card and card[-1].name == "AGENT"):
                nested += 1  # a 2.1 AGENT card inside this one: not a contact of ours
            else:  # the previous card lost its END line
                finish(card, begin, terminated=False)
                card, begin = [], prop.line_no
        elif marker:
            if nested:
                nested -= 1
            elif card is not None:
                finish(card, begin, terminated=True)
                card = None
        elif card is not None and not nested:
            card.append(prop)
    if card is not None:
        finish(card, begin, terminated=False, at_end=True)
    if not seen_begin:
        problems.append(VCardProblem(0, Text("不是有效的 vCard 文件（找不到 BEGIN:VCARD）")))
    return contacts, problems
