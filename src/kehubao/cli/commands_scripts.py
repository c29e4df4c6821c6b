"""`scripts`: the objection-script library from the command line — search with the quick
panel's matcher and ranking, export and import a library file (JSON or XLSX)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .commands_data import open_for_cli
from .commands_search import clean_text, positive_limit
from .main import EXIT_OK, ChineseArgumentParser, add_db_argument, print_json

_ELEMENTS = {"price": "价格", "quality": "质量", "service": "服务"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scripts", help="异议处理话术：搜索、导出、导入")
    add_db_argument(p)
    inner = p.add_subparsers(dest="scripts_command", metavar="操作", required=True,
                             parser_class=ChineseArgumentParser)
    s = inner.add_parser("search", help="按客户说的话查找话术（中文、拼音、首字母或意思相近的说法）")
    s.add_argument("query", metavar="TEXT", help="客户说的话，如“太贵了”“tai gui”“tg”")
    s.add_argument("--limit", type=positive_limit, default=5, metavar="N",
                   help="最多显示几条话术（默认 5）")
    s.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_db_argument(s)
    s.set_defaults(handler=cmd_search)
    e = inner.add_parser("export", help="把话术库导出为 .json 或 .xlsx 文件")
    e.add_argument("file", metavar="FILE", type=Path, help="目标文件（.json 或 .xlsx）")
    e.add_argument("--archived", action="store_true", help="同时导出已归档的话术")
    add_db_argument(e)
    e.set_defaults(handler=cmd_export)
    i = inner.add_parser("import", help="从 .json 或 .xlsx 文件导入话术：同名的更新，新的添加")
    i.add_argument("file", metavar="FILE", type=Path, help="话术库文件")
    add_db_argument(i)
    i.set_defaults(handler=cmd_import)


def cmd_search(args: argparse.Namespace) -> int:
    from ..services.scripts import search_scripts

    query = clean_text(args.query)
    db = open_for_cli(args)
    with db.session(write=False) as session:
        matches, _basis = search_scripts(session, query, limit=args.limit)
    if args.json:
        print_json({"query": query, "results": [m.to_json() for m in matches]})
        return EXIT_OK
    if not matches:
        print(f"没有找到与“{query}”相关的话术。")
        return EXIT_OK
    for m in matches:
        element = _ELEMENTS.get(m.element, "")
        facts = " · ".join(x for x in (m.category, element) if x)
        rate = f"用过 {m.tally.used} 次，成功 {m.tally.worked}/{m.tally.trials}" if m.tally.used else "尚无使用记录"
        print(f"【{m.title}】 {facts}（{rate}）")
        for n, reply in enumerate(m.replies, 1):
            print(f"  {n}. {reply.text}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from ..services.scripts import export_library

    db = open_for_cli(args)
    with db.session(write=False) as session:
        count = export_library(session, args.file, include_archived=args.archived)
    print(f"已导出 {count} 条话术到 {args.file}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from ..services.scripts import import_library

    db = open_for_cli(args)
    with db.session() as session:
        result = import_library(session, args.file)
    print(f"导入完成：新增 {result.added} 条，更新 {result.updated} 条，"
          f"{result.unchanged} 条没有变化")
    return EXIT_OK
