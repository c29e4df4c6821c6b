"""Customer evaluation and classification (issue #14): templates, weighted scores and
grades, transactions and receivables, the four classes, value, risk, dealer support and
the portfolio. Each concern is a module of its own; the names other code calls are
re-exported here.

Names load with their module on first use (kehubao/lazy.py).
"""

from ...lazy import lazy_exports

_EXPORTS = {
    "ClassThresholds": "classes",
    "class_info": "classes",
    "classify": "classes",
    "load_thresholds": "classes",
    "reclassify_all": "classes",
    "save_thresholds": "classes",
    "portfolio": "portfolio",
    "record_risk": "risk",
    "risk_flags": "risk",
    "risk_list": "risk",
    "ScoreInput": "scoring",
    "change_since_last": "scoring",
    "evaluate": "scoring",
    "evaluation_sheet": "scoring",
    "grade_for": "scoring",
    "history": "scoring",
    "sheet": "scoring",
    "weighted_score": "scoring",
    "record_support": "support",
    "totals_per_class": "support",
    "receivables": "transactions",
    "record_transaction": "transactions",
    "restore_transactions": "transactions",
    "customer_value": "value",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS, globals())
