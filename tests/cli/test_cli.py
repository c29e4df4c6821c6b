"""The command line contract: exit codes, one clear line on bad input, stable JSON."""

from __future__ import annotations

import json
from pathlib import Path

from kehubao import __version__


def test_version(cli) -> None:
    result = cli("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_info_on_new_database_reports_counts(cli, tmp_path: Path) -> None:
    """A named database is created by a command that writes (here an empty demo); `info`
    alone refuses a path that does not exist (tests/cli/test_cli_robustness.py)."""
    cli.json("--db", str(tmp_path / "a.db"), "demo", "--customers", "0", "--json")
    info = cli.json("--db", str(tmp_path / "a.db"), "info", "--json")
    assert info["schema"] == info["schema_head"]
    assert info["counts"]["customer"] == 0
    assert info["counts"]["objection_script"] > 0  # starter library
    assert info["database"].endswith("a.db")


def test_default_database_lives_in_user_data_dir(cli, tmp_path: Path) -> None:
    """On first run the default database is created by any command, `info` included."""
    info = cli.json("info", "--json")
    assert info["database"].startswith(str(tmp_path / "data"))
    assert info["counts"]["customer"] == 0 and info["counts"]["objection_script"] > 0


def test_demo_is_deterministic_and_searchable(cli, tmp_path: Path) -> None:
    for name in ("a.db", "b.db"):
        out = cli.json("--db", str(tmp_path / name), "demo", "--customers", "120", "--seed", "5", "--json")
        assert out["created"]["customer"] == 120
    a = cli.json("--db", str(tmp_path / "a.db"), "info", "--json")["counts"]
    b = cli.json("--db", str(tmp_path / "b.db"), "info", "--json")["counts"]
    assert a == b and a["contact"] > 120 and a["interaction"] > 0 and a["follow_up"] > 0
    found = cli.json("--db", str(tmp_path / "a.db"), "search", "公司", "--json", "--limit", "3")
    assert found["results"] and {"kind", "id", "name", "customer", "match"} <= set(found["results"][0])


def test_search_stdin_prints_one_json_line_per_query(cli, tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    cli.json("--db", db, "demo", "--customers", "50", "--json")
    result = cli("--db", db, "search", "--stdin", "--limit", "2", stdin='王\nzs\n"\n\n')
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["query"] for line in lines] == ["王", "zs", '"', ""]
    assert all("elapsed_ms" in line and isinstance(line["results"], list) for line in lines)


def _bad(result) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_db_paths_exit_1_with_one_line(cli, tmp_path: Path) -> None:
    _bad(cli("--db", str(tmp_path), "info"))
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    before = garbage.read_bytes()
    _bad(cli("--db", str(garbage), "info"))
    assert garbage.read_bytes() == before
    _bad(cli("--db", str(tmp_path / "missing" / "x.db"), "info"))


def test_usage_error_exits_2(cli) -> None:
    assert cli("nonsense").returncode == 2
    assert cli("demo", "--customers", "-5").returncode == 2


def test_check_reindex_and_backup_restore(cli, tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    cli.json("--db", db, "demo", "--customers", "40", "--json")
    report = cli.json("--db", db, "check", "--reindex", "--json")
    assert report["ok"] and report["reindexed"]["customer"] == 40
    backup = tmp_path / "copy.db"
    assert cli("--db", db, "backup", "--to", str(backup)).returncode == 0
    cli.json("--db", db, "demo", "--customers", "10", "--json")
    assert cli.json("--db", db, "info", "--json")["counts"]["customer"] == 50
    restored = cli("--db", db, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert cli.json("--db", db, "info", "--json")["counts"]["customer"] == 40
    not_a_backup = tmp_path / "x.txt"
    not_a_backup.write_text("hello")
    _bad(cli("--db", db, "restore", str(not_a_backup)))
    damaged = tmp_path / "damaged.db"  # a valid header and schema page, garbage after
    data = bytearray(backup.read_bytes())
    data[8192:8192 + 40_000] = b"\xa5" * min(40_000, len(data) - 8192)
    damaged.write_bytes(bytes(data))
    _bad(cli("--db", db, "restore", str(damaged)))
    assert cli.json("--db", db, "info", "--json")["counts"]["customer"] == 40  # untouched
