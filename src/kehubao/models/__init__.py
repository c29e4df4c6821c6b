"""SQLAlchemy models of the whole domain. No Qt here: everything can run headless."""

from .activity import FollowUp, Interaction
from .base import Base, utcnow
from .commerce import RiskEvent, SupportAction, Transaction
from .contact import Contact
from .customer import Customer, SalesRep, Tag, customer_tag
from .evaluation import Evaluation, EvaluationTemplate, Indicator, Score
from .script import ObjectionCategory, ObjectionScript, ScriptReply
from .system import ChangeRecord, Operation, SearchDoc, Setting

__all__ = [
    "Base",
    "ChangeRecord",
    "Contact",
    "Customer",
    "Evaluation",
    "EvaluationTemplate",
    "FollowUp",
    "Indicator",
    "Interaction",
    "ObjectionCategory",
    "ObjectionScript",
    "Operation",
    "RiskEvent",
    "SalesRep",
    "Score",
    "ScriptReply",
    "SearchDoc",
    "Setting",
    "SupportAction",
    "Tag",
    "Transaction",
    "customer_tag",
    "utcnow",
]

# Entities counted by `kehubao info`, with the label shown to the user.
COUNTED_ENTITIES: dict[str, type[Base]] = {
    "customer": Customer,
    "contact": Contact,
    "interaction": Interaction,
    "follow_up": FollowUp,
    "transaction": Transaction,
    "evaluation": Evaluation,
    "objection_script": ObjectionScript,
    "support_action": SupportAction,
    "risk_event": RiskEvent,
    "tag": Tag,
    "sales_rep": SalesRep,
}
