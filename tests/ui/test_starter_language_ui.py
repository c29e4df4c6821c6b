"""The window prepares a new database in the UI's language: the starter set (objection
scripts, evaluation template) is content written into the database once, so an English
user must get it in English when the database is created."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select


@pytest.mark.parametrize(("language", "title"), [("en", "Your prices are too high"),
                                                 ("zh", "你们的价格太高了")])
def test_the_window_creates_a_database_in_the_ui_language(
        tmp_path: Path, language: str, title: str) -> None:
    from kehubao.models import ObjectionScript, Setting
    from kehubao.ui.application import open_database_for_gui
    from kehubao.ui.i18n import choose_language

    choose_language(language)
    db = open_database_for_gui(str(tmp_path / "new.db"))
    assert db is not None
    try:
        with db.session(write=False) as s:
            assert s.get(Setting, "starter_language").value == language
            assert s.scalar(select(ObjectionScript.title).where(
                ObjectionScript.builtin_key == "price-too-high")) == title
    finally:
        db.dispose()
