"""The command line: `kehubao` opens the window, subcommands run headless.

A public surface that scripts rely on: exit 0 on success, 1 when the input or data is bad
(one clear line on stderr, no traceback), 2 for usage errors, 3 for an internal error.
JSON output is UTF-8 with stable keys.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .. import __version__
from ..config import APP_DISPLAY_NAME
from ..errors import UserError

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

Handler = Callable[[argparse.Namespace], int]


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with its own messages in Chinese (usage errors still exit 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}：参数错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    from . import commands_data, commands_exchange, commands_search

    parser = ChineseArgumentParser(
        prog="kehubao",
        description=f"{APP_DISPLAY_NAME} — 离线客户管理。不带子命令时打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"kehubao {__version__}")
    add_db_argument(parser)
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=ChineseArgumentParser)
    for module in (commands_data, commands_search, commands_exchange):
        module.register(sub)
    return parser


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS,
        help="数据库文件（默认：用户数据目录中的 kehubao.db，或环境变量 KEHUBAO_DB）",
    )


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    logging.basicConfig(level=os.environ.get("KEHUBAO_LOG", "WARNING"))
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "db"):
        args.db = None
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        from ..app import run_gui

        return run_gui(args.db)
    try:
        return handler(args)
    except UserError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("已取消", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: say so plainly, details only on request
        if os.environ.get("KEHUBAO_DEBUG"):
            raise
        print(f"客户宝内部错误（{exc.__class__.__name__}：{exc}）。"
              "设置环境变量 KEHUBAO_DEBUG=1 可查看详情。", file=sys.stderr)
        return EXIT_INTERNAL


def _utf8_streams() -> None:
    """Pipes and files get UTF-8 whatever the console code page (cp936 on Chinese
    Windows), so JSON consumers always read UTF-8; an interactive console is left alone."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and not stream.isatty():
            stream.reconfigure(encoding="utf-8", errors="replace")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()


class ProgressLine:
    """A one-line progress display on stderr, only when it is a terminal."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.enabled = sys.stderr.isatty()
        self.last = -1

    def __call__(self, stage: str, fraction: float) -> None:
        if not self.enabled:
            return
        percent = int(fraction * 100)
        key = hash((stage, percent))
        if key != self.last:
            self.last = key
            sys.stderr.write(f"\r{self.label}：{stage} {percent:3d}%   ")
            sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 60 + "\r")
            sys.stderr.flush()
