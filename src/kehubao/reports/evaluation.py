"""客户评价表: the evaluation sheet a salesperson hands to the manager and the customer.

Scored by weighted shares (分值比例法): each indicator's score / maximum × weight, summed
to a 100-point total. A customer never evaluated prints as a blank form on the default
template, to be filled in by hand and typed in later.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import IO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from ..texts import Text, noop
from .charts import quadrant, radar
from .layout import BODY_W, GRID, Styles, Table, build, fixed, grid_table, kv_table, para
from .model import EvaluationSheet, Letterhead
from .text import day, escape, joined, marked, with_capitals

TITLE = noop("客户评价表")


def _num(value: float | None, digits: int = 1) -> str:
    if value is None:
        return ""
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + _num(value)


def story(sheet: EvaluationSheet, styles: Styles) -> list[Flowable]:
    c = sheet.customer
    title = Text("{title}（空白表）", title=Text(TITLE)) if sheet.blank else Text(TITLE)
    out: list[Flowable] = [fixed(escape(title), styles.title)]
    out.append(kv_table([
        (Text("客户名称"), c.name), (Text("客户编号"), c.code or str(c.id)),
        (Text("客户类型"), joined((c.kind, c.customer_type))),
        (Text("所在地区"), c.region), (Text("负责业务员"), c.owner), (Text("客户状态"), c.status),
        (Text("评价周期"), sheet.period_label), (Text("评价日期"), day(sheet.evaluated_on)),
        (Text("评价人"), sheet.evaluator), (Text("评价模板"), sheet.template_name),
    ], styles))
    out.append(Spacer(1, 2 * mm))
    out.append(kv_table([
        (Text("近12月销售"), with_capitals(c.sales_12m_fen, said=True)),
        (Text("逾期欠款"), with_capitals(c.overdue_fen, said=True)),
    ], styles, columns=1))

    out.append(fixed(escape(Text("评价指标")), styles.h2))
    rows: list[list[Flowable | str]] = []
    for n, row in enumerate(sheet.rows, 1):
        name = para(row.name, styles.cell)
        cells: list[Flowable | str] = [
            str(n), [name, para(row.description, styles.small)] if row.description else name,
            f"{_num(row.weight * 100)}%", str(row.max_score), _num(row.score),
            _num(row.weighted, 2), _num(row.previous),
            para(row.comment, styles.small) if row.comment else "",
        ]
        rows.append(cells)
    weight_sum = sum(r.weight for r in sheet.rows) * 100
    rows.append([Text("合计"), "", f"{_num(weight_sum)}%", "", "", _num(sheet.total, 1), "", ""])
    widths = [11 * mm, 48 * mm, 14 * mm, 13 * mm, 14 * mm, 18 * mm, 14 * mm]
    widths.append(BODY_W - sum(widths))
    table = grid_table([Text("序号"), Text("指标"), Text("权重"), Text("满分"), Text("得分"),
                        Text("加权得分"), Text("上次"), Text("说明")], rows, widths, styles)
    table.setStyle(TableStyle([("SPAN", (0, -1), (1, -1)), ("ALIGN", (0, 1), (0, -1), "CENTER"),
                               ("ALIGN", (2, 1), (6, -1), "RIGHT"),
                               ("BACKGROUND", (0, -1), (-1, -1), styles.accent)]))
    out.append(table)

    thresholds = [f"{g} ≥ {_num(v)}" for g, v in
                  sorted(sheet.grade_thresholds.items(), key=lambda kv: -kv[1])]
    scale = (Text("（{thresholds}，其余为 D）", thresholds=joined(thresholds, COMMA))
             if thresholds else "")
    if sheet.blank:
        summary = marked(SUMMARY, total="________", grade="______", scale=escape(scale))
    else:
        summary = marked(SUMMARY, total=f"<b>{_num(sheet.total)}</b>",
                         grade=f"<b>{escape(sheet.grade)}</b>", scale=escape(scale))
    out.append(Spacer(1, 1.5 * mm))
    out.append(fixed(summary, styles.body))

    label = sheet.value_class_label or (Text("□一类 □二类 □三类 □四类") if sheet.blank
                                        else Text("未分类"))
    class_text = [fixed(escape(Text("客户分类：{label}", label=label)), styles.body),
                  Spacer(1, 1 * mm), fixed(escape(Text("建议策略：")), styles.label),
                  para(sheet.strategy, styles.cell,
                       empty=Text("（评价完成后按分类确定）") if sheet.blank else "")]
    charts = Table([[radar(sheet.rows, 62 * mm, styles.primary),
                     quadrant(sheet.value_class, 40 * mm, styles.primary, styles.accent),
                     class_text]],
                   colWidths=[66 * mm, 44 * mm, BODY_W - 110 * mm])
    charts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
    out.append(KeepTogether([fixed(escape(Text("分类与雷达图")), styles.h2), charts]))

    if not sheet.blank:
        out.append(fixed(escape(Text("与上次评价比较")), styles.h2))
        if sheet.previous_total is None:
            out.append(fixed(escape(Text("本次为首次评价，没有可比较的上次评价。")),
                             styles.body))
        else:
            change = sheet.total - sheet.previous_total if sheet.total is not None else 0.0
            moved = [f"{escape(r.name)} {_signed((r.score or 0) - r.previous)}"
                     for r in sheet.rows if r.score is not None and r.previous is not None
                     and r.score != r.previous]
            before = marked(BEFORE, period=escape(sheet.previous_period),
                            total=_num(sheet.previous_total),
                            grade=escape(sheet.previous_grade or "—"),
                            label=escape(sheet.previous_class_label or "—"),
                            change=f"<b>{_signed(change)}</b>")
            out.append(fixed(marked(MOVED, before=before, moved=joined(moved, COMMA)) if moved
                             else marked(UNMOVED, before=before), styles.body))

    out.append(fixed(escape(Text("评语")), styles.h2))
    notes = para(sheet.notes, styles.body)
    box = Table([[notes]], colWidths=[BODY_W], rowHeights=None if sheet.notes else [22 * mm])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.4, GRID),
                             ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    out.append(box)
    out.append(Spacer(1, 6 * mm))
    out.append(KeepTogether([signatures(styles)]))
    return out


COMMA = noop("{first}，{second}")
SUMMARY = noop("总分：{total} 分　　等级：{grade}{scale}")
BEFORE = noop("上次（{period}）：总分 {total}，等级 {grade}，分类 {label}。"
              "本次总分变化 {change} 分")
MOVED = noop("{before}；变化的指标：{moved}。")
UNMOVED = noop("{before}；各项指标得分未变。")
SIGNERS = (noop("评价人签字"), noop("客户签字"), noop("主管审核"))


def signatures(styles: Styles) -> Table:
    """Signature and date lines: evaluator, customer, supervisor."""
    line = "________________"
    cells = [[fixed(escape(Text("{who}：{line}", who=Text(who), line=line)), styles.body),
              fixed(escape(Text("日期：{line}", line=line)), styles.body)]
             for who in SIGNERS]
    table = Table(cells, colWidths=[BODY_W / 2] * 2, rowHeights=[9 * mm] * 3)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return table


def render_evaluation(sheet: EvaluationSheet, target: str | Path | IO[bytes], *,
                      letterhead: Letterhead, generated: datetime | None = None) -> None:
    """Write one evaluation sheet as a PDF to a path or a binary file object."""
    styles = Styles(letterhead)
    build(target, story(sheet, styles), title=Text(TITLE), letterhead=letterhead, styles=styles,
          generated=generated)
