"""Realistic, deterministic Chinese demo data, fast enough for 200,000 customers.

Same seed and same day → same database. Rows are built as plain tuples and bulk-inserted
with explicit ids, customer by customer, so children can refer to parents without
reading anything back; search documents are made by the same builders a reindex uses.
For large runs: the rows are built in a second process while this one inserts them, the
secondary indexes of the big tables are dropped first and rebuilt at the end (building
an index from sorted data is several times faster than growing it row by row), and the
load skips the WAL. All of it is one transaction, so a failure leaves the database as
it was.
"""

from __future__ import annotations

import multiprocessing
import queue
import random
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import closing, nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select

from ...bulk import bulk_insert, fewer_collections, indexes_suspended, start_worker
from ...db import Database
from ...models import (
    Contact,
    Customer,
    Evaluation,
    EvaluationTemplate,
    FollowUp,
    Interaction,
    RiskEvent,
    SalesRep,
    Score,
    SearchDoc,
    SupportAction,
    Tag,
    Transaction,
    customer_tag,
)
from ..figures import figures_as_of
from ..search.documents import DOC_COLUMNS
from ..search.fts_sqlite import backend_for
from ..search.index import mark_fresh
from ..starter import ensure_starter_data
from ..tracking import note_changed
from .columns import CHILD_TABLES, Batch
from .rows import RowFactory
from .vocab import SALES_REPS, TAGS

Progress = Callable[[str, float], None]

CHUNK = 5_000
BULK_TABLES = [Customer.__table__, customer_tag, SearchDoc.__table__, *CHILD_TABLES]
BULK_THRESHOLD = 20_000  # below this, neither a second process nor dropping indexes pays


@dataclass
class DemoSummary:
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


@fewer_collections()
def generate_demo(
    db: Database,
    customers: int = 2_000,
    seed: int = 1,
    *,
    today: date | None = None,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Add `customers` demo customers with their contacts and history to the database.

    For large runs the rows and search documents are built in a separate process while
    this one inserts and indexes them, so the two halves of the work run on two cores
    (threads would not: the GIL would serialise them).

    Nothing that has happened is dated after the moment of generation: `now` (default:
    the clock, on `today` if given) is that moment; planned follow-ups may lie beyond."""
    if customers < 0:
        raise ValueError("customers must be ≥ 0")
    started = time.perf_counter()
    report = progress or (lambda _stage, _fraction: None)
    if now is None:
        now = datetime.combine(today or date.today(), datetime.now().time())
    now = now.replace(microsecond=0)
    with db.session() as session:  # reference data first, in its own small transaction
        ensure_starter_data(session)
        rep_ids = _ensure_reps(session)
        tags = _ensure_tags(session)
        template = session.scalars(
            select(EvaluationTemplate).order_by(EvaluationTemplate.id).limit(1)
        ).one()
        indicators = [(i.id, i.weight, i.max_score, i.dimension) for i in template.indicators]
    summary = DemoSummary()
    big = customers >= BULK_THRESHOLD
    with (db.bulk_load() if big else nullcontext()), db.session() as session:
        params = dict(
            seed=seed, now=now, rep_ids=rep_ids, tags=tags, template_id=template.id,
            indicators=indicators,
            next_ids={
                model.__tablename__: (session.scalar(select(func.max(model.id))) or 0) + 1
                for model in (Customer, Contact, Interaction, FollowUp, Transaction,
                              Evaluation, Score, SupportAction, RiskEvent, SearchDoc)
            },
        )
        figures_as_of(session, now.date())  # the figures refresh at commit sees the same day
        conn = session.connection()
        backend = backend_for(session)
        batches = _batches_elsewhere(params, customers) if big else _batches_here(params, customers)
        # closing(): on Ctrl-C or an error the producer process is stopped right away,
        # not whenever the garbage collector gets to the generator.
        with closing(batches), indexes_suspended(conn, BULK_TABLES if big else ()):
            done = 0
            for batch in batches:
                for table, columns, rows in batch.tables():
                    summary.counts[table.name] = summary.counts.get(table.name, 0) + bulk_insert(
                        conn, table, columns, rows)
                for kind, docs in batch.docs.items():
                    bulk_insert(conn, SearchDoc.__table__, ["id", *DOC_COLUMNS], docs)
                    backend.add(conn, kind, [(d[0], d[8], d[9], d[10]) for d in docs])
                done += batch.customer_count
                report("customers", done / max(customers, 1))
            report("indexes", 0.0)
        for entity in ("customer", "contact", "interaction", "follow_up", "trade_transaction",
                       "evaluation"):
            note_changed(session, entity)
        mark_fresh(session)
    summary.seconds = time.perf_counter() - started
    return summary


def _factory(params: dict) -> RowFactory:
    tags = params["tags"]
    return RowFactory(
        rng=random.Random(params["seed"]), now=params["now"], rep_ids=params["rep_ids"],
        tag_ids=list(tags), tag_names=tags, template_id=params["template_id"],
        indicators=params["indicators"], next_ids=params["next_ids"],
    )


def _batches_here(params: dict, customers: int) -> Iterator[Batch]:
    factory = _factory(params)
    left = customers
    while left > 0:
        size = min(CHUNK, left)
        yield factory.build(size)
        left -= size


def _produce(params: dict, customers: int, out: multiprocessing.Queue) -> None:
    """Body of the producer process: build batches and hand them over, then None."""
    start_worker()
    try:
        for batch in _batches_here(params, customers):
            out.put(batch)
        out.put(None)
    except BaseException:  # reported by the consumer
        out.put(traceback.format_exc())


def _batches_elsewhere(params: dict, customers: int) -> Iterator[Batch]:
    context = multiprocessing.get_context("spawn")  # the same on Windows and Linux
    out = context.Queue(maxsize=3)
    worker = context.Process(target=_produce, args=(params, customers, out), daemon=True,
                             name="kehubao-demo")
    worker.start()
    try:
        while True:
            try:
                item = out.get(timeout=1)
            except queue.Empty:
                if not worker.is_alive():
                    raise RuntimeError("demo data producer exited unexpectedly") from None
                continue
            if item is None:
                break
            if isinstance(item, str):
                raise RuntimeError(f"demo data producer failed:\n{item}")
            yield item
        worker.join(10)
    finally:
        if worker.is_alive():
            worker.terminate()
            worker.join(5)


def _ensure_reps(session) -> list[int]:  # type: ignore[no-untyped-def]
    have = _ensure_named(session, SalesRep, SALES_REPS)
    return [have[n] for n in SALES_REPS]


def _ensure_tags(session) -> dict[int, str]:  # type: ignore[no-untyped-def]
    have = _ensure_named(session, Tag, TAGS)
    return {have[n]: n for n in TAGS}


def _ensure_named(session, model, names: list[str]) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Ids of the rows called ``names``, adding those the database does not have yet."""
    have = {row.name: row.id for row in session.scalars(select(model))}
    for name in names:
        if name not in have:
            row = model(name=name)
            session.add(row)
            session.flush()
            have[name] = row.id
    return have
