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

from .charts import quadrant, radar
from .layout import BODY_W, GRID, Styles, Table, build, fixed, grid_table, kv_table, para
from .model import EvaluationSheet, Letterhead
from .text import capitals, day, escape, yuan

TITLE = "客户评价表"
BLANK = "　" * 3


def _num(value: float | None, digits: int = 1) -> str:
    if value is None:
        return ""
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _signed(value: float) -> str:
    return ("+" if value > 0 else "") + _num(value)


def story(sheet: EvaluationSheet, styles: Styles) -> list[Flowable]:
    c = sheet.customer
    out: list[Flowable] = [fixed(TITLE + ("（空白表）" if sheet.blank else ""), styles.title)]
    out.append(kv_table([
        ("客户名称", c.name), ("客户编号", c.code or str(c.id)),
        ("客户类型", "　".join(p for p in (c.kind, c.customer_type) if p)),
        ("所在地区", c.region), ("负责业务员", c.owner), ("客户状态", c.status),
        ("评价周期", sheet.period_label), ("评价日期", day(sheet.evaluated_on)),
        ("评价人", sheet.evaluator), ("评价模板", sheet.template_name),
    ], styles))
    out.append(Spacer(1, 2 * mm))
    out.append(kv_table([
        ("近12月销售", f"{yuan(c.sales_12m_fen)}（大写：{capitals(c.sales_12m_fen)}）"),
        ("逾期欠款", f"{yuan(c.overdue_fen)}（大写：{capitals(c.overdue_fen)}）"),
    ], styles, columns=1))

    out.append(fixed("评价指标", styles.h2))
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
    rows.append(["合计", "", f"{_num(weight_sum)}%", "", "", _num(sheet.total, 1), "", ""])
    widths = [11 * mm, 48 * mm, 14 * mm, 12 * mm, 14 * mm, 18 * mm, 14 * mm]
    widths.append(BODY_W - sum(widths))
    table = grid_table(["序号", "指标", "权重", "满分", "得分", "加权得分", "上次", "说明"],
                       rows, widths, styles)
    table.setStyle(TableStyle([("SPAN", (0, -1), (1, -1)), ("ALIGN", (0, 1), (0, -1), "CENTER"),
                               ("ALIGN", (2, 1), (6, -1), "RIGHT"),
                               ("BACKGROUND", (0, -1), (-1, -1), styles.accent)]))
    out.append(table)

    thresholds = "，".join(f"{g} ≥ {_num(v)}" for g, v in
                          sorted(sheet.grade_thresholds.items(), key=lambda kv: -kv[1]))
    scale = f"（{thresholds}，其余为 D）" if thresholds else ""
    if sheet.blank:
        summary = f"总分：________ 分　　等级：______{escape(scale)}"
    else:
        summary = (f"总分：<b>{_num(sheet.total)}</b> 分　　等级：<b>{escape(sheet.grade)}</b>"
                   f"{escape(scale)}")
    out.append(Spacer(1, 1.5 * mm))
    out.append(fixed(summary, styles.body))

    class_text = [fixed("客户分类：" + escape(sheet.value_class_label or
                                           ("□一类 □二类 □三类 □四类" if sheet.blank
                                            else "未分类")), styles.body),
                  Spacer(1, 1 * mm), fixed("建议策略：", styles.label),
                  para(sheet.strategy, styles.cell,
                       empty="（评价完成后按分类确定）" if sheet.blank else "")]
    charts = Table([[radar(sheet.rows, 62 * mm, styles.primary),
                     quadrant(sheet.value_class, 40 * mm, styles.primary, styles.accent),
                     class_text]],
                   colWidths=[66 * mm, 44 * mm, BODY_W - 110 * mm])
    charts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
    out.append(KeepTogether([fixed("分类与雷达图", styles.h2), charts]))

    if not sheet.blank:
        out.append(fixed("与上次评价比较", styles.h2))
        if sheet.previous_total is None:
            out.append(fixed("本次为首次评价，没有可比较的上次评价。", styles.body))
        else:
            change = sheet.total - sheet.previous_total if sheet.total is not None else 0.0
            moved = [f"{escape(r.name)} {_signed((r.score or 0) - r.previous)}"
                     for r in sheet.rows if r.score is not None and r.previous is not None
                     and r.score != r.previous]
            out.append(fixed(
                f"上次（{escape(sheet.previous_period)}）：总分 {_num(sheet.previous_total)}，"
                f"等级 {escape(sheet.previous_grade or '—')}，"
                f"分类 {escape(sheet.previous_class_label or '—')}。"
                f"本次总分变化 <b>{_signed(change)}</b> 分"
                + (f"；变化的指标：{'，'.join(moved)}。" if moved else "；各项指标得分未变。"),
                styles.body))

    out.append(fixed("评语", styles.h2))
    notes = para(sheet.notes, styles.body)
    box = Table([[notes]], colWidths=[BODY_W], rowHeights=None if sheet.notes else [22 * mm])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.4, GRID),
                             ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    out.append(box)
    out.append(Spacer(1, 6 * mm))
    out.append(KeepTogether([signatures(styles)]))
    return out


def signatures(styles: Styles) -> Table:
    """Signature and date lines: evaluator, customer, supervisor."""
    line = "________________"
    cells = [[fixed(f"{who}：{line}", styles.body), fixed(f"日期：{line}", styles.body)]
             for who in ("评价人签字", "客户签字", "主管审核")]
    table = Table(cells, colWidths=[BODY_W / 2] * 2, rowHeights=[9 * mm] * 3)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return table


def render_evaluation(sheet: EvaluationSheet, target: str | Path | IO[bytes], *,
                      letterhead: Letterhead, generated: datetime | None = None) -> None:
    """Write one evaluation sheet as a PDF to a path or a binary file object."""
    styles = Styles(letterhead)
    build(target, story(sheet, styles), title=TITLE, letterhead=letterhead, styles=styles,
          generated=generated)
