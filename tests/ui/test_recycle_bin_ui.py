"""The recycle bin page shows deleted interactions and scripts in their own tabs, and its
buttons restore or purge the rows of the tab shown."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt

from kehubao.models import Interaction, ObjectionScript
from kehubao.services import customers as svc
from kehubao.services import followups, scripts
from kehubao.services.scripts.content import ScriptContent
from kehubao.ui import ops

from .conftest import settle


def _ids(table) -> list[int]:  # type: ignore[no-untyped-def]
    return [table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(table.rowCount())]


def test_restore_an_interaction_and_purge_a_script(window, qtbot, answer) -> None:
    with window.db.session() as s:
        firm = svc.create_customer(s, {"name": "明德机电有限公司"})
        talk = followups.log_interaction(s, firm.id, kind="visit", summary="上门谈年度框架",
                                         occurred_at=datetime(2026, 3, 2, 10, 0)).id
        script = scripts.create_script(s, ScriptContent(title="你们比别家贵")).id
    with window.db.session() as s:
        followups.delete_interactions(s, [talk])
        scripts.delete_scripts(s, [script])
    window.go_to("recycle")
    page = window.page_of("recycle")
    settle(qtbot, window)

    assert _ids(page.interactions) == [talk]
    assert [page.interactions.item(0, c).text() for c in range(3)] == [
        "上门谈年度框架", "明德机电有限公司", "2026-03-02 10:00"]
    assert _ids(page.scripts) == [script]
    assert page.scripts.item(0, 0).text() == "你们比别家贵"

    page.tabs.setCurrentWidget(page.interactions)
    page.interactions.selectRow(0)
    page.restore()
    ops.wait_idle()
    settle(qtbot, window)
    with window.db.session(write=False) as s:
        assert s.get(Interaction, talk).deleted_at is None
    assert page.interactions.rowCount() == 0  # the bus refreshed the page
    assert _ids(page.scripts) == [script]  # the other tab was not touched

    asked = answer("yes")
    page.tabs.setCurrentWidget(page.scripts)
    page.scripts.selectRow(0)
    page.purge()
    ops.wait_idle()
    settle(qtbot, window)
    assert asked and "1" in asked[0]
    with window.db.session(write=False) as s:
        assert s.get(ObjectionScript, script) is None
        assert s.get(Interaction, talk) is not None
    assert page.scripts.rowCount() == 0
