"""A read-only view of one objection script, opened from search results."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..db import Database
from ..models import ObjectionScript
from ..models.enums import ServiceElement
from .i18n import enum_label
from .widgets.modal import run_modal

translate = QCoreApplication.translate


def script_html(script: ObjectionScript) -> str:
    replies = "".join(
        f"<li><p>{escape(r.text)}</p>"
        + (f"<p style='color:#607d8b'>{escape(r.reasoning)}</p>" if r.reasoning else "") + "</li>"
        for r in script.replies)
    phrasings = "".join(f"<li>{escape(p)}</li>"
                        for p in (script.phrasings or "").splitlines() if p.strip())
    category = script.category.name if script.category else ""
    element = enum_label(ServiceElement, script.element)
    parts = [f"<h2>{escape(script.title)}</h2>",
             f"<p style='color:#607d8b'>{escape(category)} · {escape(element)}</p>"]
    if phrasings:
        parts.append(_section(translate("ScriptView", "客户常这样说"), f"<ul>{phrasings}</ul>"))
    if script.reasoning:
        parts.append(_section(translate("ScriptView", "为什么会这样说"),
                              f"<p>{escape(script.reasoning)}</p>"))
    parts.append(_section(translate("ScriptView", "可以这样回答"), f"<ol>{replies}</ol>"))
    if script.tips:
        parts.append(_section(translate("ScriptView", "要点"), f"<p>{escape(script.tips)}</p>"))
    return "".join(parts)


def _section(heading: str, body_html: str) -> str:
    return f"<h4>{escape(heading)}</h4>{body_html}"


def show_script(db: Database, script_id: int, parent: QWidget | None = None) -> None:
    with db.session(write=False) as session:
        script = session.get(ObjectionScript, script_id)
        if script is None:
            return
        html = script_html(script)
        title = script.title
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.resize(620, 560)
    view = QTextBrowser()
    view.setHtml(html)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    layout.addWidget(buttons)
    run_modal(dialog)
