"""`search`: the same search the window's search box uses."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from .commands_data import open_for_cli
from .main import EXIT_OK, add_db_argument, print_json

KIND_LABELS = {"customer": "客户", "contact": "联系人", "interaction": "跟进记录", "script": "话术"}
MAX_LIMIT = 10_000  # far more than a person reads; keeps the SQL LIMIT a sane integer


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="搜索客户、联系人、跟进记录和话术")
    p.add_argument("query", nargs="?", default="", metavar="QUERY", help="搜索内容")
    p.add_argument("--limit", type=positive_limit, default=20, metavar="N",
                   help=f"每类最多显示几条（1 到 {MAX_LIMIT}，默认 20）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--stdin", action="store_true",
                   help="从标准输入逐行读取查询，每行输出一行 JSON（含 elapsed_ms）")
    add_db_argument(p)
    p.set_defaults(handler=cmd_search)


def positive_limit(text: str) -> int:
    """--limit N: a usage error (exit 2) unless 1 ≤ N ≤ MAX_LIMIT; a huge number would
    otherwise overflow SQLite's integer and 0 or less would silently show nothing."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"须在 1 到 {MAX_LIMIT} 之间（收到 {text}）")
    return value


def clean_text(text: str) -> str:
    """Text SQLite and the JSON output can take: bytes that were not valid UTF-8 reach us
    as lone surrogates (Python's surrogateescape for argv); they become U+FFFD."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def stdin_queries() -> Iterator[str]:
    """One query per line of standard input, decoded leniently: a stray invalid byte in a
    long stream of queries must not end the whole run."""
    buffer = getattr(sys.stdin, "buffer", None)
    lines = (raw.decode("utf-8", "replace") for raw in buffer) if buffer else sys.stdin
    for line in lines:
        yield clean_text(line.rstrip("\r\n").removeprefix("\ufeff"))


def cmd_search(args: argparse.Namespace) -> int:
    from ..services.search import search

    db = open_for_cli(args)
    query = clean_text(args.query)
    with db.session(write=False) as session:
        if args.stdin:
            for line in stdin_queries():
                results = search(session, line, limit=args.limit)
                print_json({"query": line, "elapsed_ms": results.elapsed_ms,
                            "results": [h.to_json() for h in results.hits]})
            return EXIT_OK
        results = search(session, query, limit=args.limit)
    if args.json:
        print_json({"query": query, "elapsed_ms": results.elapsed_ms,
                    "results": [h.to_json() for h in results.hits]})
        return EXIT_OK
    if not results.hits:
        print(f"没有找到与“{query}”相关的内容。")
        return EXIT_OK
    current = None
    for hit in results.hits:
        if hit.kind != current:
            current = hit.kind
            print(f"【{KIND_LABELS.get(hit.kind, hit.kind)}】")
        print(f"  {hit.title}  （{hit.subtitle}）  #{hit.id}")
    return EXIT_OK
