"""客户档案卡 (everything recorded about one customer) and the customer list of a
region or a class."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import IO

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, TableStyle

from ..texts import Text, noop
from . import fonts
from .layout import BODY_W, CELL_PAD, Styles, build, cell, fixed, grid_table, kv_table, para
from .model import ArchiveCard, CustomerInfo, Letterhead
from .text import LISTED, SEMICOLON, day, escape, joined, moment, wan, with_capitals, yuan

TITLE = noop("客户档案卡")
LIST_TITLE = noop("客户名单")
LIST_BLOCK = 450  # rows per table in the customer list (about ten pages)


def card_story(card: ArchiveCard, styles: Styles) -> list[Flowable]:
    c = card.customer
    out: list[Flowable] = [fixed(escape(Text(TITLE)), styles.title)]
    out.append(kv_table([
        (Text("客户名称"), c.name), (Text("客户编号"), c.code or str(c.id)),
        (Text("简称"), c.short_name), (Text("类别"), joined((c.kind, c.customer_type))),
        (Text("状态"), c.status), (Text("分类/等级"), joined((c.value_class_label, c.grade))),
        (Text("行业"), c.industry), (Text("所有制"), c.ownership), (Text("规模"), c.scale),
        (Text("员工人数"), str(c.employees) if c.employees else ""),
        (Text("年营业额"), wan(c.annual_revenue_wan)),
        (Text("注册资本"), wan(c.registered_capital_wan)),
        (Text("信用等级"), c.credit_rating), (Text("来源"), c.source), (Text("电话"), c.phone),
        (Text("电子邮件"), c.email), (Text("网站"), c.website), (Text("业务员"), c.owner),
        (Text("地区"), c.region), (Text("标签"), joined(c.tags, LISTED)),
    ], styles))
    out.append(Spacer(1, 1.5 * mm))
    out.append(kv_table([
        (Text("地址"), c.address), (Text("证照"), c.licences), (Text("销售网络"), c.sales_network),
        (Text("近12月销售"), with_capitals(c.sales_12m_fen)),
        (Text("应收账款"), with_capitals(c.receivable_fen)),
        (Text("逾期欠款"), with_capitals(c.overdue_fen)),
        (Text("信用额度"), with_capitals(c.credit_limit_fen) if c.credit_limit_fen
         else Text("未设")),
        (Text("上次联系"), moment(c.last_contact_at)),
        (Text("下次跟进"), moment(c.next_follow_up_at)),
    ], styles, columns=1))

    out.append(fixed(escape(Text("联系人")), styles.h2))
    rows: list[list[Flowable | str]] = [
        [para(Text("{name}（主）", name=p.name) if p.is_primary else p.name, styles.cell),
         para(joined((p.department, p.title)), styles.cell),
         para(p.role, styles.cell), para("\n".join(x for x in (p.mobile, p.phone) if x),
                                         styles.cell),
         para(p.wechat, styles.cell), para(p.birthday, styles.cell),
         para(joined((p.personality, p.preferences), SEMICOLON), styles.small)]
        for p in card.contacts]
    widths = [22 * mm, 28 * mm, 17 * mm, 28 * mm, 22 * mm, 22 * mm]
    widths.append(BODY_W - sum(widths))
    if rows:
        out.append(grid_table([Text("姓名"), Text("部门/职务"), Text("角色"), Text("电话"),
                               Text("微信"), Text("生日"), Text("个性与偏好")],
                              rows, widths, styles))
    else:
        out.append(fixed(escape(Text("还没有登记联系人。")), styles.body))

    out.append(fixed(escape(Text("最近联系")), styles.h2))
    if card.recent:
        rows = [[fixed(escape(moment(v.occurred_at)), styles.cell), para(v.kind, styles.cell),
                 para(v.contact, styles.cell), para(v.purpose, styles.cell),
                 para(v.outcome, styles.small)] for v in card.recent]
        widths = [28 * mm, 16 * mm, 22 * mm, 50 * mm]
        widths.append(BODY_W - sum(widths))
        out.append(grid_table([Text("时间"), Text("方式"), Text("联系人"), Text("主题"),
                               Text("结果")], rows, widths, styles))
    else:
        out.append(fixed(escape(Text("没有联系记录。")), styles.body))

    if card.trades:
        out.append(fixed(escape(Text("最近交易")), styles.h2))
        rows = [[fixed(escape(day(t.occurred_on)), styles.cell), para(t.kind, styles.cell),
                 fixed(escape(yuan(t.amount_fen)), styles.cell_right),
                 para(t.product, styles.cell), para(t.reference, styles.cell),
                 fixed(escape(day(t.due_on)), styles.cell)] for t in card.trades]
        widths = [22 * mm, 16 * mm, 30 * mm, 0, 36 * mm, 22 * mm]
        widths[3] = BODY_W - sum(widths)
        out.append(grid_table([Text("日期"), Text("类型"), Text("金额"), Text("产品"),
                               Text("单号"), Text("付款期限")], rows, widths, styles))
    out.append(fixed(escape(Text("备注")), styles.h2))
    out.append(para(c.notes, styles.body, empty="—"))
    return out


def render_archive(card: ArchiveCard, target: str | Path | IO[bytes], *,
                   letterhead: Letterhead, generated: datetime | None = None) -> None:
    """Write one customer's archive card as a PDF."""
    styles = Styles(letterhead)
    build(target, card_story(card, styles), title=Text(TITLE), letterhead=letterhead,
          styles=styles, generated=generated)


def render_customer_list(customers: list[CustomerInfo], scope: str,
                         target: str | Path | IO[bytes], *, letterhead: Letterhead,
                         total: int | None = None, generated: datetime | None = None) -> None:
    """Customers of a region or class, one row each, with the sum of their sales and
    overdue amounts in figures and capitals. `total` > len(customers) says the list
    was cut (the sums are then those of the customers listed)."""
    styles = Styles(letterhead)
    count = Text("共 {count:,} 家", count=len(customers))
    if total is not None and total > len(customers):
        count = Text("共 {total:,} 家，只列出按拼音排序的前 {count:,} 家", total=total,
                     count=len(customers))
    story: list[Flowable] = [fixed(escape(Text(LIST_TITLE)), styles.title),
                             para(Text("范围：{scope}　{count}", scope=scope, count=count),
                                  styles.body),
                             Spacer(1, 2 * mm)]
    header = [Text("序号"), Text("客户名称"), Text("地区"), Text("状态"), Text("分类"),
              Text("等级"), Text("电话"), Text("近12月销售"), Text("逾期欠款")]
    # The short columns (a status, a class) as wide as their longest word (English).
    # The name keeps at least a third of the line: a longer word wraps in its own cell.
    widths = [10 * mm, 0, 16 * mm,
              _fitting([header[3], *(c.status for c in customers)], 11 * mm, 22 * mm),
              _fitting([header[4], *(_class_number(c.value_class_label) for c in customers)],
                       11 * mm, 15 * mm),
              _fitting([header[5]], 10 * mm, 12 * mm), 27 * mm, 23 * mm, 21 * mm]
    widths[1] = BODY_W - sum(widths)
    rows: list[list[Flowable | str]] = [
        [str(n), cell(c.name, styles.cell, widths[1]), cell(c.region, styles.cell, widths[2]),
         cell(c.status, styles.cell, widths[3]),
         cell(_class_number(c.value_class_label), styles.cell, widths[4]), c.grade,
         cell(c.phone, styles.cell, widths[6]), yuan(c.sales_12m_fen),
         yuan(c.overdue_fen) if c.overdue_fen else ""]
        for n, c in enumerate(customers, 1)]
    # ReportLab re-applies every style command to the rest of a table each time it
    # splits it over a page, so one table of 20,000 rows takes minutes; blocks keep it
    # linear (each block repeats the column header where it starts).
    for start in range(0, max(len(rows), 1), LIST_BLOCK):
        table = grid_table(header, rows[start:start + LIST_BLOCK], widths, styles)
        table.setStyle(TableStyle([("ALIGN", (0, 1), (0, -1), "CENTER"),
                                   ("ALIGN", (7, 1), (8, -1), "RIGHT")]))
        story.append(table)
    sales = sum(c.sales_12m_fen for c in customers)
    overdue = sum(c.overdue_fen for c in customers)
    story.append(Spacer(1, 2 * mm))
    cut = bool(total and total > len(customers))
    story.append(fixed(
        escape(Text("所列客户销售合计：{amount}", amount=with_capitals(sales)) if cut
               else Text("销售合计：{amount}", amount=with_capitals(sales)))
        + "<br/>" + escape(Text("逾期合计：{amount}", amount=with_capitals(overdue))),
        styles.body))
    build(target, story, title=Text(LIST_TITLE), letterhead=letterhead, styles=styles,
          generated=generated)


def _fitting(texts: Iterable[str], least: float, most: float) -> float:
    """A column's width: room for its widest text on one line (a few distinct labels,
    each measured once), between `least` and `most`."""
    widest = max((stringWidth(t, fonts.MAIN, 9) for t in set(texts)), default=0.0)
    return max(least, min(most, widest + 2 * CELL_PAD + 1))


def _class_number(label: str) -> str:
    """四类 of 四类·最宝贵 (Class 4 of Class 4 · Most valuable): the list's column is narrow."""
    return label.split("·")[0].strip()
