"""Declarative field specs: one place that says how each editable field is cleaned and
checked, shared by the edit dialogs, the CLI and the importer so they can never disagree.

A spec turns raw input (text from a form or a spreadsheet, or an already typed value)
into the stored value, or explains what is wrong (a ``texts.Text``: Chinese, or the
window's language; the labels are listed for the translator by scripts/translations.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import ValidationError
from ..models.enums import LabelledEnum
from ..normalize import clean_text, parse_date, validate_email, validate_phone
from ..texts import Text, noop

Parser = Callable[[Any], Any]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    parse: Parser
    required: bool = False


def text(max_length: int) -> Parser:
    def parse(value: Any) -> str | None:
        return clean_text(value, max_length)

    return parse


def choice(enum: type[LabelledEnum]) -> Parser:
    def parse(value: Any) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        member = enum.from_text(str(value))
        if member is None:
            allowed = Text("、").join(Text(label) for _code, label in enum.choices())
            raise ValidationError("“{value}”不是可选的值（可选：{allowed}）", value=value,
                                  allowed=allowed)
        return member.value

    return parse


def integer(minimum: int = 0) -> Parser:
    return _number(int, noop("“{value}”不是整数"), minimum)


def decimal(minimum: float = 0.0) -> Parser:
    return _number(float, noop("“{value}”不是数字"), minimum)


def _number(kind: type[int] | type[float], not_a_number: str, minimum: float) -> Parser:
    """Numbers as typed or pasted: thousands separators (also the full-width comma) are
    ignored, blank means unknown."""
    def parse(value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            number = kind(str(value).replace(",", "").replace("，", "").strip())
        except ValueError:
            raise ValidationError(not_a_number, value=value) from None
        if number < minimum:
            raise ValidationError("不能小于 {minimum}", minimum=f"{minimum:g}")
        return number

    return parse


def money_fen(value: Any) -> int | None:
    """Yuan as typed ("12,345.60") → integer fen."""
    number = decimal()(value)
    return None if number is None else round(number * 100)


def phone(label: str) -> Parser:
    def parse(value: Any) -> str | None:
        return validate_phone(None if value is None else str(value), label)

    return parse


def email(value: Any) -> str | None:
    return validate_email(None if value is None else str(value))


def a_date(value: Any) -> date | None:
    if isinstance(value, date) or value is None:
        return value
    try:
        return parse_date(value)
    except ValueError as exc:
        raise ValidationError(_message(exc)) from None


def _message(exc: Exception) -> str:
    """An exception's message as it was made (a ``Text`` keeps its template)."""
    return exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc)


def boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"1", "true", "yes", "y", "是", "对", "√"}


def foreign_id(value: Any) -> int | None:
    if value in (None, "", 0):
        return None
    return int(value)


def validate(specs: Mapping[str, FieldSpec], data: Mapping[str, Any], *, partial: bool) -> dict:
    """Clean every field present in `data` (all specs when not `partial`).

    Collects every problem before raising, so a form can mark all bad fields at once."""
    cleaned: dict[str, Any] = {}
    problems: dict[str, str] = {}
    for name, value in data.items():
        spec = specs.get(name)
        if spec is None:
            raise KeyError(f"unknown field {name!r}")
        try:
            cleaned[name] = spec.parse(value)
        except ValidationError as exc:
            problems[name] = Text("{field}：{problem}", field=Text(spec.label),
                                  problem=_message(exc))
    for name, spec in specs.items():
        if spec.required and (name in data or not partial) and not cleaned.get(name):
            problems.setdefault(name, Text("{field}不能为空", field=Text(spec.label)))
    if problems:
        raise ValidationError(Text("；").join(problems.values()), problems)
    return cleaned
