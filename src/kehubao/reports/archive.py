"""客户档案卡 (everything recorded about one customer) and the customer list of a
region or a class."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import IO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, TableStyle

from .layout import BODY_W, Styles, build, cell, fixed, grid_table, kv_table, para
from .model import ArchiveCard, CustomerInfo, Letterhead
from .text import capitals, day, escape, moment, yuan

TITLE = "客户档案卡"
LIST_TITLE = "客户名单"
LIST_BLOCK = 450  # rows per table in the customer list (about ten pages)


def _wan(value: float | None) -> str:
    return "" if value is None else f"{value:,.2f} 万元".replace(".00 ", " ")


def card_story(card: ArchiveCard, styles: Styles) -> list[Flowable]:
    c = card.customer
    out: list[Flowable] = [fixed(TITLE, styles.title)]
    out.append(kv_table([
        ("客户名称", c.name), ("客户编号", c.code or str(c.id)), ("简称", c.short_name),
        ("类别", "　".join(p for p in (c.kind, c.customer_type) if p)), ("状态", c.status),
        ("分类/等级", "　".join(p for p in (c.value_class_label, c.grade) if p)),
        ("行业", c.industry), ("所有制", c.ownership), ("规模", c.scale),
        ("员工人数", str(c.employees) if c.employees else ""),
        ("年营业额", _wan(c.annual_revenue_wan)), ("注册资本", _wan(c.registered_capital_wan)),
        ("信用等级", c.credit_rating), ("来源", c.source), ("电话", c.phone),
        ("电子邮件", c.email), ("网站", c.website), ("业务员", c.owner),
        ("地区", c.region), ("标签", "、".join(c.tags)),
    ], styles))
    out.append(Spacer(1, 1.5 * mm))
    out.append(kv_table([
        ("地址", c.address), ("证照", c.licences), ("销售网络", c.sales_network),
        ("近12月销售", f"{yuan(c.sales_12m_fen)}（{capitals(c.sales_12m_fen)}）"),
        ("应收账款", f"{yuan(c.receivable_fen)}（{capitals(c.receivable_fen)}）"),
        ("逾期欠款", f"{yuan(c.overdue_fen)}（{capitals(c.overdue_fen)}）"),
        ("信用额度", f"{yuan(c.credit_limit_fen)}（{capitals(c.credit_limit_fen)}）"
         if c.credit_limit_fen else "未设"),
        ("上次联系", moment(c.last_contact_at)), ("下次跟进", moment(c.next_follow_up_at)),
    ], styles, columns=1))

    out.append(fixed("联系人", styles.h2))
    rows: list[list[Flowable | str]] = [
        [para(p.name + ("（主）" if p.is_primary else ""), styles.cell),
         para("　".join(x for x in (p.department, p.title) if x), styles.cell),
         para(p.role, styles.cell), para("\n".join(x for x in (p.mobile, p.phone) if x),
                                         styles.cell),
         para(p.wechat, styles.cell), para(p.birthday, styles.cell),
         para("；".join(x for x in (p.personality, p.preferences) if x), styles.small)]
        for p in card.contacts]
    widths = [22 * mm, 28 * mm, 15 * mm, 28 * mm, 22 * mm, 22 * mm]
    widths.append(BODY_W - sum(widths))
    if rows:
        out.append(grid_table(["姓名", "部门/职务", "角色", "电话", "微信", "生日", "个性与偏好"],
                              rows, widths, styles))
    else:
        out.append(fixed("还没有登记联系人。", styles.body))

    out.append(fixed("最近联系", styles.h2))
    if card.recent:
        rows = [[fixed(escape(moment(v.occurred_at)), styles.cell), para(v.kind, styles.cell),
                 para(v.contact, styles.cell), para(v.purpose, styles.cell),
                 para(v.outcome, styles.small)] for v in card.recent]
        widths = [28 * mm, 13 * mm, 18 * mm, 50 * mm]
        widths.append(BODY_W - sum(widths))
        out.append(grid_table(["时间", "方式", "联系人", "主题", "结果"], rows, widths, styles))
    else:
        out.append(fixed("没有联系记录。", styles.body))

    if card.trades:
        out.append(fixed("最近交易", styles.h2))
        rows = [[fixed(escape(day(t.occurred_on)), styles.cell), para(t.kind, styles.cell),
                 fixed(escape(yuan(t.amount_fen)), styles.cell_right),
                 para(t.product, styles.cell), para(t.reference, styles.cell),
                 fixed(escape(day(t.due_on)), styles.cell)] for t in card.trades]
        widths = [22 * mm, 13 * mm, 30 * mm, 0, 36 * mm, 22 * mm]
        widths[3] = BODY_W - sum(widths)
        out.append(grid_table(["日期", "类型", "金额", "产品", "单号", "付款期限"], rows,
                              widths, styles))
    out.append(fixed("备注", styles.h2))
    out.append(para(c.notes, styles.body, empty="—"))
    return out


def render_archive(card: ArchiveCard, target: str | Path | IO[bytes], *,
                   letterhead: Letterhead, generated: datetime | None = None) -> None:
    """Write one customer's archive card as a PDF."""
    styles = Styles(letterhead)
    build(target, card_story(card, styles), title=TITLE, letterhead=letterhead,
          styles=styles, generated=generated)


def render_customer_list(customers: list[CustomerInfo], scope: str,
                         target: str | Path | IO[bytes], *, letterhead: Letterhead,
                         total: int | None = None, generated: datetime | None = None) -> None:
    """Customers of a region or class, one row each, with the sum of their sales and
    overdue amounts in figures and capitals. `total` > len(customers) says the list
    was cut (the sums are then those of the customers listed)."""
    styles = Styles(letterhead)
    count = f"共 {len(customers):,} 家"
    if total is not None and total > len(customers):
        count = f"共 {total:,} 家，只列出按拼音排序的前 {len(customers):,} 家"
    story: list[Flowable] = [fixed(LIST_TITLE, styles.title),
                             para(f"范围：{scope}　{count}", styles.body),
                             Spacer(1, 2 * mm)]
    widths = [10 * mm, 0, 18 * mm, 11 * mm, 11 * mm, 10 * mm, 27 * mm, 25 * mm, 22 * mm]
    widths[1] = BODY_W - sum(widths)
    rows: list[list[Flowable | str]] = [
        [str(n), cell(c.name, styles.cell, widths[1]), cell(c.region, styles.cell, widths[2]),
         c.status, c.value_class_label.split("·")[0], c.grade,
         cell(c.phone, styles.cell, widths[6]), yuan(c.sales_12m_fen),
         yuan(c.overdue_fen) if c.overdue_fen else ""]
        for n, c in enumerate(customers, 1)]
    # ReportLab re-applies every style command to the rest of a table each time it
    # splits it over a page, so one table of 20,000 rows takes minutes; blocks keep it
    # linear (each block repeats the column header where it starts).
    for start in range(0, max(len(rows), 1), LIST_BLOCK):
        table = grid_table(["序号", "客户名称", "地区", "状态", "分类", "等级", "电话",
                            "近12月销售", "逾期欠款"], rows[start:start + LIST_BLOCK],
                           widths, styles)
        table.setStyle(TableStyle([("ALIGN", (0, 1), (0, -1), "CENTER"),
                                   ("ALIGN", (7, 1), (8, -1), "RIGHT")]))
        story.append(table)
    sales = sum(c.sales_12m_fen for c in customers)
    overdue = sum(c.overdue_fen for c in customers)
    story.append(Spacer(1, 2 * mm))
    story.append(fixed(("所列客户" if total and total > len(customers) else "")
                       + f"销售合计：{escape(yuan(sales))}（{capitals(sales)}）<br/>"
                       f"逾期合计：{escape(yuan(overdue))}（{capitals(overdue)}）", styles.body))
    build(target, story, title=LIST_TITLE, letterhead=letterhead, styles=styles,
          generated=generated)
