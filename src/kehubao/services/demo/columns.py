"""The shape of the demo rows: the columns each table's tuples hold, where the search
document builders find their arguments in them, and the batch that carries one chunk of
customers from the row factory (rows.py) to the inserts (generator.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import Table

from ...models import (
    Contact,
    Customer,
    Evaluation,
    FollowUp,
    Interaction,
    RiskEvent,
    Score,
    SupportAction,
    Transaction,
    customer_tag,
)

CHILD_TABLES = [
    Contact.__table__, Interaction.__table__, FollowUp.__table__, Transaction.__table__,
    Evaluation.__table__, Score.__table__, SupportAction.__table__, RiskEvent.__table__,
]

CUSTOMER_COLS = [
    "id", "code", "name", "name_sort", "short_name", "kind", "customer_type", "status",
    "industry", "ownership", "scale", "employees", "annual_revenue_wan",
    "registered_capital_wan", "credit_rating", "licences", "sales_network", "province", "city",
    "district", "address", "region", "phone", "email", "website", "source", "owner_id",
    "credit_limit_fen", "notes", "value_class", "grade", "last_contact_at",
    "next_follow_up_at", "sales_12m_fen", "receivable_fen", "overdue_fen", "created_at",
    "updated_at",
]
CONTACT_COLS = [
    "id", "customer_id", "name", "name_sort", "gender", "title", "decision_role", "is_primary",
    "mobile", "phone", "email", "wechat", "birthday", "birthday_lunar", "age_band",
    "home_region", "native_place", "culture_level", "personality", "communication_style",
    "needs", "preferences", "last_emotion", "last_emotion_at", "created_at", "updated_at",
]
INTERACTION_COLS = [
    "id", "customer_id", "contact_id", "owner_id", "kind", "occurred_at", "duration_minutes",
    "location", "subject", "content", "mood", "needs_found", "objections", "outcome",
    "next_step", "created_at", "updated_at",
]
FOLLOW_UP_COLS = [
    "id", "customer_id", "contact_id", "owner_id", "kind", "title", "note", "due_at",
    "status", "completed_at", "priority", "origin", "created_at", "updated_at",
]
TRANSACTION_COLS = [
    "id", "customer_id", "kind", "occurred_on", "amount_fen", "due_on", "product", "quantity",
    "reference", "owner_id", "created_at", "updated_at",
]
EVALUATION_COLS = [
    "id", "customer_id", "template_id", "period_label", "period_start", "period_end",
    "evaluated_on", "evaluator_id", "total_score", "grade", "value_class", "created_at",
    "updated_at",
]
SCORE_COLS = ["id", "evaluation_id", "indicator_id", "value"]
SUPPORT_COLS = ["id", "customer_id", "kind", "occurred_on", "description", "cost_fen",
                "owner_id", "created_at", "updated_at"]
RISK_COLS = ["id", "customer_id", "kind", "occurred_on", "description", "created_at",
             "updated_at"]
TAG_COLS = ["customer_id", "tag_id"]
EMOTION_AT = CONTACT_COLS.index("last_emotion")


@dataclass
class Batch:
    customer_count: int = 0
    rows: dict[str, list[tuple]] = field(default_factory=dict)
    docs: dict[str, list[tuple]] = field(default_factory=dict)  # kind → (id, *DOC_COLUMNS)

    def add(self, table: str, row: tuple) -> tuple:
        self.rows.setdefault(table, []).append(row)
        return row

    def add_doc(self, doc_id: int, doc: tuple) -> None:
        self.docs.setdefault(doc[0], []).append((doc_id, *doc))

    def tables(self) -> Iterator[tuple[Table, list[str], list[tuple]]]:
        spec = [
            (Customer.__table__, CUSTOMER_COLS), (customer_tag, TAG_COLS),
            (Contact.__table__, CONTACT_COLS), (Interaction.__table__, INTERACTION_COLS),
            (FollowUp.__table__, FOLLOW_UP_COLS), (Transaction.__table__, TRANSACTION_COLS),
            (Evaluation.__table__, EVALUATION_COLS), (Score.__table__, SCORE_COLS),
            (SupportAction.__table__, SUPPORT_COLS), (RiskEvent.__table__, RISK_COLS),
        ]
        for table, cols in spec:
            if self.rows.get(table.name):
                yield table, cols, self.rows[table.name]
