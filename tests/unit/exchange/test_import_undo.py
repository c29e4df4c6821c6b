"""Undoing and cancelling an import: the database goes back to exactly what it was."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from kehubao.errors import UserError
from kehubao.models import Contact, Customer
from kehubao.services.journal import last_undoable, undo

from .helpers import (
    H,
    by_name,
    hit_titles,
    import_file,
    import_rows,
    index_problems,
    row,
    stored_customers,
    table_counts,
    write_csv,
)

try:  # the exception the UI's Cancel button raises inside a task
    from kehubao.ui.tasks import Cancelled
except ImportError:  # pragma: no cover - Qt not installed
    class Cancelled(Exception):  # type: ignore[no-redef]
        pass


# ------------------------------------------------------------------------------ 7. undo


def test_undo_moves_imported_customers_and_contacts_to_the_recycle_bin(db, tmp_path):
    rows = [H, row("北京星辰科技有限公司", "张伟", mobile="13812345678"),
            row("北京星辰科技有限公司", "李娜", mobile="13900001111"),
            row(person="欧阳娜娜", mobile="15012345678", tags="VIP")]
    summary = import_rows(db, tmp_path, rows)
    assert index_problems(db) == []
    assert "张伟" in hit_titles(db, "张伟")
    assert "欧阳娜娜" in hit_titles(db, "欧阳娜娜")

    with db.session() as s:
        op = last_undoable(s)
        assert op.id == summary.operation_id and op.kind == "import"
        undo(s, op.id)

    assert stored_customers(db) == []
    with db.session(write=False) as s:
        customers = s.scalars(select(Customer)).all()
        contacts = s.scalars(select(Contact)).all()
    assert len(customers) == 2 and all(c.deleted_at is not None for c in customers)
    assert len(contacts) == 3 and all(c.deleted_at is not None for c in contacts)
    assert index_problems(db) == []
    for name in ("张伟", "李娜", "欧阳娜娜", "星辰", "13812345678"):
        assert hit_titles(db, name) == [], name


def test_undo_restores_the_previous_values_of_merged_records(seeded, tmp_path):
    with seeded.session(write=False) as s:
        before = s.scalar(select(Customer).where(Customer.name == "北京星辰科技有限公司"))
        notes_before = before.notes
    rows = [["客户名称", "联系人", "职务", "手机", "微信", "标签", "备注"],
            ["北京星辰科技有限公司", "张伟", "销售总监", "13812345678", "zw_wechat", "VIP", "年底回访"],
            ["北京星辰科技有限公司", "李娜", "采购", "13900001111", "", "", ""]]
    import_rows(seeded, tmp_path, rows, on_duplicate="merge")

    with seeded.session() as s:
        result = undo(s, last_undoable(s).id)
    assert result.skipped == 0

    star = by_name(seeded)["北京星辰科技有限公司"]
    assert star.customer.notes == notes_before
    assert star.tags == set()
    assert [c.name for c in star.contacts] == ["张伟"]  # 李娜 went to the recycle bin
    zhang = star.contact("张伟")
    assert (zhang.wechat, zhang.title) == (None, "总经理")
    assert index_problems(seeded) == []
    assert hit_titles(seeded, "李娜") == []
    assert "张伟" in hit_titles(seeded, "张伟")  # existed before the import: still there


def test_undoing_twice_is_refused(db, tmp_path):
    summary = import_rows(db, tmp_path, [H, row("北京星辰科技有限公司", "张伟")])
    with db.session() as s:
        undo(s, summary.operation_id)
    with db.session() as s, pytest.raises(UserError, match="已经撤销"):
        undo(s, summary.operation_id)


def test_undo_of_one_import_leaves_an_earlier_import_alone(db, tmp_path):
    import_rows(db, tmp_path, [H, row("北京星辰科技有限公司", "张伟")], name="一.csv")
    import_rows(db, tmp_path, [H, row("上海明月贸易有限公司", "李娜")], name="二.csv")

    with db.session() as s:
        op = last_undoable(s)
        assert "二.csv" in op.label
        undo(s, op.id)

    assert set(by_name(db)) == {"北京星辰科技有限公司"}
    assert index_problems(db) == []


# ---------------------------------------------------------------------------- 8. cancel


def many_rows(n: int) -> list[list[str]]:
    return [H] + [row(f"测试公司{i:04d}", f"联系人{i:04d}", mobile=f"139{i:08d}", tags="批量")
                  for i in range(n)]


@pytest.mark.parametrize("cancel_when", ["third-call", "after-writing"])
def test_cancel_from_progress_callback_leaves_database_unchanged(seeded, tmp_path, cancel_when):
    path = write_csv(tmp_path / "大批.csv", many_rows(30))
    before = table_counts(seeded)
    calls: list[float] = []

    def progress(fraction: float, _message: str) -> None:
        calls.append(fraction)
        if cancel_when == "third-call" and len(calls) == 3:
            raise Cancelled()
        if cancel_when == "after-writing" and fraction >= 0.99:
            raise Cancelled()

    with pytest.raises(Cancelled):
        import_file(seeded, path, progress=progress, on_duplicate="merge")

    assert table_counts(seeded) == before
    assert index_problems(seeded) == []
    assert hit_titles(seeded, "测试公司0001") == []
    # the same file imports normally afterwards
    assert import_file(seeded, path).created == 30


def test_any_exception_during_writing_rolls_back(db, tmp_path):
    path = write_csv(tmp_path / "大批.csv", many_rows(5))
    before = table_counts(db)

    def progress(fraction: float, _message: str) -> None:
        if fraction > 0.5:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        import_file(db, path, progress=progress)
    assert table_counts(db) == before
