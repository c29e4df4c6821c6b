"""Shared helpers of the import/export tests: files built in tmp_path, import calls
as the CLI and UI make them, and views of what the database holds afterwards."""

from __future__ import annotations

import csv
import io
import re
import struct
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import openpyxl
from sqlalchemy import select, text

from kehubao.db import Database
from kehubao.exchange.fields import ImportField as F
from kehubao.exchange.importer import ImportOptions, ImportSummary, run_import
from kehubao.exchange.records import read_source
from kehubao.models import Contact, Customer
from kehubao.services.search import check_index, search

VCARD_DIR = Path(__file__).resolve().parents[2] / "data" / "vcard"
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



SEED = [["客户编号", "客户名称", "联系人", "职务", "手机", "邮箱", "单位电话", "备注"],
        ["", "北京星辰科技有限公司", "张伟", "总经理", "13812345678", "zhangwei@xingchen.cn", "",
         "老客户"],
        ["KH-001", "上海明月贸易有限公司", "", "", "", "", "021-62345678", ""]]


BASE_ROWS = [
    ["客户名称", "联系人", "手机", "邮箱", "备注"],
    ["北京星辰科技有限公司", "张伟", "13812345678", "zhangwei@xingchen.cn",
     "老客户，地址：朝阳区建国路88号, 3层"],
    ["上海明月贸易有限公司", "李娜", "13900001111", "", "展会认识；重点跟进"],
    ["", "欧阳娜娜", "15012345678", "", ""],
]


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
