"""Cells a spreadsheet would run as a formula ("CSV injection"), and the apostrophe our
exports put in front of them: one rule for writing it (exporter) and taking it off again
when our own export is imported (records).

Spreadsheet programs skip leading blanks and control characters before = + - @ (a cell
"\\n=HYPERLINK(…)" runs like "=HYPERLINK(…)" in some), so a formula behind them counts;
a leading tab or CR is risky by itself (OWASP's list).
"""

from __future__ import annotations

import re

__all__ = ["is_formula_like", "neutralise", "unneutralise"]

_FORMULA_LIKE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\ufeff]*[=+\-@]|[\t\r]")


def is_formula_like(text: str) -> bool:
    return _FORMULA_LIKE.match(text) is not None


def neutralise(text: str) -> str:
    """Stop spreadsheet programs from reading a cell as a formula: prefix ' to it."""
    return "'" + text if is_formula_like(text) else text


def unneutralise(text: str) -> str:
    """Undo ``neutralise`` ('=…, '+86…, '\\n=…) on a cell of our own export."""
    return text[1:] if text[:1] == "'" and is_formula_like(text[1:]) else text
