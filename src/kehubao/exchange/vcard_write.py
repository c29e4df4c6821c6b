"""vCard 3.0 / 2.1 writer: cards every phone's contacts app imports.

3.0 is UTF-8 with escaped values; 2.1 (old Android phones) has no escaping rules for
non-ASCII text, so Chinese values go out quoted-printable with CHARSET=UTF-8. Long lines
are folded at 75 octets without splitting a UTF-8 character.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .vcard import EXTRA_PREFIX, VCardContact, join_name

_KIND_TYPES = {"mobile": "CELL", "work": "WORK", "home": "HOME", "fax": "FAX",
               "pager": "PAGER", "other": "VOICE"}


def _escape(text: str, v3: bool, commas: bool) -> str:
    """Escape a text value.  2.1 keeps raw newlines: they travel as QP ``=0D=0A``."""
    text = text.replace("\\", "\\\\").replace(";", "\\;")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace(",", "\\,") if commas else text
    return text.replace("\n", "\\n") if v3 else text


def _fold(line: str) -> list[str]:
    """Fold at 75 octets (RFC 6350 §3.2) without ever splitting a UTF-8 sequence."""
    if len(line) <= 75 and line.isascii():
        return [line]
    out, cur, size = [], [], 0
    for ch in line:
        width = len(ch.encode("utf-8", "surrogatepass"))
        if size + width > 75:
            out.append("".join(cur))
            cur, size = [" "], 1
        cur.append(ch)
        size += width
    return out + ["".join(cur)]


def _qp_lines(head: str, value: str) -> list[str]:
    """Quoted-printable with soft breaks, so that no line exceeds 75 characters."""
    tokens = [chr(b) if 33 <= b <= 126 and b != 61 else f"={b:02X}"
              for b in value.replace("\n", "\r\n").encode("utf-8")]
    lines, cur = [], head
    for token in tokens:
        if len(cur) + len(token) > 74:  # keep room for the soft-break "="
            lines.append(cur + "=")
            cur = ""
        cur += token
    return lines + [cur]


def _card_lines(c: VCardContact, v3: bool) -> list[str]:
    def typed(name: str, kind: str) -> str:
        return f"{name};TYPE={kind}" if v3 else f"{name};{kind}"

    def esc(text: str, commas: bool = v3) -> str:
        return _escape(text, v3, commas)

    def raw(text: str) -> str:  # TEL / EMAIL / URL / BDAY are not prose: no \, or \;
        return re.sub(r"[\r\n]+", " ", text.replace("\\", "\\\\")).strip()

    org = esc(c.organization) + (f";{esc(c.department)}" if c.department else "")
    full = c.full_name or join_name(c.family_name, c.given_name) or c.organization
    props = [
        ("N", f"{esc(c.family_name)};{esc(c.given_name)};;;"), ("FN", esc(full)),
        ("NICKNAME", esc(c.nickname)), ("ORG", org), ("TITLE", esc(c.title)),
        *[(typed("TEL", _KIND_TYPES.get(kind, "VOICE")), raw(num)) for kind, num in c.phones],
        *[(typed("EMAIL", "INTERNET"), raw(email)) for email in c.emails],
        *[(typed("ADR", "WORK"), f";;{esc(address)};;;;") for address in c.addresses],
        *[("URL", raw(url)) for url in c.urls], ("BDAY", raw(c.birthday)), ("NOTE", esc(c.note)),
        ("CATEGORIES", ",".join(esc(cat, commas=True) for cat in c.categories)),
        *[(EXTRA_PREFIX + key.upper().replace("_", "-"), esc(value)) for key, value in c.extras],
    ]
    lines = ["BEGIN:VCARD", f"VERSION:{'3.0' if v3 else '2.1'}"]
    for head, value in props:
        line = f"{head}:{value}"
        if not value and head != "FN":  # FN is mandatory in 3.0, even when empty
            continue
        if v3:
            lines += _fold(line)
        elif line.isascii() and "\n" not in value and len(line) <= 75:
            lines.append(line)
        else:  # what old Android phones understand: UTF-8 inside quoted-printable
            lines += _qp_lines(f"{head};CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:", value)
    return lines + ["END:VCARD"]


def write_vcards(contacts: Iterable[VCardContact], version: str = "3.0") -> str:
    """Write contacts as vCard 3.0 (default) or 2.1 with CRLF line endings.

    3.0 is what current phones, Outlook and Apple import best; 2.1 is for old Android
    phones that only understand quoted-printable.  Encode the result as UTF-8.
    """
    if version not in ("3.0", "2.1"):
        raise ValueError(f"不支持的 vCard 版本：{version!r}（只支持 3.0 和 2.1）")
    return "".join(f"{line}\r\n" for c in contacts for line in _card_lines(c, version == "3.0"))
