"""Shared helpers for the benchmark scripts: a reusable 200,000-customer demo database,
timing, peak memory, and JSON output. Benchmarks print figures; they do not assert,
because shared machines are noisy (targets are checked by reading the figures)."""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "out"
DEFAULT_DEMO = OUT / "demo-200k.db"


def parser(description: str) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--db", type=Path, default=DEFAULT_DEMO,
                   help="demo database to use (built with 200,000 customers if missing)")
    p.add_argument("--customers", type=int, default=200_000)
    return p


def demo_database(path: Path, customers: int) -> Path:
    """The shared demo database, generated once (about a minute) and reused."""
    if not path.exists():
        import kehubao.services  # noqa: F401
        from kehubao.db import open_database
        from kehubao.services.demo import generate_demo

        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"building {customers:,}-customer demo database at {path}…", file=sys.stderr)
        db = open_database(str(path))
        generate_demo(db, customers=customers, seed=1)
        db.dispose()
    return path


def remove_database(path: Path) -> None:
    """A SQLite database file and its WAL companions, if they exist."""
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024, 1)


def current_rss_mb() -> float | None:
    try:
        with open(f"/proc/{os.getpid()}/statm") as fh:
            pages = int(fh.read().split()[1])
        return round(pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024, 1)
    except OSError:
        return None


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    def pick(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]
    return {"p50_ms": round(statistics.median(ordered), 2), "p95_ms": round(pick(0.95), 2),
            "max_ms": round(ordered[-1], 2), "n": len(ordered)}


class Timer:
    def __enter__(self) -> "Timer":
        self.start = time.perf_counter()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.seconds = time.perf_counter() - self.start


def emit(data: dict) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))
