"""`info`, `demo`, `check`, `backup`, `restore`: the database as a whole.

Registering the commands imports nothing heavy (`--version` and `--help` never load
SQLAlchemy); each command imports what it uses when it runs.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
from datetime import datetime
from pathlib import Path
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

    p = sub.add_parser("backup", help="备份数据库")
    p.add_argument("--to", metavar="FILE", help="备份文件（默认：数据库旁的 backups 文件夹）")
    add_db_argument(p)
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="从备份恢复数据库（会先备份当前数据库）")
    p.add_argument("file", metavar="FILE", help="备份文件")
    add_db_argument(p)
    p.set_defaults(handler=cmd_restore)


def _non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
    if value < 0:
        raise argparse.ArgumentTypeError("不能是负数")
    return value


def open_for_cli(args: argparse.Namespace, *, create: bool = False) -> Database:
    """Open the database named on the command line and make sure starter data exists.

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
    prepare_database(db)
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
    from ..services.maintenance import reindex

    db = open_for_cli(args)
    report: dict = {"database": db.target.display}
    if args.reindex:
        progress = ProgressLine("重建搜索索引")
        report["reindexed"] = reindex(db, progress=lambda f: progress("", f))
        progress.done()
    problems = _problems(db)
    report["problems"] = problems
    report["warnings"] = location_warnings(db)
    report["ok"] = not problems
    if args.json:
        print_json(report)
    else:
        if args.reindex:
            print("搜索索引已重建：" + "，".join(f"{k} {v:,}" for k, v in report["reindexed"].items()))
        for warning in report["warnings"]:
            print(f"警告：{warning}")
        print("检查通过，没有发现问题。" if not problems else "发现问题：\n  " + "\n  ".join(problems))
    return EXIT_OK if not problems else EXIT_BAD_INPUT


def location_warnings(db: Database) -> list[str]:
    """Dangers that are not (yet) damage: a database in a synced folder or on a network
    drive. They do not fail the check."""
    from ..services.locations import risky_location

    if db.path is None:
        return []
    reason = risky_location(db.path)
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


def cmd_backup(args: argparse.Namespace) -> int:
    from ..services.maintenance import backup

    db = open_for_cli(args)
    target = backup(db, Path(args.to) if args.to else None)
    print(f"已备份到：{target}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from ..db import open_database
    from ..services.maintenance import backup, validate_backup_file

    source = Path(args.file).expanduser().absolute()
    refuse_if_window_open(resolve_database(args.db), "恢复")
    _refuse_same_file(source, resolve_database(args.db))
    validate_backup_file(source)
    db = open_for_cli(args, create=True)
    if db.path is None:
        raise UserError("只能恢复本地数据库文件")
    safety = backup(db, None, label="before-restore")
    target = db.path
    db.dispose()
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(source, target)
    restored = open_database(str(target))  # migrates an older backup if needed
    restored.dispose()
    print(f"已从 {source} 恢复。恢复前的数据已备份到：{safety}")
    return EXIT_OK


def _refuse_same_file(source: Path, target: DatabaseTarget) -> None:
    """Restoring the database from itself would first back it up, then copy it onto
    itself (shutil.SameFileError): refuse before touching anything."""
    if target.path is None or not target.path.exists():
        return
    try:
        same = source.samefile(target.path)
    except OSError:
        return
    if same:
        raise UserError(f"要恢复的文件就是当前数据库本身，请选择一个备份文件：{source}")


def timestamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")
