"""`import` and `export` of contact lists."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .commands_data import open_for_cli
from .main import EXIT_BAD_INPUT, EXIT_OK, ProgressLine, add_db_argument, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="导入 Excel、CSV 或 vCard 名单")
    p.add_argument("file", metavar="FILE", help="要导入的文件")
    p.add_argument("--format", choices=("auto", "csv", "xlsx", "xls", "vcf"), default="auto")
    p.add_argument("--on-duplicate", choices=("skip", "merge", "new"), default="skip",
                   help="遇到重复：跳过、合并或新建（默认跳过）")
    p.add_argument("--skip-invalid", action="store_true",
                   help="跳过有错误的行（默认：有错误就整批不导入）")
    p.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    add_db_argument(p)
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("export", help="导出客户名单（CSV、XLSX 或 vCard）")
    p.add_argument("file", metavar="FILE", help="输出文件，或 - 表示标准输出")
    p.add_argument("--format", choices=("csv", "xlsx", "vcf"), help="格式（默认按扩展名）")
    p.add_argument("--vcard-version", choices=("3.0", "2.1"), default="3.0",
                   help="vCard 版本（旧款安卓手机选 2.1）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果（写到标准错误）")
    add_db_argument(p)
    p.set_defaults(handler=cmd_export)


def cmd_import(args: argparse.Namespace) -> int:
    from ..exchange.importer import ImportOptions, ImportRejected, run_import
    from ..exchange.records import load_file, map_rows

    loaded = load_file(Path(args.file), args.format)  # a bad file creates no database
    db = open_for_cli(args, create=True)
    options = ImportOptions(on_duplicate=args.on_duplicate, skip_invalid=args.skip_invalid,
                            dry_run=args.dry_run)
    progress = ProgressLine("导入")
    if not args.dry_run:
        from ..backups.policy import before_change

        before_change(db.path, "before-import", progress=lambda f: progress("备份", f))
    try:
        with db.session() as session:
            source = map_rows(loaded, session=session)  # a mapping remembered for it?
            summary = run_import(session, source, options, lambda f, text: progress(text, f))
    except ImportRejected as exc:
        progress.done()
        if args.json:
            print_json({**exc.summary.to_json(), "rejected": True})
        else:
            _print_errors(exc.summary)
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    progress.done()
    if args.json:
        print_json(summary.to_json())
        return EXIT_OK
    verb = "检查" if summary.dry_run else "导入"
    print(f"{verb}完成：{summary.rows} 行，新建客户 {summary.created}，新增联系人 {summary.contacts_added}，"
          f"合并 {summary.merged}，跳过 {summary.skipped}。")
    if summary.warnings:
        print(f"提示 {len(summary.warnings)} 条（前 10 条）：")
        for line, message in summary.warnings[:10]:
            print(f"  第 {line} 行：{message}" if line else f"  {message}")
    return EXIT_OK


def _print_errors(summary) -> None:  # type: ignore[no-untyped-def]
    for line, message in summary.errors[:50]:
        print(f"第 {line} 行：{message}")


def cmd_export(args: argparse.Namespace) -> int:
    from ..exchange.exporter import export, format_for

    fmt = format_for(args.file, args.format)
    db = open_for_cli(args)
    with db.session(write=False) as session:
        if args.file == "-":
            summary = export(session, sys.stdout.buffer, fmt, vcard_version=args.vcard_version)
            sys.stdout.buffer.flush()
        else:
            summary = export(session, Path(args.file), fmt, vcard_version=args.vcard_version)
    if args.json:
        print_json(summary.to_json()) if args.file != "-" else print(
            __import__("json").dumps(summary.to_json(), ensure_ascii=False), file=sys.stderr)
    elif args.file != "-":
        print(f"已导出 {summary.customers:,} 个客户（{summary.rows:,} 行）到 {args.file}")
    return EXIT_OK
