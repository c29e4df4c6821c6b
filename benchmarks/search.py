"""Search latency on the 200,000-customer demo database, per query kind, and the cost of
building the index.

    python benchmarks/search.py [--db PATH] [--repeat 5]

Target (issue 5): p95 ≤ 30 ms for every query kind, one- and two-character queries
included. The query set is drawn from the database itself (real names, numbers, notes)
so every kind is exercised on data that exists, plus queries that match nothing.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import OUT, Timer, demo_database, emit, parser, percentiles  # noqa: E402


def query_set(session, rng: random.Random) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from kehubao.models import Contact, Customer, Interaction
    from kehubao.pinyin_keys import name_keys

    companies = [r[0] for r in session.execute(select(Customer.name).where(Customer.kind == "company").limit(20000))]
    people = [r[0] for r in session.execute(select(Contact.name).limit(20000))]
    mobiles = [r[0] for r in session.execute(select(Contact.mobile).where(Contact.mobile.is_not(None)).limit(20000))]
    emails = [r[0] for r in session.execute(select(Customer.email).where(Customer.email.is_not(None)).limit(5000))]
    notes = [r[0] for r in session.execute(select(Interaction.content).limit(2000))]
    pick = lambda seq, n: [rng.choice(seq) for _ in range(n)]  # noqa: E731
    cjk_one = [name[0] for name in pick(people, 10)] + [c[rng.randrange(len(c))] for c in pick(companies, 10)]
    cjk_two = [name[:2] for name in pick(people, 10)] + [c[2:4] for c in pick(companies, 10)]
    return {
        "chinese_1_char": cjk_one,
        "chinese_2_chars": cjk_two,
        "chinese_name_full": pick(people, 10) + pick(companies, 10),
        "pinyin_full": [name_keys(n, person=True).variants[0] for n in pick(people, 20)],
        "pinyin_spaced": [" ".join(name_keys(n, person=True).sort_key.split()) for n in pick(people, 10)],
        "pinyin_prefix": [name_keys(n, person=True).variants[0][: rng.randint(2, 5)] for n in pick(people, 10)]
        + ["w", "z", "l", "s"],
        "initials": [name_keys(n, person=True).initials[0] for n in pick(people, 20)],
        "mixed": [n[0] + name_keys(n, person=True).initials[0][1:] for n in pick(people, 20) if len(n) > 1],
        "phone_fragment": [m[-4:] for m in pick(mobiles, 10)] + [m[3:10] for m in pick(mobiles, 5)]
        + [m for m in pick(mobiles, 5)] + ["138", "+86 " + rng.choice(mobiles)],
        "email": [e.split("@")[0] for e in pick(emails, 10)] + pick(emails, 5),
        "tags": ["重点客户", "回款慢", "VIP", "价格敏感", "年底冲量"],
        "notes_words": [t[i : i + rng.randint(2, 4)] for t in pick(notes, 20) for i in [rng.randrange(10)]],
        "no_match": ["司公", "量子纠缠", "qqqqzz", "9999999999", "火星客户"],
        "special_characters": ['"', "*", "%", "_", "'", "NEAR", "OR", "a OR b", '"张', "{x}"],
    }


def main() -> None:
    args = parser(__doc__).parse_args()
    path = demo_database(args.db, args.customers)
    import kehubao.services  # noqa: F401
    from kehubao.db import open_database
    from kehubao.services.search import search

    db = open_database(str(path))
    rng = random.Random(42)
    results: dict[str, dict] = {}
    with db.session(write=False) as session:
        queries = query_set(session, rng)
        for qs in queries.values():  # warm the page cache once, as a running app would be
            for q in qs:
                search(session, q, limit=8)
        worst = []
        for kind, qs in queries.items():
            samples = []
            for _ in range(5):
                for q in qs:
                    with Timer() as t:
                        search(session, q, limit=8)
                    samples.append(t.seconds * 1000)
                    worst.append((t.seconds * 1000, kind, q))
            results[kind] = percentiles(samples)
    all_p95 = max(r["p95_ms"] for r in results.values())
    db.dispose()

    # Index build: on a copy, so the shared database stays as it is.
    copy = OUT / "search-rebuild.db"
    shutil.copyfile(path, copy)
    db = open_database(str(copy))
    from kehubao.services.maintenance import reindex

    with Timer() as build:
        counts = reindex(db)
    with db.engine.connect() as conn:
        size = conn.exec_driver_sql(
            "SELECT sum(pgsize) FROM dbstat WHERE name = 'search_doc' OR name LIKE 'search_fts_%' "
            "OR name LIKE 'ix_search_doc%' OR name LIKE 'sqlite_autoindex_search_doc%'").scalar()
    db.dispose()
    copy.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(copy) + suffix).unlink(missing_ok=True)
    emit({
        "benchmark": "search",
        "database": str(path),
        "query_kinds": results,
        "worst_p95_ms": all_p95,
        "target_p95_ms": 30,
        "slowest_queries": [{"ms": round(w[0], 2), "kind": w[1], "query": w[2]}
                            for w in sorted(worst, reverse=True)[:8]],
        "index_build_seconds": round(build.seconds, 2),
        "index_documents": counts,
        "index_size_mb": round((size or 0) / 1e6, 1),
    })


if __name__ == "__main__":
    main()
