"""Bulk delete, undo and restore on the 200,000-customer demo database.

    python benchmarks/bulk_delete.py --db /path/to/demo-200k.db [--sizes 1000,5000,20000]

Works on a copy of the database (the original is left alone). For each size: delete that
many live customers to the recycle bin (one unit of work, commit included, so the journal
and the search-index refresh are counted), undo that delete, delete them again and
restore them from the recycle bin. As a floor, what SQLite alone needs for the same
UPDATE of ``deleted_at`` on those rows (rolled back). Last, `figures.refresh_all` over
every customer, twice (the second pass has nothing to write).

Target (issue 11): deleting 20,000 customers in at most 3 s, undo and restore alike.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Timer, demo_database, emit, parser, remove_database  # noqa: E402


def sqlite_floor(path: Path, ids: list[int]) -> float:
    """Seconds SQLite needs for the bare UPDATE of the same rows (then rolled back)."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        with Timer() as t:
            conn.execute("CREATE TEMP TABLE floor_ids(id INTEGER PRIMARY KEY)")
            conn.executemany("INSERT INTO floor_ids VALUES (?)", [(i,) for i in ids])
            conn.execute("UPDATE customer SET deleted_at = CURRENT_TIMESTAMP "
                         "WHERE id IN (SELECT id FROM floor_ids)")
        conn.execute("ROLLBACK")
        return t.seconds
    finally:
        conn.close()


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--sizes", default="1000,5000,20000")
    p.add_argument("--work", type=Path, default=Path("/tmp/kehubao-bulk-delete.db"),
                   help="where to put the working copy (removed at the end)")
    args = p.parse_args()
    source = demo_database(args.db, args.customers)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    remove_database(args.work)
    shutil.copyfile(source, args.work)

    from sqlalchemy import select

    import kehubao.services  # noqa: F401  (session hooks)
    from kehubao.db import open_database
    from kehubao.models import Customer
    from kehubao.services.customers import delete_customers, restore_customers
    from kehubao.services.figures import refresh_all
    from kehubao.services.journal import last_undoable, undo
    from kehubao.services.search import search

    db = open_database(str(args.work))
    results = []
    try:
        with db.session(write=False) as session:
            live = list(session.scalars(
                select(Customer.id).where(Customer.deleted_at.is_(None)).order_by(Customer.id)))
        start = 0
        for size in sizes:
            # Spread over the whole id range, as a filtered selection would be.
            step = max(1, (len(live) - start) // size)
            ids = live[start::step][:size]
            start += 1
            floor = sqlite_floor(args.work, ids)
            with Timer() as deleted, db.session() as session:
                n_deleted = delete_customers(session, ids)
            with Timer() as undone, db.session() as session:
                op = last_undoable(session)
                assert op is not None
                undo(session, op.id)
            with db.session() as session:
                delete_customers(session, ids)
            with Timer() as restored, db.session() as session:
                n_restored = restore_customers(session, ids)
            with db.session(write=False) as session:
                still_live = session.scalar(
                    select(Customer.id).where(Customer.id == ids[0], Customer.deleted_at.is_(None)))
                name = session.get(Customer, ids[0]).name
                found = any(h.kind == "customer" and h.id == ids[0]
                            for h in search(session, name, limit=20).hits)
            results.append({
                "customers": size, "deleted": n_deleted, "restored": n_restored,
                "delete_s": round(deleted.seconds, 2), "undo_s": round(undone.seconds, 2),
                "restore_s": round(restored.seconds, 2),
                "sqlite_update_floor_s": round(floor, 3),
                "back_and_searchable": bool(still_live) and found,
            })
            print(results[-1], file=sys.stderr)
        # The cached figures of every customer recomputed (services/figures.py): the
        # first pass writes what differs, the second finds nothing to change.
        refresh = []
        for _ in range(2):
            with Timer() as t, db.session() as session:
                changed = len(refresh_all(session))
            refresh.append({"seconds": round(t.seconds, 2), "customers_changed": changed})
    finally:
        db.dispose()
        remove_database(args.work)
    emit({"benchmark": "bulk_delete", "database": str(source), "runs": results,
          "target_s": {"delete_20000": 3.0, "undo_20000": 3.0, "restore_20000": 3.0},
          "refresh_all_figures": refresh})


if __name__ == "__main__":
    main()
