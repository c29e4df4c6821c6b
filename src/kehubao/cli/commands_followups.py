"""`reminders` and `log`: the follow-up work from the command line (scripts, a cron job
that exports the calendar, a quick log after a call)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import UserError
from .commands_data import open_for_cli
from .main import EXIT_OK, add_db_argument, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("reminders", help="待办跟进与自动提醒（生日、久未联系、回款）；可导出日历")
    p.add_argument("--due", action="store_true", help="只列出现在已到期的")
    p.add_argument("--days", type=_days, metavar="N",
                   help="列出 N 天内到期的（默认 7）；与 --ics 同用时只导出 N 天内的（默认全部）")
    p.add_argument("--limit", type=_positive, default=100, metavar="N",
                   help="每组最多列出几条（默认 100；数量总是完整的）")
    p.add_argument("--at", metavar="TIME", help="按这个时间计算（默认现在），如 2026-12-07 09:00")
    p.add_argument("--ics", metavar="FILE", help="把未完成的跟进导出为日历文件（.ics）")
    p.add_argument("--no-generate", action="store_true",
                   help="不先生成自动提醒（默认：一小时内没生成过时，补上缺少的生日、久未联系和回款提醒）")
    p.add_argument("--generate", action="store_true", help="无论何时生成过，现在都重新生成自动提醒")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_db_argument(p)
    p.set_defaults(handler=cmd_reminders)

    p = sub.add_parser("log", help="记录一次跟进（拜访、电话、微信……），可同时安排下一步")
    p.add_argument("customer_id", type=int, metavar="CUSTOMER_ID", help="客户编号")
    p.add_argument("--kind", required=True, metavar="KIND",
                   help="方式：visit 拜访、call 电话、wechat 微信、email 邮件、meeting 会议、other 其他")
    p.add_argument("--summary", required=True, metavar="TEXT", help="摘要")
    p.add_argument("--time", metavar="TIME", help="发生时间（默认现在），如 2026-12-03 14:30")
    p.add_argument("--contact", type=int, metavar="ID", help="联系人编号")
    p.add_argument("--mood", metavar="MOOD", help="对方情绪：喜、怒、哀、乐、悲、恐、惊")
    p.add_argument("--content", metavar="TEXT", help="详细情况")
    p.add_argument("--needs", metavar="TEXT", help="发现的需求")
    p.add_argument("--objections", metavar="TEXT", help="遇到的异议")
    p.add_argument("--reply", metavar="TEXT", help="使用的应答")
    p.add_argument("--outcome", metavar="TEXT", help="结果")
    p.add_argument("--next-step", metavar="TEXT", help="下一步")
    p.add_argument("--due", metavar="TIME", help="下一步的到期时间（会生成跟进提醒）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_db_argument(p)
    p.set_defaults(handler=cmd_log)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是整数") from None
    if not 1 <= value <= 100_000:
        raise argparse.ArgumentTypeError(f"须在 1 到 100000 之间（收到 {text}）")
    return value


def _days(text: str) -> int:
    value = _positive(text)
    if value > 366:
        raise argparse.ArgumentTypeError(f"须在 1 到 366 之间（收到 {text}）")
    return value


def cmd_reminders(args: argparse.Namespace) -> int:
    from ..services.followups import (
        follow_ups_to_ics,
        generate_if_stale,
        generate_reminders,
        today_data,
    )
    from ..services.followups.today import GROUP_LABELS, GROUPS

    clock = _clock(args.at)
    db = open_for_cli(args)
    generated: dict[str, int] = {}
    if args.generate:
        with db.session() as session:
            generated = generate_reminders(session, clock=clock).created
    elif not args.no_generate:
        with db.session() as session:
            made = generate_if_stale(session, clock=clock)
            generated = made.created if made else {}
    if args.ics:
        with db.session(write=False) as session:
            data = follow_ups_to_ics(session, days=args.days, clock=clock)
        try:
            Path(args.ics).write_bytes(data)
        except FileNotFoundError:
            raise UserError(f"无法写入日历文件 {args.ics}：文件夹不存在") from None
        except PermissionError:
            raise UserError(f"无法写入日历文件 {args.ics}：没有写入权限") from None
        except OSError as exc:
            raise UserError(f"无法写入日历文件 {args.ics}：{exc.strerror or exc}") from None
        events = data.count(b"BEGIN:VEVENT")
        if args.json:
            print_json({"ics": str(Path(args.ics)), "events": events, "generated": generated})
        else:
            print(f"已导出 {events} 条跟进到 {args.ics}")
        return EXIT_OK
    with db.session(write=False) as session:
        data = today_data(session, clock=clock, limit=args.limit, days=args.days or 7,
                          due_only=args.due)
    if args.json:
        print_json({
            "now": data.now.isoformat(timespec="minutes"), "generated": generated,
            "counts": data.counts,
            "items": [_item(row) for group in GROUPS for row in data.groups[group]],
        })
        return EXIT_OK
    if not data.total:
        print("没有到期的跟进。" if args.due else f"{args.days or 7} 天内没有待办的跟进。")
    for group in GROUPS:
        rows = data.groups[group]
        if not data.counts[group]:
            continue
        print(f"{GROUP_LABELS[group]}（{data.counts[group]}）")
        for row in rows:
            who = f" · {row.contact_name}" if row.contact_name else ""
            holiday = f" [{row.holiday}]" if row.holiday else ""
            print(f"  {row.due:%m-%d %H:%M}{holiday}  {row.customer_name}{who}：{row.title}"
                  f"  #{row.follow_up_id}")
        if data.counts[group] > len(rows):
            print(f"  ……还有 {data.counts[group] - len(rows)} 条")
    sys.stdout.flush()
    return EXIT_OK


def _clock(text: str | None) -> Callable[[], datetime]:
    """The clock of this run: now, or the time given with --at."""
    from ..services.followups import local_now
    from ..services.followups.values import a_datetime

    if not text:
        return local_now
    when = a_datetime(text)
    return lambda: when


def _item(row: Any) -> dict[str, Any]:
    return {
        "id": row.follow_up_id, "group": row.group, "kind": row.kind, "title": row.title,
        "due": row.due.isoformat(timespec="minutes"), "snoozed": row.snoozed,
        "priority": row.priority, "recurrence": row.recurrence or None, "holiday": row.holiday,
        "customer_id": row.customer_id, "customer": row.customer_name,
        "contact_id": row.contact_id, "contact": row.contact_name,
        "last_interaction_at": row.last_interaction_at.isoformat(timespec="minutes")
        if row.last_interaction_at else None,
        "last_interaction": row.last_interaction, "mood": row.mood, "advice": row.advice,
    }


def cmd_log(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from ..models import FollowUp
    from ..services.followups import log_interaction

    db = open_for_cli(args)
    with db.session() as session:
        interaction = log_interaction(
            session, args.customer_id, kind=args.kind, summary=args.summary,
            occurred_at=args.time, contact_id=args.contact, mood=args.mood,
            content=args.content, needs=args.needs, objections=args.objections,
            reply_used=args.reply, outcome=args.outcome, next_step=args.next_step,
            next_due=args.due)
        follow_up_id = session.scalar(select(func.max(FollowUp.id))
                                      .where(FollowUp.interaction_id == interaction.id))
        result = {"interaction_id": interaction.id, "follow_up_id": follow_up_id,
                  "occurred_at": interaction.occurred_at.isoformat(timespec="minutes")}
    if args.json:
        print_json(result)
    else:
        extra = f"，并安排了跟进提醒 #{follow_up_id}" if follow_up_id else ""
        print(f"已记录跟进 #{interaction.id}{extra}")
    return EXIT_OK
