"""Customer use cases: validation, tags, bulk actions, recycle bin, undo."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from kehubao.errors import UserError, ValidationError
from kehubao.models import Customer, Operation
from kehubao.services import customers as svc
from kehubao.services.journal import last_undoable, undo


def test_create_normalises_and_sorts_by_pinyin(db) -> None:
    with db.session() as s:
        c = svc.create_customer(s, {"name": " 重庆长江贸易有限公司 ", "phone": "023 6234 5678",
                                    "email": " Sales@CQ.cn ", "status": "意向"}, tags=["重点客户"])
        cid = c.id
    with db.session(write=False) as s:
        c = s.get(Customer, cid)
        assert c.name == "重庆长江贸易有限公司"
        assert c.phone == "023-62345678"
        assert c.email == "sales@cq.cn"
        assert c.status == "intent"
        assert c.name_sort.startswith("chong qing chang jiang")
        assert [t.name for t in c.tags] == ["重点客户"]


def test_validation_reports_every_bad_field_in_chinese(db) -> None:
    with db.session() as s:
        with pytest.raises(ValidationError) as err:
            svc.create_customer(s, {"name": "", "phone": "12ab", "email": "not-an-email",
                                    "employees": "-3", "status": "火星"})
    assert set(err.value.fields) == {"name", "phone", "email", "employees", "status"}
    assert "客户名称不能为空" in str(err.value)
    with db.session(write=False) as s:
        assert s.scalar(select(func.count()).select_from(Customer)) == 0


def test_duplicate_code_is_refused(db) -> None:
    with db.session() as s:
        svc.create_customer(s, {"name": "甲", "code": "KH1"})
    with db.session() as s, pytest.raises(ValidationError, match="客户编号"):
        svc.create_customer(s, {"name": "乙", "code": "KH1"})


def test_edit_then_undo_restores_previous_values(db) -> None:
    with db.session() as s:
        cid = svc.create_customer(s, {"name": "华远数控", "city": "济南"}, tags=["老客户"]).id
    with db.session() as s:
        svc.update_customer(s, cid, {"city": "青岛", "notes": "改了"}, tags=["VIP", "老客户"])
    with db.session() as s:
        op = last_undoable(s)
        assert op.kind == "edit" and "华远数控" in op.label
        result = undo(s, op.id)
        assert result.restored == 3 and result.skipped == 0
    with db.session(write=False) as s:
        c = s.get(Customer, cid)
        assert (c.city, c.notes) == ("济南", None)
        assert [t.name for t in c.tags] == ["老客户"]


def test_undo_never_clobbers_a_later_edit(db) -> None:
    with db.session() as s:
        cid = svc.create_customer(s, {"name": "甲公司", "city": "北京"}).id
    with db.session() as s:
        svc.update_customer(s, cid, {"city": "上海"})
        first = last_undoable(s).id
    with db.session() as s:
        svc.update_customer(s, cid, {"city": "广州"})
    with db.session() as s:
        result = undo(s, first)
        assert result.skipped == 1
    with db.session(write=False) as s:
        assert s.get(Customer, cid).city == "广州"


def test_delete_goes_to_recycle_bin_and_undo_brings_it_back(db) -> None:
    with db.session() as s:
        cid = svc.create_customer(s, {"name": "回收测试"}).id
    with db.session() as s:
        assert svc.delete_customers(s, [cid]) == 1
    with db.session(write=False) as s:
        assert s.get(Customer, cid).deleted_at is not None
    with db.session() as s:
        undo(s, last_undoable(s).id)
    with db.session(write=False) as s:
        assert s.get(Customer, cid).deleted_at is None
    with db.session() as s, pytest.raises(UserError):
        undo(s, s.scalars(select(Operation).where(Operation.undone_at.is_not(None))).first().id)


def test_undo_of_create_moves_it_to_the_bin(db) -> None:
    with db.session() as s:
        cid = svc.create_customer(s, {"name": "新建后撤销"}).id
    with db.session() as s:
        undo(s, last_undoable(s).id)
    with db.session(write=False) as s:
        assert s.get(Customer, cid).deleted_at is not None


def test_restore_and_purge(db) -> None:
    with db.session() as s:
        a = svc.create_customer(s, {"name": "甲"}).id
        b = svc.create_customer(s, {"name": "乙"}).id
    with db.session() as s:
        svc.delete_customers(s, [a, b])
    with db.session() as s:
        assert svc.restore_customers(s, [a]) == 1
    with db.session() as s, pytest.raises(UserError, match="回收站"):
        svc.purge_customers(s, [a])
    with db.session() as s:
        assert svc.purge_customers(s, [b]) == 1
    with db.session(write=False) as s:
        assert s.get(Customer, b) is None and s.get(Customer, a).deleted_at is None


def test_bulk_status_owner_and_tags(db) -> None:
    with db.session() as s:
        ids = [svc.create_customer(s, {"name": f"客户{i}"}).id for i in range(3)]
        rep = svc.get_or_create_rep(s, "王晓梅")
    with db.session() as s:
        svc.set_status(s, ids, "stable")
        svc.set_owner(s, ids[:2], rep.id)
        svc.add_tags(s, ids, ["展会客户", "VIP"])
        svc.remove_tags(s, ids[:1], ["VIP"])
    with db.session(write=False) as s:
        rows = [s.get(Customer, i) for i in ids]
        assert {r.status for r in rows} == {"stable"}
        assert [r.owner_id for r in rows] == [rep.id, rep.id, None]
        assert sorted(t.name for t in rows[0].tags) == ["展会客户"]
        assert sorted(t.name for t in rows[2].tags) == ["VIP", "展会客户"]
    with db.session() as s:  # the last bulk action (remove tag) is undoable as one step
        undo(s, last_undoable(s).id)
    with db.session(write=False) as s:
        assert sorted(t.name for t in s.get(Customer, ids[0]).tags) == ["VIP", "展会客户"]
