"""Tests for kehubao.exchange.tabular: CSV/XLSX/XLS files → RawTable.

Every fixture file is generated in tmp_path, with real Chinese contact data, because the
failure that matters (silent mojibake) only shows up with real multibyte content.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest

from kehubao.errors import UserError
from kehubao.exchange import tabular
from kehubao.exchange.tabular import RawTable, TableReadError, detect_format, read_table

from .tabular_helpers import ROWS, repeated, write_csv, write_xlsx_with_sheet

# ------------------------------------------------------------------------ delimiters


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_detects_each_delimiter(tmp_path, delimiter):
    path = write_csv(tmp_path / "d.csv", ROWS, delimiter=delimiter)
    table = read_table(path)
    assert table.delimiter == delimiter
    assert table.rows == ROWS


def test_semicolon_file_with_commas_inside_addresses(tmp_path):
    rows = [["姓名", "地址", "电话"], ["张三", "北京市,朝阳区,建国路", "010-12345678"],
            ["李四", "上海市,浦东新区", "021-87654321"], ["王五", "广州", "020-1234567"]]
    path = write_csv(tmp_path / "semi.csv", rows, delimiter=";")
    table = read_table(path)
    assert table.delimiter == ";"
    assert table.rows == rows


def test_single_column_file(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("姓名\n张三\n李四\n", encoding="utf-8")
    assert read_table(path).rows == [["姓名"], ["张三"], ["李四"]]


def test_quoted_multiline_cells_and_doubled_quotes(tmp_path):
    path = tmp_path / "quoted.csv"
    path.write_text(
        '姓名,地址,备注\n'
        '张三,"地址第一行\n第二行","他说""明天再联系"""\n'
        '李四,"上海市, 浦东新区","逗号,分号;竖线|"\n',
        encoding="utf-8",
    )
    table = read_table(path)
    assert table.rows == [
        ["姓名", "地址", "备注"],
        ["张三", "地址第一行\n第二行", '他说"明天再联系"'],
        ["李四", "上海市, 浦东新区", "逗号,分号;竖线|"],
    ]


def test_old_mac_file_with_cr_line_endings(tmp_path):
    """Classic Mac OS (and some old exporters) end lines with a lone CR."""
    path = tmp_path / "mac.csv"
    path.write_bytes(("\r".join(",".join(row) for row in ROWS) + "\r").encode("utf-8"))
    table = read_table(path)
    assert (table.delimiter, table.rows) == (",", ROWS)


def test_cr_only_file_longer_than_the_sample(tmp_path):
    rows = [ROWS[0]] + [[f"客户{n}", f"138{n:08d}", "公司", "地址", ""] for n in range(3000)]
    path = tmp_path / "mac.csv"
    path.write_bytes(("\r".join(",".join(row) for row in rows) + "\r").encode("utf-8"))
    assert path.stat().st_size > 64 * 1024  # the delimiter is guessed on a cut sample
    assert read_table(path).rows == rows


def test_lone_cr_inside_a_cell_is_a_line_break_or_kept_when_quoted(tmp_path):
    path = tmp_path / "cr.csv"
    path.write_bytes('客户名称,联系人,手机\n甲\r公司,王,13300133020\n"乙\r公司",李,13300133021\n'
                     .encode())
    assert read_table(path).rows == [["客户名称", "联系人", "手机"], ["甲"],
                                     ["公司", "王", "13300133020"],
                                     ["乙\r公司", "李", "13300133021"]]


def test_a_csv_error_is_a_chinese_user_error(tmp_path, monkeypatch):
    """Whatever the csv module still refuses is the file's fault, said in Chinese."""
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise csv.Error("new-line character seen in unquoted field")

    monkeypatch.setattr(csv, "reader", refuse)
    with pytest.raises(TableReadError) as caught:
        read_table(write_csv(tmp_path / "x.csv", ROWS))
    message = str(caught.value)
    assert message.startswith("第 1 行") and "new-line" not in message and "另存" in message


def test_unclosed_quote_is_refused_with_its_row(tmp_path):
    lines = ["姓名,手机,公司名称,备注", '张三,13812345678,星辰科技,"老客户',
             "李四,13900001111,明月贸易,展会认识", "王五,13700002222,南方电子,需要报价"]
    path = tmp_path / "quote.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    with pytest.raises(TableReadError, match="第 2 行.*引号没有配对"):
        read_table(path)


def test_unclosed_quote_in_an_old_mac_file_is_refused(tmp_path):
    lines = ["姓名,手机,公司名称,备注", '张三,13812345678,星辰科技,"老客户',
             "李四,13900001111,明月贸易,展会认识", "王五,13700002222,南方电子,需要报价"]
    path = tmp_path / "quote.csv"
    path.write_text("\r".join(lines) + "\r", encoding="utf-8", newline="")
    with pytest.raises(TableReadError, match="第 2 行.*引号没有配对"):
        read_table(path)


def test_multiline_notes_and_addresses_are_not_taken_for_an_unclosed_quote(tmp_path):
    rows = [["姓名", "手机", "地址", "备注"],
            ["张三", "13812345678", "北京市朝阳区, 建国路88号\n国贸大厦, A座", "第一行\n第二行，有逗号, 一个"]]
    assert read_table(write_csv(tmp_path / "multi.csv", rows)).rows == rows


def test_ragged_rows_and_stripped_cells_are_kept(tmp_path):
    path = tmp_path / "ragged.csv"
    path.write_text("姓名, 手机 ,公司\n  张三 ,13812345678\n李四,13900001111,某公司,多余\n\n",
                    encoding="utf-8")
    table = read_table(path)
    assert table.rows == [["姓名", "手机", "公司"], ["张三", "13812345678"],
                          ["李四", "13900001111", "某公司", "多余"], []]


def test_hundred_thousand_rows_single_pass(tmp_path):
    """Correctness at size; speed comes from design (one streaming csv pass), not timing."""
    path = tmp_path / "big.csv"
    with path.open("w", encoding="gb18030", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["姓名", "手机", "公司"])
        for i in range(100_000):
            writer.writerow([f"客户{i}", f"138{i:08d}", f"第{i}号公司"])
    table = read_table(path)
    assert len(table.rows) == 100_001
    assert table.rows[-1] == ["客户99999", "13800099999", "第99999号公司"]


# --------------------------------------------------------------------- bad CSV input


def test_random_bytes_named_csv(tmp_path):
    path = tmp_path / "garbage.csv"
    path.write_bytes(random.Random(42).randbytes(4096))
    with pytest.raises(TableReadError, match="文件内容不是文本表格"):
        read_table(path)


def test_png_named_csv(tmp_path):
    png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"
           b"\x00\x00\x00\x1f\xf3\xffa\x00\x00\x00\x0cIDATx\x9cc`\x00\x00\x00\x02\x00\x01"
           b"\xe2!\xbc3\x00\x00\x00\x00IEND\xaeB`\x82")
    path = tmp_path / "photo.csv"
    path.write_bytes(png)
    with pytest.raises(TableReadError, match="文件内容不是文本表格"):
        read_table(path)


@pytest.mark.parametrize(
    "content", [b"", b"   \r\n\t\n  \n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n", b",,,\n,,\n"]
)
def test_empty_files(tmp_path, content):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(TableReadError, match="^文件是空的"):
        read_table(path)


def test_fifty_megabyte_cell_is_rejected_with_row_number(tmp_path):
    path = tmp_path / "huge.csv"
    chunk = b"x" * (1 << 20)
    with path.open("wb") as f:  # written in chunks: the test itself stays small in memory
        f.write("姓名,备注\n张三,正常\n李四,\"".encode())
        for _ in range(50):
            f.write(chunk)
        f.write(b'"\n')
    with pytest.raises(TableReadError, match="第 3 行有一个超长的单元格（超过 100000 个字符）"):
        read_table(path)


def test_huge_unquoted_line_is_rejected(tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as f:
        f.write("姓名,备注\n".encode())
        for _ in range(5):
            f.write(b"y" * (1 << 20))
    with pytest.raises(TableReadError, match="第 2 行有一个超长的单元格"):
        read_table(path)


def test_max_cell_chars_is_enforced_below_csv_field_limit(tmp_path):
    path = write_csv(tmp_path / "long.csv", [["姓名", "备注"], ["张三", "长" * 50]])
    with pytest.raises(TableReadError, match="第 2 行有一个超长的单元格（超过 20 个字符）"):
        read_table(path, max_cell_chars=20)
    assert read_table(path, max_cell_chars=50).rows[1][1] == "长" * 50


def test_csv_field_limit_is_never_lowered(tmp_path):
    """The csv field limit is process-wide; other code may have raised it on purpose."""
    path = write_csv(tmp_path / "ok.csv", ROWS)
    previous = csv.field_size_limit(10_000_000)
    try:
        read_table(path)
        assert csv.field_size_limit() == 10_000_000
    finally:
        csv.field_size_limit(previous)


def test_overlong_line_of_many_small_cells(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("a,b\n" + ",".join(["12345"] * 200_000) + "\n", encoding="utf-8")
    with pytest.raises(TableReadError, match="第 2 行太长"):
        read_table(path, max_cell_chars=10)


def test_missing_file(tmp_path):
    with pytest.raises(TableReadError, match="找不到文件"):
        read_table(tmp_path / "nope.csv")


def test_errors_are_user_errors():
    assert issubclass(TableReadError, UserError)


# ---------------------------------------------------------------------- format sniffing


def test_detect_format_prefers_magic_bytes(tmp_path):
    (tmp_path / "a.csv").write_bytes(b"PK\x03\x04rest-of-zip")
    (tmp_path / "b.dat").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 32)
    (tmp_path / "c.xlsx").write_text("姓名,手机\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("姓名\t手机\n", encoding="utf-8")
    (tmp_path / "e.xls").write_text("姓名\t手机\n张三\t13812345678\n", encoding="utf-8")
    (tmp_path / "f.xls").write_text("<html><table><tr><td>姓名</td></tr></table>", "utf-8")
    assert detect_format(tmp_path / "a.csv") == "xlsx"
    assert detect_format(tmp_path / "b.dat") == "xls"
    assert detect_format(tmp_path / "c.xlsx") == "xlsx"
    assert detect_format(tmp_path / "d.txt") == "csv"
    assert detect_format(tmp_path / "e.xls") == "csv"  # TSV text exported as ".xls"
    assert detect_format(tmp_path / "f.xls") == "xls"


def test_tab_separated_text_named_xls_is_read(tmp_path):
    path = tmp_path / "export.xls"
    path.write_bytes("姓名\t手机\n张三\t13812345678\n".encode("gbk"))
    table = read_table(path)
    assert table.source_format == "csv"
    assert table.rows == [["姓名", "手机"], ["张三", "13812345678"]]


def test_html_named_xls_gets_a_helpful_message(tmp_path):
    path = tmp_path / "web.xls"
    path.write_text("<html><body><table><tr><td>姓名</td></tr></table></body></html>", "utf-8")
    with pytest.raises(TableReadError, match="网页"):
        read_table(path)


def test_forced_format(tmp_path):
    path = tmp_path / "data.bin"
    path.write_text("姓名;手机\n张三;13812345678\n", encoding="utf-8")
    assert read_table(path, format="csv").rows[1] == ["张三", "13812345678"]
    with pytest.raises(ValueError):
        read_table(path, format="pdf")


# ----------------------------------------------------------------------------- Excel


def make_contact_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    blank = wb.active
    blank.title = "说明"  # an empty first sheet: the reader must move on
    ws = wb.create_sheet("客户")
    ws["A1"] = "2026年客户通讯录"
    ws.merge_cells("A1:F1")
    ws.append(["姓名", "手机", "生日", "首次联系", "金额", "是否VIP"])
    ws.append(["张三", 13812345678, dt.date(1990, 5, 1), dt.datetime(2024, 3, 8, 14, 30, 5),
               1200.0, True])
    ws.append(["  李四  ", 13900001111.0, 45000, dt.datetime(2024, 3, 9), 12.5, False])
    ws["C4"].number_format = "yyyy-mm-dd"  # an Excel date serial typed as a number
    ws.append([None, None, None, None, 0.1 + 0.2, None])
    wb.save(path)
    return path


def test_xlsx_cells_are_rendered_as_display_text(tmp_path):
    table = read_table(make_contact_workbook(tmp_path / "list.xlsx"))
    assert table.source_format == "xlsx"
    assert table.sheet_name == "客户"
    assert table.encoding is None and table.delimiter is None
    rows = table.rows
    assert rows[0][0] == "2026年客户通讯录"
    assert rows[0][1:] == ["", "", "", "", ""]  # merged title: value only in the first cell
    assert rows[1] == ["姓名", "手机", "生日", "首次联系", "金额", "是否VIP"]
    assert rows[2] == ["张三", "13812345678", "1990-05-01", "2024-03-08 14:30:05", "1200", "是"]
    assert rows[3] == ["李四", "13900001111", "2023-03-15", "2024-03-09", "12.5", "否"]
    assert rows[4] == ["", "", "", "", "0.3", ""]


def test_xlsx_large_phone_numbers_stay_intact(tmp_path):
    path = tmp_path / "phones.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["手机", "座机"])
    for mobile in (13812345678, 19999999999, 15000000001):
        ws.append([mobile, 75588886666])
    wb.save(path)
    rows = read_table(path).rows
    assert [r[0] for r in rows[1:]] == ["13812345678", "19999999999", "15000000001"]
    assert rows[1][1] == "75588886666"


def test_xlsx_prefers_visible_sheets(tmp_path):
    path = tmp_path / "hidden.xlsx"
    wb = openpyxl.Workbook()
    hidden = wb.active
    hidden.title = "旧数据"
    hidden.append(["作废"])
    hidden.sheet_state = "hidden"
    wb.create_sheet("客户").append(["姓名", "手机"])
    wb.save(path)
    table = read_table(path)
    assert table.sheet_name == "客户"
    assert table.rows == [["姓名", "手机"]]


def test_xlsx_with_an_instructions_sheet_first_reads_the_list(tmp_path):
    path = tmp_path / "template.xlsx"
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "填写说明"
    for line in ("1. 带 * 的列必须填写", "2. 手机号请填写 11 位", "3. 不要修改表头", "客户导入模板 v2"):
        notes.append([line])
    data = wb.create_sheet("客户")
    for r in ROWS:
        data.append(r)
    wb.save(path)
    table = read_table(path)
    assert table.sheet_name == "客户" and table.rows == ROWS
    assert table.notes == []


def test_xlsx_with_two_lists_reads_the_bigger_and_says_so(tmp_path):
    path = tmp_path / "two.xlsx"
    wb = openpyxl.Workbook()
    small = wb.active
    small.title = "上海"
    for r in ROWS[:3]:
        small.append(r)
    big = wb.create_sheet("北京")
    for r in ROWS:
        big.append(r)
    wb.save(path)
    table = read_table(path)
    assert table.sheet_name == "北京" and len(table.rows) == 5
    [(line, note)] = table.notes
    assert line == 0 and "“上海”（3 行）" in note and "没有导入" in note


def test_an_overlong_cell_counts_only_on_the_sheet_that_is_read(tmp_path):
    path = tmp_path / "long.xlsx"
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "填写说明"
    notes.append(["说明" * 100])  # over the limit below, on a sheet nobody imports
    data = wb.create_sheet("客户")
    for r in ROWS:
        data.append(r)
    wb.save(path)
    assert read_table(path, max_cell_chars=150).sheet_name == "客户"
    data.append(["张伟", "很长" * 100])
    wb.save(path)
    with pytest.raises(TableReadError, match="第 6 行有一个超长的单元格"):
        read_table(path, max_cell_chars=150)


def test_xlsx_with_only_empty_sheets(tmp_path):
    path = tmp_path / "blank.xlsx"
    wb = openpyxl.Workbook()
    wb.create_sheet("Sheet2")
    wb.save(path)
    with pytest.raises(TableReadError, match="^文件是空的"):
        read_table(path)


def test_truncated_xlsx(tmp_path):
    good = make_contact_workbook(tmp_path / "good.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good[: len(good) // 2])
    with pytest.raises(TableReadError, match="这不是有效的 Excel 文件"):
        read_table(path)


# A row as a bomb repeats it: no r attributes, so it compresses more than 1000:1.
BOMB_ROW = b'<row><c t="inlineStr"><is><t>x</t></is></c><c t="inlineStr"><is><t>1</t></is></c></row>'


def test_xlsx_zip_bomb_is_refused_before_anything_is_inflated(tmp_path):
    path = write_xlsx_with_sheet(tmp_path / "bomb.xlsx", repeated(BOMB_ROW, 64))
    assert path.stat().st_size < 2**20  # 64 MiB of sheet in well under 1 MiB of file
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(TableReadError, match="压缩比"):
            read_table(path)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert elapsed < 0.5 and peak < 8 * 2**20, (elapsed, peak)


def test_xlsx_too_big_once_inflated_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(tabular, "MAX_EXCEL_BYTES", 2**20)
    rng = random.Random(7)
    rows = (b"".join(b'<row><c t="inlineStr"><is><t>%d</t></is></c></row>' % rng.getrandbits(64)
                     for _ in range(2000)) for _ in range(20))  # barely compressible, ~2 MB
    path = write_xlsx_with_sheet(tmp_path / "big.xlsx", rows)
    with pytest.raises(TableReadError, match="解压后超过 1 MB"):
        read_table(path)


def _numbered_rows(count: int, column: str = "A") -> Iterator[bytes]:
    for n in range(1, count + 1):
        yield b'<row r="%d"><c r="%s%d" t="inlineStr"><is><t>x</t></is></c></row>' % (
            n, column.encode(), n)


@pytest.mark.parametrize("rows", [
    pytest.param(_numbered_rows(150), id="numbered"),
    pytest.param(iter([BOMB_ROW * 150]), id="without-row-numbers"),
    pytest.param(iter([b'<row r="1"><c r="A150"><v>1</v></c></row>']), id="cell-numbered-below"),
])
def test_sheet_with_more_rows_than_the_limit_is_refused_before_reading(tmp_path, monkeypatch,
                                                                       rows):
    monkeypatch.setattr(tabular, "MAX_ROWS", 100)
    path = write_xlsx_with_sheet(tmp_path / "rows.xlsx", rows)
    with pytest.raises(TableReadError, match="超过 100 行"):
        read_table(path)


def test_sheet_within_the_limits_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(tabular, "MAX_ROWS", 100)
    monkeypatch.setattr(tabular, "MAX_CELLS", 2600)
    path = write_xlsx_with_sheet(tmp_path / "ok.xlsx", _numbered_rows(100, "Z"))
    rows = read_table(path).rows
    assert len(rows) == 100 and len(rows[0]) == 26 and rows[99][25] == "x"


@pytest.mark.parametrize("cells", [
    pytest.param(iter([b'<row r="1"><c r="A1"><v>1</v></c><c r="Z5000"><v>1</v></c></row>']),
                 id="far-away-cell"),
    pytest.param(iter([b"<row>" + b"<c><v>1</v></c>" * 20_001 + b"</row>"]),
                 id="wide-row-without-cell-references"),
])
def test_sheet_too_large_to_hold_is_refused(tmp_path, monkeypatch, cells):
    monkeypatch.setattr(tabular, "MAX_CELLS", 20_000)
    path = write_xlsx_with_sheet(tmp_path / "far.xlsx", cells)
    with pytest.raises(TableReadError, match="单元格"):
        read_table(path)


def test_value_in_the_last_cell_of_excel_does_not_abort_the_process(tmp_path):
    """calamine allocates the whole rectangle up to the last cell: for XFD1048576 that is
    512 GB, and a failed allocation in Rust aborts the process (here a child)."""
    book = openpyxl.Workbook()
    book.active.append(["客户名称", "手机"])
    book.active["XFD1048576"] = "x"
    book.save(path := tmp_path / "corner.xlsx")
    code = ("import sys\nfrom kehubao.exchange.tabular import read_table, TableReadError\n"
            "try:\n    read_table(sys.argv[1])\nexcept TableReadError as e:\n    print(e)\n")
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True,
                            text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 0 and "单元格" in result.stdout, result.stderr[-2000:]


def test_text_content_with_xlsx_extension(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_text("this is not a spreadsheet at all", encoding="utf-8")
    with pytest.raises(TableReadError, match="这不是有效的 Excel 文件"):
        read_table(path)


def test_corrupt_legacy_xls(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + random.Random(7).randbytes(2000))
    with pytest.raises(TableReadError, match="这不是有效的 Excel 文件"):
        read_table(path)


def test_raw_table_is_a_plain_dataclass():
    table = RawTable(rows=[["a"]], source_format="csv", encoding="utf-8", delimiter=",",
                     sheet_name=None)
    assert table.rows == [["a"]]
