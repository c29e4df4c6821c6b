"""One script as HTML: the detail pane of the library and the dialog a search hit opens."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ...db import Database
from ...models.enums import ServiceElement
from ...services.scripts import ScriptDetail, Tally, script_detail
from .. import ops
from ..i18n import enum_label
from ..widgets.modal import run_modal

translate = QCoreApplication.translate
MUTED = "color:#607d8b"


def tally_text(tally: Tally) -> str:
    """"用过 12 次 · 成功 8/10" or "尚无记录" — what the library shows per reply."""
    if not tally.used:
        return translate("ScriptView", "尚无使用记录")
    text = translate("ScriptView", "用过 %1 次").replace("%1", str(tally.used))
    if tally.trials:
        text += " · " + translate("ScriptView", "成功 %1/%2（%3%）").replace(
            "%1", str(tally.worked)).replace("%2", str(tally.trials)).replace(
            "%3", str(round(100 * tally.worked / tally.trials)))
    return text


def script_html(detail: ScriptDetail) -> str:
    c = detail.content
    replies = "".join(
        f"<li><p>{escape(r.text)}</p>"
        + (f"<p style='{MUTED}'>{escape(r.reasoning)}</p>" if r.reasoning else "")
        + f"<p style='{MUTED}'><small>{escape(tally_text(r.tally))}</small></p></li>"
        for r in detail.replies)
    phrasings = "".join(f"<li>{escape(p)}</li>" for p in c.phrasings)
    facts = [c.category, enum_label(ServiceElement, c.element) if c.element else ""]
    if detail.archived:
        facts.append(translate("ScriptView", "已归档"))
    parts = [f"<h2>{escape(c.title)}</h2>",
             f"<p style='{MUTED}'>{escape(' · '.join(f for f in facts if f))}</p>"]
    if detail.offer is not None:
        parts.append("<p style='background:#fff8e1;padding:4px'>" + escape(translate(
            "ScriptView", "这条内置话术有新版本。你改过它，所以保留了你的文字；可以在“编辑”菜单里"
            "采用新版本或继续用自己的。")) + "</p>")
    if phrasings:
        parts.append(_section(translate("ScriptView", "客户常这样说"), f"<ul>{phrasings}</ul>"))
    if c.reasoning:
        parts.append(_section(translate("ScriptView", "为什么会这样说"), f"<p>{escape(c.reasoning)}</p>"))
    parts.append(_section(translate("ScriptView", "可以这样回答"), f"<ol>{replies}</ol>"))
    if c.tips:
        parts.append(_section(translate("ScriptView", "要点"), f"<p>{escape(c.tips)}</p>"))
    if c.follow_up:
        parts.append(_section(translate("ScriptView", "后续动作"), f"<p>{escape(c.follow_up)}</p>"))
    if c.tags:
        parts.append(f"<p style='{MUTED}'>{escape(' '.join('#' + t for t in c.tags))}</p>")
    if detail.offer is not None:
        new = "".join(f"<li>{escape(r.text)}</li>" for r in detail.offer.replies)
        parts.append(_section(translate("ScriptView", "新版内置话术的回答"), f"<ol>{new}</ol>"))
    return "".join(parts)


def _section(heading: str, body_html: str) -> str:
    return f"<h4>{escape(heading)}</h4>{body_html}"


def show_script(db: Database, script_id: int, parent: QWidget | None = None) -> None:
    """A read-only dialog of one script (a search hit, where the library is not open)."""

    def shown(detail: ScriptDetail) -> None:
        dialog = QDialog(parent)
        dialog.setWindowTitle(detail.content.title)
        dialog.resize(620, 560)
        view = QTextBrowser()
        view.setHtml(script_html(detail))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        layout.addWidget(buttons)
        run_modal(dialog)

    ops.query(parent, db, lambda s: script_detail(s, script_id), shown)
