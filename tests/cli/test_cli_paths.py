"""The real command line on a database in a folder as a Chinese Windows user has it,
``C:\\Users\\张 三\\AppData\\Roaming\\客户 宝`` (here the same names under the test's
folder), and in folders whose names mean something in a URI (``#``, ``%20``): demo data,
an import from a file whose path has Chinese and spaces too, exports, backups, the list
of backups, a check, a restore and a report all work, and every file lands in that
folder, none in a folder whose name was cut short."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

PLACES = ["C/Users/张 三/AppData/Roaming/客户 宝", "D/资料 2024/项目#2 50%20"]
if sys.platform != "win32":  # "?" is not allowed in a Windows name
    PLACES.append("home/张 三/问?号 a&b=c")

CSV = "客户名称,联系人,手机,城市\n杭州新茶科技有限公司,王晓明,13812345678,杭州\n" \
      "成都川味食品厂,李静,13987654321,成都\n"


def files_under(folder: Path) -> set[str]:
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*")}


@pytest.mark.parametrize("place", PLACES)
def test_every_command_in_a_chinese_folder_with_spaces(cli, tmp_path: Path, place: str) -> None:
    root = tmp_path / "drive"
    folder = root / place
    folder.mkdir(parents=True)
    db = str(folder / "kehubao.db")
    source = root / "C/Users/张 三/桌面 文件/客户 名单（一）.csv"
    source.parent.mkdir(parents=True, exist_ok=True)
    source.write_text(CSV, encoding="utf-8")

    assert cli.json("--db", db, "demo", "--customers", "30", "--json")["created"]["customer"] == 30
    imported = cli.json("--db", db, "import", str(source), "--json")
    assert imported["created"] == 2 and imported["errors"] == []
    exported = cli.json("--db", db, "export", str(folder / "导出 名单.xlsx"), "--json")
    assert exported["customers"] == 32 and Path(exported["file"]) == folder / "导出 名单.xlsx"
    assert cli("--db", db, "export", str(folder / "导出 名单.vcf")).returncode == 0

    backup = cli.json("--db", db, "backup", "--json")
    assert Path(backup["file"]).parent == folder / "backups"
    copy = cli.json("--db", db, "backup", "--to", str(folder / "副本 一.db"), "--json")
    assert Path(copy["file"]) == folder / "副本 一.db"
    listed = cli.json("--db", db, "backups", "--json")
    assert Path(listed["database"]) == folder / "kehubao.db"
    files = {Path(entry["file"]) for entry in listed["backups"]}
    assert Path(backup["file"]) in files and all(f.parent == folder / "backups" for f in files)
    assert all(entry["verified"] and entry["counts"]["customer"] in (30, 32)
               for entry in listed["backups"])
    check = cli.json("--db", db, "check", "--json")
    assert check["ok"] and Path(check["database"]) == folder / "kehubao.db"

    cli.json("--db", db, "demo", "--customers", "5", "--json")
    assert cli("--db", db, "restore", backup["file"]).returncode == 0
    assert cli.json("--db", db, "info", "--json")["counts"]["customer"] == 32
    report = cli("--db", db, "report", "archive", "--customer", "1", "-o", str(folder / "档案 卡.pdf"))
    assert report.returncode == 0, report.stderr
    assert (folder / "档案 卡.pdf").read_bytes().startswith(b"%PDF")

    found = files_under(folder)
    assert {"kehubao.db", "导出 名单.xlsx", "导出 名单.vcf", "副本 一.db", "档案 卡.pdf",
            "backups"} <= found
    assert sum(name.startswith("backups/") and name.endswith(".zip") for name in found) >= 3
    # Nothing beside the folder, such as a database named after the part before "#".
    made_here = {place, *(f"{place}/{name}" for name in found)}
    expected = {path.relative_to(root).as_posix() for path in [*folder.parents, source]
                if path != root and path.is_relative_to(root)}
    expected |= {path.relative_to(root).as_posix() for path in source.parents
                 if path != root and path.is_relative_to(root)}
    assert files_under(root) - made_here == expected


@pytest.mark.skipif(sys.platform == "win32", reason="HOME and XDG: Linux and macOS")
def test_default_database_under_a_home_named_zhang_san(cli, tmp_path: Path) -> None:
    """No --db: the user data dir under a home folder with Chinese and a space."""
    home = tmp_path / "home" / "张 三"
    home.mkdir(parents=True)
    cli.env.update(HOME=str(home), LOCALAPPDATA=str(home / "AppData" / "Local"))
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        cli.env.pop(name, None)
    cli.json("demo", "--customers", "5", "--json")
    info = cli.json("info", "--json")
    database = Path(info["database"])
    assert database.is_relative_to(home) and database.is_file()
    backup = Path(cli.json("backup", "--json")["file"])
    assert backup.parent == database.parent / "backups" and backup.is_file()
    assert cli.json("check", "--json")["ok"]
