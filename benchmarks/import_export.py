"""Import and export speed for a 100,000-row contact list.

    python benchmarks/import_export.py [--rows 100000]

A realistic list (companies, contacts, mobiles written in several ways, landlines,
e-mails, tags, notes, about 3% duplicate people) is written as CSV and XLSX, imported
into an empty database with duplicate detection, and exported again as CSV, XLSX and
vCard. The raw baseline is sqlite3's executemany of the same rows into one plain table.
Target (issue 4): 100k CSV rows in ≤ 3 s.

The in-app figure is the import dialog's path (the preview prepares the rows once; the
import reuses them). The SQLite floor is the same rows copied by SQLite alone into an empty
database of the same schema: the least any import into this schema can take.

Duplicate detection matters most against a full database, so the same list (its first
20,000 rows) is also checked — read, prepared and matched, as the preview does — against
the shared 200,000-customer demo database (`--db`, built if missing).
"""

from __future__ import annotations

import csv
import random
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (  # noqa: E402
    DEFAULT_DEMO,
    OUT,
    Timer,
    demo_database,
    emit,
    peak_rss_mb,
    remove_database,
)

HEADERS = ["客户名称", "联系人", "职务", "手机", "电话", "邮箱", "地址", "标签", "备注"]


def make_rows(count: int, seed: int = 3) -> list[list[str]]:
    from kehubao.services.demo import vocab as v

    rng = random.Random(seed)
    rows: list[list[str]] = []
    surnames = v.COMMON_SURNAMES
    while len(rows) < count:
        _region, _province, city, area, _home = rng.choice(v.PLACES)
        company = f"{city}{rng.choice(v.BRAND_CHARS)}{rng.choice(v.BRAND_CHARS)}" \
                  f"{rng.choice(rng.choice(list(v.INDUSTRIES.values())))}{rng.choice(v.SUFFIXES)}"
        for _ in range(rng.choice((1, 1, 1, 2))):
            person = rng.choice(surnames) + rng.choice(v.MALE_GIVEN + v.FEMALE_GIVEN) + \
                (rng.choice(v.FEMALE_GIVEN) if rng.random() < 0.6 else "")
            mobile = f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"
            written = rng.choice((mobile, f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}",
                                  f"+86-{mobile}", f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}"))
            landline = f"{area}-{rng.randrange(20_000_000, 89_999_999)}" if rng.random() < 0.4 else ""
            email = f"{rng.choice('abcdefghjkmnpqrstwxyz')}{rng.randrange(10**6)}@{rng.choice(('163.com', 'qq.com', 'sina.com'))}" \
                if rng.random() < 0.5 else ""
            rows.append([company, person, rng.choice(v.TITLES)[0], written, landline, email,
                         f"{city}{rng.choice(v.STREETS)}{rng.randint(1, 999)}号",
                         rng.choice(("", "", "重点客户", "展会客户，老客户")),
                         rng.choice(v.NEEDS) if rng.random() < 0.3 else ""])
    rows = rows[:count]
    for i in rng.sample(range(1000, count), count // 33):  # about 3% repeat an earlier person
        rows[i] = list(rows[rng.randrange(0, i)])
    return rows


def write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        writer.writerows(rows)


def write_xlsx(path: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("客户")
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    book.save(path)


def import_into_new_database(path: Path, name: str) -> dict:
    import kehubao.services  # noqa: F401
    from kehubao.db import open_database
    from kehubao.exchange.importer import ImportOptions, run_import
    from kehubao.exchange.records import read_source

    db_path = OUT / f"import-{name}.db"
    remove_database(db_path)
    db = open_database(str(db_path))
    with Timer() as total:
        with Timer() as read:
            source = read_source(path)
        with db.session() as session:
            summary = run_import(session, source, ImportOptions(on_duplicate="skip"))
    db.dispose()
    return {"seconds": round(total.seconds, 2), "read_seconds": round(read.seconds, 2),
            "rows_per_second": round(len(source.rows) / total.seconds),
            "created_customers": summary.created, "contacts": summary.contacts_added,
            "skipped_duplicates": summary.skipped, "database": db_path}


def import_in_app(path: Path) -> dict:
    """As the import dialog does it: reading the file prepares its rows, the preview plans
    them, and pressing 导入 plans them again against the database and writes."""
    import kehubao.services  # noqa: F401
    from kehubao.db import open_database
    from kehubao.exchange.importer import ImportOptions, PreparedFile, plan, run_import
    from kehubao.exchange.records import load_file

    db_path = OUT / "import-app.db"
    remove_database(db_path)
    db = open_database(str(db_path))
    options = ImportOptions(on_duplicate="skip")
    with Timer() as preview:
        loaded = load_file(path)
        prepared = PreparedFile.of(loaded)
        with db.session(write=False) as session:
            plan(session, prepared.source, options, prepared=prepared.rows)
    with Timer() as write:
        with db.session() as session:
            run_import(session, prepared.source, options, prepared=prepared.rows)
    db.dispose()
    remove_database(db_path)
    return {"preview_seconds": round(preview.seconds, 2),
            "import_after_preview_seconds": round(write.seconds, 2)}


def sqlite_floor(imported: Path) -> float:
    """SQLite alone storing what the import stored: the same rows copied into an empty
    database of the same schema (every index, the full-text index), one transaction.
    No Python work at all: what any import design on this schema pays at least."""
    import kehubao.services  # noqa: F401
    from kehubao.db import open_database
    from kehubao.services.search.fts_sqlite import fts_row, fts_table

    path = OUT / "import-floor.db"
    remove_database(path)
    open_database(str(path)).dispose()  # the schema, empty
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA cache_size=-32000")
    conn.execute("ATTACH ? AS imported", (str(imported),))
    ftsrows = {kind: [fts_row(*r) for r in conn.execute(
        "SELECT id, names, keys, body FROM imported.search_doc WHERE kind = ?", (kind,))]
        for kind in ("customer", "contact")}
    with Timer() as t:
        conn.execute("BEGIN")
        for table in ("sales_rep", "tag", "customer", "contact", "customer_tag", "search_doc"):
            # WHERE 1: no bulk page transfer (SQLite's xfer optimisation), which no
            # import can use; rows and index entries go in one by one, as an import's do.
            conn.execute(f"INSERT INTO main.{table} SELECT * FROM imported.{table} WHERE 1")
        for kind, rows in ftsrows.items():
            conn.executemany(f"INSERT INTO {fts_table(kind)}(rowid, names, keys, body) "
                             "VALUES (?, ?, ?, ?)", rows)
        conn.execute("COMMIT")
    conn.close()
    remove_database(path)
    return t.seconds


def raw_baseline(rows: list[list[str]]) -> float:
    path = OUT / "import-raw.db"
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("CREATE TABLE row (company TEXT, person TEXT, title TEXT, mobile TEXT, phone TEXT,"
                 " email TEXT, address TEXT, tags TEXT, notes TEXT)")
    with Timer() as t:
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO row VALUES (?,?,?,?,?,?,?,?,?)", rows)
        conn.execute("COMMIT")
    conn.close()
    path.unlink()
    return t.seconds


def check_against_big_database(rows: list[list[str]], db_path: Path, customers: int) -> dict:
    """A dry run (nothing written): what the import preview costs on a full database."""
    import kehubao.services  # noqa: F401
    from kehubao.db import open_database
    from kehubao.exchange.importer import ImportOptions, run_import
    from kehubao.exchange.records import read_source

    path = OUT / "import-20k.csv"
    write_csv(path, rows[:20_000])
    db = open_database(str(demo_database(db_path, customers)))
    with Timer() as t:
        source = read_source(path)
        with db.session(write=False) as session:
            summary = run_import(session, source, ImportOptions(dry_run=True))
    db.dispose()
    path.unlink()
    return {"rows": len(source.rows), "seconds": round(t.seconds, 2),
            "rows_per_second": round(len(source.rows) / t.seconds),
            "would_create": summary.created, "duplicates": summary.skipped}


def export_all(db_path: Path) -> dict:
    import kehubao.services  # noqa: F401
    from kehubao.db import open_database
    from kehubao.exchange.exporter import export

    db = open_database(str(db_path))
    figures = {}
    for fmt in ("csv", "xlsx", "vcf"):
        target = OUT / f"export.{fmt}"
        with Timer() as t:
            with db.session(write=False) as session:
                summary = export(session, target, fmt)
        figures[fmt] = {"seconds": round(t.seconds, 2), "rows": summary.rows,
                        "rows_per_second": round(summary.rows / t.seconds),
                        "mb": round(target.stat().st_size / 1e6, 1)}
        target.unlink()
    db.dispose()
    return figures


def main() -> None:
    import argparse

    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--db", type=Path, default=DEFAULT_DEMO, help="the 200k demo database")
    p.add_argument("--customers", type=int, default=200_000)
    args = p.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    rows = make_rows(args.rows)
    csv_path, xlsx_path = OUT / "import.csv", OUT / "import.xlsx"
    write_csv(csv_path, rows)
    write_xlsx(xlsx_path, rows)
    raw = raw_baseline(rows)
    csv_result = import_into_new_database(csv_path, "csv")
    xlsx_result = import_into_new_database(xlsx_path, "xlsx")
    in_app = import_in_app(csv_path)
    floor = sqlite_floor(csv_result["database"])
    exports = export_all(csv_result.pop("database"))
    xlsx_result.pop("database")
    against_big = check_against_big_database(rows, args.db, args.customers)
    emit({
        "benchmark": "import_export",
        "rows": args.rows,
        "raw_sqlite_executemany_seconds": round(raw, 3),
        "import_csv": {**csv_result, "ratio_to_raw": round(csv_result["seconds"] / raw, 1)},
        "import_xlsx": {**xlsx_result, "ratio_to_raw": round(xlsx_result["seconds"] / raw, 1)},
        "import_csv_in_app": in_app,
        "sqlite_floor_seconds": round(floor, 2),
        "export": exports,
        "dry_run_20k_against_200k_customers": against_big,
        "peak_rss_mb": peak_rss_mb(),
        "targets": {"import_csv_seconds": 3},
    })


if __name__ == "__main__":
    main()
