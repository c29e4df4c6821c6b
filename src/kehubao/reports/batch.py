"""One entry point per use: render one report of a customer, or many into a folder.

The UI runs `render_batch` on its task runner (off the GUI thread) with a progress
callback; raising from the callback (the user pressed Cancel) stops the batch between
two files, and what was written so far stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import IO

from sqlalchemy.orm import Session

from ..errors import UserError
from ..texts import Text, noop
from . import data
from .archive import render_archive
from .brief import render_brief
from .evaluation import render_evaluation
from .model import Letterhead
from .visit import render_visit

# Each kind's short name, in file names (shown through Text: in the user's language).
KINDS = {"evaluation": noop("评价表"), "visit": noop("拜访报告"), "brief": noop("拜访准备单"),
         "archive": noop("档案卡")}

Progress = Callable[[float], None]


def render_customer_report(session: Session, kind: str, customer_id: int,
                           target: str | Path | IO[bytes], *,
                           letterhead: Letterhead | None = None,
                           generated: datetime | None = None) -> None:
    """Gather and write one report (`kind` in KINDS) of one customer."""
    head = letterhead or data.letterhead(session)
    if kind == "evaluation":
        render_evaluation(data.evaluation_sheet(session, customer_id), target,
                          letterhead=head, generated=generated)
    elif kind == "visit":
        render_visit(data.latest_visit(session, customer_id), target, letterhead=head,
                     generated=generated)
    elif kind == "brief":
        render_brief(data.brief(session, customer_id), target, letterhead=head,
                     generated=generated)
    elif kind == "archive":
        render_archive(data.archive_card(session, customer_id), target, letterhead=head,
                       generated=generated)
    else:
        raise UserError("未知的报表类型“{kind}”。", kind=kind)


_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def file_name(kind: str, customer_id: int, name: str) -> str:
    """`评价表-123-某某公司.pdf`: readable, unique by id, and valid on Windows (named in
    the user's language: `Evaluation form-123-Acme.pdf`)."""
    safe = _UNSAFE.sub("_", name).strip(" .")[:60] or Text("客户")
    return f"{Text(KINDS[kind]) if kind in KINDS else kind}-{customer_id}-{safe}.pdf"


def render_batch(session: Session, kind: str, customer_ids: Sequence[int], out_dir: Path, *,
                 progress: Progress | None = None, skip_missing: bool = True,
                 generated: datetime | None = None) -> list[Path]:
    """Write one PDF per customer into `out_dir`; returns the files written.

    `progress(fraction)` is called after each file (0..1). With `skip_missing`, a customer
    without the data a report needs (no visit yet) is skipped instead of ending the
    batch."""
    from ..models import Customer

    if kind not in KINDS:
        raise UserError("未知的报表类型“{kind}”。", kind=kind)
    out_dir.mkdir(parents=True, exist_ok=True)
    head = data.letterhead(session)
    generated = generated or datetime.now()
    written: list[Path] = []
    total = len(customer_ids)
    if progress:
        progress(0.0)
    for n, cid in enumerate(customer_ids, 1):
        name = session.get(Customer, cid)
        path = out_dir / file_name(kind, cid, name.name if name else str(cid))
        try:
            render_customer_report(session, kind, cid, path, letterhead=head,
                                   generated=generated)
            written.append(path)
        except UserError:
            if not skip_missing:
                raise
        if progress:
            progress(n / total)
    return written
