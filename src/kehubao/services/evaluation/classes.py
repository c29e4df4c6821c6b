"""The four classes by sales volume × loyalty — the one owner of the class rule.

Volume is the customer's net sales over the last 12 months (from transactions); loyalty
is the weighted share of the loyalty indicators (``Indicator.dimension == "loyalty"``) in
the customer's latest evaluation. A customer at or above the volume threshold is "high
volume"; at or above the loyalty threshold "loyal" (exactly on a threshold counts as the
higher side). Without an evaluation there is no loyalty to judge, so no class.

    low volume,  not loyal → 1 无价值   (reduce contact, replace, drop)
    high volume, not loyal → 2 高危     (watch 窜货, dumping, overdue; tighten terms)
    low volume,  loyal     → 3 明日之星 (support and train)
    high volume, loyal     → 4 最宝贵   (invest, reward, keep)

Names are ``ValueClass``'s labels, strategies and colours live in ``services/advice.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ...errors import ValidationError
from ...models import Customer, Evaluation, Indicator, Score, SearchDoc, Setting
from ...models.enums import ValueClass
from ..advice import CLASS_COLOURS, CLASS_STRATEGY
from ..tracking import note_indexed
from .reads import raw_rows
from .transactions import twelve_months, volume_by_customer

THRESHOLDS_SETTING = "value_class_thresholds"
Progress = Callable[[float], None]


@dataclass(frozen=True)
class ClassThresholds:
    volume_fen: int = 20_000_000  # 20 万元 of net sales in 12 months
    loyalty_pct: float = 60.0  # weighted share of the loyalty indicators' scores


def load_thresholds(session: Session) -> ClassThresholds:
    stored = session.get(Setting, THRESHOLDS_SETTING)
    if stored is None or not isinstance(stored.value, dict):
        return ClassThresholds()
    return ClassThresholds(int(stored.value.get("volume_fen", ClassThresholds.volume_fen)),
                           float(stored.value.get("loyalty_pct", ClassThresholds.loyalty_pct)))


def save_thresholds(session: Session, thresholds: ClassThresholds) -> None:
    """Store new thresholds; the caller reclassifies (``reclassify_all``) in the same unit."""
    if thresholds.volume_fen < 0:
        raise ValidationError("销量分界线不能为负数")
    if not 0 <= thresholds.loyalty_pct <= 100:
        raise ValidationError("忠诚度分界线须在 0 到 100 之间")
    stored = session.get(Setting, THRESHOLDS_SETTING)
    if stored is None:
        session.add(Setting(key=THRESHOLDS_SETTING, value=asdict(thresholds)))
    else:
        stored.value = asdict(thresholds)


def classify(volume_fen: int | None, loyalty: float | None,
             thresholds: ClassThresholds | None = None) -> str | None:
    """The class code ("1"…"4") of a volume and a loyalty share in percent; None when the
    loyalty is unknown (no evaluation with loyalty indicators)."""
    if loyalty is None:
        return None
    t = thresholds or ClassThresholds()
    high = (volume_fen or 0) >= t.volume_fen
    loyal = round(loyalty, 2) >= t.loyalty_pct
    if high:
        return ValueClass.PRECIOUS.value if loyal else ValueClass.DANGEROUS.value
    return ValueClass.RISING_STAR.value if loyal else ValueClass.NO_VALUE.value


@dataclass(frozen=True)
class ClassInfo:
    code: str
    name: str
    colour: str
    strategy: str
    high_volume: bool
    loyal: bool


def class_info(code: str | None) -> ClassInfo | None:
    """Name, colour and recommended strategy of a class code (None for no class)."""
    if code not in CLASS_STRATEGY:
        return None
    return ClassInfo(code, ValueClass.label_of(code), CLASS_COLOURS[code], CLASS_STRATEGY[code],
                     code in ("2", "4"), code in ("3", "4"))


def all_classes() -> list[ClassInfo]:
    return [info for c in ValueClass if (info := class_info(c.value)) is not None]


def customer_volume_fen(session: Session, customer_id: int, today: date | None = None) -> int:
    from .transactions import sales_volume

    start, end = twelve_months(today or date.today())
    return sales_volume(session, customer_id, start, end)


def latest_loyalty(ids: list[int] | None = None):  # type: ignore[no-untyped-def]
    """SQL subquery (customer_id, loyalty_pct) from each customer's latest live evaluation
    (of every customer, or of ``ids``)."""
    ranked = (select(Evaluation.id.label("id"), Evaluation.customer_id.label("customer_id"),
                     func.row_number().over(partition_by=Evaluation.customer_id,
                                            order_by=[Evaluation.evaluated_on.desc(),
                                                      Evaluation.id.desc()]).label("rn"))
              .where(Evaluation.deleted_at.is_(None)))
    if ids is not None:
        ranked = ranked.where(Evaluation.customer_id.in_(ids))
    ranked = ranked.subquery("ranked")
    share = func.sum(Indicator.weight * Score.value / Indicator.max_score) / func.sum(Indicator.weight)
    return (select(ranked.c.customer_id.label("customer_id"), (share * 100).label("loyalty_pct"))
            .join(Score, Score.evaluation_id == ranked.c.id)
            .join(Indicator, Indicator.id == Score.indicator_id)
            .where(ranked.c.rn == 1, Indicator.dimension == "loyalty")
            .group_by(ranked.c.customer_id).subquery("loyalty"))


def class_map(session: Session) -> dict[int, str | None]:
    """Every live customer's class, read from the covering index."""
    return dict(raw_rows(session, select(Customer.id, Customer.value_class)
                         .where(Customer.deleted_at.is_(None))))


def class_inputs(session: Session, today: date | None = None,
                 ids: list[int] | None = None) -> list[tuple]:  # type: ignore[type-arg]
    """Rows (id, current class, volume_fen, loyalty_pct) of every live customer (or of
    ``ids``): three set-based reads merged in memory (classes from a covering index)."""
    start, end = twelve_months(today or date.today())
    volume = volume_by_customer(start, end, ids)
    volumes = dict(raw_rows(session, select(volume.c.customer_id, volume.c.volume_fen)))
    loyalty = latest_loyalty(ids)
    loyal = dict(raw_rows(session, select(loyalty.c.customer_id, loyalty.c.loyalty_pct)))
    if ids is None:
        current = class_map(session)
    else:
        current = dict(session.execute(select(Customer.id, Customer.value_class).where(
            Customer.id.in_(ids), Customer.deleted_at.is_(None))).all())
    return [(cid, cls, int(volumes.get(cid) or 0), loyal.get(cid)) for cid, cls in current.items()]


@dataclass
class ReclassifySummary:
    customers: int
    changed: int
    counts: dict[str, int]  # class code ("" = none) → customers

    def to_json(self) -> dict:
        return {"customers": self.customers, "changed": self.changed,
                "counts": {code or "none": n for code, n in sorted(self.counts.items())}}


def reclassify_customers(session: Session, ids: list[int], today: date | None = None) -> ReclassifySummary:
    """The class rule applied to a few customers (after their transactions changed)."""
    summary = ReclassifySummary(0, 0, {})
    for start in range(0, len(ids), 900):
        part = reclassify_all(session, today=today, ids=list(ids[start:start + 900]))
        summary.customers += part.customers
        summary.changed += part.changed
        for code, n in part.counts.items():
            summary.counts[code] = summary.counts.get(code, 0) + n
    return summary


def reclassify_all(session: Session, progress: Progress | None = None,
                   today: date | None = None, ids: list[int] | None = None) -> ReclassifySummary:
    """Apply the class rule to every customer, set-based: one read of the inputs, then one
    UPDATE per (new class, 900 ids) for the customers whose class changed.

    Derived data, so not journaled. The search documents' ranks include the class, so they
    are shifted in place rather than rebuilt (a rebuild of 200,000 documents takes long)."""
    report = progress or (lambda _f: None)
    thresholds = load_thresholds(session)
    counts: dict[str, int] = {}
    moves: dict[tuple[str | None, str | None], list[int]] = {}
    total = 0
    for cid, current, volume, loyalty in class_inputs(session, today, ids):
        total += 1
        new = classify(volume, loyalty, thresholds)
        counts[new or ""] = counts.get(new or "", 0) + 1
        if new != current:
            moves.setdefault((current, new), []).append(cid)
    report(0.4)
    changed = sum(len(ids) for ids in moves.values())
    done = 0
    for (old, new), ids in moves.items():
        shift = _rank_points(new) - _rank_points(old)
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            session.execute(update(Customer).where(Customer.id.in_(chunk))
                            .values(value_class=new).execution_options(synchronize_session=False))
            if shift:
                session.execute(update(SearchDoc)
                                # kind || '': look up by customer_id, not by the
                                # (kind, rank) index, which would walk every document
                                .where(SearchDoc.customer_id.in_(chunk),
                                       (SearchDoc.kind + "").in_(("customer", "contact")))
                                .values(rank=SearchDoc.rank + shift)
                                .execution_options(synchronize_session=False))
            done += len(chunk)
            report(0.4 + 0.6 * done / max(changed, 1))
        note_indexed(session, "customer", ids)
    report(1.0)
    return ReclassifySummary(total, changed, counts)


def _rank_points(code: str | None) -> int:
    from ..search.documents import _CLASS_POINTS, DAYS_PER_POINT

    return DAYS_PER_POINT * _CLASS_POINTS.get(code or "", 10)
