"""PDF reports: evaluation sheets in a batch, and one sheet from a cold process.

    python benchmarks/reports.py [--db PATH] [--count 1000]

The database is copied first (opening one migrates it). "batch" renders `count`
evaluation sheets of evaluated customers into a temporary folder through the same
`render_batch` the UI and CLI use (data gathering included); "cold" starts a fresh
Python process that imports the package, registers the fonts, opens the database and
writes one sheet, timed from outside.

Targets (issue 15): ≤ 50 ms per sheet in a batch of 1,000; ≤ 1.5 s for one sheet from a
cold process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, Timer, demo_database, emit, ms, parser, peak_rss_mb, remove_database  # noqa: E402

COLD = """
import time, sys
t0 = time.perf_counter()
import kehubao.services
from kehubao.db import open_database
from kehubao.reports import render_customer_report
db = open_database(sys.argv[1])
with db.session(write=False) as s:
    render_customer_report(s, "evaluation", int(sys.argv[2]), sys.argv[3])
print(time.perf_counter() - t0)
"""


def main() -> None:
    p = parser(__doc__)
    p.add_argument("--count", type=int, default=1000)
    args = p.parse_args()
    source = demo_database(args.db, args.customers)
    work = Path(tempfile.mkdtemp(prefix="reports-bench-"))
    copy = work / "bench.db"
    shutil.copyfile(source, copy)
    try:
        from sqlalchemy import select

        import kehubao.services  # noqa: F401
        from kehubao.db import open_database
        from kehubao.models import Evaluation

        db = open_database(str(copy))
        with db.session(write=False) as s:
            ids = list(s.scalars(select(Evaluation.customer_id).distinct()
                                 .order_by(Evaluation.customer_id).limit(args.count)))
        ids += [] if len(ids) >= args.count else list(range(1, args.count - len(ids) + 1))
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        with Timer() as cold_wall:  # a whole process: interpreter, imports, fonts, query
            out = subprocess.run([sys.executable, "-c", COLD, str(copy), str(ids[0]),
                                  str(work / "cold.pdf")], env=env, capture_output=True,
                                 text=True, check=True)
        cold_inside = float(out.stdout.strip())

        from kehubao.reports import render_batch

        with db.session(write=False) as s, Timer() as batch:
            files = render_batch(s, "evaluation", ids, work / "batch")
        sizes = [f.stat().st_size for f in files]
        db.dispose()
        emit({
            "benchmark": "reports",
            "database": str(source),
            "batch": {"sheets": len(files), "total_s": round(batch.seconds, 2),
                      "ms_per_sheet": ms(batch.seconds / max(len(files), 1)),
                      "target_ms_per_sheet": 50,
                      "mean_kb": round(sum(sizes) / max(len(sizes), 1) / 1024, 1)},
            "cold_single_sheet": {"process_s": round(cold_wall.seconds, 3),
                                  "inside_process_s": round(cold_inside, 3),
                                  "target_s": 1.5},
            "peak_rss_mb": peak_rss_mb(),
        })
    finally:
        remove_database(copy)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
