"""The plain data each report is drawn from.

`data.py` fills these from a Session; the renderers only read them. The UI can gather
once (off the GUI thread), then preview and print from the same objects, and tests can
build them by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ..config import APP_DISPLAY_NAME
from ..texts import Text


def _app_name() -> str:
    return Text(APP_DISPLAY_NAME)  # Kehubao on an English report


@dataclass(frozen=True)
class Letterhead:
    company: str = field(default_factory=_app_name)  # until the user names the company
    address: str = ""
    phone: str = ""
    logo_path: str = ""
    primary_colour: str = "#1F4E79"
    accent_colour: str = "#DCE6F2"


@dataclass
class CustomerInfo:
    id: int
    name: str
    code: str = ""
    short_name: str = ""
    kind: str = ""
    customer_type: str = ""
    status: str = ""
    industry: str = ""
    ownership: str = ""
    scale: str = ""
    employees: int | None = None
    annual_revenue_wan: float | None = None
    registered_capital_wan: float | None = None
    credit_rating: str = ""
    licences: str = ""
    sales_network: str = ""
    region: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    source: str = ""
    owner: str = ""
    credit_limit_fen: int | None = None
    notes: str = ""
    value_class: str = ""  # code "1".."4"
    value_class_label: str = ""
    grade: str = ""
    last_contact_at: datetime | None = None
    next_follow_up_at: datetime | None = None
    sales_12m_fen: int = 0
    receivable_fen: int = 0
    overdue_fen: int = 0
    tags: list[str] = field(default_factory=list)


@dataclass
class ContactInfo:
    name: str
    title: str = ""
    department: str = ""
    role: str = ""
    mobile: str = ""
    phone: str = ""
    wechat: str = ""
    email: str = ""
    birthday: str = ""
    personality: str = ""
    preferences: str = ""
    needs: str = ""
    last_emotion: str = ""
    last_emotion_at: datetime | None = None
    advice: list[tuple[str, str]] = field(default_factory=list)  # (topic, advice), not observed
    is_primary: bool = False


@dataclass
class ScoreRow:
    name: str
    weight: float  # share, e.g. 0.15
    max_score: int
    description: str = ""
    score: float | None = None  # None: a blank form to fill in by hand
    previous: float | None = None
    comment: str = ""
    dimension: str = ""

    @property
    def weighted(self) -> float | None:
        """Contribution to the 100-point total (score / max × weight × 100)."""
        if self.score is None or not self.max_score:
            return None
        return self.score / self.max_score * self.weight * 100


@dataclass
class EvaluationSheet:
    customer: CustomerInfo
    template_name: str
    rows: list[ScoreRow]
    grade_thresholds: dict[str, float] = field(default_factory=dict)
    period_label: str = ""
    evaluated_on: date | None = None
    evaluator: str = ""
    total: float | None = None
    grade: str = ""
    value_class: str = ""
    value_class_label: str = ""
    strategy: str = ""
    notes: str = ""
    previous_period: str = ""
    previous_total: float | None = None
    previous_grade: str = ""
    previous_class_label: str = ""

    @property
    def blank(self) -> bool:
        return all(r.score is None for r in self.rows)


@dataclass
class VisitRecord:
    customer_id: int
    customer_name: str
    occurred_at: datetime
    kind: str
    contact: str = ""
    contact_title: str = ""
    owner: str = ""
    duration_minutes: int | None = None
    location: str = ""
    purpose: str = ""
    content: str = ""
    mood: str = ""
    needs_found: str = ""
    objections: str = ""
    reply_used: str = ""
    reply_worked: bool | None = None
    outcome: str = ""
    next_step: str = ""
    follow_up_on: datetime | None = None


@dataclass
class FollowUpInfo:
    title: str
    due_at: datetime
    kind: str = ""
    note: str = ""
    contact: str = ""
    overdue: bool = False


@dataclass
class ObjectionMet:
    occurred_at: datetime
    objection: str
    reply: str = ""
    worked: bool | None = None
    suggested: list[str] = field(default_factory=list)  # replies from the script library


@dataclass
class Brief:
    customer: CustomerInfo
    contacts: list[ContactInfo]
    follow_ups: list[FollowUpInfo]
    objections: list[ObjectionMet]
    strategy: str = ""
    last_visit: VisitRecord | None = None


@dataclass
class TradeLine:
    occurred_on: date
    kind: str
    amount_fen: int
    product: str = ""
    reference: str = ""
    due_on: date | None = None


@dataclass
class ArchiveCard:
    customer: CustomerInfo
    contacts: list[ContactInfo]
    recent: list[VisitRecord]
    trades: list[TradeLine]
