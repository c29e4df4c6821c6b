"""拜访准备单: one page to read in the car park before a visit — who the customer is,
how to approach each contact (last mood first), what is still open, which objections
came up last time and what was answered, the class strategy and the money owed."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import IO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ..texts import Text, noop
from .layout import BODY_W, Styles, build, fixed, grid_table, kv_table, para
from .model import Brief, Letterhead
from .text import day, escape, joined, marked, markup, moment, with_capitals, yuan

TITLE = noop("拜访准备单")


def _money(fen: int | None) -> str:
    return with_capitals(fen) if fen else yuan(fen or 0)


# What was observed of a contact, on one line; then each piece of advice: 话题：建议.
FACTS = noop("上次情绪：{mood}　个性：{personality}　偏好：{preferences}")
WITH_NEEDS = noop("{facts}　需求：{needs}")
LABELLED = noop("{label}：{value}")


def story(b: Brief, styles: Styles) -> list[Flowable]:
    c = b.customer
    out: list[Flowable] = [fixed(escape(Text(TITLE)), styles.title)]
    out.append(kv_table([
        (Text("客户名称"), c.name), (Text("客户编号"), c.code or str(c.id)),
        (Text("类型/状态"), joined((c.customer_type, c.status))),
        (Text("分类/等级"), joined((c.value_class_label, c.grade))),
        (Text("行业/规模"), joined((c.industry, c.scale))),
        (Text("信用等级"), c.credit_rating), (Text("电话"), c.phone), (Text("地址"), c.address),
        (Text("上次联系"), moment(c.last_contact_at)), (Text("业务员"), c.owner),
    ], styles))
    out.append(Spacer(1, 1.5 * mm))
    out.append(kv_table([
        (Text("逾期欠款"), _money(c.overdue_fen)), (Text("应收账款"), _money(c.receivable_fen)),
        (Text("信用额度"), _money(c.credit_limit_fen) if c.credit_limit_fen else Text("未设")),
    ], styles, columns=1))

    out.append(fixed(escape(Text("联系人与沟通建议")), styles.h2))
    colour = styles.primary.hexval().replace("0x", "#")
    if not b.contacts:
        out.append(fixed(escape(Text("还没有登记联系人。")), styles.body))
    for person in b.contacts:
        head = joined((person.name, person.title, person.role))
        if person.is_primary:
            head = Text("{name}（主要联系人）", name=head)
        reach = joined((person.mobile or person.phone,
                        Text("微信 {id}", id=person.wechat) if person.wechat else ""))
        out.append(para(joined((head, reach)), styles.label))
        unknown = Text("未记录")
        mood = ((Text("{mood}（{date}）", mood=person.last_emotion,
                      date=day(person.last_emotion_at))
                 if person.last_emotion_at else person.last_emotion)
                if person.last_emotion else unknown)
        facts = marked(FACTS, mood=markup(mood),
                       personality=markup(person.personality or unknown),
                       preferences=markup(person.preferences or unknown))
        if person.needs:
            facts = marked(WITH_NEEDS, facts=facts, needs=markup(person.needs))
        out.append(fixed(facts, styles.cell))
        # What is observed is printed above; the advice below is what to make of it.
        tips = person.advice[:5]
        advice = "<br/>".join(
            "• " + marked(LABELLED, label=f"<font color='{colour}'>{markup(topic)}</font>",
                          value=markup(text)) for topic, text in tips)
        if advice:
            out.append(fixed(advice, styles.small))
        out.append(Spacer(1, 1.5 * mm))

    out.append(fixed(escape(Text("待办跟进")), styles.h2))
    if b.follow_ups:
        rows: list[list[Flowable | str]] = [
            [fixed(escape(Text("{time}（已过期）", time=moment(f.due_at)) if f.overdue
                          else moment(f.due_at)), styles.cell),
             para(f.kind, styles.cell), para(f.title, styles.cell), para(f.contact, styles.cell),
             para(f.note, styles.small)] for f in b.follow_ups]
        widths = [40 * mm, 18 * mm, 50 * mm, 22 * mm]
        widths.append(BODY_W - sum(widths))
        out.append(grid_table([Text("到期"), Text("方式"), Text("事项"), Text("联系人"),
                               Text("备注")], rows, widths, styles))
    else:
        out.append(fixed(escape(Text("没有待办的跟进。")), styles.body))

    out.append(fixed(escape(Text("上次遇到的异议与答复")), styles.h2))
    if b.objections:
        rows = []
        for o in b.objections:
            reply = {True: Text("{reply}（有效）", reply=o.reply),
                     False: Text("{reply}（无效）", reply=o.reply)}.get(o.worked, o.reply)  # type: ignore[call-overload]
            answer = [para(reply, styles.cell, empty="—")]
            answer += [para(Text("话术参考：{reply}", reply=s), styles.small) for s in o.suggested]
            rows.append([fixed(escape(day(o.occurred_at)), styles.cell),
                         para(o.objection, styles.cell), answer])
        widths = [22 * mm, 70 * mm]
        widths.append(BODY_W - sum(widths))
        out.append(grid_table([Text("日期"), Text("异议"), Text("答复")], rows, widths, styles))
    else:
        out.append(fixed(escape(Text("没有记录到异议。")), styles.body))

    out.append(fixed(escape(Text("分类策略")), styles.h2))
    out.append(para(b.strategy, styles.body, empty=Text("尚未分类：评价后按分类确定策略。")))
    if b.last_visit is not None:
        out.append(fixed(escape(Text("上次联系")), styles.h2))
        v = b.last_visit
        out.append(para(Text("{time} {kind} {contact}：{purpose}。结果：{outcome}；下一步：{next}",
                             time=moment(v.occurred_at), kind=v.kind, contact=v.contact,
                             purpose=v.purpose, outcome=v.outcome or "—",
                             next=v.next_step or "—"), styles.body))
    return out


def render_brief(brief: Brief, target: str | Path | IO[bytes], *, letterhead: Letterhead,
                 generated: datetime | None = None) -> None:
    """Write the pre-visit brief as a PDF."""
    styles = Styles(letterhead)
    build(target, story(brief, styles), title=Text(TITLE), letterhead=letterhead, styles=styles,
          generated=generated)
