"""Encoding detection of CSV files (kehubao.exchange.text_encoding), through read_table:
the failure that matters, silent mojibake, only shows with real multibyte content."""

from __future__ import annotations

import pytest

from kehubao.exchange.tabular import TableReadError, read_table

from .tabular_helpers import ROWS, write_csv

# ------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("encoding", "bom", "expected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
        ("gbk", b"", "gb18030"),
        ("gb18030", b"", "gb18030"),
    ],
)
def test_reads_common_chinese_encodings(tmp_path, encoding, bom, expected):
    path = write_csv(tmp_path / "list.csv", ROWS, encoding=encoding, bom=bom)
    table = read_table(path)
    assert table.rows == ROWS
    assert table.encoding == expected
    assert table.source_format == "csv"
    assert table.delimiter == ","
    assert table.sheet_name is None


def test_gb18030_rare_characters_survive(tmp_path):
    rows = [["姓名", "公司"], ["王㑇", "䶮记商行"], ["李䶮", "㑇字号工作室"]]
    path = write_csv(tmp_path / "rare.csv", rows, encoding="gb18030")
    table = read_table(path)
    assert table.rows == rows
    assert table.encoding == "gb18030"


def test_short_gbk_file_is_not_misguessed(tmp_path):
    """charset-normalizer alone tends to call a few GBK characters something exotic."""
    path = tmp_path / "short.csv"
    path.write_bytes("姓名,手机\n张伟,13812345678\n".encode("gbk"))
    assert read_table(path).rows == [["姓名", "手机"], ["张伟", "13812345678"]]


def test_mostly_ascii_gbk_file(tmp_path):
    rows = [["Name", "Mobile", "Email"]]
    rows += [[f"user{i}", f"1381234{i:04d}", f"u{i}@example.com"] for i in range(300)]
    rows.append(["刘洋", "13900000000", "liu@example.com"])
    path = write_csv(tmp_path / "ascii.csv", rows, encoding="gbk")
    assert read_table(path).rows[-1] == ["刘洋", "13900000000", "liu@example.com"]


def test_utf16_le_with_bom_and_tabs_like_excel_unicode_text(tmp_path):
    path = tmp_path / "unicode.txt"
    text = "\r\n".join("\t".join(row) for row in ROWS) + "\r\n"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    table = read_table(path)
    assert table.rows == ROWS
    assert table.encoding == "utf-16"
    assert table.delimiter == "\t"


def test_utf16_be_with_bom(tmp_path):
    path = tmp_path / "be.csv"
    text = "\n".join(",".join(row) for row in ROWS)
    path.write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    table = read_table(path)
    assert table.rows == ROWS
    assert table.encoding == "utf-16"


def test_utf16_le_without_bom(tmp_path):
    path = tmp_path / "nobom.csv"
    path.write_bytes("\n".join(",".join(r) for r in ROWS).encode("utf-16-le"))
    assert read_table(path).rows == ROWS


def test_big5_traditional_chinese(tmp_path):
    rows = [
        ["姓名", "手機", "公司", "地址"],
        ["張三", "0912345678", "台北星辰科技有限公司", "台北市信義區忠孝東路五段"],
        ["陳小明", "0988777666", "台中南方電子廠", "台中市西屯區台灣大道"],
    ]
    path = write_csv(tmp_path / "big5.csv", rows, encoding="big5")
    table = read_table(path)
    assert table.rows == rows
    assert table.encoding in ("big5", "cp950")


def test_western_legacy_encoding_goes_through_charset_normalizer(tmp_path):
    rows = [["Name", "Company", "City"], ["José Müller", "Société Générale", "Zürich"],
            ["Zoë Ångström", "Crème Brûlée Café", "Besançon"]]
    path = write_csv(tmp_path / "latin.csv", rows, encoding="cp1252")
    table = read_table(path)
    assert table.rows == rows


def test_gbk_notes_full_of_punctuation_and_symbols(tmp_path):
    rows = [["姓名", "备注"], ["张三", "（总部）、【重要】：①②③……℃——“引号”《书名》"],
            ["李四", "！？；，。、"]]
    path = write_csv(tmp_path / "punct.csv", rows, encoding="gbk")
    assert read_table(path).rows == rows


def test_utf8_with_a_corrupt_byte_is_read_and_the_row_reported(tmp_path):
    data = "\n".join(",".join(row) for row in ROWS).encode("utf-8")
    path = tmp_path / "broken.csv"
    cut = data.index("李四".encode())
    path.write_bytes(data[:cut] + b"\xff" + data[cut:])
    table = read_table(path)
    assert table.encoding == "utf-8"
    assert table.rows[2][0] == "\ufffd李四" and table.rows[1] == ROWS[1]
    assert [line for line, _note in table.notes] == [3]
    assert "无法识别的字符" in table.notes[0][1]


def test_gbk_file_cut_off_mid_character_keeps_every_row(tmp_path):
    data = write_csv(tmp_path / "full.csv", ROWS, encoding="gbk").read_bytes()
    path = tmp_path / "cut.csv"
    path.write_bytes(data[: data.rindex("深圳市".encode("gbk")) + 1])  # half of 深
    table = read_table(path)
    assert table.encoding == "gb18030"
    assert table.rows[:4] == ROWS[:4] and table.rows[4][:3] == ROWS[4][:3]
    assert [line for line, _note in table.notes] == [5]


def test_many_broken_bytes_are_still_an_error_not_mojibake(tmp_path):
    data = "\n".join(",".join(row) for row in ROWS).encode("utf-8")
    path = tmp_path / "broken.csv"
    path.write_bytes(b"\xff".join(data[i:i + 10] for i in range(0, len(data), 10)))
    with pytest.raises(TableReadError, match="无法识别文件的编码"):
        read_table(path)


def test_gbk_file_whose_first_64kb_are_ascii(tmp_path):
    rows = [["Name", "Mobile", "Email"]]
    rows += [[f"user{i}", f"1381234{i % 10000:04d}", f"u{i}@example.com"] for i in range(3000)]
    rows += [["刘洋", "13900000000", "liu@example.com"], ["欧阳娜娜", "15012345678", "ou@qq.com"]]
    path = write_csv(tmp_path / "ascii.csv", rows, encoding="gbk")
    assert path.stat().st_size > 64 * 1024
    table = read_table(path)
    assert table.encoding == "gb18030" and table.notes == []
    assert [r[0] for r in table.rows[-2:]] == ["刘洋", "欧阳娜娜"]


def test_no_replacement_characters_for_any_chinese_encoding(tmp_path):
    for encoding in ("utf-8", "gbk", "gb18030", "utf-16"):
        path = write_csv(tmp_path / f"{encoding}.csv", ROWS, encoding=encoding)
        flat = "".join("".join(row) for row in read_table(path).rows)
        assert "\ufffd" not in flat
        assert "北京星辰科技有限公司" in flat
