"""Customer evaluation and classification (issue #14): templates, weighted scores and
grades, transactions and receivables, the four classes, value, risk, dealer support and
the portfolio. Each concern is a module of its own; the names other code calls are
re-exported here."""

from .classes import (
    ClassThresholds,
    class_info,
    classify,
    load_thresholds,
    reclassify_all,
    save_thresholds,
)
from .portfolio import portfolio
from .risk import record_risk, risk_flags, risk_list
from .scoring import (
    ScoreInput,
    change_since_last,
    evaluate,
    evaluation_sheet,
    grade_for,
    history,
    sheet,
    weighted_score,
)
from .support import record_support, totals_per_class
from .transactions import receivables, record_transaction
from .value import customer_value

__all__ = [
    "ClassThresholds", "ScoreInput", "change_since_last", "class_info", "classify",
    "customer_value", "evaluate", "evaluation_sheet", "grade_for", "history", "load_thresholds", "portfolio",
    "receivables", "reclassify_all", "record_risk", "record_support", "record_transaction",
    "risk_flags", "risk_list", "save_thresholds", "sheet", "totals_per_class", "weighted_score",
]
