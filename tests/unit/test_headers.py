"""Tests for kehubao.exchange.headers: header row detection and column mapping."""

from __future__ import annotations

import csv

import openpyxl
import pytest

from kehubao.exchange.fields import MULTI_VALUE_FIELDS, ImportField
from kehubao.exchange.headers import (
    HeaderGuess,
    guess_header,
    header_signature,
    suggest_mapping,
)
from kehubao.exchange.tabular import RawTable, read_table

F = ImportField

# The header line Outlook writes when exporting contacts to "Comma Separated Values".
OUTLOOK_HEADER = (
    '"Title","First Name","Middle Name","Last Name","Suffix","Company","Department",'
    '"Job Title","Business Street","Business Street 2","Business Street 3","Business City",'
    '"Business State","Business Postal Code","Business Country/Region","Home Street",'
    '"Home Street 2","Home Street 3","Home City","Home State","Home Postal Code",'
    '"Home Country/Region","Other Street","Other Street 2","Other Street 3","Other City",'
    '"Other State","Other Postal Code",'
    '"Other Country/Region","Assistant\'s Phone","Business Fax","Business Phone",'
    '"Business Phone 2","Callback","Car Phone","Company Main Phone","Home Fax","Home Phone",'
    '"Home Phone 2","ISDN","Mobile Phone","Other Fax","Other Phone","Pager","Primary Phone",'
    '"Radio Phone","TTY/TDD Phone","Telex","Account","Anniversary","Assistant\'s Name",'
    '"Billing Information","Birthday","Business Address PO Box","Categories","Children",'
    '"Directory Server","E-mail Address","E-mail Type","E-mail Display Name",'
    '"E-mail 2 Address","E-mail 2 Type","E-mail 2 Display Name","E-mail 3 Address",'
    '"E-mail 3 Type","E-mail 3 Display Name","Gender","Government ID Number","Hobby",'
    '"Home Address PO Box","Initials","Internet Free Busy","Keywords","Language","Location",'
    '"Manager\'s Name","Mileage","Notes","Office Location","Organizational ID Number",'
    '"Other Address PO Box","Priority","Private","Profession","Referred By","Sensitivity",'
    '"Spouse","User 1","User 2","User 3","User 4","Web Page"'
)
OUTLOOK_COLUMNS = next(csv.reader([OUTLOOK_HEADER]))
GOOGLE_OLD_HEADER = (
    "Name,Given Name,Additional Name,Family Name,Yomi Name,Given Name Yomi,"
    "Additional Name Yomi,Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,"
    "Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,Directory Server,"
    "Mileage,Occupation,Hobby,Sensitivity,Priority,Subject,Notes,Language,Photo,"
    "Group Membership,E-mail 1 - Type,E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,"
    "Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Address 1 - Type,"
    "Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,"
    "Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,"
    "Address 1 - Extended Address,Organization 1 - Type,Organization 1 - Name,"
    "Organization 1 - Yomi Name,Organization 1 - Title,Organization 1 - Department,"
    "Organization 1 - Symbol,Organization 1 - Location,Organization 1 - Job Description,"
    "Website 1 - Type,Website 1 - Value"
)
GOOGLE_NEW_HEADER = (
    "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,"
    "Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,"
    "Organization Title,Organization Department,Birthday,Notes,Photo,Labels,"
    "E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,"
    "Phone 1 - Value,Phone 2 - Label,Phone 2 - Value,Address 1 - Label,"
    "Address 1 - Formatted,Address 1 - Street,Address 1 - City,Address 1 - PO Box,"
    "Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,"
    "Address 1 - Extended Address,Website 1 - Label,Website 1 - Value"
)


def mapped(headers: list[str]) -> dict[str, ImportField]:
    """header → suggested field, for columns that are not ignored."""
    return {h: f for h, f in zip(headers, suggest_mapping(headers), strict=False) if f is not F.IGNORE}


# --------------------------------------------------------------------------- synonyms


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("姓名", F.CONTACT_NAME), ("联系人", F.CONTACT_NAME), ("联系人姓名", F.CONTACT_NAME),
        ("客户姓名", F.CONTACT_NAME), ("客户名称", F.CUSTOMER_NAME), ("单位名称", F.CUSTOMER_NAME),
        ("公司", F.CUSTOMER_NAME), ("企业名称", F.CUSTOMER_NAME), ("商家", F.CUSTOMER_NAME),
        ("手机", F.MOBILE), ("手机号码", F.MOBILE), ("移动电话", F.MOBILE),
        ("电话", F.PHONE), ("联系电话", F.PHONE), ("座机", F.PHONE), ("办公电话", F.PHONE),
        ("传真", F.FAX), ("职务", F.TITLE), ("头衔", F.TITLE), ("部门", F.DEPARTMENT),
        ("邮箱", F.EMAIL), ("电子邮件", F.EMAIL), ("Email", F.EMAIL), ("E-mail", F.EMAIL),
        ("微信号", F.WECHAT), ("QQ", F.QQ), ("QQ号", F.QQ), ("详细地址", F.ADDRESS),
        ("公司地址", F.ADDRESS), ("省份", F.PROVINCE), ("城市", F.CITY), ("区县", F.DISTRICT),
        ("出生年月", F.BIRTHDAY), ("性别", F.GENDER), ("所属行业", F.INDUSTRY),
        ("类型", F.CUSTOMER_TYPE), ("客户状态", F.STATUS), ("片区", F.REGION),
        ("客户来源", F.SOURCE), ("业务员", F.OWNER), ("归属人", F.OWNER), ("分组", F.TAGS),
        ("备注信息", F.NOTES), ("网址", F.WEBSITE), ("客户编码", F.CUSTOMER_CODE),
        # decorations users add
        ("手机(必填)", F.MOBILE), ("手机（必填）", F.MOBILE), ("电话号码*", F.PHONE),
        ("*姓名", F.CONTACT_NAME), ("姓名：", F.CONTACT_NAME), ("邮箱:", F.EMAIL),
        (" 手 机 ", F.MOBILE), ("ＱＱ", F.QQ), ("【备注】", F.NOTES), ("e-mail", F.EMAIL),
        # generic English
        ("Full Name", F.CONTACT_NAME), ("Contact", F.CONTACT_NAME), ("Company", F.CUSTOMER_NAME),
        ("Organization", F.CUSTOMER_NAME), ("Account Name", F.CUSTOMER_NAME),
        ("Mobile", F.MOBILE), ("Cell", F.MOBILE), ("Tel", F.PHONE), ("Telephone", F.PHONE),
        ("Mail", F.EMAIL), ("Position", F.TITLE), ("Remark", F.NOTES), ("Tags", F.TAGS),
        ("Address", F.ADDRESS), ("NOTES", F.NOTES),
        # keywords inside longer headers
        ("联系人手机", F.MOBILE), ("客户经理电话", F.PHONE), ("传真电话", F.FAX),
        ("邮箱地址", F.EMAIL), ("Work Phone", F.PHONE), ("Mobile No.", F.MOBILE),
        # known non-fields stay unmapped
        ("邮政编码", F.IGNORE), ("序号", F.IGNORE), ("金额", F.OTHER), ("", F.OTHER),
        ("Phonetic First Name", F.IGNORE), ("这是一个非常长的说明文字而不是表头电话", F.OTHER),
    ],
)
def test_single_header_synonyms(header, field):
    assert suggest_mapping([header]) == [field]


def test_numbered_duplicates_multi_value_fields_repeat():
    headers = ["电话1", "电话2", "手机", "手机2", "邮箱", "邮箱(2)", "地址1", "地址2", "备注1"]
    assert suggest_mapping(headers) == [
        F.PHONE, F.PHONE, F.MOBILE, F.MOBILE, F.EMAIL, F.EMAIL, F.ADDRESS, F.OTHER, F.NOTES,
    ]


def test_single_value_fields_first_match_wins():
    assert suggest_mapping(["姓名", "联系人", "公司", "单位名称", "职务", "职位"]) == [
        F.CONTACT_NAME, F.OTHER, F.CUSTOMER_NAME, F.OTHER, F.TITLE, F.OTHER,
    ]


def test_exact_synonym_beats_earlier_keyword_match():
    # "所在公司名" only matches by keyword; the later exact "客户名称" keeps the field.
    assert suggest_mapping(["所在公司名", "客户名称"]) == [F.OTHER, F.CUSTOMER_NAME]


def test_every_field_is_reachable_and_multi_value_set_is_respected():
    headers = ["姓名", "公司", "手机", "电话", "传真", "职务", "部门", "邮箱", "微信", "QQ",
               "地址", "省", "市", "区", "生日", "性别", "行业", "客户类型", "状态", "区域",
               "来源", "负责人", "标签", "备注", "网址", "编号", "First Name", "Last Name",
               "单位电话", "单位邮箱", "联系人备注", "客户性质"]
    mapping = suggest_mapping(headers)
    assert set(mapping) == set(F) - {F.IGNORE, F.OTHER}
    assert MULTI_VALUE_FIELDS - {F.OTHER} <= set(mapping)


def test_bare_mingcheng_with_a_contact_column_is_the_customer():
    assert suggest_mapping(["名称", "联系人", "电话"]) == [F.CUSTOMER_NAME, F.CONTACT_NAME,
                                                        F.PHONE]
    assert suggest_mapping(["联系人", "名称"]) == [F.CONTACT_NAME, F.CUSTOMER_NAME]


def test_bare_english_name_is_the_contact_unless_taken():
    assert suggest_mapping(["Name", "Company"]) == [F.CONTACT_NAME, F.CUSTOMER_NAME]
    assert suggest_mapping(["Name", "Contact Name"]) == [F.CUSTOMER_NAME, F.CONTACT_NAME]


def test_outlook_export_header():
    headers = OUTLOOK_COLUMNS
    assert len(headers) == 92
    mapping = mapped(headers)
    assert mapping == {
        "First Name": F.GIVEN_NAME, "Last Name": F.FAMILY_NAME, "Company": F.CUSTOMER_NAME,
        "Department": F.DEPARTMENT, "Job Title": F.TITLE, "Business Street": F.ADDRESS,
        "Business City": F.CITY, "Business State": F.PROVINCE, "Business Fax": F.FAX, "Home Fax": F.FAX, "Other Fax": F.FAX,
        "Business Phone": F.PHONE, "Business Phone 2": F.PHONE, "Car Phone": F.MOBILE,
        "Company Main Phone": F.CUSTOMER_PHONE, "Home Phone": F.PHONE, "Home Phone 2": F.PHONE,
        "Mobile Phone": F.MOBILE, "Other Phone": F.PHONE, "Primary Phone": F.PHONE,
        "Birthday": F.BIRTHDAY, "Categories": F.TAGS, "E-mail Address": F.EMAIL,
        "E-mail 2 Address": F.EMAIL, "E-mail 3 Address": F.EMAIL, "Gender": F.GENDER,
        "Notes": F.NOTES, "Web Page": F.WEBSITE,
    }
    # Outlook's "Title" is the salutation (Mr./Ms.); "Job Title" owns TITLE.
    assert suggest_mapping(headers)[0] is F.IGNORE


def test_google_contacts_old_format():
    headers = GOOGLE_OLD_HEADER.split(",")
    assert mapped(headers) == {
        "Name": F.CONTACT_NAME, "Given Name": F.GIVEN_NAME, "Family Name": F.FAMILY_NAME,
        "Birthday": F.BIRTHDAY, "Gender": F.GENDER, "Notes": F.NOTES,
        "Group Membership": F.TAGS, "E-mail 1 - Value": F.EMAIL, "E-mail 2 - Value": F.EMAIL,
        "Phone 1 - Value": F.PHONE, "Phone 2 - Value": F.PHONE,
        "Address 1 - Formatted": F.ADDRESS, "Address 1 - City": F.CITY,
        "Address 1 - Region": F.PROVINCE, "Organization 1 - Name": F.CUSTOMER_NAME,
        "Organization 1 - Title": F.TITLE, "Organization 1 - Department": F.DEPARTMENT,
        "Website 1 - Value": F.WEBSITE,
    }


def test_google_contacts_new_format():
    headers = GOOGLE_NEW_HEADER.split(",")
    assert mapped(headers) == {
        "First Name": F.GIVEN_NAME, "Last Name": F.FAMILY_NAME,
        "Organization Name": F.CUSTOMER_NAME, "Organization Title": F.TITLE,
        "Organization Department": F.DEPARTMENT, "Birthday": F.BIRTHDAY, "Notes": F.NOTES,
        "Labels": F.TAGS, "E-mail 1 - Value": F.EMAIL, "E-mail 2 - Value": F.EMAIL,
        "Phone 1 - Value": F.PHONE, "Phone 2 - Value": F.PHONE,
        "Address 1 - Formatted": F.ADDRESS, "Address 1 - City": F.CITY,
        "Address 1 - Region": F.PROVINCE, "Website 1 - Value": F.WEBSITE,
    }


# -------------------------------------------------------------------------- signature


def test_header_signature_ignores_case_width_and_whitespace():
    base = header_signature(["姓名", "手机", "Email"])
    assert base == header_signature([" 姓 名 ", "手机", "EMAIL"])
    assert base == header_signature(["姓名", "手机", "ｅｍａｉｌ"])
    assert base == header_signature(["姓名", "手机", "Email", "", ""])
    assert len(base) == 16 and base == header_signature(["姓名", "手机", "Email"])


def test_header_signature_is_order_sensitive_and_distinguishes_layouts():
    base = header_signature(["姓名", "手机", "Email"])
    assert base != header_signature(["手机", "姓名", "Email"])
    assert base != header_signature(["姓名", "手机", "Email", "备注"])
    assert header_signature(["电话1", "电话2"]) != header_signature(["电话2", "电话1"])
    assert header_signature(["a", "b"]) != header_signature(["ab"])


# ------------------------------------------------------------------------ guess_header


def table(rows: list[list[str]]) -> RawTable:
    return RawTable(rows=rows, source_format="csv", encoding="utf-8", delimiter=",",
                    sheet_name=None)


def test_plain_header_on_first_row():
    guess = guess_header(table([["姓名", "手机"], ["张三", "13812345678"]]))
    assert isinstance(guess, HeaderGuess)
    assert guess.header_row == 0
    assert guess.headers == ["姓名", "手机"]
    assert guess.mapping == [F.CONTACT_NAME, F.MOBILE]
    assert guess.data_rows == [["张三", "13812345678"]]
    assert guess.skipped == []


def test_header_below_title_date_line_and_blank_rows(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text(
        "2026年客户通讯录,,,,\n导出日期：2026-03-01,,,,\n,,,,\n"
        "序号,姓名,手机,公司名称,地址\n"
        "1,张三,13812345678,北京星辰科技有限公司,北京市朝阳区\n"
        ",,,,\n"
        "2,李四,13900001111,上海明月贸易有限公司,上海市浦东新区\n",
        encoding="gbk",
    )
    guess = guess_header(read_table(path))
    assert guess.header_row == 3
    assert guess.headers == ["序号", "姓名", "手机", "公司名称", "地址"]
    assert guess.mapping == [F.IGNORE, F.CONTACT_NAME, F.MOBILE, F.CUSTOMER_NAME, F.ADDRESS]
    assert [row[1] for row in guess.data_rows] == ["张三", "李四"]
    assert guess.skipped == [(5, "空行")]


def test_header_in_xlsx_under_merged_title(tmp_path):
    path = tmp_path / "list.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "2026年客户通讯录"
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(["客户名称", "联系人", "职务", "手机", "邮箱", "备注"])
    ws.append(["杭州西湖茶业有限公司", "周杰", "经理", 13588889999, "zhou@xihu.cn", None])
    ws.append(["合计", None, None, None, None, "1 家"])
    wb.save(path)
    guess = guess_header(read_table(path))
    assert guess.header_row == 2
    assert guess.mapping == [F.CUSTOMER_NAME, F.CONTACT_NAME, F.TITLE, F.MOBILE, F.EMAIL,
                             F.NOTES]
    assert guess.data_rows == [["杭州西湖茶业有限公司", "周杰", "经理", "13588889999",
                                "zhou@xihu.cn", ""]]
    assert guess.skipped == [(4, "合计行")]


@pytest.mark.parametrize("label", ["合计", "总计：", "小计", "共计 3 人", "Total", "TOTAL:",
                                   "Sum", "Grand Total", "Subtotal 12"])
def test_total_rows_are_skipped(label):
    rows = [["姓名", "手机"], ["张三", "13812345678"], ["", label, "3"], ["李四", "13900001111"]]
    guess = guess_header(table(rows))
    assert guess.skipped == [(2, "合计行")]
    assert [r[0] for r in guess.data_rows] == ["张三", "李四"]


def test_names_that_merely_start_like_totals_are_data():
    rows = [["Company", "Phone"], ["Total Solutions Ltd", "010-12345678"],
            ["Summit Co", "021-1234567"], ["合计科技有限公司", "0755-88886666"]]
    guess = guess_header(table(rows))
    assert len(guess.data_rows) == 3 and guess.skipped == []


def test_repeated_header_rows_are_skipped():
    rows = [["姓名", "手机"], ["张三", "13812345678"], ["姓名", "手机"], ["李四", "13900001111"]]
    guess = guess_header(table(rows))
    assert guess.skipped == [(2, "重复的表头")]
    assert len(guess.data_rows) == 2


def test_rows_are_padded_and_truncated_to_header_width():
    rows = [["姓名", "手机", "备注", ""], ["张三"], ["李四", "139", "x", "", ""],
            ["王五", "137", "", "多出来的", "", ""]]
    guess = guess_header(table(rows))
    assert guess.headers == ["姓名", "手机", "备注", ""]
    assert all(len(r) == 4 for r in guess.data_rows)
    assert guess.data_rows[0] == ["张三", "", "", ""]
    assert guess.data_rows[2] == ["王五", "137", "", "多出来的"]
    assert guess.mapping[3] is F.OTHER  # cells beyond the header are kept in the notes


def test_blank_header_column_is_mapped_from_content():
    rows = [["姓名", "", "公司"], ["张三", "13812345678", "甲公司"],
            ["李四", "13900001111", "乙公司"]]
    assert guess_header(table(rows)).mapping == [F.CONTACT_NAME, F.MOBILE, F.CUSTOMER_NAME]


def test_headerless_list_infers_mapping_from_content():
    rows = [
        ["张三", "13812345678", "zhang@example.com", "北京星辰科技有限公司", "老客户"],
        ["李四", "139 0000 1111", "li@example.com", "上海明月贸易商行", ""],
        ["", "", "", "", ""],
        ["欧阳娜娜", "+86 150-1234-5678", "ouyang@example.cn", "深圳鹏城五金经营部", "新"],
        ["王小明", "13700002222", "wang@example.com", "广州南方电子厂", ""],
    ]
    guess = guess_header(table(rows))
    assert guess.header_row == -1
    assert guess.headers == ["列1", "列2", "列3", "列4", "列5"]
    assert guess.mapping == [F.CONTACT_NAME, F.MOBILE, F.EMAIL, F.CUSTOMER_NAME, F.OTHER]
    assert len(guess.data_rows) == 4
    assert guess.skipped == [(2, "空行")]


def test_headerless_list_of_names_and_companies_only():
    rows = [["张伟", "北京星辰科技有限公司"], ["王芳", "上海明月贸易有限公司"],
            ["李娜", "广州南方电子厂"], ["刘洋", "杭州西湖茶业集团"]]
    guess = guess_header(table(rows))
    assert guess.header_row == -1
    assert guess.mapping == [F.CONTACT_NAME, F.CUSTOMER_NAME]


def test_unknown_headers_fall_back_to_first_row():
    rows = [["甲方", "乙方", "丙方"], ["x1", "y1", "z1"], ["x2", "y2", "z2"]]
    guess = guess_header(table(rows))
    assert guess.header_row == 0
    assert guess.mapping == [F.OTHER, F.OTHER, F.OTHER]  # kept in the notes
    assert len(guess.data_rows) == 2


def test_title_that_looks_like_a_header_word_is_not_the_header():
    rows = [["客户名单", "", ""], ["甲方", "乙方", "丙方"], ["x1", "y1", "z1"]]
    assert guess_header(table(rows)).header_row == 1


def test_header_with_a_single_labelled_column():
    guess = guess_header(table([["姓名", ""], ["张三", "13812345678"], ["李四", "13900001111"]]))
    assert guess.header_row == 0
    assert guess.mapping == [F.CONTACT_NAME, F.MOBILE]


def test_single_column_list_keeps_its_header():
    guess = guess_header(table([["姓名"], ["张三"], ["李四"]]))
    assert guess.header_row == 0
    assert guess.mapping == [F.CONTACT_NAME]
    assert guess.data_rows == [["张三"], ["李四"]]


def test_lone_mingcheng_holding_person_names_becomes_the_contact():
    rows = [["名称", "电话"], ["张伟", "13812345678"], ["王芳", "13900001111"],
            ["李娜", "13700002222"]]
    assert guess_header(table(rows)).mapping == [F.CONTACT_NAME, F.PHONE]
    rows = [["名称", "电话"], ["星辰科技有限公司", "010-12345678"]]
    assert guess_header(table(rows)).mapping == [F.CUSTOMER_NAME, F.PHONE]


@pytest.mark.parametrize("header", ["客户名称", "客户", "客戶名稱", "Customer Name"])
def test_customer_column_of_person_names_without_contact_column_is_people(header):
    rows = [[header, "手机"], ["张伟", "13812345678"], ["王芳", "13900001111"],
            ["李娜", "13700002222"]]
    assert guess_header(table(rows)).mapping == [F.CONTACT_NAME, F.MOBILE]
    rows = [[header, "手机"], ["星辰科技有限公司", "13812345678"], ["宏达商行", "13900001111"]]
    assert guess_header(table(rows)).mapping == [F.CUSTOMER_NAME, F.MOBILE]


def test_company_column_of_person_names_stays_the_customer():
    rows = [["公司名称", "手机"], ["张伟", "13812345678"], ["王芳", "13900001111"]]
    assert guess_header(table(rows)).mapping == [F.CUSTOMER_NAME, F.MOBILE]


def test_traditional_chinese_headers_map_like_simplified():
    headers = ["客戶名稱", "聯絡人", "手機", "聯絡電話", "職稱", "電子郵件", "地址", "備註",
               "性別", "部門", "負責人", "客戶編號", "傳真", "網址", "標籤", "所屬行業"]
    assert suggest_mapping(headers) == [
        F.CUSTOMER_NAME, F.CONTACT_NAME, F.MOBILE, F.PHONE, F.TITLE, F.EMAIL, F.ADDRESS,
        F.NOTES, F.GENDER, F.DEPARTMENT, F.OWNER, F.CUSTOMER_CODE, F.FAX, F.WEBSITE, F.TAGS,
        F.INDUSTRY]
    assert suggest_mapping(["姓名", "行動電話", "電郵"]) == [F.CONTACT_NAME, F.MOBILE, F.EMAIL]


def test_traditional_header_row_is_found_below_a_title():
    rows = [["客戶通訊錄"], ["客戶名稱", "聯絡人", "手機"], ["宏達貿易有限公司", "陳大文", "0912345678"]]
    guess = guess_header(table(rows))
    assert guess.header_row == 1
    assert guess.mapping == [F.CUSTOMER_NAME, F.CONTACT_NAME, F.MOBILE]


def test_mingcheng_with_person_names_but_a_contact_column_stays_the_customer():
    rows = [["名称", "联系人"], ["张伟", "王芳"], ["李娜", "刘洋"]]
    assert guess_header(table(rows)).mapping == [F.CUSTOMER_NAME, F.CONTACT_NAME]


def test_known_but_useless_columns_are_ignored_when_guessing_too():
    rows = [["序号", "姓名", "邮编"], ["1", "张三", "100020"]]
    guess = guess_header(table(rows))
    assert guess.header_row == 0
    assert guess.mapping == [F.IGNORE, F.CONTACT_NAME, F.IGNORE]


def test_outlook_csv_end_to_end(tmp_path):
    path = tmp_path / "outlook.csv"
    record = dict.fromkeys(OUTLOOK_COLUMNS, "")
    record.update({"First Name": "Wei", "Last Name": "Zhang", "Company": "Acme Ltd",
                   "Mobile Phone": "13812345678", "Notes": "Met at the Canton Fair, 2025"})
    line = ",".join(f'"{v}"' if "," in v else v for v in record.values())
    path.write_text(OUTLOOK_HEADER + "\r\n" + line + "\r\n", encoding="utf-8")
    guess = guess_header(read_table(path))
    assert guess.header_row == 0
    mobile = OUTLOOK_COLUMNS.index("Mobile Phone")
    assert guess.mapping[mobile] is F.MOBILE
    assert guess.data_rows[0][mobile] == "13812345678"
    assert guess.data_rows[0][OUTLOOK_COLUMNS.index("Notes")] == "Met at the Canton Fair, 2025"
    assert guess.data_rows[0][1] == "Wei"


def test_empty_table():
    guess = guess_header(table([]))
    assert guess == HeaderGuess(header_row=-1, headers=[], mapping=[], data_rows=[],
                                skipped=[])
