"""Each command imports only what it needs: `--version` and `--help` answer without
SQLAlchemy, Alembic or Qt, and `info` on an up-to-date database without Alembic (the
heaviest import, needed only to migrate)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kehubao.db import head_revision

HEAVY = ("sqlalchemy", "alembic", "PySide6")

RUN_AND_LIST_MODULES = r"""
import contextlib, io, sys
from kehubao.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
sys.stderr.write(out.getvalue())
print(code, ",".join(sorted({m.split(".")[0] for m in sys.modules})))
"""


def modules_after(*args: str) -> tuple[int, set[str], str]:
    result = subprocess.run([sys.executable, "-c", RUN_AND_LIST_MODULES, *args],
                            capture_output=True, text=True, encoding="utf-8", check=True)
    code, modules = result.stdout.split()
    return int(code), set(modules.split(",")), result.stderr


def test_version_and_help_import_nothing_heavy() -> None:
    for args in (["--version"], ["--help"], ["import", "--help"]):
        code, modules, output = modules_after(*args)
        assert code == 0 and output.strip(), args
        assert not modules & set(HEAVY), (args, modules & set(HEAVY))
    assert modules_after("--version")[2].strip() == f"kehubao {__import__('kehubao').__version__}"


def test_info_on_an_up_to_date_database_does_not_import_alembic(db, db_path: Path) -> None:
    db.dispose()
    code, modules, output = modules_after("--db", str(db_path), "info", "--json")
    info = json.loads(output.strip().splitlines()[-1])
    assert code == 0 and info["schema"] == info["schema_head"] == head_revision()
    assert info["counts"]["objection_script"] >= 25  # the template's starter data
    assert "sqlalchemy" in modules
    assert "alembic" not in modules and "PySide6" not in modules
