"""`person`: personal information (个人信息保护法) — export everything stored about one
contact, or erase a contact or a customer for good (services/personal_data/).

Erasing cannot be undone, so it asks: the name typed back (or "y") on a terminal.
Without a terminal to ask on, it refuses unless `--yes` says the caller has asked.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UserError
from .commands_data import open_for_cli
from .main import EXIT_BAD_INPUT, EXIT_OK, ChineseArgumentParser, add_db_argument, print_json

if TYPE_CHECKING:
    from ..services.personal_data import Erasure, ErasurePreview


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("person", help="个人信息：导出某人的全部信息，或彻底删除（不可撤销）")
    add_db_argument(p)
    inner = p.add_subparsers(dest="person_command", metavar="操作", required=True,
                             parser_class=ChineseArgumentParser)
    e = inner.add_parser("export", help="导出一个联系人的全部个人信息（.json 或 .html）")
    e.add_argument("--contact", type=int, required=True, metavar="ID", help="联系人 ID")
    e.add_argument("-o", "--output", type=Path, required=True, metavar="FILE",
                   help="目标文件：.json（完整数据）或 .html（便于阅读）")
    e.add_argument("--json", action="store_true", help="以 JSON 输出摘要")
    add_db_argument(e)
    e.set_defaults(handler=cmd_export)
    r = inner.add_parser("erase", help="彻底删除联系人或客户及其全部记录、日志和索引（不可撤销）")
    which = r.add_mutually_exclusive_group(required=True)
    which.add_argument("--contact", type=int, metavar="ID", help="联系人 ID")
    which.add_argument("--customer", type=int, metavar="ID", help="客户 ID（连同全部联系人）")
    r.add_argument("--yes", action="store_true", help="不再询问，直接删除")
    r.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    add_db_argument(r)
    r.set_defaults(handler=cmd_erase)


def cmd_export(args: argparse.Namespace) -> int:
    from ..services.personal_data import export_contact, export_format, export_summary, write_export

    path: Path = args.output.expanduser()
    file_format = export_format(path)  # a wrong suffix is refused before any work
    db = open_for_cli(args)
    with db.session(write=False) as session:
        data = export_contact(session, args.contact)
    write_export(data, path)
    counts = export_summary(data)
    if args.json:
        print_json({"contact_id": args.contact, "name": data["contact"]["name"],
                    "file": str(path), "format": file_format, "counts": counts})
        return EXIT_OK
    print(f"已导出联系人“{data['contact']['name']}”的个人信息到 {path}")
    print(f"其中跟进记录 {counts['interactions']} 条，跟进提醒 {counts['follow_ups']} 条，"
          f"其他记录中提到此人 {counts['mentions']} 处，操作日志 {counts['journal']} 条。")
    return EXIT_OK


def cmd_erase(args: argparse.Namespace) -> int:
    from ..services import personal_data as pd

    kind, record_id = ("contact", args.contact) if args.contact is not None else \
        ("customer", args.customer)
    db = open_for_cli(args)
    with db.session(write=False) as session:
        preview = pd.erasure_preview(session, kind, record_id)
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError("彻底删除不可撤销，必须确认：请在终端中运行并按提示输入名称确认，"
                            "或在确已确认时加上 --yes")
        if not _confirmed(preview):
            print("已取消，没有删除任何内容。", file=sys.stderr)
            return EXIT_BAD_INPUT
    from ..backups.policy import before_change

    before_change(db.path, "before-erase")  # a wrong name erased can still be got back
    with db.session() as session:
        erase = pd.erase_contact if kind == "contact" else pd.erase_customer
        result = erase(session, record_id)
    if args.json:
        print_json({"kind": kind, "id": record_id, "name": result.name, "rows": result.rows,
                    "redacted": result.redacted, "journal": result.journal,
                    "file_cleaned": result.file_cleaned, "backups": result.notice})
        return EXIT_OK
    _report(result, record_id)
    return EXIT_OK


def _confirmed(preview: ErasurePreview) -> bool:
    """Say what goes and ask for the name (or "y") on the terminal."""
    from ..services.personal_data import BACKUP_NOTICE, describe_rows

    noun = "联系人" if preview.kind == "contact" else "客户"
    where = f"（{preview.customer_name}）" if preview.kind == "contact" and preview.customer_name else ""
    err = sys.stderr
    print(f"将彻底删除{noun}“{preview.name}”{where}：{describe_rows(preview.rows)}。", file=err)
    print("同时清除撤销日志、导入记录和搜索索引中的相关内容，其他记录中提到的姓名和号码替换为〔已删除〕。",
          file=err)
    print("此操作不能撤销，回收站中也不会保留。", file=err)
    if preview.individual:
        print("提示：这是个人客户，客户档案中也有此人的信息；要全部删除，请彻底删除客户（--customer）。",
              file=err)
    print(f"注意：{BACKUP_NOTICE}", file=err)
    err.write(f"输入“{preview.name}”或 y 确认，其他任何输入取消：")
    err.flush()
    answer = sys.stdin.readline().strip()
    return answer in (preview.name, "y", "Y")


def _report(result: Erasure, record_id: int) -> None:
    from ..services.personal_data import REDACTED, describe_rows

    noun = "联系人" if result.kind == "contact" else "客户"
    print(f"已彻底删除{noun}“{result.name}”（编号 {record_id}）：{describe_rows(result.rows)}。")
    if result.redacted:
        print(f"另有 {result.redacted} 条记录中提到的姓名和号码已替换为{REDACTED}。")
    if result.journal:
        print(f"撤销日志和导入记录中 {result.journal} 条相关记录已清除或改写。")
    if result.file_cleaned:
        print("数据库文件已整理，删除的内容不再留在文件中。")
    else:
        print("数据库文件未能整理（可能有其他程序正在使用数据库），旧内容可能仍留在文件的空闲空间中；"
              "关闭其他程序后，下次彻底删除时会再次整理。", file=sys.stderr)
    print(f"注意：{result.notice}")
