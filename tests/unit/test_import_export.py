"""End-to-end tests of importing and exporting contact lists, against a real database.

test_tabular.py and test_vcard.py cover the file readers in depth; here every test goes
file → read_source → run_import → database (or database → export → file → database) and
checks what a salesperson would see afterwards: the customers, contacts, notes, the
search index, the journal (undo) and — for everything that goes wrong — that the
database was left exactly as it was.

Fixture files are generated in tmp_path, with real Chinese contact data.
"""

from __future__ import annotations

import codecs
import csv
import io
import random
import re
import struct
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select, text

from kehubao.db import Database, open_database
from kehubao.errors import UserError
from kehubao.exchange.exporter import HEADERS, export
from kehubao.exchange.fields import ImportField as F
from kehubao.exchange.importer import ImportOptions, ImportRejected, ImportSummary, plan, run_import
from kehubao.exchange.records import load_file, map_rows, read_source, remember_mapping
from kehubao.models import Contact, Customer
from kehubao.services.contacts import create_contact
from kehubao.services.customer_list import CustomerFilter
from kehubao.services.customers import create_customer
from kehubao.services.journal import last_undoable, undo
from kehubao.services.search import check_index, search
from kehubao.services.starter import ensure_starter_data

try:  # the exception the UI's Cancel button raises inside a task
    from kehubao.ui.tasks import Cancelled
except ImportError:  # pragma: no cover - Qt not installed
    class Cancelled(Exception):  # type: ignore[no-redef]
        pass

VCARD_DIR = Path(__file__).resolve().parents[1] / "data" / "vcard"
CORE_TABLES = ("customer", "contact", "tag", "customer_tag", "search_doc", "operation",
               "change_record")
CJK = re.compile(r"[\u4e00-\u9fff]")

# ------------------------------------------------------------------------------ helpers


def csv_bytes(rows: list[list[str]], *, delimiter: str = ",", encoding: str = "utf-8",
              bom: bytes = b"") -> bytes:
    """Rows as a spreadsheet program writes them: CRLF, quotes only where needed."""
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return bom + buf.getvalue().encode(encoding)


def write_csv(path: Path, rows: list[list[str]], **kwargs) -> Path:
    path.write_bytes(csv_bytes(rows, **kwargs))
    return path


def import_file(db: Database, path: Path, *, format: str = "auto",
                mapping: list[F] | None = None,
                progress: Callable[[float, str], None] | None = None,
                **options) -> ImportSummary:
    """One import in one unit of work, as the CLI and the UI task do it."""
    with db.session() as s:
        source = read_source(path, format, mapping=mapping, session=s)
        return run_import(s, source, ImportOptions(**options), progress)


def import_rows(db: Database, tmp_path: Path, rows: list[list[str]], name: str = "客户.csv",
                **options) -> ImportSummary:
    return import_file(db, write_csv(tmp_path / name, rows), **options)


def table_counts(db: Database) -> dict[str, int]:
    """Row count of every table (including the full-text index tables)."""
    with db.session(write=False) as s:
        names = s.scalars(text("SELECT name FROM sqlite_master WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite_%' ORDER BY name")).all()
        counts = {name: s.scalar(text(f'SELECT count(*) FROM "{name}"')) for name in names}
    assert set(CORE_TABLES) <= counts.keys()
    return counts


@dataclass
class Stored:
    customer: Customer
    contacts: list[Contact]

    @property
    def tags(self) -> set[str]:
        return {t.name for t in self.customer.tags}

    def contact(self, name: str) -> Contact:
        found = [c for c in self.contacts if c.name == name]
        assert len(found) == 1, f"{name}: {[c.name for c in self.contacts]}"
        return found[0]


def stored_customers(db: Database) -> list[Stored]:
    """Every live customer with its live contacts, in id order (detached, loaded)."""
    with db.session(write=False) as s:
        out = []
        for customer in s.scalars(select(Customer).where(Customer.deleted_at.is_(None))
                                  .order_by(Customer.id)):
            contacts = list(s.scalars(select(Contact).where(
                Contact.customer_id == customer.id, Contact.deleted_at.is_(None))
                .order_by(Contact.id)))
            out.append(Stored(customer, contacts))
        return out


def by_name(db: Database) -> dict[str, Stored]:
    customers = stored_customers(db)
    names = Counter(c.customer.name for c in customers)
    assert all(n == 1 for n in names.values()), f"duplicate customers: {names}"
    return {c.customer.name: c for c in customers}


def customer_names(db: Database) -> Counter[str]:
    return Counter(c.customer.name for c in stored_customers(db))


def all_contacts(db: Database) -> list[tuple[str, Contact]]:
    return [(c.customer.name, p) for c in stored_customers(db) for p in c.contacts]


def hit_titles(db: Database, query: str) -> list[str]:
    with db.session(write=False) as s:
        return [h.title for h in search(s, query, limit=50).hits]


def index_problems(db: Database) -> list[str]:
    with db.session(write=False) as s:
        return check_index(s)


@pytest.fixture
def make_db(tmp_path: Path) -> Iterator[Callable[[str], Database]]:
    """Extra fresh databases (for round trips), set up like a new installation."""
    opened: list[Database] = []

    def make(name: str) -> Database:
        database = open_database(str(tmp_path / name))
        with database.session() as s:
            ensure_starter_data(s)
        opened.append(database)
        return database

    yield make
    for database in opened:
        database.dispose()


def xlsx_bytes(build: Callable[[openpyxl.worksheet.worksheet.Worksheet], None]) -> bytes:
    book = openpyxl.Workbook()
    build(book.active)
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def png_bytes() -> bytes:
    """A real 1×1 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def excel_serial(day: date) -> int:
    return (day - date(1899, 12, 30)).days


H = ["客户名称", "联系人", "职务", "手机", "电话", "邮箱", "生日", "标签", "备注"]


def row(company: str = "", person: str = "", title: str = "", mobile: str = "",
        phone: str = "", email: str = "", birthday: str = "", tags: str = "",
        notes: str = "") -> list[str]:
    """A data row under H."""
    return [company, person, title, mobile, phone, email, birthday, tags, notes]


# ------------------------------------------------------------- 1. CSV encodings, delimiters

BASE_ROWS = [
    ["客户名称", "联系人", "手机", "邮箱", "备注"],
    ["北京星辰科技有限公司", "张伟", "13812345678", "zhangwei@xingchen.cn",
     "老客户，地址：朝阳区建国路88号, 3层"],
    ["上海明月贸易有限公司", "李娜", "13900001111", "", "展会认识；重点跟进"],
    ["", "欧阳娜娜", "15012345678", "", ""],
]
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


def build_xlsx_contact_list(ws) -> None:
    ws["A1"] = "2026年客户通讯录"
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(["客户名称", "联系人", "手机", "生日", "邮箱", "备注"])
    ws.append(["北京星辰科技有限公司", "张伟", 13812345678, datetime(1978, 3, 5), "zw@xingchen.cn",
               "老客户"])
    ws["D4"].number_format = "yyyy/m/d"
    ws.append(["上海明月贸易有限公司", "李娜", 13900001111, excel_serial(date(1990, 12, 1)), None,
               None])
    ws.append(["合计", None, None, None, None, "2 家"])


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


# --------------------------------------------------------------------------- 4. rows


def test_company_with_contact_becomes_company_customer_with_primary_contact(db, tmp_path):
    import_rows(db, tmp_path, [H, row("北京星辰科技有限公司", "张伟", "总经理", "13812345678")])

    star = by_name(db)["北京星辰科技有限公司"]
    assert star.customer.kind == "company"
    assert star.customer.status == "potential"
    assert [c.name for c in star.contacts] == ["张伟"]
    assert star.contacts[0].is_primary is True
    assert star.contacts[0].title == "总经理"


def test_contact_without_company_becomes_individual_customer(db, tmp_path):
    import_rows(db, tmp_path, [H, row(person="欧阳娜娜", mobile="15012345678")])

    nana = by_name(db)["欧阳娜娜"]
    assert nana.customer.kind == "person"
    assert nana.contact("欧阳娜娜").mobile == "15012345678"


def test_rows_of_the_same_company_become_one_customer_with_several_contacts(db, tmp_path):
    rows = [H,
            row("北京星辰科技有限公司", "张伟", "总经理", "13812345678", tags="VIP"),
            row("北京星辰科技有限公司", "李娜", "采购", "13900001111", tags="北京"),
            row("北京星辰科技有限公司 ", "王芳", "财务", "13700002222"),  # trailing space
            row("上海明月贸易有限公司", "赵强", mobile="13600003333")]

    summary = import_rows(db, tmp_path, rows)

    assert (summary.created, summary.contacts_added) == (2, 4)
    star = by_name(db)["北京星辰科技有限公司"]
    assert [c.name for c in star.contacts] == ["张伟", "李娜", "王芳"]
    assert [c.is_primary for c in star.contacts] == [True, False, False]
    assert star.tags == {"VIP", "北京"}


def test_notes_of_every_row_of_one_company_are_kept(db, tmp_path):
    rows = [H,
            row("北京星辰科技有限公司", "张伟", mobile="13812345678", notes="张总：老客户"),
            row("北京星辰科技有限公司", "李娜", mobile="13900001111", email="bad@@mail",
                notes="李娜：管采购")]

    summary = import_rows(db, tmp_path, rows)

    assert summary.warnings == [(3, "邮箱“bad@@mail”格式不对，已放入备注")]  # says: kept in notes
    notes = by_name(db)["北京星辰科技有限公司"].customer.notes
    assert "张总：老客户" in notes
    assert "李娜：管采购" in notes
    assert "bad@@mail" in notes


@pytest.mark.parametrize(
    "bad_row",
    [
        pytest.param(row(mobile="13812345678", email="x@y.cn", notes="只有号码"), id="no-name"),
        pytest.param(row("公司" * 101, "张伟"), id="company-name-too-long"),
        pytest.param(row("北京星辰科技有限公司", "张" * 61), id="contact-name-too-long"),
    ],
)
def test_invalid_row_is_reported_with_its_line_number(db, tmp_path, bad_row):
    rows = [H, row("上海明月贸易有限公司", "李娜"), bad_row]

    with pytest.raises(ImportRejected) as caught:
        import_rows(db, tmp_path, rows)

    errors = caught.value.summary.errors
    assert [line for line, _ in errors] == [3]
    assert CJK.search(errors[0][1])
    assert "第 3 行" in str(caught.value)


# ------------------------------------------------------------------------ 5. duplicates

SEED = [["客户编号", "客户名称", "联系人", "职务", "手机", "邮箱", "单位电话", "备注"],
        ["", "北京星辰科技有限公司", "张伟", "总经理", "13812345678", "zhangwei@xingchen.cn", "",
         "老客户"],
        ["KH-001", "上海明月贸易有限公司", "", "", "", "", "021-62345678", ""]]


@pytest.fixture
def seeded(db, tmp_path) -> Database:
    """A database that already holds 星辰科技 (with 张伟) and 明月贸易 (code KH-001)."""
    import_rows(db, tmp_path, SEED, name="第一批.csv")
    return db


DUPLICATES = {
    "same-mobile": ["", "星辰科技", "张总", "", "138-1234-5678", "", "", ""],
    "same-email": ["", "", "张伟伟", "", "", "ZhangWei@XingChen.cn", "", ""],
    "same-person-same-company": ["", "北京星辰科技有限公司", "张伟", "", "", "", "", ""],
    "same-customer-code": ["KH-001", "明月贸易", "", "", "", "", "", ""],
    "same-company-name": ["", "上海明月贸易有限公司", "", "", "", "", "", ""],
    "same-switchboard": ["", "明月", "", "", "", "", "(021) 6234-5678", ""],
}


@pytest.mark.parametrize("duplicate", DUPLICATES.values(), ids=DUPLICATES.keys())
def test_duplicate_of_database_record_is_skipped(seeded, tmp_path, duplicate):
    before = table_counts(seeded)

    summary = import_rows(seeded, tmp_path, [SEED[0], duplicate], name="第二批.csv")

    counts = (summary.skipped, summary.created, summary.contacts_added, summary.merged)
    assert counts == (1, 0, 0, 0)
    assert summary.outcomes[0][1] == "跳过" and summary.outcomes[0][3]  # with a reason
    after = table_counts(seeded)
    for table in ("customer", "contact", "customer_tag", "search_doc"):
        assert after[table] == before[table], table


def test_importing_the_same_file_twice_changes_nothing_the_second_time(db, tmp_path):
    rows = [H, row("北京星辰科技有限公司", "张伟", mobile="13812345678"),
            row("北京星辰科技有限公司", "李娜", email="lina@xingchen.cn"),
            row(person="欧阳娜娜"), row("广州南方电子厂")]
    import_rows(db, tmp_path, rows)
    before = table_counts(db)

    summary = import_rows(db, tmp_path, rows)

    assert (summary.skipped, summary.created, summary.contacts_added) == (4, 0, 0)
    after = table_counts(db)
    assert {t: after[t] for t in ("customer", "contact", "search_doc")} == \
        {t: before[t] for t in ("customer", "contact", "search_doc")}


def test_new_person_at_existing_company_is_added_to_that_customer(seeded, tmp_path):
    summary = import_rows(seeded, tmp_path,
                          [H, row("北京星辰科技有限公司", "李娜", "采购", "13900001111")])

    assert (summary.created, summary.contacts_added) == (0, 1)
    assert summary.outcomes[0][3] == "单位已存在，添加为新联系人"
    star = by_name(seeded)["北京星辰科技有限公司"]
    assert [c.name for c in star.contacts] == ["张伟", "李娜"]
    assert star.contact("李娜").mobile == "13900001111"
    assert index_problems(seeded) == []
    assert "李娜" in hit_titles(seeded, "李娜")


def test_new_person_at_existing_company_keeps_notes_and_tags_of_the_row(seeded, tmp_path):
    summary = import_rows(seeded, tmp_path,
                          [H, row("北京星辰科技有限公司", "李娜", phone="BusinessPhone",
                                  tags="VIP", notes="展会认识")])

    assert summary.warnings == [(2, "号码“BusinessPhone”无法识别，已放入备注")]
    star = by_name(seeded)["北京星辰科技有限公司"]
    everything = " ".join(filter(None, [star.customer.notes, star.contact("李娜").notes]))
    assert "BusinessPhone" in everything
    assert "展会认识" in everything
    assert "VIP" in star.tags


def test_merge_fills_empty_fields_and_keeps_differing_values_as_history(seeded, tmp_path):
    rows = [["客户名称", "联系人", "职务", "手机", "微信", "生日", "标签", "备注"],
            ["北京星辰科技有限公司", "张伟", "销售总监", "138 1234 5678", "zw_wechat", "1978-03-05",
             "VIP", "年底回访"]]

    summary = import_rows(seeded, tmp_path, rows, on_duplicate="merge")

    assert (summary.merged, summary.created, summary.contacts_added) == (1, 0, 0)
    star = by_name(seeded)["北京星辰科技有限公司"]
    assert len(star.contacts) == 1
    zhang = star.contact("张伟")
    assert zhang.wechat == "zw_wechat"  # empty before: filled
    assert zhang.birthday == date(1978, 3, 5)
    assert zhang.title == "总经理"  # differing: the database value stays ...
    notes = star.customer.notes
    assert notes.startswith("老客户\n")
    assert "不同的值" in notes and "销售总监" in notes  # ... and the file's is history
    assert "年底回访" in notes
    assert star.tags == {"VIP"}


def test_merge_of_company_only_row_fills_the_company(seeded, tmp_path):
    rows = [["客户编号", "客户名称", "城市", "单位邮箱"],
            ["KH-001", "明月贸易", "上海", "info@mingyue.com"]]

    summary = import_rows(seeded, tmp_path, rows, on_duplicate="merge")

    assert summary.merged == 1
    mingyue = by_name(seeded)["上海明月贸易有限公司"]  # the name in the database stays
    assert (mingyue.customer.city, mingyue.customer.email) == ("上海", "info@mingyue.com")
    assert mingyue.customer.code == "KH-001"


def test_on_duplicate_new_creates_a_second_contact_record(seeded, tmp_path):
    rows = [H, row("北京星辰科技有限公司", "张伟", "销售总监", "13812345678")]

    summary = import_rows(seeded, tmp_path, rows, on_duplicate="new")

    assert summary.contacts_added == 1 and summary.skipped == summary.merged == 0
    zhangs = [(company, c.title) for company, c in all_contacts(seeded) if c.name == "张伟"]
    assert sorted(zhangs) == [("北京星辰科技有限公司", "总经理"), ("北京星辰科技有限公司", "销售总监")]


def test_on_duplicate_new_does_not_copy_the_existing_company(seeded, tmp_path):
    import_rows(seeded, tmp_path, [H, row("北京星辰科技有限公司", "张伟", "销售总监", "13812345678")],
                on_duplicate="new")

    assert customer_names(seeded)["北京星辰科技有限公司"] == 1
    assert len(by_name(seeded)["北京星辰科技有限公司"].contacts) == 2


@pytest.mark.parametrize(
    ("policy", "override", "expected"),
    [
        ("skip", "merge", "merged"),
        ("skip", "create", "created"),
        ("merge", "skip", "skipped"),
        ("new", "skip", "skipped"),
    ],
)
def test_per_row_override_wins_over_the_policy(seeded, tmp_path, policy, override, expected):
    rows = [H, row("北京星辰科技有限公司", "李娜", mobile="13900001111"),  # line 2: new contact
            row("北京星辰科技有限公司", "张伟", mobile="13812345678", email="zw@new.cn")]  # line 3
    before = table_counts(seeded)

    summary = import_rows(seeded, tmp_path, rows, on_duplicate=policy, overrides={3: override})

    outcome = {line: action for line, action, *_ in summary.outcomes}
    assert outcome == {2: "新建", 3: {"merged": "合并", "created": "新建", "skipped": "跳过"}[expected]}
    zhangs = [c for _company, c in all_contacts(seeded) if c.name == "张伟"]
    if expected == "merged":
        assert summary.merged == 1
        assert [c.email for c in zhangs] == ["zhangwei@xingchen.cn"]  # kept; new one is history
        assert "zw@new.cn" in by_name(seeded)["北京星辰科技有限公司"].customer.notes
    elif expected == "created":
        assert len(zhangs) == 2
    else:
        assert summary.skipped == 1
        assert len(zhangs) == 1
        assert table_counts(seeded)["contact"] == before["contact"] + 1  # only 李娜


def test_override_can_skip_a_row_that_is_not_a_duplicate(db, tmp_path):
    rows = [H, row("北京星辰科技有限公司", "张伟"), row("上海明月贸易有限公司", "李娜")]

    summary = import_rows(db, tmp_path, rows, overrides={3: "skip"})

    assert summary.skipped == 1
    assert set(by_name(db)) == {"北京星辰科技有限公司"}


@pytest.mark.parametrize(
    ("policy", "contacts", "skipped", "merged"),
    [("skip", 1, 1, 0), ("merge", 1, 0, 1), ("new", 2, 0, 0)],
)
def test_duplicate_rows_within_one_file(db, tmp_path, policy, contacts, skipped, merged):
    rows = [H,
            row("北京星辰科技有限公司", "张伟", "总经理", "13812345678"),
            row("北京星辰科技有限公司", "张伟", "销售总监", "138 1234 5678", email="zw@xingchen.cn")]

    summary = import_rows(db, tmp_path, rows, on_duplicate=policy)

    assert (summary.skipped, summary.merged) == (skipped, merged)
    assert summary.outcomes[1][3] == "与第 2 行重复"
    zhangs = [c for _company, c in all_contacts(db) if c.name == "张伟"]
    assert len(zhangs) == contacts
    if policy == "merge":
        assert zhangs[0].email == "zw@xingchen.cn"  # filled from the repeat
        assert zhangs[0].title == "总经理"
        assert "销售总监" in by_name(db)["北京星辰科技有限公司"].customer.notes


def test_repeat_within_file_of_a_database_record_is_matched_to_that_record(seeded, tmp_path):
    rows = [H, row("星辰", "张总", mobile="13812345678"),
            row("星辰", "张总", mobile="13812345678", email="other@x.cn")]
    before = table_counts(seeded)

    summary = import_rows(seeded, tmp_path, rows)

    assert summary.skipped == 2
    after = table_counts(seeded)
    assert (after["customer"], after["contact"]) == (before["customer"], before["contact"])


def test_override_merge_on_a_new_contact_of_an_existing_company(seeded, tmp_path):
    summary = import_rows(seeded, tmp_path,
                          [H, row("北京星辰科技有限公司", "李娜", mobile="13900001111", tags="VIP")],
                          overrides={2: "merge"})

    assert summary.merged == 1
    star = by_name(seeded)["北京星辰科技有限公司"]
    assert [c.name for c in star.contacts] == ["张伟", "李娜"]
    assert star.tags == {"VIP"}
    assert index_problems(seeded) == []
    assert "李娜" in hit_titles(seeded, "13900001111")


def test_repeat_within_file_of_a_new_contact_for_existing_company_is_merged_once(seeded, tmp_path):
    rows = [H, row("北京星辰科技有限公司", "李娜", mobile="13900001111"),
            row("北京星辰科技有限公司", "李娜", "采购", "139 0000 1111", email="lina@xingchen.cn")]

    summary = import_rows(seeded, tmp_path, rows, on_duplicate="merge")

    assert summary.outcomes[1][3] == "与第 2 行重复"
    lis = [c for _company, c in all_contacts(seeded) if c.name == "李娜"]
    assert len(lis) == 1
    assert (lis[0].mobile, lis[0].email) == ("13900001111", "lina@xingchen.cn")


def test_code_of_a_customer_in_the_recycle_bin_does_not_crash_the_import(db, tmp_path):
    from kehubao.services.customers import delete_customers
    with db.session() as s:
        old = create_customer(s, {"name": "旧客户", "code": "KH-009"})
    with db.session() as s:
        delete_customers(s, [old.id])
    before = table_counts(db)

    try:
        import_rows(db, tmp_path, [["客户编号", "客户名称", "联系人"], ["KH-009", "新客户公司", "张伟"]])
    except UserError as exc:  # refusing with a clear message would be fine too
        assert "KH-009" in str(exc)
        assert table_counts(db) == before
    else:
        assert "新客户公司" in by_name(db)


def test_duplicate_by_email_matches_only_live_records(seeded, tmp_path):
    with seeded.session() as s:
        star = s.scalar(select(Customer).where(Customer.name == "北京星辰科技有限公司"))
        from kehubao.services.customers import delete_customers
        delete_customers(s, [star.id])

    summary = import_rows(seeded, tmp_path, [H, row("星辰", "张伟", email="zhangwei@xingchen.cn")])

    assert summary.created == 1 and summary.skipped == 0  # the recycle bin is not a duplicate


def test_unknown_duplicate_policy_is_a_user_error(db, tmp_path):
    path = write_csv(tmp_path / "a.csv", [H, row("北京星辰科技有限公司")])
    with db.session() as s, pytest.raises(UserError, match="重复处理方式"):
        run_import(s, read_source(path), ImportOptions(on_duplicate="replace"))


# ------------------------------------------------------------------ 6. all or nothing


def test_one_invalid_row_rejects_the_whole_import_and_changes_nothing(seeded, tmp_path):
    rows = [H, row("广州南方电子厂", "王芳", mobile="13700002222"),
            row("北京星辰科技有限公司", "张伟", email="zw@new.cn"),
            row(mobile="13600003333"),  # line 4: neither company nor person
            row("深圳鹏城五金经营部", "赵强")]
    before = table_counts(seeded)

    with pytest.raises(ImportRejected) as caught:
        import_rows(seeded, tmp_path, rows, on_duplicate="merge")

    assert table_counts(seeded) == before
    assert caught.value.summary.errors == [(4, "缺少客户名称或联系人姓名")]
    assert "第 4 行" in str(caught.value) and "没有任何改动" in str(caught.value)
    assert isinstance(caught.value, UserError)


def test_skip_invalid_imports_valid_rows_and_lists_errors_by_line(db, tmp_path):
    rows = [H, row("广州南方电子厂", "王芳", mobile="13700002222"),
            row(mobile="13600003333"),
            row("深圳鹏城五金经营部", "赵强"),
            row(notes="只有备注")]

    summary = import_rows(db, tmp_path, rows, skip_invalid=True)

    assert [line for line, _ in summary.errors] == [3, 5]
    assert summary.created == 2
    assert set(by_name(db)) == {"广州南方电子厂", "深圳鹏城五金经营部"}
    assert {line: action for line, action, *_ in summary.outcomes} == \
        {2: "新建", 3: "有误", 4: "新建", 5: "有误"}


def test_summary_to_json_lists_counts_errors_and_warnings(db, tmp_path):
    rows = [H, row("广州南方电子厂", "王芳", phone="BusinessPhone"), row(mobile="13600003333")]

    summary = import_rows(db, tmp_path, rows, skip_invalid=True)

    data = summary.to_json()
    assert data["created"] == 1 and data["rows"] == 2
    assert data["errors"] == [{"line": 3, "message": "缺少客户名称或联系人姓名"}]
    assert data["warnings"] == [{"line": 2, "message": "号码“BusinessPhone”无法识别，已放入备注"}]
    assert data["operation"] == summary.operation_id is not None


# ------------------------------------------------------------------------------ 7. undo


def test_undo_moves_imported_customers_and_contacts_to_the_recycle_bin(db, tmp_path):
    rows = [H, row("北京星辰科技有限公司", "张伟", mobile="13812345678"),
            row("北京星辰科技有限公司", "李娜", mobile="13900001111"),
            row(person="欧阳娜娜", mobile="15012345678", tags="VIP")]
    summary = import_rows(db, tmp_path, rows)
    assert index_problems(db) == []
    assert "张伟" in hit_titles(db, "张伟")
    assert "欧阳娜娜" in hit_titles(db, "欧阳娜娜")

    with db.session() as s:
        op = last_undoable(s)
        assert op.id == summary.operation_id and op.kind == "import"
        undo(s, op.id)

    assert stored_customers(db) == []
    with db.session(write=False) as s:
        customers = s.scalars(select(Customer)).all()
        contacts = s.scalars(select(Contact)).all()
    assert len(customers) == 2 and all(c.deleted_at is not None for c in customers)
    assert len(contacts) == 3 and all(c.deleted_at is not None for c in contacts)
    assert index_problems(db) == []
    for name in ("张伟", "李娜", "欧阳娜娜", "星辰", "13812345678"):
        assert hit_titles(db, name) == [], name


def test_undo_restores_the_previous_values_of_merged_records(seeded, tmp_path):
    with seeded.session(write=False) as s:
        before = s.scalar(select(Customer).where(Customer.name == "北京星辰科技有限公司"))
        notes_before = before.notes
    rows = [["客户名称", "联系人", "职务", "手机", "微信", "标签", "备注"],
            ["北京星辰科技有限公司", "张伟", "销售总监", "13812345678", "zw_wechat", "VIP", "年底回访"],
            ["北京星辰科技有限公司", "李娜", "采购", "13900001111", "", "", ""]]
    import_rows(seeded, tmp_path, rows, on_duplicate="merge")

    with seeded.session() as s:
        result = undo(s, last_undoable(s).id)
    assert result.skipped == 0

    star = by_name(seeded)["北京星辰科技有限公司"]
    assert star.customer.notes == notes_before
    assert star.tags == set()
    assert [c.name for c in star.contacts] == ["张伟"]  # 李娜 went to the recycle bin
    zhang = star.contact("张伟")
    assert (zhang.wechat, zhang.title) == (None, "总经理")
    assert index_problems(seeded) == []
    assert hit_titles(seeded, "李娜") == []
    assert "张伟" in hit_titles(seeded, "张伟")  # existed before the import: still there


def test_undoing_twice_is_refused(db, tmp_path):
    summary = import_rows(db, tmp_path, [H, row("北京星辰科技有限公司", "张伟")])
    with db.session() as s:
        undo(s, summary.operation_id)
    with db.session() as s, pytest.raises(UserError, match="已经撤销"):
        undo(s, summary.operation_id)


def test_undo_of_one_import_leaves_an_earlier_import_alone(db, tmp_path):
    import_rows(db, tmp_path, [H, row("北京星辰科技有限公司", "张伟")], name="一.csv")
    import_rows(db, tmp_path, [H, row("上海明月贸易有限公司", "李娜")], name="二.csv")

    with db.session() as s:
        op = last_undoable(s)
        assert "二.csv" in op.label
        undo(s, op.id)

    assert set(by_name(db)) == {"北京星辰科技有限公司"}
    assert index_problems(db) == []


# ---------------------------------------------------------------------------- 8. cancel


def many_rows(n: int) -> list[list[str]]:
    return [H] + [row(f"测试公司{i:04d}", f"联系人{i:04d}", mobile=f"139{i:08d}", tags="批量")
                  for i in range(n)]


@pytest.mark.parametrize("cancel_when", ["third-call", "after-writing"])
def test_cancel_from_progress_callback_leaves_database_unchanged(seeded, tmp_path, cancel_when):
    path = write_csv(tmp_path / "大批.csv", many_rows(30))
    before = table_counts(seeded)
    calls: list[float] = []

    def progress(fraction: float, _message: str) -> None:
        calls.append(fraction)
        if cancel_when == "third-call" and len(calls) == 3:
            raise Cancelled()
        if cancel_when == "after-writing" and fraction >= 0.99:
            raise Cancelled()

    with pytest.raises(Cancelled):
        import_file(seeded, path, progress=progress, on_duplicate="merge")

    assert table_counts(seeded) == before
    assert index_problems(seeded) == []
    assert hit_titles(seeded, "测试公司0001") == []
    # the same file imports normally afterwards
    assert import_file(seeded, path).created == 30


def test_any_exception_during_writing_rolls_back(db, tmp_path):
    path = write_csv(tmp_path / "大批.csv", many_rows(5))
    before = table_counts(db)

    def progress(fraction: float, _message: str) -> None:
        if fraction > 0.5:
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        import_file(db, path, progress=progress)
    assert table_counts(db) == before


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


# --------------------------------------------------------------- 10. vCard sample files

# file → [(customer name, contact name, e-mail)], plus numbers that must be stored
VCARD_SAMPLES: dict[str, list[tuple[str, str, str | None]]] = {
    "gmail-list.vcf": [("Arnold Smith", "Arnold Smith", "asmithk@gmail.com"),
                       ("Chris Beatle", "Chris Beatle", "chrisy55d@yahoo.com"),
                       ("Doug White", "Doug White", "dwhite@gmail.com")],
    "John_Doe_IPHONE.vcf": [("IBM", "Mr. John Richter James Doe Sr.", "john.doe@ibm.com")],
    "John_Doe_ANDROID.vcf": [("john.doe", "john.doe", "john.doe@company.com"),
                             ("jane.doe", "jane.doe", "jane.doe@company.com"),
                             ("Ñ Ñ Ñ Ñ Ñ", "Ñ Ñ Ñ Ñ Ñ", None),
                             (" ".join("Ñ" * 11), " ".join("Ñ" * 11), None),
                             ("Ñ" * 12, "Ñ Ñ Ñ Ñ", "bob@company.com"),
                             ("Ñ" * 44, "ÑÑÑÑ", "henry@company.com")],
    "John_Doe_BLACK_BERRY.vcf": [("Acme Solutions", "John Doe", None)],
    "John_Doe_EVOLUTION.vcf": [("IBM", "Mr. John Richter, James Doe Sr.", "john.doe@ibm.com")],
    "John_Doe_GMAIL.vcf": [("IBM", "Mr. John Richter, James Doe Sr.", "john.doe@ibm.com")],
    "John_Doe_LOTUS_NOTES.vcf": [("IBM", "Mr. Doe John I Johny", "john.doe@ibm.com")],
    "John_Doe_MAC_ADDRESS_BOOK.vcf": [("IBM", "Mr. John Richter,James Doe Sr.",
                                       "john.doe@ibm.com")],
    "John_Doe_MS_OUTLOOK.vcf": [("IBM", "Mr. John Richter James Doe Sr.", "john.doe@ibm.cm")],
    "outlook-2003.vcf": [("Company, The", "John Doe III", "jdoe@hotmail.com")],
    "outlook-2007.vcf": [("TheCompany", "Mr. Michael Angstadt Jr.", "mike.angstadt@gmail.com")],
    "rfc6350-example.vcf": [("Viagenie", "Simon Perreault", "simon.perreault@viagenie.ca")],
    "thunderbird-MoreFunctionsForAddressBook-extension.vcf": [
        ("TheOrganization", "John Doe", "doe.john@hotmail.com")],
}
# (file, contact, attribute, value) for numbers the importer understands
VCARD_NUMBERS = [
    # numbers typed CELL stay mobiles, even foreign ones
    ("John_Doe_BLACK_BERRY.vcf", "John Doe", "mobile", "+961 23 456 789"),
    ("rfc6350-example.vcf", "Simon Perreault", "mobile", "+1 418-262-6501"),
    ("John_Doe_IPHONE.vcf", "Mr. John Richter James Doe Sr.", "mobile", "905-555-1234"),
    ("John_Doe_ANDROID.vcf", "ÑÑÑÑ", "phone", "55556666"),
]


def test_every_vcard_sample_has_expectations():
    assert {p.name for p in VCARD_DIR.glob("*.vcf")} == set(VCARD_SAMPLES)


@pytest.mark.parametrize("name", sorted(VCARD_SAMPLES))
def test_vcard_sample_imports_with_expected_names_and_emails(db, name):
    summary = import_file(db, VCARD_DIR / name)

    assert summary.errors == []
    assert summary.rows == len(VCARD_SAMPLES[name])
    got = sorted((company, c.name, c.email) for company, c in all_contacts(db))
    assert got == sorted(VCARD_SAMPLES[name])
    kinds = {c.customer.name: c.customer.kind for c in stored_customers(db)}
    for company, person, _email in VCARD_SAMPLES[name]:
        assert kinds[company] == ("person" if company == person else "company")
    assert index_problems(db) == []


@pytest.mark.parametrize(("name", "person", "attribute", "value"), VCARD_NUMBERS)
def test_vcard_sample_numbers_are_stored(db, name, person, attribute, value):
    import_file(db, VCARD_DIR / name)
    contact = next(c for _company, c in all_contacts(db) if c.name == person)
    assert getattr(contact, attribute) == value


def test_iphone_sample_keeps_foreign_numbers_and_details_on_the_contact(db):
    import_file(db, VCARD_DIR / "John_Doe_IPHONE.vcf")

    ibm = by_name(db)["IBM"]
    john = ibm.contact("Mr. John Richter James Doe Sr.")
    assert (john.title, john.department, john.birthday) == ("Money Counter", "Accounting",
                                                            date(2012, 6, 6))
    # North-American numbers without +1 are not Chinese numbers: kept as typed, the
    # mobile on the contact, the rest (and the faxes) in the notes — none lost.
    assert (john.mobile, john.phone) == ("905-555-1234", "905-666-1234")
    notes = ibm.customer.notes.splitlines()
    assert "传真：905-888-1234" in notes and "其他电话：905-777-1234" in notes


@pytest.mark.parametrize("name", sorted(VCARD_SAMPLES))
def test_importing_a_vcard_sample_twice_skips_the_second_time(db, name):
    first = import_file(db, VCARD_DIR / name)
    before = table_counts(db)

    second = import_file(db, VCARD_DIR / name)

    assert second.skipped == first.rows
    assert second.created == second.contacts_added == second.merged == 0
    after = table_counts(db)
    assert (after["customer"], after["contact"]) == (before["customer"], before["contact"])


# ---------------------------------------------------------------------------- 11. export


@pytest.fixture
def tricky_db(db) -> Database:
    """Customers whose values a spreadsheet would run as formulas, and ordinary ones."""
    with db.session() as s:
        evil = create_customer(s, {"name": '=HYPERLINK("http://evil.example","点我")',
                                   "notes": "+86 客户说下周回电", "status": "stable",
                                   "city": "北京"}, tags=["VIP"])
        create_contact(s, evil.id, {"name": "张伟", "mobile": "13812345678",
                                    "birthday": date(1978, 3, 5), "title": "-总经理",
                                    "notes": "@王总 跟进"})
        create_contact(s, evil.id, {"name": "李娜", "phone": "010-62345678",
                                    "email": "lina@xingchen.cn", "birthday": date(1604, 2, 29)})
        mingyue = create_customer(s, {"name": "上海明月贸易有限公司", "notes": "-尽快报价\n第二行",
                                      "phone": "021-62345678", "code": "KH-001",
                                      "status": "potential", "industry": "电子"})
        create_contact(s, mingyue.id, {"name": "王芳", "mobile": "13900001111"})
        create_customer(s, {"name": "欧阳娜娜", "kind": "person", "status": "stable"})
        create_customer(s, {"name": "广州南方电子厂", "status": "deal", "email": "info@nanfang.cn",
                            "industry": "电子"})
    return db


def exported_csv_rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def test_csv_export_has_bom_and_chinese_headers(tricky_db, tmp_path):
    path = tmp_path / "导出.csv"
    with tricky_db.session(write=False) as s:
        summary = export(s, path, "csv")

    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    header = data[3:].decode("utf-8").splitlines()[0].split(",")
    assert header == HEADERS and header[:2] == ["客户编号", "客户名称"]
    assert (summary.customers, summary.rows) == (4, 5)  # one row per contact, or per customer


def test_csv_export_neutralises_formulas(tricky_db, tmp_path):
    path = tmp_path / "导出.csv"
    with tricky_db.session(write=False) as s:
        export(s, path, "csv")

    rows = exported_csv_rows(path)
    zhang = next(r for r in rows if r["联系人"] == "张伟")
    assert zhang["客户名称"] == "'=HYPERLINK(\"http://evil.example\",\"点我\")"
    assert zhang["备注"] == "'+86 客户说下周回电"
    assert zhang["职务"] == "'-总经理"
    assert zhang["联系人备注"] == "'@王总 跟进"
    assert zhang["手机"] == "13812345678" and zhang["生日"] == "1978-03-05"
    mingyue = next(r for r in rows if r["客户名称"] == "上海明月贸易有限公司")
    assert mingyue["备注"] == "'-尽快报价\n第二行"
    li = next(r for r in rows if r["联系人"] == "李娜")
    assert li["生日"] == "2月29日"  # a birthday without a year
    for r in rows:  # nothing that a spreadsheet would evaluate
        assert not any(v[:1] in ("=", "+", "-", "@") for v in r.values() if v), r


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formula_like_values_come_back_unchanged_on_reimport(tricky_db, make_db, tmp_path, fmt):
    path = tmp_path / f"导出.{fmt}"
    with tricky_db.session(write=False) as s:
        export(s, path, fmt)
    target = make_db("target.db")

    summary = import_file(target, path)

    assert summary.errors == [] and summary.warnings == []
    customers = by_name(target)
    evil = customers['=HYPERLINK("http://evil.example","点我")']
    assert evil.customer.notes == "+86 客户说下周回电"
    assert evil.contact("张伟").title == "-总经理"
    assert evil.contact("张伟").notes == "@王总 跟进"
    assert evil.contact("李娜").birthday == date(1604, 2, 29)
    assert customers["上海明月贸易有限公司"].customer.notes == "-尽快报价\n第二行"
    assert customers["上海明月贸易有限公司"].customer.code == "KH-001"
    assert customers["欧阳娜娜"].customer.kind == "person"


def test_xlsx_export_layout_and_cell_types(tricky_db, tmp_path):
    path = tmp_path / "导出.xlsx"
    with tricky_db.session(write=False) as s:
        export(s, path, "xlsx")

    ws = openpyxl.load_workbook(path).active
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{openpyxl.utils.get_column_letter(len(HEADERS))}6"
    assert [c.value for c in ws[1]] == HEADERS
    assert all(c.font.b for c in ws[1])
    col = {h: i for i, h in enumerate(HEADERS)}
    zhang = next(r for r in ws.iter_rows(min_row=2) if r[col["联系人"]].value == "张伟")
    name = zhang[col["客户名称"]]
    assert name.value == '=HYPERLINK("http://evil.example","点我")' and name.data_type == "s"
    birthday = zhang[col["生日"]]
    assert birthday.is_date and birthday.value.date() == date(1978, 3, 5)
    mobile = zhang[col["手机"]]
    assert mobile.value == "13812345678" and mobile.data_type == "s"
    li = next(r for r in ws.iter_rows(min_row=2) if r[col["联系人"]].value == "李娜")
    assert li[col["电话"]].value == "010-62345678" and li[col["电话"]].data_type == "s"
    assert li[col["生日"]].value == "2月29日"
    assert all(c.data_type != "f" for r in ws.iter_rows() for c in r)


@pytest.mark.parametrize("version", ["3.0", "2.1"])
def test_vcard_export_reimports_with_equal_names_phones_and_companies(tricky_db, make_db,
                                                                      tmp_path, version):
    path = tmp_path / f"名片{version}.vcf"
    with tricky_db.session(write=False) as s:
        export(s, path, "vcf", vcard_version=version)
    if version == "2.1":
        path.read_bytes().decode("ascii")  # 2.1 phones want plain ASCII + quoted-printable
    target = make_db("target.db")

    summary = import_file(target, path)

    assert summary.errors == []
    def people(database: Database) -> set[tuple[str, str, str | None, str | None]]:
        return {(company, c.name, c.mobile, c.phone) for company, c in all_contacts(database)}
    # (an individual customer without contacts comes back with a contact of its own name)
    assert people(target) - people(tricky_db) <= {("欧阳娜娜", "欧阳娜娜", None, None)}
    assert people(tricky_db) <= people(target)
    assert {c.customer.name for c in stored_customers(target)} == \
        {c.customer.name for c in stored_customers(tricky_db)}
    assert by_name(target)["广州南方电子厂"].customer.email == "info@nanfang.cn"


def test_export_of_a_status_filter_contains_exactly_the_matching_customers(tricky_db, tmp_path):
    path = tmp_path / "稳定客户.csv"
    with tricky_db.session(write=False) as s:
        summary = export(s, path, "csv", filt=CustomerFilter(statuses=("stable",)))

    names = {r["客户名称"] or r["联系人"] for r in exported_csv_rows(path)}
    assert names == {"'=HYPERLINK(\"http://evil.example\",\"点我\")", "欧阳娜娜"}
    assert summary.customers == 2


def test_export_of_an_industry_filter_contains_exactly_the_matching_customers(tricky_db, tmp_path):
    path = tmp_path / "电子行业.csv"
    with tricky_db.session(write=False) as s:
        summary = export(s, path, "csv", filt=CustomerFilter(industry="电子"))

    assert {r["客户名称"] for r in exported_csv_rows(path)} == {"上海明月贸易有限公司", "广州南方电子厂"}
    assert summary.customers == 2


def test_export_of_a_tag_filter_contains_exactly_the_tagged_customers(tricky_db, tmp_path):
    evil = next(c for c in stored_customers(tricky_db) if c.tags == {"VIP"})
    tag_id = evil.customer.tags[0].id
    path = tmp_path / "VIP.csv"
    with tricky_db.session(write=False) as s:
        export(s, path, "csv", filt=CustomerFilter(tag_id=tag_id))

    rows = exported_csv_rows(path)
    assert sorted(r["联系人"] for r in rows) == ["张伟", "李娜"]
    assert {r["标签"] for r in rows} == {"VIP"}


def test_export_of_selected_ids_keeps_their_order_and_nothing_else(tricky_db, tmp_path):
    ids = {c.customer.name: c.customer.id for c in stored_customers(tricky_db)}
    chosen = [ids["广州南方电子厂"], ids["上海明月贸易有限公司"]]
    path = tmp_path / "选中.csv"
    with tricky_db.session(write=False) as s:
        summary = export(s, path, "csv", ids=chosen)

    assert [r["客户名称"] for r in exported_csv_rows(path)] == ["广州南方电子厂", "上海明月贸易有限公司"]
    assert (summary.customers, summary.rows) == (2, 2)


def test_export_leaves_out_deleted_contacts_and_recycle_bin(tricky_db, tmp_path):
    from kehubao.services.contacts import delete_contacts
    from kehubao.services.customers import delete_customers
    by = by_name(tricky_db)
    with tricky_db.session() as s:
        delete_contacts(s, [by["上海明月贸易有限公司"].contact("王芳").id])
        delete_customers(s, [by["广州南方电子厂"].customer.id])
    path = tmp_path / "导出.csv"
    with tricky_db.session(write=False) as s:
        export(s, path, "csv")

    rows = exported_csv_rows(path)
    assert "王芳" not in {r["联系人"] for r in rows}
    assert "广州南方电子厂" not in {r["客户名称"] for r in rows}
    assert any(r["客户名称"] == "上海明月贸易有限公司" and r["联系人"] == "" for r in rows)


def test_export_to_a_binary_stream(tricky_db):
    buf = io.BytesIO()
    with tricky_db.session(write=False) as s:
        summary = export(s, buf, "csv")
    assert summary.path == "-"
    assert buf.getvalue().startswith(codecs.BOM_UTF8)
    assert "上海明月贸易有限公司" in buf.getvalue().decode("utf-8-sig")


def test_export_rejects_unknown_format_and_unwritable_target(tricky_db, tmp_path):
    with tricky_db.session(write=False) as s:
        with pytest.raises(UserError, match="不支持的导出格式"):
            export(s, tmp_path / "a.pdf", "pdf")
        with pytest.raises(UserError, match="无法写入文件"):
            export(s, tmp_path / "没有这个文件夹" / "a.csv", "csv")


# ------------------------------------------------------------------------ 12. round trip


def customer_facts(database: Database) -> set[tuple]:
    return {(c.customer.name, c.customer.kind, c.customer.status, c.customer.industry,
             c.customer.city, c.customer.phone, c.customer.email, frozenset(c.tags))
            for c in stored_customers(database)}


def contact_facts(database: Database) -> set[tuple]:
    return {(company, p.name, p.mobile, p.phone, p.email, p.title, p.birthday)
            for company, p in all_contacts(database)}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_demo_database_round_trips_through_tables(demo_db, make_db, tmp_path, fmt):
    path = tmp_path / f"全部.{fmt}"
    with demo_db.session(write=False) as s:
        exported = export(s, path, fmt)
    target = make_db(f"from_{fmt}.db")

    summary = import_file(target, path)

    assert summary.errors == [] and summary.warnings == []
    assert summary.created == exported.customers
    source_customers = customer_facts(demo_db)
    assert len(source_customers) == exported.customers  # the comparison is not degenerate
    assert customer_facts(target) == source_customers
    assert contact_facts(target) == contact_facts(demo_db)
    assert index_problems(target) == []


def test_demo_database_round_trips_through_vcard(demo_db, make_db, tmp_path):
    path = tmp_path / "全部.vcf"
    with demo_db.session(write=False) as s:
        export(s, path, "vcf")
    target = make_db("from_vcf.db")

    summary = import_file(target, path)

    assert summary.errors == []
    def facts(database: Database) -> tuple[Counter, set]:
        customers = stored_customers(database)
        return (Counter(c.customer.name for c in customers),
                {(c.customer.name, p.name, p.mobile) for c in customers for p in c.contacts})
    assert facts(target) == facts(demo_db)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "vcf"])
def test_individual_customer_with_two_contacts_round_trips(db, make_db, tmp_path, fmt):
    with db.session() as s:
        nana = create_customer(s, {"name": "欧阳娜娜", "kind": "person"})
        create_contact(s, nana.id, {"name": "欧阳娜娜", "mobile": "15012345678"})
        create_contact(s, nana.id, {"name": "小李（助理）", "mobile": "15012345679"})
    path = tmp_path / f"个人.{fmt}"
    with db.session(write=False) as s:
        export(s, path, fmt)
    target = make_db("target.db")

    import_file(target, path)

    assert set(by_name(target)) == {"欧阳娜娜"}
    assert [c.name for c in by_name(target)["欧阳娜娜"].contacts] == ["欧阳娜娜", "小李（助理）"]


def test_round_trip_import_of_own_export_into_same_database_skips_everything(demo_db, tmp_path):
    path = tmp_path / "全部.csv"
    with demo_db.session(write=False) as s:
        exported = export(s, path, "csv")
    before = table_counts(demo_db)

    summary = import_file(demo_db, path)

    assert summary.skipped == exported.rows
    after = table_counts(demo_db)
    assert (after["customer"], after["contact"]) == (before["customer"], before["contact"])


# -------------------------------------------------------------------------- 13. dry run


def test_plan_reads_only_and_says_what_each_row_will_do(seeded, tmp_path):
    rows = [H, row("北京星辰科技有限公司", "张伟", mobile="13812345678"),
            row("北京星辰科技有限公司", "李娜"),
            row("广州南方电子厂", "王芳"),
            row(mobile="13600003333")]
    path = write_csv(tmp_path / "预览.csv", rows)
    before = table_counts(seeded)

    with seeded.session() as s:
        planned = plan(s, read_source(path, session=s), ImportOptions(on_duplicate="merge"))

    assert table_counts(seeded) == before
    assert [(r.line, r.action) for r in planned] == [(2, "merge"), (3, "create"), (4, "create"),
                                                    (5, "error")]
    assert planned[0].match_reason == "号码相同" and planned[0].match_contact is not None
    assert planned[1].match_customer == planned[0].match_customer  # added to the same company


def test_dry_run_counts_like_a_real_import_but_writes_nothing(seeded, tmp_path):
    rows = [H, row("北京星辰科技有限公司", "张伟", mobile="13812345678", email="zw@new.cn"),
            row("北京星辰科技有限公司", "李娜"),
            row("广州南方电子厂", "王芳", tags="新客户"),
            row("广州南方电子厂", "赵强")]
    path = write_csv(tmp_path / "预览.csv", rows)
    before = table_counts(seeded)

    dry = import_file(seeded, path, on_duplicate="merge", dry_run=True)

    assert table_counts(seeded) == before
    assert dry.dry_run is True and dry.operation_id is None
    real = import_file(seeded, path, on_duplicate="merge")
    assert (dry.created, dry.contacts_added, dry.merged, dry.skipped) == \
        (real.created, real.contacts_added, real.merged, real.skipped) == (1, 3, 1, 0)
