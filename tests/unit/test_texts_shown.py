"""What the layers below the UI tell the user comes out in the window's language: real
errors and messages of each area, made under an installed translator (the English of the
translation file), are English with their arguments filled in, labels among them too.
And no user error is built with an f-string (or `+`, `%`, `.format`), whose sentence
the translator could never look up."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from kehubao import texts
from kehubao.errors import UserError, ValidationError

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "src" / "kehubao"
TS_FILE = ROOT / "resources" / "translations" / "kehubao_en.ts"
USER_ERRORS = {"UserError", "ValidationError", "DatabaseLocationError", "DatabaseDamagedError",
               "TableReadError", "ImportRejected"}


def _english() -> dict[str, str]:
    """The finished English of the ``labels`` context, where texts.Text templates live."""
    out = {}
    for context in ET.parse(TS_FILE).getroot().iter("context"):
        if context.findtext("name") != "labels":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.text and not translation.get("type"):
                out[message.findtext("source") or ""] = translation.text
    return out


@pytest.fixture
def english() -> Iterator[None]:
    table = _english()
    before = texts._translate
    texts.install(lambda template: table.get(template, template))
    try:
        yield
    finally:
        texts.install(before)


def test_an_import_too_big_is_refused_in_english(english: None) -> None:
    from kehubao.exchange.tabular import TableReadError, _check_extent

    with pytest.raises(TableReadError) as raised:
        _check_extent(2_000_000, 3)
    assert str(raised.value).startswith("The spreadsheet is too big: a sheet has more than "
                                        "1,048,576 rows")


def test_an_import_with_bad_rows_says_which_in_english(english: None) -> None:
    from kehubao.exchange.importer import ImportRejected, ImportSummary

    summary = ImportSummary(file="x.csv", format="csv", rows=20)
    summary.errors = [(line, "bad") for line in range(2, 14)]
    message = str(ImportRejected(summary))
    assert message.startswith("Rows with errors: 12 (row numbers 2, 3, 4,")
    assert "11 and more)" in message and "database was not changed" in message


def test_a_restore_refusal_in_english(english: None, tmp_path: Path) -> None:
    from kehubao.backups.restore import restore_backup

    db_path = tmp_path / "kehubao.db"
    db_path.write_bytes(b"")
    with pytest.raises(UserError) as same:
        restore_backup(db_path, db_path)
    assert str(same.value) == ("The file to restore is the current database itself; please "
                               f"choose a backup file: {db_path}")
    missing = tmp_path / "gone.zip"
    with pytest.raises(UserError) as gone:
        restore_backup(missing, db_path)
    assert str(gone.value) == f"Backup file not found: {missing}"


def test_a_damage_message_in_english_with_what_was_found(english: None, tmp_path: Path) -> None:
    from kehubao.backups import integrity

    path = tmp_path / "kehubao.db"
    path.write_bytes(bytes(4096))  # the header zeroed, as a crash on some disks leaves it
    problems = integrity.file_problems(path, had_data=True)
    assert problems == ["The database file header has been zeroed"]
    message = integrity.damage_message(path, problems, "/backups/kehubao-1.zip")
    assert message.startswith(f"The database file is damaged: {path} (The database file "
                              "header has been zeroed). To protect your data, Kehubao")
    assert message.endswith("The newest good backup is /backups/kehubao-1.zip; "
                            "kehubao restore can restore it.")
    assert integrity.summary(["*** in database main ***\nPage 5: bad\nPage 6: bad"]) == (
        "Damaged places found by SQLite: 2; for example: Page 5: bad")


def test_the_reasons_of_the_location_warning_in_english(english: None) -> None:
    from kehubao.services.locations import DRIVE_REMOTE, risky_location

    synced = risky_location(r"D:\百度网盘同步空间\kehubao.db", mounts=[("/", "ext4")],
                            drive_type=lambda _root: 3)
    assert synced is not None and synced.startswith(
        r"The database is in a folder synced by Baidu Netdisk (D:\百度网盘同步空间).")
    drive = risky_location(r"z:\客户\kehubao.db", drive_type=lambda _root: DRIVE_REMOTE)
    assert drive is not None and drive.startswith(
        "The database is on a network location (network drive Z:).")


def test_a_form_error_names_its_field_in_english(english: None) -> None:
    from kehubao.services import fields as f
    from kehubao.services.contacts import CONTACT_FIELDS

    with pytest.raises(ValidationError) as raised:
        f.validate(CONTACT_FIELDS, {"mobile": "12x", "name": ""}, partial=True)
    fields = raised.value.fields
    assert fields["mobile"].startswith('Mobile: Mobile "12x" does not look like a valid number.')
    assert fields["name"] == "Name cannot be empty"
    assert str(raised.value) == f"{fields['mobile']}; {fields['name']}"


def test_the_same_errors_stay_chinese_without_a_translator(tmp_path: Path) -> None:
    from kehubao.backups.restore import restore_backup

    before = texts._translate
    texts.install(None)
    try:
        with pytest.raises(UserError, match="找不到备份文件："):
            restore_backup(tmp_path / "gone.zip", tmp_path / "kehubao.db")
    finally:
        texts.install(before)


def _built_sentences(source: str, where: str) -> list[str]:
    """User errors whose first argument is put together in the call: f-string, `+`, `%`
    or `.format(...)` (a Text template with keyword arguments is what they should be)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        first = node.args[0]
        built = isinstance(first, (ast.JoinedStr, ast.BinOp)) or (
            isinstance(first, ast.Call) and isinstance(first.func, ast.Attribute)
            and first.func.attr == "format")
        if name in USER_ERRORS and built:
            found.append(f"{where}:{node.lineno}: {ast.unparse(node)[:70]}")
    return found


def test_no_user_error_is_built_with_an_f_string() -> None:
    found = [line for path in sorted(SOURCE.rglob("*.py"))
             if path.relative_to(SOURCE).parts[0] != "cli"  # the terminal is Chinese
             for line in _built_sentences(path.read_text(encoding="utf-8"),
                                          str(path.relative_to(ROOT)))]
    assert found == []


def test_the_scan_sees_each_way_of_building_a_sentence() -> None:
    source = ('raise UserError(f"客户“{name}”不存在")\n'
              'raise ValidationError("号码" + raw, {})\n'
              'raise errors.DatabaseLocationError("找不到 %s" % path)\n'
              'raise TableReadError("第 {} 行".format(n))\n'
              'raise UserError("客户“{name}”不存在", name=name)\n'
              'raise UserError(message)\n')
    assert [line.split(":")[1] for line in _built_sentences(source, "x")] == ["1", "2", "3", "4"]
