"""`report`: PDF reports from the command line (the same renderers the UI previews)."""

from __future__ import annotations

import argparse
import sys
from datetime import date, timedelta
from pathlib import Path

from ..errors import UserError
from .commands_data import open_for_cli
from .main import EXIT_OK, EXIT_USAGE, ProgressLine, add_db_argument

KIND_CHOICES = ("evaluation", "visit", "brief", "archive", "list")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report", help="生成 PDF 报表（评价表、拜访报告、拜访准备单、档案卡、客户名单）",
        description="evaluation 评价表，visit 拜访报告，brief 拜访准备单，archive 客户档案卡，"
                    "list 客户名单。")
    p.add_argument("kind", choices=KIND_CHOICES, metavar="类型",
                   help="evaluation | visit | brief | archive | list")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--customer", type=int, metavar="ID", help="一个客户的编号")
    scope.add_argument("--all", action="store_true", help="所有客户（需要 --out-dir）")
    scope.add_argument("--class", dest="value_class", metavar="C",
                       help="某一类客户：1–4 或 一类…四类")
    scope.add_argument("--day", metavar="日期", help="visit：这一天的拜访汇总（YYYY-MM-DD）")
    scope.add_argument("--week", metavar="日期", help="visit：这一天所在一周（周一至周日）的拜访汇总")
    p.add_argument("--region", metavar="地区", help="list：某一地区（大区、省或市）的客户")
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("-o", "--output", metavar="FILE", help="输出的 PDF 文件")
    out.add_argument("--out-dir", metavar="DIR", help="输出文件夹（每个客户一个文件）")
    add_db_argument(p)
    p.set_defaults(handler=cmd_report)


def _usage(message: str) -> int:
    print(f"kehubao report：参数错误：{message}", file=sys.stderr)
    return EXIT_USAGE


def parse_class(text: str) -> str:
    """A class given as 1–4, 一类…四类 or the full label; its stored code."""
    from ..models.enums import ValueClass  # the models load SQLAlchemy: only when used

    text = text.strip()
    for member in ValueClass:
        if text in (member.value, member.label) or member.label.startswith(text):
            return member.value
    raise UserError(f"无法识别的客户分类“{text}”：请用 1–4 或 一类、二类、三类、四类。")


def _parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"无法识别的日期“{text}”：请写成 2026-03-05 这样。") from None


def cmd_report(args: argparse.Namespace) -> int:
    try:
        return _report(args)
    except PermissionError as exc:  # the PDF is open in a viewer that locks it (Windows)
        raise UserError(f"无法写入“{exc.filename}”：文件被占用或没有权限。") from None


def _report(args: argparse.Namespace) -> int:
    from .. import reports
    from ..reports import data

    kind = args.kind
    value_class = parse_class(args.value_class) if args.value_class else None
    if (args.day or args.week) and kind != "visit":
        return _usage("--day 和 --week 只用于 visit")
    if args.region and kind != "list":
        return _usage("--region 只用于 list")
    if kind != "list" and not (args.customer is not None or args.all or value_class
                               or args.day or args.week):
        return _usage("请指定 --customer ID、--all 或 --class C")
    batch = kind != "list" and (args.all or value_class is not None)
    if batch and not args.out_dir:
        return _usage("批量生成请用 --out-dir DIR 指定文件夹")
    db = open_for_cli(args)
    try:
        with db.session(write=False) as session:
            if kind == "list":
                if args.customer is not None:
                    return _usage("list 不接受 --customer")
                rows = data.customer_list(session, region=args.region, value_class=value_class)
                total = data.customer_count(session, region=args.region,
                                            value_class=value_class)
                from ..models.enums import ValueClass

                scope = "、".join(p for p in (args.region or "", ValueClass.label_of(value_class))
                                 if p) or "全部客户"
                target = _single_target(args, f"客户名单-{scope}.pdf")
                reports.render_customer_list(rows, scope, target, total=total,
                                             letterhead=data.letterhead(session))
                cut = f"，共 {total:,} 家，只列出前 {len(rows):,} 家" if total > len(rows) else ""
                print(f"已生成：{target}（{len(rows):,} 家客户{cut}）")
                return EXIT_OK
            if args.day or args.week:
                start = _parse_day(args.day or args.week)
                end = start
                if args.week:
                    start -= timedelta(days=start.weekday())
                    end = start + timedelta(days=6)
                visits = data.visits_between(session, start, end)
                target = _single_target(args, f"拜访记录-{start.isoformat()}.pdf")
                reports.render_visit_list(visits, start, end, target,
                                          letterhead=data.letterhead(session))
                print(f"已生成：{target}（{len(visits)} 次拜访）")
                return EXIT_OK
            if batch:
                ids = data.customer_ids(session, value_class=value_class)
                progress = ProgressLine("正在生成报表")
                written = reports.render_batch(session, kind, ids, Path(args.out_dir),
                                               progress=lambda f: progress("", f))
                progress.done()
                skipped = len(ids) - len(written)
                note = f"，{skipped} 个客户缺少所需数据而跳过" if skipped else ""
                print(f"已生成 {len(written)} 个文件：{args.out_dir}{note}")
                return EXIT_OK
            customer = data.get_customer(session, args.customer)
            target = _single_target(args, reports.file_name(kind, customer.id, customer.name))
            reports.render_customer_report(session, kind, customer.id, target)
            print(f"已生成：{target}")
            return EXIT_OK
    finally:
        db.dispose()


def _single_target(args: argparse.Namespace, name: str) -> Path:
    """The file to write: -o FILE, or NAME inside --out-dir (created if needed)."""
    if args.output:
        path = Path(args.output)
        if path.is_dir():
            raise UserError(f"“{path}”是一个文件夹：请用 --out-dir 或给出文件名。")
        if not path.parent.exists():
            raise UserError(f"文件夹“{path.parent}”不存在。")
        return path
    folder = Path(args.out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"无法创建文件夹“{folder}”：{exc.strerror}") from None
    return folder / name.replace("/", "_")
