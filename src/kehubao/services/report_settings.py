"""The company letterhead printed on every report, as the user edits it.

The reports read it with `reports.data.letterhead` (the `letterhead` setting, a dict);
this module is the one writer, so what a settings dialog saves is exactly what the next
report prints. Bad input is refused with one sentence before anything is written.
"""

from __future__ import annotations

import re
from dataclasses import asdict
from pathlib import Path

from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..reports.data import LETTERHEAD_SETTING, letterhead_values
from ..reports.model import Letterhead
from .settings import put_setting

_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_LIMITS = {"company": 60, "address": 120, "phone": 40}


def load_letterhead(session: Session) -> Letterhead:
    """The letterhead as the user set it, to edit: the company is empty while not set
    (the reports then print their default), never a default the user would store by
    saving another change; the other fields show what the reports print."""
    return Letterhead(**{"company": "", **letterhead_values(session)})


def save_letterhead(session: Session, head: Letterhead) -> Letterhead:
    """Check and store the letterhead; returns it as stored (text trimmed).

    Why checked here: a colour the PDF cannot read would silently fall back to the
    default, and a logo path that does not exist would print no logo, both surprises
    the user would only find on paper."""
    values = {k: (v or "").strip() for k, v in asdict(head).items()}  # company "": not set
    for key, limit in _LIMITS.items():
        if len(values[key]) > limit:
            raise ValidationError("抬头的文字太长：最多 {limit} 个字。", limit=limit)
    for key in ("primary_colour", "accent_colour"):
        if not _COLOUR.match(values[key]):
            raise ValidationError("颜色“{colour}”无法识别，请用 #RRGGBB 的形式。", colour=values[key])
        values[key] = values[key].upper()
    if values["logo_path"] and not Path(values["logo_path"]).is_file():
        raise ValidationError("找不到标志图片“{path}”。", path=values["logo_path"])
    put_setting(session, LETTERHEAD_SETTING, values)
    return Letterhead(**values)
