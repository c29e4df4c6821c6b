"""PDF reports (ReportLab, no Qt): evaluation sheet, visit report and visit list,
pre-visit brief, customer archive card and customer list.

Gather with `data.*` (takes a Session, returns plain dataclasses from `model`), then
render with `render_*` to a path or a binary file; or let `batch` do both.
"""

from .archive import render_archive, render_customer_list
from .batch import KINDS, file_name, render_batch, render_customer_report
from .brief import render_brief
from .evaluation import render_evaluation
from .fonts import register_fonts, undrawable, undrawable_in
from .text import capitals, escape, markup, yuan
from .visit import render_visit, render_visit_list

__all__ = [
    "KINDS", "capitals", "escape", "file_name", "markup", "register_fonts", "render_archive",
    "render_batch", "render_brief", "render_customer_list", "render_customer_report",
    "render_evaluation", "render_visit", "render_visit_list", "undrawable", "undrawable_in",
    "yuan",
]
