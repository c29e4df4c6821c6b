"""A small, hand-made customer with everything the reports print, including the hard
cases: markup characters in names, a rare ideograph, an emoji, long notes, amounts."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from kehubao.db import Database
from kehubao.models import (
    Contact,
    Customer,
    Evaluation,
    EvaluationTemplate,
    FollowUp,
    Interaction,
    SalesRep,
    Score,
    Transaction,
)

NAME = "A&B <贸易> 公司 𠮷野家"
LONG_NOTE = "".join(f"第{n}条备注：客户希望在旺季前备货，付款周期从30天调整为45天。"
                    for n in range(1, 161)) + "备注结束😀"


@dataclass
class Seeded:
    customer_id: int
    blank_customer_id: int
    interaction_id: int


def seed(database: Database) -> Seeded:
    with database.session() as s:
        rep = SalesRep(name="张三")
        customer = Customer(
            name=NAME, code="KH-0001", status="stable", customer_type="dealer",
            province="湖南", city="长沙", region="华中区", address="五一大道&1号",
            phone="0731-88886666", owner=rep, industry="医药", value_class="4", grade="B",
            sales_12m_fen=1234567, receivable_fen=1000, overdue_fen=1001000,
            credit_limit_fen=10000000, notes=LONG_NOTE)
        blank = Customer(name="没评价过的客户", status="potential")
        s.add_all([rep, customer, blank])
        s.flush()
        contact = Contact(customer_id=customer.id, name="王䶮", title="总经理",
                          decision_role="decision_maker", last_emotion="anger",
                          personality="爽快 &lt;直接&gt;", preferences="喜欢喝茶", is_primary=True, mobile="13800000000")
        s.add(contact)
        s.flush()
        visit = Interaction(
            customer_id=customer.id, contact_id=contact.id, owner_id=rep.id, kind="visit",
            occurred_at=datetime(2026, 5, 20, 10, 0), duration_minutes=45, location="长沙",
            subject="介绍新品 <A款>", content="谈了新品的价格 & 账期。" * 3, mood="anger",
            needs_found="需要更长账期", objections="价格比别家高", reply_used="质量更稳定，返修少",
            reply_worked=True, outcome="同意试订", next_step="下周报价")
        s.add(visit)
        s.flush()
        s.add_all([
            FollowUp(customer_id=customer.id, contact_id=contact.id, interaction_id=visit.id,
                     title="送报价单", due_at=datetime(2026, 5, 27, 9, 0)),
            Transaction(customer_id=customer.id, kind="sale", occurred_on=date(2026, 4, 1),
                        amount_fen=1234567, reference="XS20260401001", product="A款",
                        due_on=date(2026, 5, 1)),
            # paid in part: the 10,010 元 still owed is past due (services/figures.py)
            Transaction(customer_id=customer.id, kind="payment", occurred_on=date(2026, 5, 10),
                        amount_fen=1234567 - 1001000),
        ])
        template = s.scalar(select(EvaluationTemplate))
        indicators = template.indicators
        old = Evaluation(customer_id=customer.id, template_id=template.id,
                         period_label="2026年第一季度", evaluated_on=date(2026, 4, 5),
                         total_score=60.0, grade="C", value_class="3",
                         scores=[Score(indicator_id=i.id, value=6) for i in indicators])
        # scores 8 everywhere but the last indicator (10)
        new = Evaluation(customer_id=customer.id, template_id=template.id,
                         period_label="2026年第二季度", evaluated_on=date(2026, 7, 5),
                         evaluator_id=rep.id, total_score=82.0, grade="B", value_class="4",
                         notes="表现良好 & 稳定 <继续>",
                         scores=[Score(indicator_id=i.id, value=10 if n == 7 else 8)
                                 for n, i in enumerate(indicators)])
        s.add_all([old, new])
        s.flush()
        return Seeded(customer.id, blank.id, visit.id)


@pytest.fixture
def seeded(db: Database) -> Seeded:
    return seed(db)


def pdf_text(data: bytes) -> str:
    """All text of a PDF with whitespace removed (extraction adds breaks between runs)."""
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)
