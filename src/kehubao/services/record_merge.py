"""Folding a second version of a record into the first: the one merge policy.

An import row repeating a record of the database, a later row of the file repeating an
earlier one, another person's row naming the same company, and the merge dialog all
meet the same question: the record has values, the newcomer has values, what becomes
of each? The answer is the same everywhere, so it lives here once: what is empty is
filled, what differs is never lost but written into the notes as one entry of one
wording, and fields that name the record (its name, kind, code) are left alone unless
the user chose otherwise. Notes are text that accumulates, not a value that is replaced:
a note already saying the newcomer's note is left as it is.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from ..models.enums import CreditRating, CustomerKind, CustomerStatus, CustomerType, Gender
from .fields import FieldSpec

_EMPTY = (None, "")
_LABELLED_CHOICES = (CustomerStatus, CustomerType, CustomerKind, Gender, CreditRating)


@dataclass
class RecordMerge:
    """What merging one record's values into another's does: the fields to set, and
    the note lines for the values that differ (in the order of the incoming fields)."""

    fill: dict[str, object] = field(default_factory=dict)
    differing: list[str] = field(default_factory=list)


def merge_record(existing: Mapping[str, object], incoming: Mapping[str, object],
                 labels: Mapping[str, FieldSpec], *, identity: Collection[str] = (),
                 take: Collection[str] = (), prefix: str = "") -> RecordMerge:
    """Merge `incoming` into `existing` (field → value mappings of one record).

    `identity`: fields naming the record, neither filled nor noted (a customer keeps its
    name and kind). `take`: fields the user chose to take from the incoming record,
    replacing the existing value. `prefix` starts each note line, e.g. "联系人张伟·" for a
    contact's fields in the customer's notes. Empty incoming values change nothing."""
    out = RecordMerge()
    for key, value in incoming.items():
        if value in _EMPTY:
            continue
        current = existing.get(key)
        if key in take:
            if current != value:
                out.fill[key] = value
            continue
        if key in identity:
            continue
        if current in _EMPTY:
            out.fill[key] = value
        elif key == "notes":
            if str(value) not in str(current):
                out.differing.append(f"{prefix}{field_label(key, labels)}：{value}")
        elif current != value:
            out.differing.append(
                f"{prefix}{field_label(key, labels)}：{shown(value)}（原为 {shown(current)}）")
    return out


def values_of(record: object, keys: Iterable[str]) -> dict[str, object]:
    """The current values of an ORM record's fields, for `merge_record`."""
    return {key: getattr(record, key, None) for key in keys}


def note_entry(source: str, differing: list[str]) -> str | None:
    """The one wording of a merge's note: "【source】不同的值：a；b" (None if nothing differs).
    `source` says where the values came from: "第 3 行", "导入 客户.csv · 2024-05-01"…"""
    return f"【{source}】不同的值：" + "；".join(differing) if differing else None


def with_note(notes: str | None, entry: str | None) -> str | None:
    """`notes` with `entry` appended on a line of its own."""
    if not entry:
        return notes
    return f"{notes}\n{entry}" if notes else entry


def field_label(key: str, labels: Mapping[str, FieldSpec]) -> str:
    return labels[key].label if key in labels else key


def shown(value: object) -> str:
    """A stored value as the user would write it (潜在, not potential), for the notes a
    merge leaves behind."""
    for enum in _LABELLED_CHOICES:
        if isinstance(value, str) and value in enum._value2member_map_:
            return enum.label_of(value)
    return str(value)
