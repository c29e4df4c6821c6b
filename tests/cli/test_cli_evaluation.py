"""`kehubao evaluate` and `kehubao classify`, and the evaluation columns of the export,
run as a script would: exit codes, one line of Chinese on stderr, stable JSON."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest

from kehubao.db import open_database
from kehubao.models import Customer
from kehubao.services.evaluation.transactions import record_transaction
from kehubao.services.starter import ensure_starter_data


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[str, int]:
    import kehubao.services  # noqa: F401

    path = tmp_path / "cli.db"
    db = open_database(str(path))
    with db.session() as s:
        ensure_starter_data(s)
        c = Customer(name="华联商贸", code="KH001")
        s.add(c)
        s.flush()
        # 1,234.56 元 of the sale is still unpaid after its due date: that is what is overdue
        record_transaction(s, c.id, "sale", date.today() - timedelta(days=3), 25_000_000,
                           due_on=date.today() - timedelta(days=1))
        record_transaction(s, c.id, "payment", date.today() - timedelta(days=1), 25_000_000 - 123_456)
        cid = c.id
    db.dispose()
    return str(path), cid


def test_evaluate_by_order_then_by_name(cli, seeded) -> None:  # type: ignore[no-untyped-def]
    db, cid = seeded
    out = cli.json("evaluate", "--db", db, "--customer", "KH001", "--scores", "8,8,8,8,8,8,8,8,8,8",
                   "--date", "2026-03-31", "--json")
    # volume is measured over the 12 months up to the evaluation day: the sale came later
    assert (out["customer"], out["total"], out["grade"], out["value_class"]) == (cid, 80.0, "B", "3")
    assert out["period"] == "2026年第1季度" and out["change"] is None
    # 忠诚度 8 → 10: +15% × 2/10 × 100 = +3 points
    out = cli.json("evaluate", "--db", db, "--customer", str(cid), "--date", "2026-06-30", "--json",
                   "--scores", "开发能力=8,销售管理水平=8,销售网络=8,促销能力=8,售后服务=8,"
                   "与本公司的关系=8,满意度=8,忠诚度=10,贡献度=8,依存度=8")
    assert out["total"] == 83.0 and out["change"]["delta"] == 3.0
    assert out["change"]["moves"] == [{"indicator": "忠诚度", "before": 8.0, "after": 10.0, "points": 3.0}]
    text = cli("evaluate", "--db", db, "--customer", "KH001", "--scores", "9,9,9,9,9,9,9,9,9,9")
    assert text.returncode == 0 and "总分 90，等级 A" in text.stdout and "四类·最宝贵" in text.stdout


@pytest.mark.parametrize(("scores", "message"), [
    ("8,8,8", "模板有 10 项指标"),
    ("8,8,8,8,8,8,8,8,8,11", "“依存度”的分数 11 超出 0–10"),
    ("开发能力=8", "还有 9 项没有打分"),
    ("好=8", "模板里没有指标“好”"),
    ("a,b", "分数必须是数字"),
])
def test_evaluate_bad_scores_exit_1(cli, seeded, scores: str, message: str) -> None:  # type: ignore[no-untyped-def]
    db, _cid = seeded
    result = cli("evaluate", "--db", db, "--customer", "KH001", "--scores", scores)
    assert result.returncode == 1, result.stderr
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_evaluate_usage_errors(cli, seeded) -> None:  # type: ignore[no-untyped-def]
    db, _cid = seeded
    assert cli("evaluate", "--db", db, "--scores", "1").returncode == 2
    assert cli("evaluate", "--db", db, "--customer", "1", "--scores", "1", "--date", "昨天").returncode == 2
    missing = cli("evaluate", "--db", db, "--customer", "KH999", "--scores", "1")
    assert missing.returncode == 1 and "找不到客户“KH999”" in missing.stderr


def test_classify_and_export_columns(cli, seeded, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db, _cid = seeded
    out = cli.json("classify", "--db", db, "--json")
    assert out["customers"] == 1 and out["counts"] == {"none": 1}
    cli.json("evaluate", "--db", db, "--customer", "KH001", "--scores", "3,3,3,3,3,3,3,3,3,3", "--json")
    out = cli.json("classify", "--db", db, "--json")
    assert out["counts"] == {"2": 1} and out["changed"] == 0  # evaluate already set it
    assert out["thresholds"] == {"volume_fen": 20_000_000, "loyalty_pct": 60.0}
    result = cli("export", "-", "--db", db, "--format", "csv")
    assert result.returncode == 0, result.stderr
    row = next(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert (row["客户分类"], row["评价等级"], row["逾期金额（元）"]) == ("二类·高危", "D", "1234.56")
    # 25万 × 20% realised + 25万 × 20% × 2 years (class 2) = 5万 + 10万
    assert row["客户价值（元）"] == "150000.0"
