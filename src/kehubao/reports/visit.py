"""拜访报告: one visit written up for the manager, or the list of a day's or a week's
visits (the salesperson's daily/weekly report)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import IO

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from ..texts import Text, noop
from .layout import BODY_W, Styles, build, fixed, grid_table, kv_table, para
from .model import Letterhead, VisitRecord
from .text import day, escape, joined, moment

TITLE = noop("拜访报告")
LIST_TITLE = noop("拜访记录汇总")


def _replied(reply: str, worked: bool | None) -> str:
    if worked is None:
        return reply
    return (Text("{reply}（有效）", reply=reply) if worked
            else Text("{reply}（无效）", reply=reply))


def visit_story(v: VisitRecord, styles: Styles) -> list[Flowable]:
    when = (Text("{time}（{minutes} 分钟）", time=moment(v.occurred_at),
                 minutes=v.duration_minutes) if v.duration_minutes else moment(v.occurred_at))
    out: list[Flowable] = [kv_table([
        (Text("客户名称"), v.customer_name), (Text("联系人"), joined((v.contact, v.contact_title))),
        (Text("时间"), when), (Text("方式"), v.kind),
        (Text("地点"), v.location), (Text("业务员"), v.owner), (Text("联系人情绪"), v.mood),
        (Text("跟进日期"), day(v.follow_up_on)),
    ], styles)]
    sections = [(Text("拜访目的"), v.purpose), (Text("沟通内容"), v.content),
                (Text("发现的需求"), v.needs_found), (Text("客户异议"), v.objections),
                (Text("我方答复"), _replied(v.reply_used, v.reply_worked) if v.reply_used else ""),
                (Text("结果"), v.outcome), (Text("下一步"), v.next_step)]
    for title, text in sections:
        out.append(CondPageBreak(14 * mm))  # never a heading alone at a page's foot
        out.append(fixed(escape(title), styles.h2))
        out.append(para(text, styles.body, empty="—"))
    return out


def render_visit(visit: VisitRecord, target: str | Path | IO[bytes], *,
                 letterhead: Letterhead, generated: datetime | None = None) -> None:
    """Write one visit report as a PDF."""
    styles = Styles(letterhead)
    story: list[Flowable] = [fixed(escape(Text(TITLE)), styles.title),
                             *visit_story(visit, styles)]
    build(target, story, title=Text(TITLE), letterhead=letterhead, styles=styles,
          generated=generated)


def render_visit_list(visits: list[VisitRecord], start: date, end: date,
                      target: str | Path | IO[bytes], *, letterhead: Letterhead,
                      generated: datetime | None = None) -> None:
    """A day's or a week's visits: a summary table, then each visit in full."""
    styles = Styles(letterhead)
    period = day(start) if start == end else Text("{start} 至 {end}", start=day(start),
                                                    end=day(end))
    story: list[Flowable] = [
        fixed(escape(Text(LIST_TITLE)), styles.title),
        fixed(escape(Text("期间：{period}　共 {count} 次拜访", period=period, count=len(visits))),
              styles.body), Spacer(1, 2 * mm)]
    rows: list[list[Flowable | str]] = [
        [fixed(escape(moment(v.occurred_at)), styles.cell), para(v.customer_name, styles.cell),
         para(v.contact, styles.cell), para(v.purpose, styles.cell),
         para(v.outcome, styles.cell), fixed(escape(day(v.follow_up_on)), styles.cell)]
        for v in visits]
    widths = [27 * mm, 42 * mm, 17 * mm, 36 * mm, 0, 22 * mm]
    widths[4] = BODY_W - sum(widths)
    story.append(grid_table([Text("时间"), Text("客户名称"), Text("联系人"), Text("目的"),
                             Text("结果"), Text("跟进日期")], rows, widths, styles))
    for n, v in enumerate(visits, 1):
        story.append(CondPageBreak(60 * mm))
        story.append(fixed(f"{n}. {escape(v.customer_name)}", styles.h2))
        story.extend(visit_story(v, styles))
    if not visits:
        story.append(fixed(escape(Text("这段时间没有拜访记录。")), styles.body))
    build(target, story, title=Text(LIST_TITLE), letterhead=letterhead, styles=styles,
          generated=generated)
