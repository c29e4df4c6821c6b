"""拜访报告: one visit written up for the manager, or the list of a day's or a week's
visits (the salesperson's daily/weekly report)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import IO

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from .layout import BODY_W, Styles, build, fixed, grid_table, kv_table, para
from .model import Letterhead, VisitRecord
from .text import day, escape, moment

TITLE = "拜访报告"
LIST_TITLE = "拜访记录汇总"


def _worked(value: bool | None) -> str:
    return {True: "（有效）", False: "（无效）"}.get(value, "")  # type: ignore[arg-type]


def visit_story(v: VisitRecord, styles: Styles) -> list[Flowable]:
    contact = "　".join(p for p in (v.contact, v.contact_title) if p)
    when = moment(v.occurred_at) + (f"（{v.duration_minutes} 分钟）" if v.duration_minutes
                                    else "")
    out: list[Flowable] = [kv_table([
        ("客户", v.customer_name), ("联系人", contact), ("时间", when), ("方式", v.kind),
        ("地点", v.location), ("业务员", v.owner), ("联系人情绪", v.mood),
        ("跟进日期", day(v.follow_up_on)),
    ], styles)]
    sections = [("拜访目的", v.purpose), ("沟通内容", v.content), ("发现的需求", v.needs_found),
                ("客户异议", v.objections),
                ("我方答复", (v.reply_used + _worked(v.reply_worked)) if v.reply_used else ""),
                ("结果", v.outcome), ("下一步", v.next_step)]
    for title, text in sections:
        out.append(CondPageBreak(14 * mm))  # never a heading alone at a page's foot
        out.append(fixed(title, styles.h2))
        out.append(para(text, styles.body, empty="—"))
    return out


def render_visit(visit: VisitRecord, target: str | Path | IO[bytes], *,
                 letterhead: Letterhead, generated: datetime | None = None) -> None:
    """Write one visit report as a PDF."""
    styles = Styles(letterhead)
    story: list[Flowable] = [fixed(TITLE, styles.title), *visit_story(visit, styles)]
    build(target, story, title=TITLE, letterhead=letterhead, styles=styles,
          generated=generated)


def render_visit_list(visits: list[VisitRecord], start: date, end: date,
                      target: str | Path | IO[bytes], *, letterhead: Letterhead,
                      generated: datetime | None = None) -> None:
    """A day's or a week's visits: a summary table, then each visit in full."""
    styles = Styles(letterhead)
    period = day(start) if start == end else f"{day(start)} 至 {day(end)}"
    story: list[Flowable] = [fixed(LIST_TITLE, styles.title),
                             fixed(f"期间：{escape(period)}　共 {len(visits)} 次拜访",
                                   styles.body), Spacer(1, 2 * mm)]
    rows: list[list[Flowable | str]] = [
        [fixed(escape(moment(v.occurred_at)), styles.cell), para(v.customer_name, styles.cell),
         para(v.contact, styles.cell), para(v.purpose, styles.cell),
         para(v.outcome, styles.cell), fixed(escape(day(v.follow_up_on)), styles.cell)]
        for v in visits]
    widths = [27 * mm, 42 * mm, 17 * mm, 36 * mm, 0, 22 * mm]
    widths[4] = BODY_W - sum(widths)
    story.append(grid_table(["时间", "客户", "联系人", "目的", "结果", "跟进日期"], rows,
                            widths, styles))
    for n, v in enumerate(visits, 1):
        story.append(CondPageBreak(60 * mm))
        story.append(fixed(f"{n}. {escape(v.customer_name)}", styles.h2))
        story.extend(visit_story(v, styles))
    if not visits:
        story.append(fixed("这段时间没有拜访记录。", styles.body))
    build(target, story, title=LIST_TITLE, letterhead=letterhead, styles=styles,
          generated=generated)
