"""Receivables settled first-in-first-out, their ageing buckets, overdue against terms and
credit limit, risk flags and the risk list, the support log, the transaction import."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kehubao.errors import UserError, ValidationError
from kehubao.models import Transaction
from kehubao.services.evaluation.risk import record_risk, risk_flags, risk_list
from kehubao.services.evaluation.support import record_support, totals_per_class
from kehubao.services.evaluation.transaction_import import (
    import_transactions,
    parse_amount_fen,
    prepare,
)
from kehubao.services.evaluation.transactions import (
    bucket_of,
    receivables,
    record_transaction,
    repeat_purchase_rate,
    sales_volume,
    volume_by_quarter,
)
from kehubao.services.journal import last_undoable, undo

from .helpers import customer

TODAY = date(2026, 6, 30)


@pytest.mark.parametrize(("age", "bucket"), [
    (0, "0-30"), (30, "0-30"), (31, "31-60"), (60, "31-60"), (61, "61-90"), (90, "61-90"), (91, "90+")])
def test_ageing_bucket_boundaries(age: int, bucket: str) -> None:
    assert bucket_of(age) == bucket


def _ledger(s):  # type: ignore[no-untyped-def]
    c = customer(s, credit_limit_fen=300_000)  # 3000 元
    for day, yuan in ((date(2026, 3, 1), 4000), (date(2026, 4, 10), 3000),
                      (date(2026, 5, 10), 2000), (date(2026, 6, 20), 1000)):
        record_transaction(s, c.id, "sale", day, yuan * 100)  # due 30 days later
    record_transaction(s, c.id, "payment", date(2026, 5, 1), 450_000)
    record_transaction(s, c.id, "return", date(2026, 5, 2), 50_000)
    return c


def test_receivables_fifo_ageing_and_overdue(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        c = _ledger(s)
        r = receivables(s, c.id, TODAY)
        # 10000 sold − 4500 paid − 500 returned = 5000 元 owed
        assert r.balance_fen == 500_000
        # 5000 credit pays the 03-01 sale (4000) and 1000 of the 04-10 sale
        assert [(i.occurred_on.isoformat(), i.open_fen) for i in r.open_items] == [
            ("2026-04-10", 200_000), ("2026-05-10", 200_000), ("2026-06-20", 100_000)]
        # ages 81, 51 and 10 days
        assert r.ageing == {"0-30": 100_000, "31-60": 200_000, "61-90": 200_000, "90+": 0}
        # due 05-10 (51 days late) and 06-09 (21 days late); 07-20 not yet due
        assert r.overdue_fen == 400_000 and r.max_days_overdue == 51
        assert r.over_limit_fen == 200_000  # 5000 owed − 3000 limit


def test_volume_periods_and_repeat_purchases(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        c = _ledger(s)
        once = customer(s, "只买一次")
        record_transaction(s, once.id, "sale", date(2026, 4, 1), 100)
        # Q2: 3000 + 2000 + 1000 − 500 returned = 5500 元
        assert sales_volume(s, c.id, date(2026, 4, 1), date(2026, 6, 30)) == 550_000
        assert volume_by_quarter(s, c.id, 2, TODAY) == [("2026Q1", 400_000), ("2026Q2", 550_000)]
        assert repeat_purchase_rate(s, date(2026, 1, 1), TODAY) == 0.5  # 1 of 2 bought twice


def test_bad_transactions_are_refused(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        c = customer(s)
        with pytest.raises(ValidationError, match="金额必须大于 0"):
            record_transaction(s, c.id, "sale", TODAY, 0)
        with pytest.raises(ValidationError, match="交易类型无效"):
            record_transaction(s, c.id, "gift", TODAY, 100)
        with pytest.raises(ValidationError, match="到期日不能早于"):
            record_transaction(s, c.id, "sale", TODAY, 100, due_on=date(2026, 6, 1))


def test_recorded_transaction_is_undoable(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        c = customer(s)
        record_transaction(s, c.id, "sale", TODAY, 12_300)
    with db.session() as s:
        undo(s, last_undoable(s).id)
    with db.session() as s:
        assert sales_volume(s, c.id, date(2026, 1, 1), TODAY) == 0


def test_risk_flags_with_evidence(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        c = _ledger(s)
        record_risk(s, c.id, "cross_region", date(2026, 6, 1), "在邻省市场发现我司货品", "发货单 XS0601 的货")
        flags = risk_flags(s, c.id, TODAY)
        assert [(f.kind, f.amount_fen) for f in flags] == [
            ("overdue", 400_000), ("credit", 200_000), ("cross_region", 0)]
        assert "发货单 XS0601" in flags[2].detail and "2026-06-01" in flags[2].detail
        with pytest.raises(ValidationError, match="晚于今天"):
            record_risk(s, c.id, "dumping", date(2999, 1, 1), "低价抛售")


def test_risk_list_sorted_by_exposure(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        late = customer(s, "逾期", overdue_fen=10_000, receivable_fen=10_000)
        over = customer(s, "超额", receivable_fen=50_000, credit_limit_fen=10_000)  # 40,000 over
        event = customer(s, "窜货", receivable_fen=5_000)
        customer(s, "正常", receivable_fen=9_000, credit_limit_fen=10_000)
        record_risk(s, event.id, "dumping", date(2026, 1, 2), "以低于出厂价的价格抛售")
        rows = risk_list(s)
        assert [(r.customer_id, r.exposure_fen) for r in rows] == [
            (over.id, 40_000), (late.id, 10_000), (event.id, 5_000)]
        assert rows[2].open_events == 1


def test_support_totals_per_class(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        star = customer(s, "新星", value_class="3")
        best = customer(s, "老牌", value_class="4")
        record_support(s, star.id, "display", date(2026, 5, 1), "门店陈列改造", 200_000)
        record_support(s, star.id, "display", date(2026, 6, 1), "补充道具", 50_000)
        record_support(s, star.id, "management", date(2026, 6, 2), "库存管理辅导")
        record_support(s, best.id, "promotion", date(2026, 6, 3), "年中促销", 100_000)
        totals = [(t.value_class, t.kind, t.actions, t.cost_fen) for t in totals_per_class(s)]
        assert totals == [("3", "management", 1, 0), ("3", "display", 2, 250_000),
                          ("4", "promotion", 1, 100_000)]
        with pytest.raises(ValidationError):
            record_support(s, star.id, "party", TODAY)


@pytest.mark.parametrize(("text", "fen"), [
    ("1,234.50", 123_450), ("¥1234", 123_400), ("1.2万", 1_200_000), ("3000元", 300_000)])
def test_amounts(text: str, fen: int) -> None:
    assert parse_amount_fen(text) == fen


def _csv(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(["交易明细（2026年）", "客户编号,客户名称,类型,日期,金额（元）,到期日,单号", *rows]),
                    encoding="utf-8-sig")
    return path


def test_import_good_file(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        a = customer(s, "华联商贸", code="KH001")
        b = customer(s, "东方五金")
    path = _csv(tmp_path / "t.csv", ["KH001,,销售,2026/3/1,\"1,000.00\",2026-04-30,XS1",
                                     ",东方五金,回款,2026年3月5日,500,,HK1",
                                     "KH001,华联商贸,退货,2026-03-09,100,,TH1"])
    with db.session() as s:
        prepared = prepare(s, path)
        assert prepared.mapping[:6] == ["customer_code", "customer_name", "kind", "occurred_on",
                                        "amount", "due_on"]
        assert prepared.ok and prepared.header_row == 1
        result = import_transactions(s, prepared, "t.csv")
        assert (result.imported, result.customers) == (3, 2)
        assert result.by_kind == {"sale": 1, "payment": 1, "return": 1}
    with db.session() as s:
        sale = s.query(Transaction).filter_by(customer_id=a.id, kind="sale").one()
        assert (sale.amount_fen, sale.due_on, sale.reference) == (100_000, date(2026, 4, 30), "XS1")
        assert s.query(Transaction).filter_by(customer_id=b.id).one().amount_fen == 50_000
        undo(s, last_undoable(s).id)
    with db.session() as s:
        assert s.query(Transaction).filter(Transaction.deleted_at.is_(None)).count() == 0


def test_import_with_a_bad_row_writes_nothing(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        customer(s, "华联商贸", code="KH001")
    path = _csv(tmp_path / "bad.csv", ["KH001,,销售,2026-03-01,1000,,XS1",
                                       "KH001,,销售,2026-03-02,一千,,XS2",
                                       "KH404,,销售,2026-03-03,10,,XS3"])
    with db.session() as s:
        prepared = prepare(s, path)
        assert prepared.errors == [(4, "金额“一千”不是数字"), (5, "没有编号为“KH404”的客户")]
        with pytest.raises(UserError, match="第 4 行：金额“一千”不是数字（另有 1 行有问题）；没有导入任何记录"):
            import_transactions(s, prepared)
    with db.session() as s:
        assert s.query(Transaction).count() == 0


def test_import_xlsx_and_missing_columns(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook

    with db.session() as s:
        c = customer(s, "华联商贸")
    book = Workbook()
    sheet = book.active
    sheet.append(["客户名称", "交易类型", "交易日期", "金额"])
    sheet.append(["华联商贸", "销售", date(2026, 2, 3), 880.5])
    book.save(tmp_path / "t.xlsx")
    with db.session() as s:
        prepared = prepare(s, tmp_path / "t.xlsx")
        assert prepared.ok
        import_transactions(s, prepared)
        row = s.query(Transaction).one()
        assert (row.customer_id, row.occurred_on, row.amount_fen) == (c.id, date(2026, 2, 3), 88_050)
        assert row.due_on == date(2026, 3, 5)  # default 30 days' terms
    (tmp_path / "no.csv").write_text("客户名称,日期\n华联商贸,2026-01-01\n", encoding="utf-8")
    with db.session() as s, pytest.raises(UserError, match="缺少必需的列：类型、金额（元）"):
        prepare(s, tmp_path / "no.csv")
