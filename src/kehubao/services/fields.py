"""Declarative field specs: one place that says how each editable field is cleaned and
checked, shared by the edit dialogs, the CLI and the importer so they can never disagree.

A spec turns raw input (text from a form or a spreadsheet, or an already typed value)
into the stored value, or explains in Chinese what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import ValidationError
from ..models.enums import LabelledEnum
from ..normalize import clean_text, parse_date, validate_email, validate_phone

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
            allowed = "、".join(label for _code, label in enum.choices())
            raise ValidationError(f"“{value}”不是可选的值（可选：{allowed}）")
        return member.value

    return parse


def integer(minimum: int = 0) -> Parser:
    return _number(int, "整数", minimum)


def decimal(minimum: float = 0.0) -> Parser:
    return _number(float, "数字", minimum)


def _number(kind: type[int] | type[float], noun: str, minimum: float) -> Parser:
    """Numbers as typed or pasted: thousands separators (also the full-width comma) are
    ignored, blank means unknown."""
    def parse(value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            number = kind(str(value).replace(",", "").replace("，", "").strip())
        except ValueError:
            raise ValidationError(f"“{value}”不是{noun}") from None
        if number < minimum:
            raise ValidationError(f"不能小于 {minimum:g}")
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
        raise ValidationError(str(exc)) from None


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
            problems[name] = f"{spec.label}：{exc}"
    for name, spec in specs.items():
        if spec.required and (name in data or not partial) and not cleaned.get(name):
            problems.setdefault(name, f"{spec.label}不能为空")
    if problems:
        raise ValidationError("；".join(problems.values()), problems)
    return cleaned
