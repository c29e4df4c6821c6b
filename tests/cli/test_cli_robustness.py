"""The CLI under hostile conditions: damaged, locked, missing or half-written databases,
odd input and closed pipes. Each case ends with exit 1 (2 for usage) and one Chinese line,
and never changes or creates a database it should not."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kehubao import db_sqlite
from kehubao.cli.main import main


def _bad(result: subprocess.CompletedProcess, *words: str) -> None:
    """Exit 1, one line on stderr, no traceback, and the words the user needs."""
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "内部错误" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def _usage(result: subprocess.CompletedProcess, *words: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


DEMO_CUSTOMERS = 300  # the shared demo_db_template of tests/conftest.py


@pytest.fixture
def db_file(demo_db_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "kehubao.db"
    shutil.copyfile(demo_db_template, path)
    return path


def _count(path: Path, table: str = "customer") -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def write_lock(db_file: Path) -> Iterator[sqlite3.Connection]:
    """Another program in the middle of a write transaction on the database."""
    holder = sqlite3.connect(db_file, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE customer SET name = name WHERE id = 1")
    yield holder
    holder.execute("ROLLBACK")
    holder.close()


# --- 1. a process killed mid-transaction leaves a hot journal --------------------------

KILLED_WRITER = r"""
import os, signal, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA journal_mode = DELETE")
conn.execute("PRAGMA cache_size = 1")  # spill to the file: the journal becomes hot
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE customer SET name = name || '（半截）'")
conn.execute("DELETE FROM interaction")
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_hot_journal_of_killed_writer_is_rolled_back_not_read_only(cli, db_file: Path) -> None:
    interactions = _count(db_file, "interaction")
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(db_file)], check=False)
    journal = Path(str(db_file) + "-journal")
    assert journal.exists() and journal.stat().st_size > 0
    with pytest.raises(sqlite3.OperationalError):  # what the old read-only probe met
        ro = sqlite3.connect(f"file:{db_file.as_posix()}?mode=ro", uri=True)
        try:
            ro.execute("SELECT count(*) FROM customer").fetchone()
        finally:
            ro.close()
    info = cli.json("--db", str(db_file), "info", "--json")
    assert info["counts"]["customer"] == DEMO_CUSTOMERS
    assert info["counts"]["interaction"] == interactions  # the killed delete was undone
    assert not journal.exists()
    conn = sqlite3.connect(db_file)
    assert conn.execute("SELECT count(*) FROM customer WHERE name LIKE '%半截%'").fetchone()[0] == 0
    conn.close()


# --- 2. damaged database or search index ---------------------------------------------

def test_damaged_database_exits_1_suggesting_check_and_restore(cli, db_file: Path, damage_middle) -> None:
    damage_middle(db_file)
    before = db_file.read_bytes()
    _bad(cli("--db", str(db_file), "info"), "已损坏", "kehubao check", "restore")
    assert db_file.read_bytes() == before
    report = cli("--db", str(db_file), "check", "--json")  # a report, or one line if unopenable
    assert report.returncode == 1 and "Traceback" not in report.stderr
    assert "已损坏" in report.stdout + report.stderr
    assert db_file.read_bytes() == before


def test_check_reports_damage_it_meets_while_checking(
        db_file: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """Damage past the schema (the usual case) is found by the check itself: exit 1 with
    a report, not an internal error."""
    from kehubao.services import maintenance

    def malformed(_conn):  # type: ignore[no-untyped-def]
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(maintenance.db_sqlite, "integrity_problems", malformed)
    assert main(["--db", str(db_file), "check", "--json"]) == 1
    out = capsys.readouterr().out
    assert '"ok": false' in out and "已损坏" in out and "restore" in out


def test_check_names_the_failure_it_meets_not_always_damage(
        db_file: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """A disk error during the check is a disk error (a restore would not help)."""
    from kehubao.services import maintenance

    def disk_error(_conn):  # type: ignore[no-untyped-def]
        exc = sqlite3.OperationalError("disk I/O error")
        exc.sqlite_errorname = "SQLITE_IOERR_READ"
        raise exc

    monkeypatch.setattr(maintenance.db_sqlite, "integrity_problems", disk_error)
    assert main(["--db", str(db_file), "check"]) == 1
    out = capsys.readouterr().out
    assert "读写数据库文件时出错" in out and "已损坏" not in out


def _damage_search_index(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("UPDATE search_fts_customer_data SET block = randomblob(length(block)) "
                 "WHERE id > 1")
    conn.execute("UPDATE search_fts_contact_config SET v = 99 WHERE k = 'version'")
    conn.close()


def test_damaged_search_index_exits_1_and_reindex_rebuilds_it(cli, db_file: Path) -> None:
    _damage_search_index(db_file)
    _bad(cli("--db", str(db_file), "search", "公司"), "搜索索引已损坏", "check --reindex")
    found = cli("--db", str(db_file), "check", "--json")
    assert found.returncode == 1 and "全文索引损坏" in found.stdout
    report = cli.json("--db", str(db_file), "check", "--reindex", "--json")
    assert report["ok"] and report["reindexed"]["customer"] == DEMO_CUSTOMERS
    assert cli.json("--db", str(db_file), "search", "公司", "--json")["results"]


# --- 3. KEHUBAO_DATABASE_URL that cannot work -------------------------------------------

@pytest.mark.parametrize("url, words", [
    ("junk", ("KEHUBAO_DATABASE_URL", "junk")),
    ("nosuchdb://server/crm", ("不支持",)),
    ("postgresql+nosuchdriver://u:secret@server/crm", ("不支持",)),
])
def test_unusable_database_url_exits_1(cli, url: str, words: tuple[str, ...]) -> None:
    cli.env["KEHUBAO_DATABASE_URL"] = url
    result = cli("info")
    _bad(result, *words)
    assert "secret" not in result.stderr


def test_database_url_without_its_driver_exits_1(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from kehubao import db as dbmod

    def missing_driver(*_args, **_kwargs):
        raise ModuleNotFoundError("No module named 'psycopg'", name="psycopg")

    monkeypatch.setattr(dbmod, "create_engine", missing_driver)
    monkeypatch.setenv("KEHUBAO_DATABASE_URL", "postgresql://u:secret@server/crm")
    assert main(["info"]) == 1
    err = capsys.readouterr().err
    assert "psycopg" in err and "驱动" in err and "secret" not in err


# --- 4./5. search input ---------------------------------------------------------------

@pytest.mark.parametrize("limit", ["99999999999999999999", "0", "-3", "10001", "abc"])
def test_search_limit_out_of_range_is_usage_error(cli, db_file: Path, limit: str) -> None:
    _usage(cli("--db", str(db_file), "search", "王", "--limit", limit), "--limit")


def test_search_limit_at_maximum_works(cli, db_file: Path) -> None:
    assert cli("--db", str(db_file), "search", "王", "--limit", "10000").returncode == 0


def test_search_stdin_survives_invalid_utf8(cli, db_file: Path) -> None:
    stdin = b"\xed\xa0\x80\n\xe7\x8e\x8b\xff\nzs\n"  # a lone surrogate, a stray byte
    result = subprocess.run([sys.executable, "-m", "kehubao", "--db", str(db_file), "search",
                             "--stdin", "--limit", "2"], input=stdin, capture_output=True,
                            env=cli.env, timeout=120)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 3 and '"zs"' in lines[2]


# --- 6. unreadable import file ---------------------------------------------------------

def test_import_of_unreadable_file_exits_1_without_creating_database(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """Simulated, since tests may run as root (who can read anything)."""
    source = tmp_path / "客户.csv"
    source.write_text("客户名称,手机\n甲公司,13800138000\n", encoding="utf-8")
    real_open = Path.open

    def refuse(self: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self == source:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    target = tmp_path / "new.db"
    assert main(["--db", str(target), "import", str(source)]) == 1
    err = capsys.readouterr().err
    assert "无法读取文件" in err and len(err.strip().splitlines()) == 1
    assert not target.exists()


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root ignores permissions")
def test_import_of_chmod_000_file_exits_1(cli, db_file: Path, tmp_path: Path) -> None:
    source = tmp_path / "locked.csv"
    source.write_text("客户名称\n甲公司\n", encoding="utf-8")
    source.chmod(0)
    try:
        _bad(cli("--db", str(db_file), "import", str(source)), "无法读取文件")
    finally:
        source.chmod(0o600)


def test_import_of_directory_exits_1(cli, db_file: Path, tmp_path: Path) -> None:
    _bad(cli("--db", str(db_file), "import", str(tmp_path)), "文件夹")


def test_import_of_old_mac_csv_with_cr_line_endings(cli, db_file: Path, tmp_path: Path) -> None:
    source = tmp_path / "mac.csv"
    source.write_bytes("客户名称,联系人,手机\r甲公司,王,13300133020\r".encode())
    result = cli("--db", str(db_file), "import", str(source))
    assert result.returncode == 0, result.stderr
    assert _count(db_file) == DEMO_CUSTOMERS + 1


def test_import_of_csv_with_a_cr_inside_a_cell_does_not_crash(cli, db_file: Path,
                                                              tmp_path: Path) -> None:
    source = tmp_path / "cr.csv"
    source.write_bytes("客户名称,联系人,手机\n甲\r公司,王,13300133020\n".encode())
    result = cli("--db", str(db_file), "import", str(source))
    assert result.returncode == 0, result.stderr  # the lone CR ends a line, as in the reader


def test_import_csv_error_exits_1_and_changes_nothing(
        db_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """Any csv.Error left (simulated here) is a bad file: exit 1 in Chinese, DB as it was."""
    import csv

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise csv.Error("new-line character seen in unquoted field")

    source = tmp_path / "客户.csv"
    source.write_text("客户名称,手机\n甲公司,13800138000\n", encoding="utf-8")
    monkeypatch.setattr(csv, "reader", refuse)
    assert main(["--db", str(db_file), "import", str(source)]) == 1
    err = capsys.readouterr().err
    assert "格式无法识别" in err and "内部错误" not in err and len(err.strip().splitlines()) == 1
    assert _count(db_file) == DEMO_CUSTOMERS


def _xlsx_bomb(path: Path, megabytes: int) -> Path:
    """A real workbook whose sheet inflates to ``megabytes`` MiB from under 1 MiB."""
    import io
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["客户名称", "手机"])
    buffer = io.BytesIO()
    book.save(buffer)
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    with zipfile.ZipFile(buffer) as template, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in template.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info.filename, template.read(info.filename))
                continue
            with out.open(info.filename, "w", force_zip64=True) as sheet:
                sheet.write(template.read(info.filename).split(b"<sheetData>")[0] + b"<sheetData>")
                for _ in range(megabytes):
                    sheet.write(row * (2**20 // len(row)))
                sheet.write(b"</sheetData></worksheet>")
    return path


def test_import_of_xlsx_zip_bomb_is_refused_quickly(cli, db_file: Path, tmp_path: Path) -> None:
    source = _xlsx_bomb(tmp_path / "名单.xlsx", 64)
    assert source.stat().st_size < 2**20
    started = time.monotonic()
    _bad(cli("--db", str(db_file), "import", str(source)), "压缩比")
    assert time.monotonic() - started < 20  # mostly the CLI's start-up; it took 84 s
    assert _count(db_file) == DEMO_CUSTOMERS


# --- 7. restore from the database itself -------------------------------------------------

def test_restore_from_the_database_itself_is_refused(cli, db_file: Path) -> None:
    before = db_file.read_bytes()
    _bad(cli("--db", str(db_file), "restore", str(db_file)), "当前数据库本身")
    assert db_file.read_bytes() == before
    assert not (db_file.parent / "backups").exists()


# --- 8. another program holds the write lock ------------------------------------------

@pytest.mark.parametrize("command", [["info"], ["search", "王"], ["export", "{tmp}/out.csv"],
                                     ["check"], ["backup", "--to", "{tmp}/copy.db"]])
def test_read_commands_work_beside_a_writer(write_lock, db_file: Path, tmp_path: Path,
                                            command: list[str], capsys) -> None:
    argv = [part.format(tmp=tmp_path) for part in command]
    assert main(["--db", str(db_file), *argv]) == 0, capsys.readouterr().err
    if command[0] == "check":
        assert "没有发现问题" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["demo", "--customers", "1"], ["check", "--reindex"]])
def test_write_commands_time_out_on_lock_with_exit_1(
        write_lock, db_file: Path, command: list[str], monkeypatch: pytest.MonkeyPatch,
        capsys) -> None:
    monkeypatch.setattr(db_sqlite, "BUSY_TIMEOUT_MS", 100)
    assert main(["--db", str(db_file), *command]) == 1
    err = capsys.readouterr().err
    assert "数据库正被其他程序使用" in err and len(err.strip().splitlines()) == 1


# --- 9. Ctrl-C late in a big demo -------------------------------------------------------

@pytest.fixture
def bulk_demo(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The bulk path of `demo` (rollback journal, indexes dropped) at test size."""
    from kehubao.services.demo import generator

    monkeypatch.setattr(generator, "BULK_THRESHOLD", 5)
    monkeypatch.setattr(generator, "_batches_elsewhere", generator._batches_here)
    return generator


def _assert_intact(path: Path, customers: int) -> None:
    assert _count(path) == customers
    assert not Path(str(path) + "-journal").exists()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert any(name.startswith("ix_interaction") for name in indexes)  # not left dropped
    finally:
        conn.close()


def test_ctrl_c_late_in_bulk_demo_reports_cancelled_and_rolls_back(
        bulk_demo, db_file: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(bulk_demo, "note_changed", interrupted)  # after the load, before commit
    assert main(["--db", str(db_file), "demo", "--customers", "20"]) == 1
    assert capsys.readouterr().err.strip() == "已取消"
    _assert_intact(db_file, DEMO_CUSTOMERS)


def test_ctrl_c_reports_cancelled_even_when_rollback_fails(
        bulk_demo, db_file: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from sqlalchemy.orm import Session

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    def locked(self: Session) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(bulk_demo, "note_changed", interrupted)
    monkeypatch.setattr(Session, "rollback", locked)
    assert main(["--db", str(db_file), "demo", "--customers", "20"]) == 1
    assert capsys.readouterr().err.strip() == "已取消"
    monkeypatch.undo()
    _assert_intact(db_file, DEMO_CUSTOMERS)


# --- 10. a mistyped --db path ------------------------------------------------------------

@pytest.mark.parametrize("command", [["info"], ["search", "王"], ["export", "{tmp}/out.csv"],
                                     ["check"], ["check", "--reindex"], ["backup"]])
def test_read_commands_refuse_missing_database(cli, tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "kehubao-typo.db"
    argv = [part.format(tmp=tmp_path) for part in command]
    _bad(cli("--db", str(missing), *argv), "数据库文件不存在", str(missing))
    assert not missing.exists()
    assert not (tmp_path / "out.csv").exists()


def test_read_command_refuses_missing_kehubao_db(cli, tmp_path: Path) -> None:
    missing = tmp_path / "env.db"
    cli.env["KEHUBAO_DB"] = str(missing)
    _bad(cli("info"), "数据库文件不存在")
    assert not missing.exists()


def test_demo_may_create_a_named_database(cli, tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    assert cli.json("--db", str(path), "demo", "--customers", "0", "--json")["created"] == {}
    assert cli.json("--db", str(path), "info", "--json")["counts"]["objection_script"] > 0


# --- 11./12. export format and closed pipes ----------------------------------------------

@pytest.mark.parametrize("name, shown", [("x.pdf", ".pdf"), ("客户.txt", ".txt"), ("noext", "扩展名")])
def test_export_to_unknown_extension_is_refused(cli, db_file: Path, tmp_path: Path,
                                                name: str, shown: str) -> None:
    result = cli("--db", str(db_file), "export", str(tmp_path / name))
    _bad(result, "无法识别的导出格式", shown, "--format csv|xlsx|vcf")
    assert not (tmp_path / name).exists()


def test_export_extension_or_format_chooses_the_writer(cli, db_file: Path, tmp_path: Path) -> None:
    assert cli("--db", str(db_file), "export", str(tmp_path / "a.vcard")).returncode == 0
    assert (tmp_path / "a.vcard").read_bytes().startswith(b"BEGIN:VCARD")
    pdf_named = cli("--db", str(db_file), "export", str(tmp_path / "a.pdf"), "--format", "xlsx")
    assert pdf_named.returncode == 0
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"PK")


@pytest.mark.skipif(os.name == "nt", reason="POSIX pipes")
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_to_closed_pipe_exits_quietly(cli, db_file: Path, fmt: str) -> None:
    """Like `kehubao export - | head -c 10`, with the reader gone before the first write
    so that every write meets the broken pipe, whatever the timing."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run([sys.executable, "-m", "kehubao", "--db", str(db_file), "export",
                                 "-", "--format", fmt], stdout=write_end, stderr=subprocess.PIPE,
                                env=cli.env, timeout=120)
    finally:
        os.close(write_end)
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 0, err
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception ignored" not in err


# --- 13. a vCard file without contacts ---------------------------------------------------

@pytest.mark.parametrize("content, detail", [
    (b"", "文件是空的"),
    (b"BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n", "名片里没有"),
])
def test_vcard_without_contacts_says_so(cli, db_file: Path, tmp_path: Path,
                                        content: bytes, detail: str) -> None:
    source = tmp_path / "phone.vcf"
    source.write_bytes(content)
    result = cli("--db", str(db_file), "import", str(source))
    _bad(result, "文件中没有联系人", detail)
    assert "已跳过" not in result.stderr
    assert _count(db_file) == DEMO_CUSTOMERS


# --- argparse speaks Chinese too -------------------------------------------------------

@pytest.mark.parametrize("args, words", [
    (["import"], ["缺少必需的参数", "FILE"]),
    (["nosuchcommand"], ["无效的取值", "nosuchcommand"]),
    (["export", "a.csv", "--format", "pdf"], ["无效的取值", "'pdf'"]),
    (["demo", "--seed", "x"], ["无效的值", "'x'"]),
    (["info", "--bogus"], ["无法识别的参数", "--bogus"]),
])
def test_usage_errors_are_in_chinese(cli, args: list[str], words: list[str]) -> None:
    result = cli(*args)
    _usage(result, "用法：", *words)
    assert "usage:" not in result.stderr and "argument" not in result.stderr


def test_help_is_in_chinese(cli) -> None:
    result = cli("export", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("用法：kehubao export")
    assert "选项" in result.stdout and "显示本帮助并退出" in result.stdout
