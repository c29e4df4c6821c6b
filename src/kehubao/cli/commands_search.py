"""`search`: the same search the window's search box uses."""

from __future__ import annotations

import argparse
import sys

from .commands_data import open_for_cli
from .main import EXIT_OK, add_db_argument, print_json

KIND_LABELS = {"customer": "客户", "contact": "联系人", "interaction": "跟进记录", "script": "话术"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="搜索客户、联系人、跟进记录和话术")
    p.add_argument("query", nargs="?", default="", metavar="QUERY", help="搜索内容")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="每类最多显示几条（默认 20）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--stdin", action="store_true",
                   help="从标准输入逐行读取查询，每行输出一行 JSON（含 elapsed_ms）")
    add_db_argument(p)
    p.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    from ..services.search import search

    db = open_for_cli(args)
    limit = max(args.limit, 0)
    with db.session(write=False) as session:
        if args.stdin:
            for line in sys.stdin:
                query = line.rstrip("\r\n")
                results = search(session, query, limit=limit)
                print_json({"query": query, "elapsed_ms": results.elapsed_ms,
                            "results": [h.to_json() for h in results.hits]})
            return EXIT_OK
        results = search(session, args.query, limit=limit)
    if args.json:
        print_json({"query": args.query, "elapsed_ms": results.elapsed_ms,
                    "results": [h.to_json() for h in results.hits]})
        return EXIT_OK
    if not results.hits:
        print(f"没有找到与“{args.query}”相关的内容。")
        return EXIT_OK
    current = None
    for hit in results.hits:
        if hit.kind != current:
            current = hit.kind
            print(f"【{KIND_LABELS.get(hit.kind, hit.kind)}】")
        print(f"  {hit.title}  （{hit.subtitle}）  #{hit.id}")
    return EXIT_OK
