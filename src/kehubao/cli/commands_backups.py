"""`backup`, `backups`, `restore`: the database's safety copies."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..config import resolve_database
from ..errors import UserError
from .main import EXIT_OK, ProgressLine, add_db_argument, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="备份数据库（默认：压缩并校验，自动轮换）")
    p.add_argument("--to", metavar="FILE", help="另存一份完整的数据库副本到这个文件")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_db_argument(p)
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("backups", help="列出数据库的备份（日期、原因、大小、客户数）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_db_argument(p)
    p.set_defaults(handler=cmd_backups)

    p = sub.add_parser("restore", help="从备份恢复数据库（先备份当前数据库，要么全部恢复，要么不动）")
    p.add_argument("file", metavar="FILE", help="备份文件（.zip 备份或 .db 副本）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_db_argument(p)
    p.set_defaults(handler=cmd_restore)


def cmd_backup(args: argparse.Namespace) -> int:
    from ..backups.store import size_text, total_size
    from ..services.maintenance import backup
    from .commands_data import open_for_cli

    db = open_for_cli(args)
    progress = ProgressLine("备份")
    target = backup(db, Path(args.to) if args.to else None,
                    progress=lambda f: progress("", f))
    progress.done()
    assert db.path is not None
    result = {"file": str(target), "size_bytes": target.stat().st_size}
    if not args.to:
        result["total_backup_bytes"] = total_size(db.path)
    if args.json:
        print_json(result)
    else:
        print(f"已备份到：{target}（{size_text(result['size_bytes'])}）")
        if not args.to:
            print(f"全部备份共占用 {size_text(result['total_backup_bytes'])}")
    return EXIT_OK


def cmd_backups(args: argparse.Namespace) -> int:
    from ..backups.store import REASON_LABELS, list_backups, size_text

    path = _local_path(args)
    entries = list_backups(path)
    total = sum(e.size for e in entries)
    if args.json:
        print_json({"database": str(path), "total_bytes": total,
                    "backups": [e.to_json() for e in entries]})
        return EXIT_OK
    if not entries:
        print(f"还没有备份：{path}")
        return EXIT_OK
    for e in entries:
        counts = e.counts
        who = (f"{counts.get('customer', 0):,} 个客户，{counts.get('contact', 0):,} 个联系人"
               if counts else "客户数未知")
        mark = "已校验" if e.verified else "未校验"
        print(f"{e.created_at:%Y-%m-%d %H:%M}  {REASON_LABELS.get(e.reason, e.reason):<6}"
              f"  {size_text(e.size):>9}  {who}  {mark}  {e.path.name}")
    print(f"共 {len(entries)} 个备份，占用 {size_text(total)}；位置：{entries[0].path.parent}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from ..backups.restore import restore_backup
    from .commands_data import refuse_if_window_open

    path = _local_path(args)
    refuse_if_window_open(resolve_database(args.db), "恢复")
    progress = ProgressLine("恢复")
    result = restore_backup(Path(args.file), path, progress=lambda f: progress("", f))
    progress.done()
    if args.json:
        print_json({"restored_from": str(result.source), "database": str(path),
                    "safety_backup": str(result.safety) if result.safety else None,
                    "counts": result.counts})
        return EXIT_OK
    print(f"已从 {result.source} 恢复：{result.counts.get('customer', 0):,} 个客户，"
          f"{result.counts.get('contact', 0):,} 个联系人。")
    if result.safety:
        print(f"恢复前的数据已备份到：{result.safety}")
    return EXIT_OK


def _local_path(args: argparse.Namespace) -> Path:
    target = resolve_database(args.db)
    if target.path is None:
        raise UserError("只能备份和恢复本地数据库文件；服务器数据库请用服务器自己的备份工具")
    return target.path
