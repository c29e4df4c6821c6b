from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


class Cli:
    """Runs `python -m kehubao` the way a script would, with UTF-8 pipes."""

    def __init__(self, home: Path) -> None:
        self.env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
                    "LOCALAPPDATA": str(home / "data"), "PYTHONIOENCODING": "utf-8"}
        self.env.pop("KEHUBAO_DB", None)
        self.env.pop("KEHUBAO_DATABASE_URL", None)

    def __call__(self, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "kehubao", *args], input=stdin,
                              capture_output=True, text=True, encoding="utf-8",
                              env=self.env, timeout=300)

    def json(self, *args: str) -> dict:
        result = self(*args)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(tmp_path)
