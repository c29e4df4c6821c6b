"""`kehubao scripts search|export|import`: same matcher as the panel, usual exit codes.
The default database (in the test's home folder) is created with the starter library."""

from __future__ import annotations

import json
from pathlib import Path


def test_search_json_price_first(cli, tmp_path: Path) -> None:
    for query in ("tai gui", "太贵", "tg", "价格高"):
        data = cli.json("scripts", "search", query, "--json", "--limit", "3")
        assert data["query"] == query
        assert [r["element"] for r in data["results"]] == ["price"] * 3
        assert len(data["results"][0]["replies"]) >= 2


def test_search_text_export_import_and_errors(cli, tmp_path: Path) -> None:
    out = cli("scripts", "search", "资料", "--limit", "1")
    assert out.returncode == 0 and out.stdout.startswith("【你把资料发过来，我们看看再说】")
    assert "  1. " in out.stdout and "  2. " in out.stdout
    path = tmp_path / "lib.xlsx"
    out = cli("scripts", "export", str(path))
    assert out.returncode == 0 and path.exists()
    out = cli("scripts", "import", str(path))
    assert out.returncode == 0 and "新增 0 条，更新 0 条" in out.stdout
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "kehubao-scripts", "scr', encoding="utf-8")
    out = cli("scripts", "import", str(bad))
    assert out.returncode == 1 and out.stdout == ""
    assert out.stderr.strip().count("\n") == 0 and "不是完整的 JSON" in out.stderr
    assert cli("scripts", "frobnicate").returncode == 2
    assert cli("scripts", "search").returncode == 2
    nothing = cli.json("scripts", "search", "xyzzyq", "--json")
    assert nothing["results"] == []
    assert json.loads(cli("scripts", "search", "", "--json").stdout)["results"]
