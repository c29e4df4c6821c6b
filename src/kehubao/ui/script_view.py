"""A read-only view of one objection script, opened from search results."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..db import Database
from ..models import ObjectionScript
from ..models.enums import ServiceElement


def script_html(script: ObjectionScript) -> str:
    replies = "".join(
        f"<li><p>{escape(r.text)}</p>"
        + (f"<p style='color:#607d8b'>{escape(r.reasoning)}</p>" if r.reasoning else "") + "</li>"
        for r in script.replies)
    phrasings = "".join(f"<li>{escape(p)}</li>" for p in (script.phrasings or "").splitlines() if p.strip())
    category = script.category.name if script.category else ""
    return (f"<h2>{escape(script.title)}</h2>"
            f"<p style='color:#607d8b'>{escape(category)} · {escape(ServiceElement.label_of(script.element))}</p>"
            + (f"<h4>客户常这样说</h4><ul>{phrasings}</ul>" if phrasings else "")
            + (f"<h4>为什么会这样说</h4><p>{escape(script.reasoning)}</p>" if script.reasoning else "")
            + f"<h4>可以这样回答</h4><ol>{replies}</ol>"
            + (f"<h4>要点</h4><p>{escape(script.tips)}</p>" if script.tips else ""))


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
    dialog.exec()
