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
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

from .. import __version__
from ..config import APP_DISPLAY_NAME
from ..errors import UserError

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

Handler = Callable[[argparse.Namespace], int]

# The languages of the starter set (services/starter.py's STARTER_FILES; not imported, so
# that --help stays light).
STARTER_LANGUAGES = ("zh", "en")


# argparse's own error texts (Python 3.11+), so a usage error reads in one language.
_ARGPARSE_MESSAGES = (
    (r"^argument ([^:]+): ", r"参数 \1："),
    (r"the following arguments are required: ", "缺少必需的参数："),
    (r"unrecognized arguments: ", "无法识别的参数："),
    (r"invalid choice: (.*) \(choose from (.*)\)$", r"无效的取值 \1（可选：\2）"),
    (r"expected one argument", "需要一个值"),
    (r"invalid (\w+) value: (.*)$", r"无效的值 \2"),
    (r"ambiguous option: (.*)$", r"选项不明确：\1"),
)


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with its own words in Chinese: usage line, section titles, errors (usage
    errors still exit 2)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="显示本帮助并退出")

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        for english, chinese in _ARGPARSE_MESSAGES:
            message = re.sub(english, chinese, message)
        self.exit(EXIT_USAGE, f"{self.prog}：参数错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    from . import (
        commands_backups,
        commands_data,
        commands_evaluation,
        commands_exchange,
        commands_followups,
        commands_person,
        commands_report,
        commands_scripts,
        commands_search,
    )

    parser = ChineseArgumentParser(
        prog="kehubao",
        description=f"{APP_DISPLAY_NAME} — 离线客户管理。不带子命令时打开窗口。",
    )
    parser.add_argument("--version", action="version", version=f"kehubao {__version__}",
                        help="显示版本号并退出")
    add_db_argument(parser)
    parser.add_argument(
        "--language", choices=STARTER_LANGUAGES, default="zh",
        help="新建数据库时内置话术库和评价模板的语言：zh 中文（默认）或 en 英文；"
             "已有的数据库保持原来的语言",
    )
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=ChineseArgumentParser)
    for module in (commands_data, commands_backups, commands_search, commands_exchange,
                   commands_followups, commands_scripts, commands_evaluation, commands_report,
                   commands_person):
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
    argv, files = split_window_files(list(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    if not hasattr(args, "db"):
        args.db = None
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        from ..app import run_gui

        return run_gui(args.db, files)
    if files:  # `kehubao 名单.xlsx search …`: files are for the window only
        parser.error("unrecognized arguments: " + " ".join(files))
    try:
        return handler(args)
    except UserError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        if sys.stderr.isatty():
            sys.stderr.write("\n")  # past a progress line
        print("已取消", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_OK
    except Exception as exc:  # a bug: say so plainly, details only on request
        if message := _database_failure(exc, args):
            print(f"错误：{message}", file=sys.stderr)
            return EXIT_BAD_INPUT
        if os.environ.get("KEHUBAO_DEBUG"):
            raise
        text = " ".join(str(exc).split())
        print(f"客户宝内部错误（{exc.__class__.__name__}：{text}）。"
              "设置环境变量 KEHUBAO_DEBUG=1 可查看详情。", file=sys.stderr)
        return EXIT_INTERNAL


# What the import dialog opens: `kehubao 名单.xlsx` (or Explorer's "Open with") opens the
# window on it, or hands it to the window that is already open.
WINDOW_FILE_SUFFIXES = (".xlsx", ".xls", ".csv", ".txt", ".vcf", ".vcard")


def split_window_files(argv: list[str]) -> tuple[list[str], list[str]]:
    """(the arguments without the files, the files) when the first argument that is not
    ``--db PATH`` or ``--language X`` names a list file rather than a command."""
    files: list[str] = []
    rest: list[str] = []
    skip_value = False
    for n, arg in enumerate(argv):
        if skip_value:
            skip_value = False
        elif arg in ("--db", "--language"):
            skip_value = True
        elif arg.startswith("-"):
            pass
        elif arg.lower().endswith(WINDOW_FILE_SUFFIXES):
            files = [a for a in argv[n:] if a.lower().endswith(WINDOW_FILE_SUFFIXES)]
            rest = [a for a in argv[n:] if a not in files]
            return argv[:n] + rest, files
        else:
            break  # a command: its arguments are its own
    return argv, []


def _database_failure(exc: Exception, args: argparse.Namespace) -> str | None:
    """The user's message for a database that is locked, damaged or read-only: the data,
    not the program, is at fault, so these are exit 1 rather than "internal error"."""
    from ..config import resolve_database
    from ..db import describe_database_error

    return describe_database_error(exc, resolve_database(args.db).display)


def _discard_stdout() -> None:
    """The reader went away (`| head`): send whatever is still buffered, or written by a
    half-finished writer when it is collected (an XLSX zip's end record), to the null
    device, so Python prints no BrokenPipeError at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


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
