"""`info`, `demo`, `check`, `backup`, `restore`: the database as a whole."""

from __future__ import annotations

import argparse
import shutil
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from ..db import Database, head_revision, open_database
from ..errors import UserError
from .main import EXIT_BAD_INPUT, EXIT_OK, ProgressLine, add_db_argument, print_json

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


def open_for_cli(args: argparse.Namespace) -> Database:
    """Open the database named on the command line and make sure starter data exists."""
    import kehubao.services  # noqa: F401  (installs the session hooks)
    from ..services.starter import ensure_starter_data

    db = open_database(args.db)
    with db.session() as session:
        ensure_starter_data(session)
    return db


def entity_counts(db: Database) -> dict[str, int]:
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

    db = open_for_cli(args)
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
    from ..services.maintenance import check_database, reindex

    db = open_for_cli(args)
    report: dict = {"database": db.target.display}
    if args.reindex:
        progress = ProgressLine("重建搜索索引")
        report["reindexed"] = reindex(db, progress=lambda f: progress("", f))
        progress.done()
    problems = check_database(db)
    report["problems"] = problems
    report["ok"] = not problems
    if args.json:
        print_json(report)
    else:
        if args.reindex:
            print("搜索索引已重建：" + "，".join(f"{k} {v:,}" for k, v in report["reindexed"].items()))
        print("检查通过，没有发现问题。" if not problems else "发现问题：\n  " + "\n  ".join(problems))
    return EXIT_OK if not problems else EXIT_BAD_INPUT


def cmd_backup(args: argparse.Namespace) -> int:
    from ..services.maintenance import backup

    db = open_for_cli(args)
    target = backup(db, Path(args.to) if args.to else None)
    print(f"已备份到：{target}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from ..services.maintenance import backup, validate_backup_file

    source = Path(args.file).expanduser().absolute()
    validate_backup_file(source)
    db = open_for_cli(args)
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


def timestamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")
