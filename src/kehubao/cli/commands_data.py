"""`info`, `demo`, `check`: the database as a whole (backups: commands_backups.py).

Registering the commands imports nothing heavy (`--version` and `--help` never load
SQLAlchemy); each command imports what it uses when it runs.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from typing import TYPE_CHECKING

from ..config import DatabaseTarget, resolve_database
from ..errors import UserError
from .main import EXIT_BAD_INPUT, EXIT_OK, ProgressLine, add_db_argument, print_json

if TYPE_CHECKING:
    from ..db import Database

ENTITY_LABELS = {
    "customer": "客户", "contact": "联系人", "interaction": "跟进记录", "follow_up": "跟进提醒",
    "transaction": "交易", "evaluation": "评价", "objection_script": "话术",
    "support_action": "支援记录", "risk_event": "风险事件", "tag": "标签", "sales_rep": "业务员",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("info", help="数据库位置、版本和各类记录数量")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_db_argument(p)
    p.set_defaults(handler=cmd_info)

    p = sub.add_parser("demo", help="生成演示数据（中文，可重复）")
    p.add_argument("--customers", type=_non_negative, default=2000, metavar="N",
                   help="客户数量（默认 2000）")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="随机种子（默认 1）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    add_db_argument(p)
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("check", help="检查数据库完整性；--reindex 重建搜索索引")
    p.add_argument("--reindex", action="store_true", help="重建搜索索引")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_db_argument(p)
    p.set_defaults(handler=cmd_check)


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
    if value < 0:
        raise argparse.ArgumentTypeError("不能是负数")
    return value


def open_for_cli(args: argparse.Namespace, *, create: bool = False) -> Database:
    """Open the database named on the command line and make sure starter data exists
    (in the --language given, if this creates the database).

    Only commands that add data (`create=True`: demo, import, restore) may create a
    database at a path the user named: for a command that only reads, a missing file is
    a typo, and silently creating an empty database there would hide it. The default
    location (first run) is created by any command."""
    import kehubao.services  # noqa: F401  (installs the session hooks)

    from ..db import open_database
    from ..services.maintenance import prepare_database

    target = resolve_database(args.db)
    if target.moved_from is not None:
        print(f"注意：这个数据库已从 {target.moved_from} 移到本机文件夹，使用的是：{target.path}",
              file=sys.stderr)
    if not create:
        require_existing(target)
    else:
        warn_if_window_open(target)
    db = open_database(target)
    prepare_database(db, getattr(args, "language", "zh"))
    return db


def warn_if_window_open(target: DatabaseTarget) -> None:
    """Adding data beside an open window is safe (SQLite serialises the writers and the
    window notices the change), but the user should know where it will appear."""
    from ..instance_lock import window_holds

    if target.path is not None and window_holds(target.path):
        print("注意：客户宝窗口正打开着这个数据库，写入的数据会在几秒内显示在窗口中。", file=sys.stderr)


def refuse_if_window_open(target: DatabaseTarget, doing: str) -> None:
    """Replacing the file under an open window would leave it working on a file that is
    no longer the database (and its next write could undo the restore)."""
    from ..instance_lock import window_holds

    if target.path is not None and window_holds(target.path):
        raise UserError(f"客户宝窗口正打开着这个数据库，请先关闭窗口再{doing}：{target.path}")


def require_existing(target: DatabaseTarget) -> None:
    if target.path is not None and not target.is_default and not target.path.exists():
        raise UserError(f"数据库文件不存在：{target.path}")


def entity_counts(db: Database) -> dict[str, int]:
    from sqlalchemy import func, select

    from ..models import COUNTED_ENTITIES

    counts = {}
    with db.session(write=False) as session:
        for key, model in COUNTED_ENTITIES.items():
            stmt = select(func.count()).select_from(model)
            if hasattr(model, "deleted_at"):
                stmt = stmt.where(model.deleted_at.is_(None))
            counts[key] = session.scalar(stmt) or 0
    return counts


def cmd_info(args: argparse.Namespace) -> int:
    from ..db import head_revision

    db = open_for_cli(args)
    counts = entity_counts(db)
    info = {
        "database": db.target.display,
        "backend": db.engine.dialect.name,
        "schema": db.schema_revision(),
        "schema_head": head_revision(),
        "size_bytes": db.path.stat().st_size if db.path and db.path.exists() else None,
        "counts": counts,
    }
    if args.json:
        print_json(info)
    else:
        print(f"数据库：{info['database']}")
        print(f"结构版本：{info['schema']}")
        for key, value in counts.items():
            print(f"  {ENTITY_LABELS.get(key, key)}：{value:,}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from ..services.demo import generate_demo

    db = open_for_cli(args, create=True)
    progress = ProgressLine("生成演示数据")
    summary = generate_demo(db, customers=args.customers, seed=args.seed, progress=progress)
    progress.done()
    if args.json:
        print_json({"seconds": round(summary.seconds, 2), "created": summary.counts})
    else:
        print(f"已生成 {summary.counts.get('customer', 0):,} 个客户、"
              f"{summary.counts.get('contact', 0):,} 个联系人、"
              f"{summary.counts.get('interaction', 0):,} 条跟进记录，用时 {summary.seconds:.1f} 秒。")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """Examine the file before anything opens it for writing: a damaged database gets a
    plain report and the newest good backup to restore, never a repair attempt."""
    from ..db import open_database
    from ..services.maintenance import reindex

    target = resolve_database(args.db)
    require_existing(target)
    report: dict = {"database": target.display}
    damage = _damage(target)
    if damage is None:
        import kehubao.services  # noqa: F401  (session hooks)

        db = open_database(target, check=False)
        if args.reindex:
            progress = ProgressLine("重建搜索索引")
            report["reindexed"] = reindex(db, progress=lambda f: progress("", f))
            progress.done()
        problems = _problems(db)
        db.dispose()
        if any(_is_damage(p) for p in problems):
            damage = problems
    else:
        problems = damage
    report["problems"] = problems
    report["warnings"] = location_warnings(target)
    report["ok"] = not problems
    report["damaged"] = damage is not None
    if damage is not None and target.path is not None:
        report.update(_remedy(target.path))
    if args.json:
        print_json(report)
    else:
        if args.reindex and "reindexed" in report:
            print("搜索索引已重建：" + "，".join(f"{k} {v:,}" for k, v in report["reindexed"].items()))
        for warning in report["warnings"]:
            print(f"警告：{warning}")
        if not problems:
            print("检查通过，没有发现问题。")
        else:
            print("发现问题：\n  " + "\n  ".join(problems))
            if damage is not None:
                print(report["advice"])
    return EXIT_OK if not problems else EXIT_BAD_INPUT


def _is_damage(problem: str) -> bool:
    """Whether a finding is damage to the file (a restore helps), not to the rebuildable
    search index and not a disk or lock failure met while checking."""
    if problem.startswith("搜索索引"):
        return False
    return not problem.startswith("检查无法完成") or "数据库文件已损坏" in problem


def _damage(target: DatabaseTarget) -> list[str] | None:
    """What is wrong with the file as a whole (emptied, header gone, cut short), found
    before anything opens it; None when it may be opened for the full check, which reads
    every page once."""
    from ..backups import integrity, store

    if target.path is None or not target.path.exists():
        return None
    problems = integrity.file_problems(target.path, had_data=store.has_backups(target.path))
    return problems or None


def _remedy(path) -> dict:  # type: ignore[no-untyped-def]
    """What to do about a damaged database: the newest good backup, named."""
    from ..backups.store import newest_good_backup

    newest = newest_good_backup(path)
    if newest is None:
        return {"newest_backup": None,
                "advice": ("数据库已损坏，客户宝不会写入它。没有找到备份；"
                           "请先复制这个文件留底，再交给技术人员抢救。")}
    counts = newest.counts
    return {"newest_backup": newest.to_json(),
            "advice": (f"数据库已损坏，客户宝不会写入它。最新的完好备份是 "
                       f"{newest.created_at:%Y-%m-%d %H:%M} 的（{counts.get('customer', 0):,} 个客户），"
                       f"恢复它：kehubao restore \"{newest.path}\"")}


def location_warnings(target: DatabaseTarget) -> list[str]:
    """Dangers that are not (yet) damage: a database in a synced folder or on a network
    drive. They do not fail the check."""
    from ..services.locations import risky_location

    if target.path is None:
        return []
    reason = risky_location(target.path)
    return [reason] if reason else []


def _problems(db: Database) -> list[str]:
    """What `check` found; a file too damaged for the check to finish is itself the
    finding (exit 1 with a report), not an internal error."""
    from sqlalchemy.exc import DBAPIError

    from ..db import describe_database_error
    from ..db_sqlite import is_busy
    from ..services.maintenance import check_database

    try:
        return check_database(db)
    except (DBAPIError, sqlite3.Error) as exc:
        orig = getattr(exc, "orig", exc)
        described = describe_database_error(exc, db.target.display)
        if is_busy(orig) or described is None:
            raise
        # Damaged file, damaged search index, disk error…: each with its own remedy.
        return [f"检查无法完成：{described}（SQLite：{' '.join(str(orig).split())}）"]
