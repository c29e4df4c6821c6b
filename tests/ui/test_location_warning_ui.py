"""The warning about a database in a synced folder, and moving it to a local folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kehubao import config
from kehubao.services import locations
from kehubao.ui import ops

from .conftest import make_window


@pytest.fixture
def user_data(tmp_path: Path, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path / "userdata"
    monkeypatch.setattr(config, "user_data_dir", lambda: folder)
    monkeypatch.setattr(locations, "user_data_dir", lambda: folder)
    return folder


@pytest.fixture
def synced_db(tmp_path, fresh_db):  # type: ignore[no-untyped-def]
    folder = tmp_path / "OneDrive - 某某公司"
    folder.mkdir()
    return fresh_db(folder / "kehubao.db")


def shown_warning(qtbot, window):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.location_warning is not None, timeout=5_000)
    return window.location_warning


def test_a_database_in_a_synced_folder_is_warned_about(qtbot, synced_db, user_data) -> None:
    window = make_window(qtbot, synced_db)
    bar = shown_warning(qtbot, window)
    assert "OneDrive" in bar.label.text() and bar.isVisible()
    assert not bar.move_button.isHidden()
    bar.keep_button.click()  # 仍然使用: gone for now
    qtbot.waitUntil(lambda: window.location_warning is None)


def test_no_warning_for_an_ordinary_folder(qtbot, db, user_data) -> None:
    window = make_window(qtbot, db)
    qtbot.wait(50)
    ops.wait_idle()
    assert window.location_warning is None


def test_never_again_is_remembered_for_that_database(qtbot, synced_db, user_data) -> None:
    window = make_window(qtbot, synced_db)
    shown_warning(qtbot, window).never_button.click()
    qtbot.waitUntil(lambda: window.location_warning is None)
    window.close()
    again = make_window(qtbot, synced_db)
    qtbot.wait(50)
    ops.wait_idle()
    assert again.location_warning is None


def test_moving_closes_the_window_for_the_copy(qtbot, synced_db, user_data, answer) -> None:
    window = make_window(qtbot, synced_db)
    asked = answer("yes")
    shown_warning(qtbot, window).move_button.click()
    assert asked and str(user_data / "kehubao.db") in asked[0]
    assert window.move_request == (synced_db.path, user_data / "kehubao.db")
    assert not window.isVisible()


def test_no_move_when_the_user_says_no(qtbot, synced_db, user_data, answer) -> None:
    window = make_window(qtbot, synced_db)
    answer("no")
    shown_warning(qtbot, window).move_button.click()
    assert window.move_request is None and window.isVisible()


def test_the_move_itself_copies_and_the_old_name_follows(qtbot, synced_db, user_data, answer) -> None:
    from kehubao.services.customers import create_customer
    from kehubao.ui.application import _carry_out_move

    with synced_db.session() as session:
        create_customer(session, {"name": "甲公司"})
    synced_db.dispose()
    told = answer("yes")
    target = user_data / "kehubao.db"

    notice = _carry_out_move(QApplication.instance(), synced_db.path, target)

    assert notice is not None and str(target) in notice
    assert told and str(target) in told[0]
    followed = config.resolve_database(str(synced_db.path))
    assert followed.path == target and followed.moved_from == synced_db.path


def test_a_failed_move_keeps_the_old_place(qtbot, synced_db, user_data, answer) -> None:
    from kehubao.ui.application import _carry_out_move

    synced_db.dispose()
    user_data.mkdir()
    (user_data / "kehubao.db").write_bytes(b"taken")
    told = answer("yes")
    assert _carry_out_move(QApplication.instance(), synced_db.path, user_data / "kehubao.db") is None
    assert told and "没能移动" in told[0]
    assert config.resolve_database(str(synced_db.path)).path == synced_db.path
