"""拜访准备单: one page to read in the car park before a visit — who the customer is,
how to approach each contact (last mood first), what is still open, which objections
came up last time and what was answered, the class strategy and the money owed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import IO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from .layout import BODY_W, Styles, build, fixed, grid_table, kv_table, para
from .model import Brief, Letterhead
from .text import capitals, day, escape, markup, moment, yuan

TITLE = "拜访准备单"
# Advice topics that only repeat what was recorded (printed as facts instead).
def _money(fen: int | None) -> str:
    if not fen:
        return yuan(fen or 0)
    return f"{yuan(fen)}（{capitals(fen)}）"


def story(b: Brief, styles: Styles) -> list[Flowable]:
    c = b.customer
    out: list[Flowable] = [fixed(TITLE, styles.title)]
    out.append(kv_table([
        ("客户名称", c.name), ("客户编号", c.code or str(c.id)),
        ("类型/状态", "　".join(p for p in (c.customer_type, c.status) if p)),
        ("分类/等级", "　".join(p for p in (c.value_class_label, c.grade) if p)),
        ("行业/规模", "　".join(p for p in (c.industry, c.scale) if p)),
        ("信用等级", c.credit_rating), ("电话", c.phone), ("地址", c.address),
        ("上次联系", moment(c.last_contact_at)), ("业务员", c.owner),
    ], styles))
    out.append(Spacer(1, 1.5 * mm))
    out.append(kv_table([
        ("逾期欠款", _money(c.overdue_fen)), ("应收账款", _money(c.receivable_fen)),
        ("信用额度", _money(c.credit_limit_fen) if c.credit_limit_fen else "未设"),
    ], styles, columns=1))

    out.append(fixed("联系人与沟通建议", styles.h2))
    colour = styles.primary.hexval().replace("0x", "#")
    if not b.contacts:
        out.append(fixed("还没有登记联系人。", styles.body))
    for person in b.contacts:
        head = "　".join(p for p in (person.name, person.title, person.role) if p)
        reach = "　".join(p for p in (person.mobile or person.phone,
                                      f"微信 {person.wechat}" if person.wechat else "") if p)
        line = "　".join(p for p in (head + ("（主要联系人）" if person.is_primary else ""),
                                     reach) if p)
        out.append(para(line, styles.label))
        mood = (person.last_emotion + (f"（{day(person.last_emotion_at)}）"
                                       if person.last_emotion_at else "")
                if person.last_emotion else "未记录")
        facts = [("上次情绪", mood), ("个性", person.personality or "未记录"),
                 ("偏好", person.preferences or "未记录")]
        if person.needs:
            facts.append(("需求", person.needs))
        out.append(fixed("　".join(f"{label}：{markup(value)}" for label, value in facts),
                         styles.cell))
        # What is observed is printed above; the advice below is what to make of it.
        tips = person.advice[:5]
        advice = "<br/>".join(f"• <font color='{colour}'>{markup(topic)}</font>：{markup(text)}"
                              for topic, text in tips)
        if advice:
            out.append(fixed(advice, styles.small))
        out.append(Spacer(1, 1.5 * mm))

    out.append(fixed("待办跟进", styles.h2))
    if b.follow_ups:
        rows: list[list[Flowable | str]] = [
            [fixed(escape(moment(f.due_at)) + ("（已过期）" if f.overdue else ""), styles.cell),
             para(f.kind, styles.cell), para(f.title, styles.cell), para(f.contact, styles.cell),
             para(f.note, styles.small)] for f in b.follow_ups]
        widths = [40 * mm, 16 * mm, 50 * mm, 20 * mm]
        widths.append(BODY_W - sum(widths))
        out.append(grid_table(["到期", "方式", "事项", "联系人", "备注"], rows, widths, styles))
    else:
        out.append(fixed("没有待办的跟进。", styles.body))

    out.append(fixed("上次遇到的异议与答复", styles.h2))
    if b.objections:
        rows = []
        for o in b.objections:
            reply = o.reply + {True: "（有效）", False: "（无效）"}.get(o.worked, "")  # type: ignore[arg-type]
            answer = [para(reply, styles.cell, empty="—")]
            answer += [para("话术参考：" + s, styles.small) for s in o.suggested]
            rows.append([fixed(escape(day(o.occurred_at)), styles.cell),
                         para(o.objection, styles.cell), answer])
        widths = [22 * mm, 70 * mm]
        widths.append(BODY_W - sum(widths))
        out.append(grid_table(["日期", "异议", "答复"], rows, widths, styles))
    else:
        out.append(fixed("没有记录到异议。", styles.body))

    out.append(fixed("分类策略", styles.h2))
    out.append(para(b.strategy, styles.body, empty="尚未分类：评价后按分类确定策略。"))
    if b.last_visit is not None:
        out.append(fixed("上次联系", styles.h2))
        v = b.last_visit
        out.append(para(f"{moment(v.occurred_at)} {v.kind} {v.contact}：{v.purpose}。"
                        f"结果：{v.outcome or '—'}；下一步：{v.next_step or '—'}", styles.body))
    return out


def render_brief(brief: Brief, target: str | Path | IO[bytes], *, letterhead: Letterhead,
                 generated: datetime | None = None) -> None:
    """Write the pre-visit brief as a PDF."""
    styles = Styles(letterhead)
    build(target, story(brief, styles), title=TITLE, letterhead=letterhead, styles=styles,
          generated=generated)
