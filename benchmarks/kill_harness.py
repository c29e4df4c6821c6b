"""Kill 客户宝 with SIGKILL at random moments and check that nothing is ever half done.

Runs imports, edits (a visit logged, every customer reclassified), bulk deletes, backups
and restores as separate processes, and kills each at a random moment of its run (its
uninterrupted duration is measured first, on a copy). After every kill:
- `kehubao check` must pass;
- the data must be exactly the state before the action or the state after it (the
  after-state comes from an uninterrupted run of the same action on a copy);
- nothing in the backups folder may pass for a backup without being a whole one.

Prints JSON with the counts. POSIX only (SIGKILL).

    python benchmarks/kill_harness.py --kills 200
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "KEHUBAO_LOG": "ERROR"}
ACTIONS = ("import", "log", "classify", "bulk-delete", "backup", "restore")
# The data compared: enough columns that a half-applied action shows (names, phones,
# states, classes, soft deletes), none that a run stamps with its own clock.
FINGERPRINT = {
    "customer": "id, name, status, value_class, grade, deleted_at IS NULL",
    "contact": "id, customer_id, name, mobile, deleted_at IS NULL",
    "interaction": "id, customer_id, subject, deleted_at IS NULL",
    "follow_up": "id, customer_id, status, title",
    "trade_transaction": "id, customer_id, amount_fen",
    "operation": "id, kind, undone_at IS NULL",
}
BULK_DELETE = """
import sys, kehubao.services
from sqlalchemy import text
from kehubao.db import open_database
from kehubao.services.customers import delete_customers
from kehubao.backups.policy import before_change
db = open_database(sys.argv[1])
before_change(db.path, "before-bulk-delete")
with db.session() as s:
    ids = [r[0] for r in s.execute(text(
        "SELECT id FROM customer WHERE deleted_at IS NULL ORDER BY id LIMIT 600"))]
    delete_customers(s, ids)
"""


def kehubao(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "kehubao", "--db", str(db), *args]


def command(action: str, db: Path, work: Path) -> list[str]:
    if action == "import":
        return kehubao(db, "import", str(work / "list.csv"), "--on-duplicate", "skip")
    if action == "log":
        return kehubao(db, "log", "1", "--kind", "电话", "--summary", "回访：确认报价", "--due",
                       "2030-01-02 10:00", "--next-step", "发样品")
    if action == "classify":
        return kehubao(db, "classify")
    if action == "bulk-delete":
        return [sys.executable, "-c", BULK_DELETE, str(db)]
    if action == "backup":
        return kehubao(db, "backup")
    if action == "restore":
        return kehubao(db, "restore", str(work / "restore-source.zip"))
    raise ValueError(action)


def fingerprint(db: Path) -> str:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        digest = hashlib.sha256()
        for table, columns in FINGERPRINT.items():
            for row in conn.execute(f"SELECT {columns} FROM {table} ORDER BY id"):
                digest.update(repr(row).encode())
        return digest.hexdigest()[:16]
    finally:
        conn.close()


def copy_db(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(target) + suffix).unlink(missing_ok=True)
        if Path(str(source) + suffix).exists():
            shutil.copyfile(str(source) + suffix, str(target) + suffix)


def check_ok(db: Path) -> tuple[bool, str]:
    result = subprocess.run(kehubao(db, "check", "--json"), env=ENV, capture_output=True,
                            text=True, encoding="utf-8", timeout=300)
    return result.returncode == 0, (result.stdout + result.stderr).strip()[:300]


def backups_whole(db: Path) -> bool:
    """Every file named like a backup is a whole, readable one."""
    folder = db.parent / "backups"
    for path in folder.glob("*.zip") if folder.is_dir() else []:
        try:
            with zipfile.ZipFile(path) as zf:
                if zf.testzip() is not None:
                    return False
        except zipfile.BadZipFile:
            return False
    return True


def prepare(work: Path, customers: int, rows: int) -> Path:
    db = work / "base" / "kehubao.db"
    db.parent.mkdir(parents=True)
    subprocess.run(kehubao(db, "demo", "--customers", str(customers)), env=ENV, check=True,
                   capture_output=True)
    with (work / "list.csv").open("w", encoding="utf-8-sig") as fh:
        fh.write("客户名称,联系人,手机,城市\n")
        for n in range(rows):
            fh.write(f"杀进程测试{n:05d}有限公司,王{n % 97},139{n:08d},杭州\n")
    subprocess.run(kehubao(db, "backup"), env=ENV, check=True, capture_output=True)
    source = sorted((db.parent / "backups").glob("*.zip"))[-1]
    shutil.copyfile(source, work / "restore-source.zip")
    return db


def run(args: argparse.Namespace) -> dict:
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="kehubao-kill-"))
    started = time.monotonic()
    base = prepare(work, args.customers, args.rows)
    live = work / "live" / "kehubao.db"
    ref = work / "ref" / "kehubao.db"
    live.parent.mkdir()
    ref.parent.mkdir()
    copy_db(base, live)
    after_cache: dict[tuple[str, str], tuple[str, float]] = {}
    stats = {a: {"killed": 0, "finished": 0, "before": 0, "after": 0} for a in ACTIONS}
    failures: list[dict] = []
    kills = 0
    attempt = 0
    while kills < args.kills and attempt < args.kills * 3:
        attempt += 1
        action = ACTIONS[attempt % len(ACTIONS)]
        if attempt % 12 == 0:  # keep the database from growing import after import
            copy_db(base, live)
        before = fingerprint(live)
        key = (action, before)
        if key not in after_cache:  # the uninterrupted run, on a copy
            copy_db(live, ref)
            t0 = time.monotonic()
            subprocess.run(command(action, ref, work), env=ENV, capture_output=True, timeout=600)
            after_cache[key] = (fingerprint(ref), time.monotonic() - t0)
        after, duration = after_cache[key]
        delay = rng.uniform(0.25, 1.02) * duration  # past start-up, into the work
        proc = subprocess.Popen(command(action, live, work), env=ENV,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        code = proc.wait()
        killed = code == -signal.SIGKILL
        stats[action]["killed" if killed else "finished"] += 1
        kills += killed
        ok, report = check_ok(live)
        state = fingerprint(live)
        which = "before" if state == before else "after" if state == after else "half"
        if which != "half":
            stats[action][which] += 1
        whole = backups_whole(live)
        if not ok or which == "half" or not whole:
            failures.append({"action": action, "delay_s": round(delay, 3), "check_ok": ok,
                             "state": which, "backups_whole": whole, "report": report})
            copy_db(base, live)
    shutil.rmtree(work, ignore_errors=True)
    return {"kills": kills, "attempts": attempt, "failures": len(failures),
            "failure_details": failures[:10], "by_action": stats,
            "seconds": round(time.monotonic() - started, 1)}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--kills", type=int, default=200)
    p.add_argument("--customers", type=int, default=1500)
    p.add_argument("--rows", type=int, default=3000, help="rows of the imported list")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    if os.name != "posix":
        sys.exit("SIGKILL: POSIX only")
    print(json.dumps(run(args), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
