"""The customer detail's data (services/overview.py): the timeline's text of an
interaction and whether the next follow-up is overdue (issue #11, defects 2 and 6)."""

from __future__ import annotations

from datetime import datetime

import pytest

from kehubao.models import Customer, FollowUp, Interaction
from kehubao.normalize import join_clauses
from kehubao.services.customers import create_customer
from kehubao.services.overview import customer_overview

NOW = datetime(2026, 11, 28, 14, 44)


@pytest.mark.parametrize("content, outcome, next_step, expected", [
    ("谈了新报价。", "同意试用", "下周送样",
     "谈了新报价。结果：同意试用；下一步：下周送样"),
    ("谈了新报价", "同意试用！", "下周送样",
     "谈了新报价；结果：同意试用！下一步：下周送样"),
    ("客户问能否降价？", None, "申请特价；", "客户问能否降价？下一步：申请特价；"),
    ("谈了新报价", "同意试用", None, "谈了新报价；结果：同意试用"),
    (None, "同意试用。", "下周送样", "结果：同意试用。下一步：下周送样"),
    ("  ", None, None, ""),
])
def test_timeline_text_of_an_interaction_has_no_doubled_punctuation(
        db, content, outcome, next_step, expected) -> None:
    with db.session() as s:
        cid = create_customer(s, {"name": "华远数控"}).id
        s.add(Interaction(customer_id=cid, kind="visit", subject="上门拜访", occurred_at=NOW,
                          content=content, outcome=outcome, next_step=next_step))
    with db.session(write=False) as s:
        [item] = customer_overview(s, cid).timeline
    assert item.detail == expected


def test_join_clauses_skips_empty_parts_and_punctuated_ends() -> None:
    assert join_clauses(["甲", None, "", "乙。", "丙"]) == "甲；乙。丙"
    assert join_clauses(["a!", "b"], separator="，") == "a!b"
    assert join_clauses([]) == ""


def _customer_due(db, due: datetime | None) -> int:
    with db.session() as s:
        cid = create_customer(s, {"name": "华远数控"}).id
        s.get(Customer, cid).next_follow_up_at = due
        if due is not None:
            s.add(FollowUp(customer_id=cid, title="回访", due_at=due))
    return cid


@pytest.mark.parametrize("due, overdue", [
    (datetime(2026, 11, 28, 9, 0), True),      # this morning: overdue, as the list shows it
    (datetime(2026, 11, 20, 9, 0), True),
    (datetime(2026, 11, 28, 18, 30), False),   # later today
    (datetime(2026, 12, 3, 9, 0), False),
    (None, False),
])
def test_overview_says_whether_the_next_follow_up_is_overdue(db, due, overdue) -> None:
    cid = _customer_due(db, due)
    with db.session(write=False) as s:
        view = customer_overview(s, cid, now=NOW)
    assert view.next_follow_up_at == due
    assert view.next_follow_up_overdue is overdue
    follow_ups = [item for item in view.timeline if item.kind == "follow_up"]
    assert [item.overdue for item in follow_ups] == ([overdue] if due else [])
