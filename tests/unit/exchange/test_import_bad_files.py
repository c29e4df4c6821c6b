"""Files that cannot be imported, or only partly: a clear Chinese message and the
database exactly as it was."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kehubao.errors import UserError
from kehubao.exchange.importer import ImportOptions, run_import
from kehubao.exchange.records import read_source

from .helpers import (
    BASE_ROWS,
    CJK,
    build_xlsx_contact_list,
    by_name,
    csv_bytes,
    import_file,
    png_bytes,
    table_counts,
    write_csv,
    xlsx_bytes,
)

# ------------------------------------------------------------------------- 9. bad files


def _empty(p: Path) -> Path:
    p = p / "空.csv"
    p.write_bytes(b"")
    return p


def _only_blank_lines(p: Path) -> Path:
    p = p / "空行.csv"
    p.write_bytes(b"\r\n\r\n ,, \r\n")
    return p


def _garbage(p: Path) -> Path:
    p = p / "乱码.csv"
    p.write_bytes(random.Random(20260101).randbytes(8192))
    return p


def _png(p: Path) -> Path:
    p = p / "照片.csv"
    p.write_bytes(png_bytes())
    return p


def _empty_vcard(p: Path) -> Path:
    p = p / "空.vcf"
    p.write_bytes(b"")
    return p


def _useless_vcard(p: Path) -> Path:
    p = p / "名片.vcf"
    p.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:nothing else\r\nEND:VCARD\r\n")
    return p


def _not_a_vcard(p: Path) -> Path:
    p = p / "名片.vcf"
    p.write_text("这不是名片文件\n只是一些文字\n", encoding="utf-8")
    return p


def _huge_cell(p: Path) -> Path:
    p = p / "超长.csv"
    with p.open("wb") as fh:
        fh.write("客户名称,备注\r\n北京星辰科技有限公司,\"".encode())
        block = b"a" * 1_000_000
        for _ in range(50):
            fh.write(block)
        fh.write(b"\"\r\n")
    return p


def _truncated_xlsx(p: Path) -> Path:
    data = xlsx_bytes(build_xlsx_contact_list)
    p = p / "坏的.xlsx"
    p.write_bytes(data[: len(data) // 2])
    return p


def _html_named_xls(p: Path) -> Path:
    p = p / "网页导出.xls"
    p.write_bytes("<html><body><table><tr><td>姓名</td></tr></table></body></html>".encode())
    return p


BAD_FILES = {
    "empty": (_empty, "文件是空的"),
    "only-blank-lines": (_only_blank_lines, "文件是空的"),
    "binary-garbage": (_garbage, "不是文本表格"),
    "png-named-csv": (_png, "不是文本表格"),
    "empty-vcard": (_empty_vcard, "文件是空的"),
    "vcard-nothing-usable": (_useless_vcard, "没有姓名"),
    "vcf-that-is-not-a-vcard": (_not_a_vcard, "BEGIN:VCARD"),
    "50MB-cell": (_huge_cell, "第 2 行"),
    "truncated-xlsx": (_truncated_xlsx, "不是有效的 Excel 文件"),
    "html-named-xls": (_html_named_xls, "网页"),
}


@pytest.mark.parametrize("make, message", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_file_gives_a_clear_chinese_error_and_changes_nothing(seeded, tmp_path, make, message):
    path = make(tmp_path)
    before = table_counts(seeded)

    with pytest.raises(UserError) as caught:
        import_file(seeded, path)

    text_ = str(caught.value)
    assert message in text_
    assert CJK.search(text_) and "\n" not in text_ and "Traceback" not in text_
    assert table_counts(seeded) == before


def test_missing_file_is_a_user_error(db, tmp_path):
    with pytest.raises(UserError, match="找不到文件"):
        read_source(tmp_path / "不存在.csv")


def test_unknown_format_is_a_user_error(db, tmp_path):
    path = write_csv(tmp_path / "a.csv", BASE_ROWS)
    with pytest.raises(UserError, match="不支持的格式“docx”"):
        read_source(path, "docx")


def test_forced_format_overrides_the_extension(db, tmp_path):
    path = tmp_path / "名单.txt"
    path.write_bytes(csv_bytes(BASE_ROWS))
    assert import_file(db, path, format="csv").created == 3


def test_truncated_vcard_imports_complete_cards_and_reports_the_problem(db, tmp_path):
    path = tmp_path / "断了.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张伟\r\nORG:北京星辰科技有限公司\r\n"
        "TEL;TYPE=CELL:13812345678\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:李娜\r\nTEL;TYPE=CELL:139000", encoding="utf-8")

    summary = import_file(db, path)

    assert by_name(db)["北京星辰科技有限公司"].contact("张伟").mobile == "13812345678"
    assert any(line == 7 and "没有结束" in message for line, message in summary.warnings)


@pytest.mark.parametrize("tail", [b"FN:\xe7\x8e\x8b\xe5", b"FN:\xe7\x8e\x8b",
                                  b"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E7=8E=8B=E5"])
def test_vcard_cut_in_a_name_imports_no_partial_customer(db, tmp_path, tail):
    path = tmp_path / "断了.vcf"
    path.write_bytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张伟\r\nORG:北京星辰科技有限公司\r\n"
                     "TEL;TYPE=CELL:13812345678\r\nEND:VCARD\r\n"
                     "BEGIN:VCARD\r\nVERSION:3.0\r\n".encode() + tail)

    summary = import_file(db, path)

    assert set(by_name(db)) == {"北京星辰科技有限公司"}  # not "王", "王\ufffd" or mojibake
    assert by_name(db)["北京星辰科技有限公司"].contact("张伟").mobile == "13812345678"
    assert any(line == 7 and "没有导入" in message for line, message in summary.warnings)


def test_ragged_rows_are_padded_and_extra_cells_shown_for_mapping(db, tmp_path):
    rows = [["客户名称", "联系人", "手机", "邮箱"],
            ["北京星辰科技有限公司", "张伟"],  # too few cells
            ["上海明月贸易有限公司", "李娜", "13900001111", "lina@mingyue.com", "多出来的一格"]]
    path = write_csv(tmp_path / "参差.csv", rows)

    with db.session() as s:
        source = read_source(path, session=s)
        summary = run_import(s, source, ImportOptions())

    assert summary.errors == [] and summary.created == 2
    assert source.headers == ["客户名称", "联系人", "手机", "邮箱", ""]
    assert source.preview[1][4] == "多出来的一格"
    customers = by_name(db)
    assert customers["北京星辰科技有限公司"].contact("张伟").mobile is None
    li = customers["上海明月贸易有限公司"].contact("李娜")
    assert (li.mobile, li.email) == ("13900001111", "lina@mingyue.com")  # no shifted columns
