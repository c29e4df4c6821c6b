"""Helpers for the follow-up tests: a fixed clock and a few records built directly."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest

from kehubao.models import Contact, Customer, Interaction


class FixedClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(2026, 12, 2, 10, 0))  # a Wednesday


MakeCustomer = Callable[..., int]


@pytest.fixture
def make_customer(db) -> MakeCustomer:
    def make(name: str = "华东商贸有限公司", *, value_class: str | None = None,
             last_contact_at: datetime | None = None, status: str = "stable",
             receivable_fen: int = 0, overdue_fen: int = 0) -> int:
        with db.session() as s:
            c = Customer(name=name, name_sort=name, value_class=value_class, status=status,
                         last_contact_at=last_contact_at, receivable_fen=receivable_fen,
                         overdue_fen=overdue_fen)
            s.add(c)
            s.flush()
            if last_contact_at is not None:  # the figures follow from the history
                s.add(Interaction(customer_id=c.id, kind="call", occurred_at=last_contact_at,
                                  subject="电话问候"))
                s.flush()
            return c.id
    return make


@pytest.fixture
def make_contact(db) -> Callable[..., int]:
    def make(customer_id: int, name: str = "王建国", *, birthday: date | None = None,
             lunar: bool = False, emotion: str | None = None, age_band: str | None = None) -> int:
        with db.session() as s:
            c = Contact(customer_id=customer_id, name=name, birthday=birthday,
                        birthday_lunar=lunar, last_emotion=emotion, age_band=age_band)
            s.add(c)
            s.flush()
            return c.id
    return make
