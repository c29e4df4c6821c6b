"""Importing tables as real programs write them: encodings, delimiters, header
layouts (Outlook, Google, Excel) and how values are normalised on the way in."""

from __future__ import annotations

import codecs
from datetime import date

import pytest

from kehubao.errors import UserError
from kehubao.exchange.fields import ImportField as F
from kehubao.exchange.importer import ImportOptions, run_import
from kehubao.exchange.records import load_file, map_rows, read_source, remember_mapping

from .helpers import (
    BASE_ROWS,
    H,
    build_xlsx_contact_list,
    by_name,
    csv_bytes,
    excel_serial,
    import_file,
    import_rows,
    row,
    write_csv,
    xlsx_bytes,
)

# ------------------------------------------------------------- 1. CSV encodings, delimiters

RARE_ROW = ["", "王㑇", "13700002222", "", "名字里有生僻字"]  # 㑇 is not in GBK


@pytest.mark.parametrize(
    ("encoding", "bom", "delimiter", "rare"),
    [
        pytest.param("utf-8", b"", ",", True, id="utf-8"),
        pytest.param("utf-8", codecs.BOM_UTF8, ",", True, id="utf-8-bom"),
        pytest.param("gbk", b"", ",", False, id="gbk"),
        pytest.param("gb18030", b"", ",", True, id="gb18030-rare-char"),
        pytest.param("utf-16-le", codecs.BOM_UTF16_LE, "\t", True, id="excel-unicode-text"),
        pytest.param("utf-8", b"", ";", True, id="semicolon"),
        pytest.param("gbk", b"", "\t", False, id="gbk-tab"),
    ],
)
def test_csv_encodings_and_delimiters_import_chinese_names_intact(
        db, tmp_path, encoding, bom, delimiter, rare):
    rows = BASE_ROWS + ([RARE_ROW] if rare else [])
    path = write_csv(tmp_path / "客户.csv", rows, encoding=encoding, bom=bom, delimiter=delimiter)

    summary = import_file(db, path)

    assert summary.errors == []
    assert summary.created == len(rows) - 1
    customers = by_name(db)
    expected = {"北京星辰科技有限公司", "上海明月贸易有限公司", "欧阳娜娜"} | ({"王㑇"} if rare else set())
    assert set(customers) == expected
    star = customers["北京星辰科技有限公司"]
    assert star.customer.kind == "company"
    assert star.contact("张伟").mobile == "13812345678"
    assert star.contact("张伟").email == "zhangwei@xingchen.cn"
    assert star.customer.notes == "老客户，地址：朝阳区建国路88号, 3层"
    assert customers["上海明月贸易有限公司"].customer.notes == "展会认识；重点跟进"
    assert customers["欧阳娜娜"].customer.kind == "person"
    if rare:
        assert customers["王㑇"].contact("王㑇").mobile == "13700002222"


def test_quoted_multiline_note_arrives_intact_in_customer_notes(db, tmp_path):
    note = '第一行：下周回访\n第二行，含逗号, 和 "英文引号"\n\n第四行“中文引号”'
    rows = [H, row("北京星辰科技有限公司", "张伟", mobile="13812345678", notes=note),
            row("上海明月贸易有限公司", "李娜", mobile="13900001111")]

    summary = import_rows(db, tmp_path, rows)

    assert summary.created == 2
    customers = by_name(db)
    assert customers["北京星辰科技有限公司"].customer.notes == note
    # the row after the multi-line cell is still read as its own record
    assert customers["上海明月贸易有限公司"].contact("李娜").mobile == "13900001111"
    assert [line for line, *_ in summary.outcomes] == [2, 3]


def test_tab_separated_text_named_xls_from_a_web_system_imports(db, tmp_path):
    path = tmp_path / "导出.xls"
    path.write_bytes(csv_bytes(BASE_ROWS, delimiter="\t", encoding="gbk"))

    summary = import_file(db, path)

    assert summary.format == "csv"
    assert set(by_name(db)) == {"北京星辰科技有限公司", "上海明月贸易有限公司", "欧阳娜娜"}


# ------------------------------------------------------------------- 2. header layouts


def test_title_and_blank_rows_above_header_and_total_row_below_are_skipped(db, tmp_path):
    rows = [
        ["2026年客户通讯录", "", "", "", ""],
        ["", "", "", "", ""],
        BASE_ROWS[0], *BASE_ROWS[1:],
        ["合计", "", "", "", "3 家"],
    ]
    path = write_csv(tmp_path / "通讯录.csv", rows)

    with db.session() as s:
        source = read_source(path, session=s)
        summary = run_import(s, source, ImportOptions())

    assert source.headers == BASE_ROWS[0]
    assert summary.rows == 3
    assert [line for line, *_ in summary.outcomes] == [4, 5, 6]  # as the user counts lines
    assert source.preview_lines[:3] == [4, 5, 6]  # the mapping preview numbers them alike
    assert summary.warnings == [(7, "合计行")]
    assert set(by_name(db)) == {"北京星辰科技有限公司", "上海明月贸易有限公司", "欧阳娜娜"}


OUTLOOK_HEADER = ["Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company",
                  "Department", "Job Title", "Business Street", "Business City",
                  "Business Phone", "Business Fax", "Home Phone", "Mobile Phone",
                  "E-mail Address", "E-mail Type", "E-mail Display Name", "Birthday", "Notes",
                  "Categories"]


def test_outlook_csv_export_with_chinese_values(db, tmp_path):
    values = {
        "First Name": "伟", "Last Name": "张", "Company": "北京星辰科技有限公司",
        "Department": "销售部", "Job Title": "总经理", "Business Street": "建国路88号",
        "Business City": "北京", "Business Phone": "(010) 6234 5678",
        "Business Fax": "010-62345679", "Mobile Phone": "138 1234 5678",
        "E-mail Address": "ZhangWei@XingChen.cn", "E-mail Type": "SMTP",
        "E-mail Display Name": "张伟 (ZhangWei@XingChen.cn)", "Birthday": "1978/3/5",
        "Notes": "老客户", "Categories": "重要客户;北京",
    }
    rows = [OUTLOOK_HEADER, [values.get(h, "") for h in OUTLOOK_HEADER],
            [{"First Name": "娜", "Last Name": "李", "Mobile Phone": "13900001111"}.get(h, "")
             for h in OUTLOOK_HEADER]]

    summary = import_file(db, write_csv(tmp_path / "outlook.csv", rows, encoding="gbk"))

    assert summary.errors == [] and summary.warnings == []
    customers = by_name(db)
    star = customers["北京星辰科技有限公司"]
    zhang = star.contact("张伟")  # family name first, no space, for Chinese names
    assert (zhang.mobile, zhang.phone, zhang.email) == ("13812345678", "010-62345678",
                                                        "zhangwei@xingchen.cn")
    assert (zhang.title, zhang.department, zhang.birthday) == ("总经理", "销售部", date(1978, 3, 5))
    assert star.customer.city == "北京"
    assert star.tags == {"重要客户", "北京"}
    assert "老客户" in star.customer.notes and "传真：010-62345679" in star.customer.notes
    assert customers["李娜"].customer.kind == "person"


GOOGLE_HEADER = ["Name", "Given Name", "Additional Name", "Family Name", "Yomi Name",
                 "Given Name Yomi", "Additional Name Yomi", "Family Name Yomi", "Name Prefix",
                 "Name Suffix", "Initials", "Nickname", "Short Name", "Maiden Name", "Birthday",
                 "Gender", "Location", "Billing Information", "Directory Server", "Mileage",
                 "Occupation", "Hobby", "Sensitivity", "Priority", "Subject", "Notes",
                 "Language", "Photo", "Group Membership", "E-mail 1 - Type", "E-mail 1 - Value",
                 "Phone 1 - Type", "Phone 1 - Value", "Phone 2 - Type", "Phone 2 - Value",
                 "Organization 1 - Type", "Organization 1 - Name", "Organization 1 - Yomi Name",
                 "Organization 1 - Title", "Organization 1 - Department",
                 "Organization 1 - Symbol", "Organization 1 - Location",
                 "Organization 1 - Job Description"]


def test_google_contacts_csv_export_with_chinese_values(db, tmp_path):
    values = {
        "Name": "张伟", "Given Name": "伟", "Family Name": "张", "Nickname": "老张",
        "Birthday": "1978-03-05", "Notes": "展会认识", "Group Membership": "* myContacts",
        "E-mail 1 - Type": "* Work", "E-mail 1 - Value": "ZhangWei@XingChen.cn",
        "Phone 1 - Type": "Mobile", "Phone 1 - Value": "+86 138-1234-5678",
        "Phone 2 - Type": "Work", "Phone 2 - Value": "010-6234-5678",
        "Organization 1 - Name": "北京星辰科技有限公司", "Organization 1 - Title": "总经理",
        "Organization 1 - Department": "销售部",
    }
    rows = [GOOGLE_HEADER, [values.get(h, "") for h in GOOGLE_HEADER]]

    summary = import_file(db, write_csv(tmp_path / "contacts.csv", rows))

    assert summary.errors == [] and summary.warnings == []
    star = by_name(db)["北京星辰科技有限公司"]
    zhang = star.contact("张伟")
    assert (zhang.mobile, zhang.phone, zhang.email) == ("13812345678", "010-62345678",
                                                        "zhangwei@xingchen.cn")
    assert (zhang.title, zhang.department, zhang.birthday) == ("总经理", "销售部", date(1978, 3, 5))
    assert star.customer.notes == "展会认识"
    # the "Type" columns are labels, not data
    assert "Mobile" not in (star.customer.notes or "") and "Work" not in (star.customer.notes or "")


def test_google_group_membership_becomes_separate_tags(db, tmp_path):
    values = {"Name": "张伟", "Organization 1 - Name": "北京星辰科技有限公司",
              "Group Membership": "客户 ::: * myContacts"}
    rows = [GOOGLE_HEADER, [values.get(h, "") for h in GOOGLE_HEADER]]

    import_file(db, write_csv(tmp_path / "contacts.csv", rows))

    tags = by_name(db)["北京星辰科技有限公司"].tags
    assert "客户" in tags
    assert not any(":::" in tag for tag in tags)


def test_xlsx_with_merged_title_number_phones_and_date_cells(db, tmp_path):
    path = tmp_path / "通讯录.xlsx"
    path.write_bytes(xlsx_bytes(build_xlsx_contact_list))

    summary = import_file(db, path)

    assert summary.format == "xlsx"
    assert summary.errors == []
    assert summary.warnings == [(6, "合计行")]  # the user is told which row was left out
    assert [line for line, *_ in summary.outcomes] == [4, 5]  # Excel's row numbers
    customers = by_name(db)
    assert set(customers) == {"北京星辰科技有限公司", "上海明月贸易有限公司"}
    zhang = customers["北京星辰科技有限公司"].contact("张伟")
    assert zhang.mobile == "13812345678"  # not 1.38e10
    assert zhang.birthday == date(1978, 3, 5)
    li = customers["上海明月贸易有限公司"].contact("李娜")
    assert li.mobile == "13900001111"
    assert li.birthday == date(1990, 12, 1)  # from the Excel serial number


def test_taiwan_list_in_big5_with_traditional_headers(db, tmp_path):
    rows = [["客戶名稱", "聯絡人", "行動電話", "電郵", "備註"],
            ["宏達貿易有限公司", "陳大文", "13812345678", "chen@hongda.tw", "老客戶"]]
    summary = import_file(db, write_csv(tmp_path / "客戶.csv", rows, encoding="cp950"))

    assert summary.errors == [] and summary.created == 1
    hongda = by_name(db)["宏達貿易有限公司"]
    chen = hongda.contact("陳大文")
    assert (chen.mobile, chen.email) == ("13812345678", "chen@hongda.tw")
    assert hongda.customer.notes == "老客戶"


def test_xlsx_template_with_instructions_sheet_imports_the_list_sheet(db, tmp_path):
    def build(first):  # type: ignore[no-untyped-def]
        first.title = "填写说明"
        first.append(["请按表头填写，手机号 11 位"])
        sheet = first.parent.create_sheet("客户名单")
        sheet.append(H)
        sheet.append(row("北京星辰科技有限公司", "张伟", mobile="13812345678"))
        sheet.append(row("上海明月贸易有限公司", "李娜", mobile="13900001111"))

    path = tmp_path / "模板.xlsx"
    path.write_bytes(xlsx_bytes(build))
    loaded = load_file(path)
    assert loaded.sheet_name == "客户名单"
    summary = import_file(db, path)
    assert summary.created == 2 and set(by_name(db)) == {"北京星辰科技有限公司", "上海明月贸易有限公司"}


def test_rows_with_broken_bytes_are_imported_and_listed_for_checking(db, tmp_path):
    data = csv_bytes([H, row("甲公司", "张三", mobile="13812345678"),
                      row("乙公司", "李四", mobile="13900001111")], encoding="gbk")
    path = tmp_path / "cut.csv"
    path.write_bytes(data + "丙公司".encode("gbk")[:3])  # cut off inside 公

    summary = import_file(db, path)

    assert summary.created == 3
    assert [line for line, _w in summary.warnings] == [4]
    assert "无法识别的字符" in summary.warnings[0][1]


def test_user_corrected_mapping_is_used_and_remembered_for_the_same_layout(db, tmp_path):
    rows = [["单位", "姓名", "号码", "说明"],
            ["北京星辰科技有限公司", "张伟", "138 1234 5678", "VIP"],
            ["上海明月贸易有限公司", "李娜", "13900001111", "普通"]]
    path = write_csv(tmp_path / "名单.csv", rows)
    corrected = [F.CUSTOMER_NAME, F.CONTACT_NAME, F.MOBILE, F.TAGS]

    with db.session() as s:
        suggested = read_source(path, session=s)
        assert suggested.mapping[2] is not F.MOBILE  # "号码" alone is not recognised
        assert suggested.remembered is False
        source = read_source(path, mapping=corrected, session=s)
        run_import(s, source, ImportOptions())
        remember_mapping(s, source.signature, corrected)

    customers = by_name(db)
    assert customers["北京星辰科技有限公司"].contact("张伟").mobile == "13812345678"
    assert customers["北京星辰科技有限公司"].tags == {"VIP"}

    # next month: another file with the same layout
    rows2 = [rows[0], ["广州南方电子厂", "王芳", "137-0000-2222", "新客户"]]
    path2 = write_csv(tmp_path / "名单2.csv", rows2)
    with db.session() as s:
        again = read_source(path2, session=s)
        assert again.remembered is True
        assert again.mapping == corrected
        run_import(s, again, ImportOptions())
    south = by_name(db)["广州南方电子厂"]
    assert south.contact("王芳").mobile == "13700002222"
    assert south.tags == {"新客户"}


def test_mapping_can_be_redone_on_a_loaded_file_without_reading_it_again(db, tmp_path):
    path = write_csv(tmp_path / "名单.csv", [["单位", "姓名", "号码"],
                                            ["北京星辰科技有限公司", "张伟", "13812345678"]])
    loaded = load_file(path)
    first = map_rows(loaded)
    second = map_rows(loaded, [F.CUSTOMER_NAME, F.CONTACT_NAME, F.PHONE])

    assert F.PHONE not in first.mapping
    assert second.rows[0].values[F.PHONE] == ["13812345678"]
    with pytest.raises(UserError, match="列数"):
        map_rows(loaded, [F.CUSTOMER_NAME])


# ----------------------------------------------------------------- 3. normalisation


@pytest.mark.parametrize(
    ("column", "raw", "attribute", "expected"),
    [
        ("手机", "138 1234 5678", "mobile", "13812345678"),
        ("手机", "+86-138-1234-5678", "mobile", "13812345678"),
        ("手机", "８６１３８１２３４５６７８", "mobile", "13812345678"),  # full width
        ("电话", "(021) 6234 5678", "phone", "021-62345678"),
        ("电话", "0755-8888 6666 转 801", "phone", "0755-88886666-801"),
        ("邮箱", " ZhangWei@XingChen.CN ", "email", "zhangwei@xingchen.cn"),
        ("生日", "1978/3/5", "birthday", date(1978, 3, 5)),
        ("生日", "1990-12-01", "birthday", date(1990, 12, 1)),
        ("生日", "1990年12月1日", "birthday", date(1990, 12, 1)),
        ("生日", str(excel_serial(date(1985, 6, 15))), "birthday", date(1985, 6, 15)),
    ],
)
def test_values_are_normalised_on_import(db, tmp_path, column, raw, attribute, expected):
    rows = [["客户名称", "联系人", column], ["北京星辰科技有限公司", "张伟", raw]]

    summary = import_rows(db, tmp_path, rows)

    assert summary.warnings == []
    contact = by_name(db)["北京星辰科技有限公司"].contact("张伟")
    assert getattr(contact, attribute) == expected


@pytest.mark.parametrize(
    ("column", "raw", "kept_as"),
    [
        ("电话", "BusinessPhone", "电话：BusinessPhone"),
        ("手机", "138-1234-567X", "手机：138-1234-567X"),
        ("邮箱", "zhang@@example", "邮箱：zhang@@example"),
        ("生日", "下个月", "生日：下个月"),
    ],
)
def test_unreadable_value_is_kept_in_notes_with_a_warning_for_its_row(db, tmp_path, column, raw,
                                                                      kept_as):
    rows = [["客户名称", "联系人", column, "备注"],
            ["上海明月贸易有限公司", "李娜", "", ""],
            ["北京星辰科技有限公司", "张伟", raw, "老客户"]]

    summary = import_rows(db, tmp_path, rows)

    assert summary.errors == []
    assert [line for line, _ in summary.warnings] == [3]
    assert raw[:10] in summary.warnings[0][1]
    star = by_name(db)["北京星辰科技有限公司"]
    assert star.customer.notes.splitlines() == ["老客户", kept_as]


def test_long_note_is_kept_whole(db, tmp_path):
    note = "客户很重要。" * 16000  # 96,000 characters: the largest cell a file may have
    rows = [["客户名称", "联系人", "备注"], ["北京星辰科技有限公司", "张伟", note]]

    summary = import_rows(db, tmp_path, rows)

    assert summary.warnings == []
    assert by_name(db)["北京星辰科技有限公司"].customer.notes == note


def test_several_numbers_go_to_mobile_phone_and_the_rest_to_notes(db, tmp_path):
    rows = [["客户名称", "联系人", "手机", "电话1", "电话2", "手机2"],
            ["北京星辰科技有限公司", "张伟", "13812345678", "010-62345678", "010-62345679",
             "13900001111"]]

    import_rows(db, tmp_path, rows)

    star = by_name(db)["北京星辰科技有限公司"]
    zhang = star.contact("张伟")
    assert (zhang.mobile, zhang.phone) == ("13812345678", "13900001111")
    assert "其他电话：010-62345678" in star.customer.notes
    assert "其他电话：010-62345679" in star.customer.notes


def test_columns_without_a_field_are_kept_in_the_notes(db, tmp_path):
    rows = [["客户名称", "联系人", "手机", "客户级别", "上次拜访", "", "Priority"],
            ["甲公司", "张三", "13812345601", "A", "2024-05-01", "多出来的", "Normal"]]

    import_rows(db, tmp_path, rows)

    notes = by_name(db)["甲公司"].customer.notes
    assert "客户级别：A" in notes and "上次拜访：2024-05-01" in notes and "第6列：多出来的" in notes
    assert "Priority" not in notes  # export bookkeeping of other programs stays out


@pytest.mark.parametrize("name", ["客户.csv", "手机.vcf"])
def test_a_file_that_cannot_be_read_is_a_clear_user_error(tmp_path, monkeypatch, name):
    path = tmp_path / name
    path.write_bytes(b"BEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n" if name.endswith("vcf") else b"a,b\r\n")

    def refuse(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(path), "open", refuse)
    monkeypatch.setattr(type(path), "read_bytes", refuse)
    with pytest.raises(UserError, match="无法读取文件"):
        load_file(path)
