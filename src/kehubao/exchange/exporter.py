"""Exporting customers and contacts: CSV for any program, XLSX for Excel, vCard for phones.

One row per contact (a customer without contacts gets one row of its own). The headers
are the Chinese names the importer recognises, so exporting and importing again gives
back the same data. CSV is UTF-8 with a BOM, so Excel opens it without mojibake, and
any cell a spreadsheet would run as a formula (= + - @, also behind blanks or control
characters, see formulas.py) is prefixed with ' so none does; in XLSX such cells are
typed as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..bulk import fewer_collections
from ..errors import UserError
from ..models import Contact, Customer, SalesRep, Tag, customer_tag
from ..models.enums import CustomerKind, CustomerStatus, CustomerType, Gender, ValueClass
from ..normalize import NO_YEAR, birthday_text
from ..pinyin_keys import COMPOUND_SURNAMES, is_cjk
from ..services.customer_list import CustomerFilter, query_ids
from ..services.evaluation.value import CustomerValue, values_for_ids
from .formulas import is_formula_like, neutralise
from .vcard import VCardContact
from .vcard_write import write_vcards

FORMATS = ("csv", "xlsx", "vcf")
HEADERS = ["客户编号", "客户名称", "客户性质", "客户类型", "客户状态", "行业", "省份", "城市", "区县", "地址",
           "区域", "单位电话", "单位邮箱", "网址", "客户来源", "负责人", "标签", "备注",
           "客户分类", "评价等级", "客户价值（元）", "逾期金额（元）",
           "联系人", "性别", "职务", "部门", "手机", "电话", "邮箱", "微信", "QQ", "生日", "联系人备注"]
WIDTHS = [12, 30, 8, 10, 8, 10, 8, 8, 10, 30, 8, 16, 24, 20, 10, 8, 20, 30, 14, 8, 14, 14,
          10, 6, 12, 10, 14, 16, 24, 14, 12, 12, 30]
CHUNK = 2_000
# Columns a phone has no vCard property for: exported as X-KEHUBAO-* so that our own
# cards import back whole (phones ignore them).
VCARD_EXTRAS = {
    "客户编号": "customer_code", "客户性质": "customer_kind", "客户类型": "customer_type",
    "客户状态": "status", "行业": "industry", "省份": "province", "城市": "city",
    "区县": "district", "地址": "address", "区域": "region", "单位电话": "customer_phone",
    "单位邮箱": "customer_email", "客户来源": "source", "负责人": "owner", "备注": "notes",
    "性别": "gender", "微信": "wechat", "QQ": "qq",
}
Progress = Callable[[float], None]


@dataclass
class ExportSummary:
    customers: int = 0
    rows: int = 0
    path: str = ""

    def to_json(self) -> dict:
        return {"customers": self.customers, "rows": self.rows, "file": self.path}


# The format a file name asks for; anything else is refused rather than written as CSV
# under a misleading name (客户.pdf).
SUFFIX_FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".vcf": "vcf", ".vcard": "vcf"}


def format_for(path: str, requested: str | None) -> str:
    """The requested format, else the file's extension; standard output ("-") is CSV."""
    if requested:
        if requested not in FORMATS:
            raise UserError("不支持的导出格式“{format}”（可选：csv、xlsx、vcf）", format=requested)
        return requested
    if path == "-":
        return "csv"
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        if not suffix:
            raise UserError("无法识别的导出格式（文件名没有扩展名），请用 --format csv|xlsx|vcf")
        raise UserError("无法识别的导出格式 {suffix}，请用 --format csv|xlsx|vcf", suffix=suffix)
    return SUFFIX_FORMATS[suffix]


@fewer_collections()
def export(session: Session, target: Path | IO[bytes], fmt: str, *,
           filt: CustomerFilter | None = None, ids: Sequence[int] | None = None,
           vcard_version: str = "3.0", progress: Progress | None = None) -> ExportSummary:
    """Write the customers of `ids` (in that order), or of the filter, or all of them."""
    if fmt not in FORMATS:
        raise UserError("不支持的导出格式“{format}”", format=fmt)
    ordered = list(ids) if ids is not None else list(query_ids(session, filt or CustomerFilter()))
    summary = ExportSummary(customers=len(ordered), path=str(target) if isinstance(target, Path) else "-")
    rows = _rows(session, ordered, progress or (lambda _f: None), summary)
    if isinstance(target, Path):
        _refuse_database(target)
        try:
            with target.open("wb") as fh:
                _write(fh, fmt, rows, vcard_version)
        except OSError as exc:
            raise UserError("无法写入文件 {path}：{problem}", path=target,
                            problem=exc.strerror or str(exc)) from exc
    else:
        _write(target, fmt, rows, vcard_version)
    return summary


def _refuse_database(target: Path) -> None:
    """Never write a list over a database (the open one, typed by mistake, or another):
    it would be gone."""
    try:
        with target.open("rb") as fh:
            head = fh.read(16)
    except OSError:
        return  # a new file, or one the write itself will explain
    if head == b"SQLite format 3\x00":
        raise UserError("“{name}”是一个数据库文件，不能用导出的名单覆盖它，请换一个文件名",
                        name=target.name)


def _write(fh: IO[bytes], fmt: str, rows: Iterator[dict], vcard_version: str) -> None:
    if fmt == "csv":
        write_csv(fh, rows)
    elif fmt == "xlsx":
        write_xlsx(fh, rows)
    else:
        text = write_vcards((to_vcard(r) for r in rows), vcard_version)
        fh.write(text.encode("utf-8" if vcard_version != "2.1" else "ascii", errors="strict"))


# ------------------------------------------------------------------------------- reading


_CUSTOMER_COLUMNS = (Customer.id, Customer.code, Customer.name, Customer.kind,
                     Customer.customer_type, Customer.status, Customer.industry, Customer.province,
                     Customer.city, Customer.district, Customer.address, Customer.region,
                     Customer.phone, Customer.email, Customer.website, Customer.source,
                     Customer.owner_id, Customer.notes, Customer.value_class, Customer.grade,
                     Customer.overdue_fen)
_CONTACT_COLUMNS = (Contact.customer_id, Contact.name, Contact.gender, Contact.title,
                    Contact.department, Contact.mobile, Contact.phone, Contact.email,
                    Contact.wechat, Contact.qq, Contact.birthday, Contact.notes)


def _rows(session: Session, ids: list[int], progress: Progress,
          summary: ExportSummary) -> Iterator[dict]:
    """Rows to write, a chunk of customers at a time, as plain values (no ORM objects:
    an export reads hundreds of thousands of rows)."""
    owners = dict(session.execute(select(SalesRep.id, SalesRep.name)).all())
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        customers = {r[0]: r for r in session.execute(
            select(*_CUSTOMER_COLUMNS).where(Customer.id.in_(chunk)))}
        contacts: dict[int, list] = {}
        for p in session.execute(select(*_CONTACT_COLUMNS).where(
                Contact.customer_id.in_(chunk), Contact.deleted_at.is_(None))
                .order_by(Contact.is_primary.desc(), Contact.id)):
            contacts.setdefault(p[0], []).append(p)
        tags: dict[int, list[str]] = {}
        for cid, name in session.execute(select(customer_tag.c.customer_id, Tag.name)
                                         .join(Tag, Tag.id == customer_tag.c.tag_id)
                                         .where(customer_tag.c.customer_id.in_(chunk))
                                         .order_by(Tag.name)):
            tags.setdefault(cid, []).append(name)
        values = values_for_ids(session, chunk)
        for cid in chunk:
            c = customers.get(cid)
            if c is None:
                continue
            base = _customer_values(c, owners.get(c.owner_id), tags.get(cid, []))
            base.update(_figure_values(c, values.get(cid)))
            for p in contacts.get(cid) or [None]:
                summary.rows += 1
                yield {**base, **_contact_values(p), "_kind": c.kind}
        progress(min(1.0, (start + CHUNK) / max(len(ids), 1)))


def _customer_values(c, owner: str | None, tags: list[str]) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return {
        "客户编号": c.code, "客户名称": c.name, "客户性质": CustomerKind.label_of(c.kind),
        "客户类型": CustomerType.label_of(c.customer_type), "客户状态": CustomerStatus.label_of(c.status),
        "行业": c.industry, "省份": c.province, "城市": c.city, "区县": c.district, "地址": c.address,
        "区域": c.region, "单位电话": c.phone, "单位邮箱": c.email, "网址": c.website,
        "客户来源": c.source, "负责人": owner, "标签": "，".join(tags), "备注": c.notes,
    }


def _figure_values(c, value: CustomerValue | None) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The evaluation's figures as numbers a spreadsheet can sum (yuan, two decimals)."""
    return {"客户分类": ValueClass.label_of(c.value_class), "评价等级": c.grade,
            "客户价值（元）": round(value.total_fen / 100, 2) if value else None,
            "逾期金额（元）": round((c.overdue_fen or 0) / 100, 2)}


def _contact_values(p) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    if p is None:
        return {}
    return {
        "联系人": p.name, "性别": Gender.label_of(p.gender), "职务": p.title, "部门": p.department,
        "手机": p.mobile, "电话": p.phone, "邮箱": p.email, "微信": p.wechat, "QQ": p.qq,
        "生日": p.birthday, "联系人备注": p.notes,
    }


def _cell(row: dict, header: str) -> Any:
    return row.get(header)


# ------------------------------------------------------------------------------- writing


def write_csv(fh: IO[bytes], rows: Iterator[dict]) -> None:
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows:
        out = []
        for header in HEADERS:
            value = _cell(row, header)
            if isinstance(value, date):
                value = birthday_text(value)
            out.append(neutralise("" if value is None else str(value)))
        writer.writerow(out)
    text.flush()
    text.detach()


def write_xlsx(fh: IO[bytes], rows: Iterator[dict]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("客户")
    for n, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in HEADERS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    count = 0
    for row in rows:
        values = [_cell(row, title) for title in HEADERS]
        if ILLEGAL_CHARACTERS_RE.search("".join(v for v in values if isinstance(v, str))):
            # Control characters (a stray one can come in with an imported CSV) cannot be
            # stored in XML at all: openpyxl would refuse the whole export.
            values = [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v
                      for v in values]
        out: list = []
        for value in values:
            if isinstance(value, date):
                if value.year == NO_YEAR:
                    out.append(birthday_text(value))
                    continue
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd"
                out.append(cell)
            elif isinstance(value, str) and is_formula_like(value):
                cell = WriteOnlyCell(sheet, value=value)
                cell.data_type = "s"  # text, never a formula
                out.append(cell)
            else:
                out.append(value)  # plain values: openpyxl makes cells itself, faster
        sheet.append(out)
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{count + 1}"
    book.save(fh)


def split_name(name: str) -> tuple[str, str]:
    """(family, given) for the vCard N property, which many phones display from."""
    name = name.strip()
    if name and is_cjk(name[0]):
        surname = name[:2] if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else name[:1]
        return surname, name[len(surname):]
    family, _, given = name.rpartition(" ")
    return (family, given) if family else ("", name)


def to_vcard(row: dict) -> VCardContact:
    person_customer = row.get("_kind") == "person"
    customer_name = row.get("客户名称") or ""
    name = _cell(row, "联系人") or customer_name
    # An individual customer's own card has no company; anyone else (an assistant) is
    # filed under the customer's name, so importing the cards keeps them together.
    organization = "" if person_customer and name == customer_name else customer_name
    family, given = split_name(name) if row.get("联系人") or person_customer else ("", "")
    phones = [("mobile", row["手机"])] if row.get("手机") else []
    if row.get("电话"):
        phones.append(("work", row["电话"]))
    if row.get("单位电话") and not row.get("联系人"):
        phones.append(("work", row["单位电话"]))
    emails = [e for e in (row.get("邮箱"), row.get("单位邮箱") if not row.get("联系人") else None) if e]
    birthday = row.get("生日")
    address = " ".join(x for x in (row.get("省份"), row.get("城市"), row.get("区县"), row.get("地址")) if x)
    return VCardContact(
        full_name=name, family_name=family, given_name=given, organization=organization, department=row.get("部门") or "",
        title=row.get("职务") or "", phones=phones, emails=emails,
        addresses=[address] if address else [], urls=[row["网址"]] if row.get("网址") else [],
        birthday=(f"--{birthday.month:02d}{birthday.day:02d}" if birthday.year == NO_YEAR
                  else birthday.isoformat()) if isinstance(birthday, date) else "",
        note=row.get("联系人备注") or "",
        extras=[(key, str(row[header])) for header, key in VCARD_EXTRAS.items() if row.get(header)],
        categories=[t for t in (row.get("标签") or "").split("，") if t],
    )
