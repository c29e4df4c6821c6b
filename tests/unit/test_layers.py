"""The layering rules of docs/architecture.md, checked on the source text: nothing below
the UI imports Qt, and no module under ui/ opens a session, runs SQL or commits — every
read and write a user action causes goes through ui/ops.py."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "kehubao"
BELOW_UI = ("models", "services", "exchange", "reports")
SQL_IN_UI = re.compile(r"\.session\(|session\.(execute|commit|scalar|scalars|get|add|flush)\("
                       r"|(?<![.\w])(?<!def )(select|insert|update|delete)\(")


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py")) if folder.exists() else []


def test_nothing_below_the_ui_imports_qt() -> None:
    offenders = [str(p.relative_to(SRC)) for name in BELOW_UI for p in _modules(SRC / name)
                 if re.search(r"^\s*(from|import) PySide6", p.read_text(encoding="utf-8"), re.M)]
    assert offenders == []


def test_no_module_under_ui_runs_sql_or_commits() -> None:
    offenders = []
    for path in _modules(SRC / "ui"):
        if path.name == "ops.py":  # the one place that opens units of work for the UI
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if SQL_IN_UI.search(code):
                offenders.append(f"{path.relative_to(SRC)}:{number}: {line.strip()}")
    assert offenders == []
