"""`kehubao report`: files written, and the CLI contract's exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kehubao.cli.main import main
from kehubao.db import Database

from .conftest import NAME, Seeded, pdf_text, squash


def run(db_path: Path, *args: str) -> int:
    return main(["--db", str(db_path), "report", *args])


def test_one_report_to_a_file(db: Database, seeded: Seeded, db_path: Path, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sheet.pdf"
    assert run(db_path, "evaluation", "--customer", str(seeded.customer_id), "-o", str(out)) == 0
    assert squash(NAME) in pdf_text(out.read_bytes())
    assert "已生成" in capsys.readouterr().out


def test_a_class_into_a_folder(db: Database, seeded: Seeded, db_path: Path,
                               tmp_path: Path) -> None:
    assert run(db_path, "archive", "--class", "三类", "--out-dir", str(tmp_path / "d")) == 0
    files = list((tmp_path / "d").iterdir())
    assert [f.name for f in files] == [f"档案卡-{seeded.customer_id}-A&B _贸易_ 公司 𠮷野家.pdf"]


def test_list_and_week(db: Database, seeded: Seeded, db_path: Path, tmp_path: Path) -> None:
    assert run(db_path, "list", "--region", "华中区", "-o", str(tmp_path / "l.pdf")) == 0
    assert "共1家" in pdf_text((tmp_path / "l.pdf").read_bytes())
    assert run(db_path, "visit", "--week", "2026-05-22", "--out-dir", str(tmp_path)) == 0
    text = pdf_text((tmp_path / "拜访记录-2026-05-18.pdf").read_bytes())
    assert "共1次拜访" in text


def test_unknown_customer_exits_1_with_one_chinese_line(
        db: Database, seeded: Seeded, db_path: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert run(db_path, "brief", "--customer", "999", "-o", str(tmp_path / "x.pdf")) == 1
    err = capsys.readouterr().err.strip()
    assert err == "错误：找不到编号为 999 的客户。"
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("args", [
    ("visit", "--customer", "2", "-o", "x.pdf"),  # the blank customer has no visit
    ("list", "--class", "五类", "-o", "x.pdf"),
    ("visit", "--day", "昨天", "-o", "x.pdf"),
])
def test_bad_data_exits_1(db: Database, seeded: Seeded, db_path: Path, tmp_path: Path,
                          monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...],
                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(db_path, *args) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and err.count("\n") == 1


@pytest.mark.parametrize("args", [
    ("evaluation", "--all", "-o", "x.pdf"),  # a batch needs a folder
    ("evaluation", "-o", "x.pdf"),  # whose report?
    ("evaluation", "--customer", "1"),  # where to?
    ("archive", "--day", "2026-05-20", "-o", "x.pdf"),
])
def test_usage_errors_exit_2(db: Database, db_path: Path, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exc:
        code = run(db_path, *args)
        raise SystemExit(code)
    assert exc.value.code == 2
