"""What the app's 报表 page asks for, as one value: which report, for whom (a customer,
a class, a region, a day or a week), rendered to bytes for preview and print, or as a
batch of files. The UI runs these on its worker threads; nothing here knows Qt.

Why a request object: the customer tab, the Ctrl+P action and the 报表 page all ask for
the same reports, and the preview dialog re-renders from it; one dispatcher keeps the
kinds, their data and their titles in one place.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.orm import Session

from ..errors import UserError
from ..reports import data, render_batch, undrawable_in
from ..reports.archive import render_archive, render_customer_list
from ..reports.batch import KINDS, file_name
from ..reports.brief import render_brief
from ..reports.evaluation import render_evaluation
from ..reports.visit import render_visit, render_visit_list
from ..texts import Text, noop

# Reports of one customer (batch-able), then the ones that cover many.
CUSTOMER_KINDS = ("evaluation", "visit", "brief", "archive")
# The report's name in the preview's title (marked for the translator; Text where shown).
TITLES = {**KINDS, "archive": noop("客户档案卡"), "visit_list": noop("拜访清单"),
          "list": noop("客户名单")}


@dataclass(frozen=True)
class ReportRequest:
    """One report to render. `kind` in CUSTOMER_KINDS needs `customer_id` (a visit may
    name its `interaction_id`, an evaluation sheet its `evaluation_id`, else the latest);
    "visit_list" needs `start`/`end`; "list" takes
    `region` and/or `value_class` (both empty: every customer, up to the list's cap)."""

    kind: str
    customer_id: int | None = None
    interaction_id: int | None = None
    evaluation_id: int | None = None
    start: date | None = None
    end: date | None = None
    region: str = ""
    value_class: str = ""


@dataclass
class RenderedReport:
    pdf: bytes
    title: str  # 评价表 · 某某公司, in the user's language
    file_name: str  # suggested name for 另存为
    undrawable: list[str]  # characters no bundled font draws (printed as placeholders)


def render_request(session: Session, request: ReportRequest, *,
                   generated: datetime | None = None) -> RenderedReport:
    """Gather the data and render the PDF in memory."""
    head = data.letterhead(session)
    out = io.BytesIO()
    kind = request.kind
    if kind in CUSTOMER_KINDS:
        if request.customer_id is None:
            raise UserError("请先选择一个客户。")
        cid = request.customer_id
        customer = data.get_customer(session, cid)
        gathered: object
        if kind == "evaluation":
            gathered = data.evaluation_sheet(session, cid, request.evaluation_id)
            render_evaluation(gathered, out, letterhead=head, generated=generated)  # type: ignore[arg-type]
        elif kind == "visit":
            gathered = (data.visit_record(session, request.interaction_id)
                        if request.interaction_id else data.latest_visit(session, cid))
            render_visit(gathered, out, letterhead=head, generated=generated)  # type: ignore[arg-type]
        elif kind == "brief":
            gathered = data.brief(session, cid)
            render_brief(gathered, out, letterhead=head, generated=generated)  # type: ignore[arg-type]
        else:
            gathered = data.archive_card(session, cid)
            render_archive(gathered, out, letterhead=head, generated=generated)  # type: ignore[arg-type]
        title = _title(kind, customer.name)
        name = file_name(kind, cid, customer.name)
    elif kind == "visit_list":
        if request.start is None or request.end is None or request.end < request.start:
            raise UserError("请选择拜访清单的日期范围。")
        gathered = data.visits_between(session, request.start, request.end)
        render_visit_list(gathered, request.start, request.end, out, letterhead=head,  # type: ignore[arg-type]
                          generated=generated)
        period = (request.start.isoformat() if request.start == request.end
                  else Text("{start}至{end}", start=request.start.isoformat(),
                            end=request.end.isoformat()))
        title = _title(kind, period)
        name = f"{Text(TITLES[kind])}-{period}.pdf"
    elif kind == "list":
        gathered = data.customer_list(session, region=request.region or None,
                                      value_class=request.value_class or None)
        total = data.customer_count(session, region=request.region or None,
                                    value_class=request.value_class or None)
        scope = scope_label(request)
        render_customer_list(gathered, scope, out, letterhead=head, total=total,  # type: ignore[arg-type]
                             generated=generated)
        title = _title(kind, scope)
        name = file_name(Text(TITLES[kind]), 0, scope).replace("-0-", "-", 1)  # no id in a list's name
    else:
        raise UserError("未知的报表类型“{kind}”。", kind=kind)
    return RenderedReport(out.getvalue(), title, name, undrawable_in(gathered))


def _title(kind: str, subject: str) -> str:
    """评价表 · 某某公司: the window and print job title, in the user's language."""
    return Text("{report} · {subject}", report=Text(TITLES[kind]), subject=subject)


def scope_label(request: ReportRequest) -> str:
    """全部客户 / 华东 / 四类·最宝贵 / 华东 · 四类·最宝贵, as printed on a customer list (the
    region as the user wrote it, the rest in the user's language)."""
    from ..models.enums import ValueClass

    class_label = Text(ValueClass.label_of(request.value_class)) if request.value_class else ""
    if request.region and class_label:
        return Text("{region} · {label}", region=request.region, label=class_label)
    return request.region or class_label or Text("全部客户")


def batch_customer_ids(session: Session, *, region: str = "", value_class: str = "") -> list[int]:
    """Ids of the live customers a batch export covers (a class, a region, or both)."""
    if region:
        return [c.id for c in data.customer_list(session, region=region,
                                                 value_class=value_class or None)]
    return data.customer_ids(session, value_class=value_class or None)


def export_batch(session: Session, kind: str, customer_ids: list[int] | None, out_dir: Path, *,
                 region: str = "", value_class: str = "",
                 progress: Callable[[float], None] | None = None) -> list[Path]:
    """One PDF per customer into `out_dir` (the given ids, or those of a class/region).
    `progress` raising (Cancel) stops between two files; the files written stay."""
    if kind not in CUSTOMER_KINDS:
        raise UserError("只有单个客户的报表可以批量导出。")
    ids = customer_ids if customer_ids is not None else batch_customer_ids(
        session, region=region, value_class=value_class)
    if not ids:
        raise UserError("这个范围里没有客户。")
    return render_batch(session, kind, ids, out_dir, progress=progress)
