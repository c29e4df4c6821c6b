"""Importing sales, payments and returns from XLSX/CSV, all or nothing.

The file is read by the contact import's reader (``exchange/tabular.py``: encodings,
delimiters, the list sheet of a workbook) and its headers normalised the same way
(``exchange/headers``: full/half width, traditional characters, bracketed notes). The
user sees the mapping and every bad row before anything is written; one bad row means
nothing is written, since half a ledger is worse than none.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...errors import UserError
from ...exchange.headers import _key as header_key
from ...exchange.tabular import read_table
from ...models import Customer, Transaction
from ...models.enums import TransactionKind
from ...normalize import parse_date
from ...texts import Text
from ..journal import operation
from .classes import reclassify_all, reclassify_customers
from .transactions import terms_days

FIELDS = {  # field → (label, header spellings)
    "customer_code": ("客户编号", "客户编号|客户编码|客户代码|编号|Customer Code|Customer ID"),
    "customer_name": ("客户名称", "客户名称|客户|单位名称|公司名称|经销商|购货单位|Customer|Customer Name"),
    "kind": ("类型", "类型|交易类型|业务类型|单据类型|Type|Kind"),
    "occurred_on": ("日期", "日期|交易日期|发生日期|单据日期|业务日期|Date"),
    "amount": ("金额（元）", "金额|金额元|发生额|交易金额|价税合计|Amount"),
    "due_on": ("到期日", "到期日|到期日期|应收日期|付款期限|Due Date|Due"),
    "product": ("产品", "产品|品名|商品|货品|产品名称|Product"),
    "quantity": ("数量", "数量|Quantity|Qty"),
    "reference": ("单号", "单号|单据号|单据编号|订单号|发票号|Reference|Invoice"),
    "note": ("备注", "备注|说明|Note|Notes|Remark"),
}
REQUIRED = ("kind", "occurred_on", "amount")
_BY_HEADER = {header_key(s): f for f, (_l, spellings) in FIELDS.items() for s in spellings.split("|")}
_KINDS = {"销售": "sale", "销货": "sale", "发货": "sale", "sale": "sale", "sales": "sale",
          "回款": "payment", "收款": "payment", "付款": "payment", "payment": "payment",
          "退货": "return", "return": "return"}
MAX_ROWS = 200_000


@dataclass
class PreparedTransactions:
    """The file as it would be imported: mapping, parsed rows and errors by row number."""

    headers: list[str]
    mapping: list[str | None]  # field per column (None: ignored)
    rows: list[dict] = field(default_factory=list)  # ready Transaction values
    errors: list[tuple[int, str]] = field(default_factory=list)  # (row in the file, message)
    header_row: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)

    def preview(self, n: int = 20) -> list[dict]:
        return self.rows[:n]


def suggest_mapping(headers: list[str]) -> list[str | None]:
    """One field per column from the header words; each field taken by one column only."""
    taken: set[str] = set()
    mapping: list[str | None] = []
    for header in headers:
        found = _BY_HEADER.get(header_key(header))
        mapping.append(found if found and found not in taken else None)
        if found:
            taken.add(found)
    return mapping


def _header_row(rows: list[list[str]]) -> int:
    """The first of the first 20 rows naming at least two known fields."""
    for index, row in enumerate(rows[:20]):
        if sum(1 for cell in row if header_key(cell) in _BY_HEADER) >= 2:
            return index
    raise UserError("找不到表头：第一行应写明“客户名称/客户编号、类型、日期、金额”等列名")


def prepare(session: Session, path: Path, mapping: list[str | None] | None = None) -> PreparedTransactions:
    """Read and check the whole file without writing anything."""
    table = read_table(Path(path))
    start = _header_row(table.rows)
    headers = table.rows[start]
    mapping = mapping or suggest_mapping(headers)
    prepared = PreparedTransactions(headers, mapping, header_row=start)
    missing = [Text(FIELDS[f][0]) for f in REQUIRED if f not in mapping]
    if "customer_code" not in mapping and "customer_name" not in mapping:
        missing.insert(0, Text("客户名称或客户编号"))
    if missing:
        raise UserError("缺少必需的列：{columns}", columns=Text("、").join(missing))
    data = [(n + 1, r) for n, r in enumerate(table.rows[start + 1:], start=start + 1) if any(r)]
    if len(data) > MAX_ROWS:
        raise UserError("一次最多导入 {limit} 行，这个文件有 {rows} 行", limit=f"{MAX_ROWS:,}",
                        rows=f"{len(data):,}")
    lookup = _CustomerLookup(session, data, mapping)
    terms = terms_days(session)
    for line, row in data:
        values = {f: (row[i].strip() if i < len(row) else "") for i, f in enumerate(mapping) if f}
        try:
            prepared.rows.append(_parse(values, lookup, terms))
        except ValueError as exc:
            prepared.errors.append((line, exc.args[0] if exc.args and isinstance(exc.args[0], str)
                                    else str(exc)))
    return prepared


class _CustomerLookup:
    """Customers of the file by code and by exact name, in two queries."""

    def __init__(self, session: Session, data: list, mapping: list[str | None]) -> None:  # type: ignore[type-arg]
        def column(name: str) -> set[str]:
            if name not in mapping:
                return set()
            i = mapping.index(name)
            return {r[i].strip() for _n, r in data if i < len(r) and r[i].strip()}

        self.by_code: dict[str, int] = {}
        self.by_name: dict[str, list[int]] = {}
        codes, names = sorted(column("customer_code")), sorted(column("customer_name"))
        for chunk in (codes[i:i + 900] for i in range(0, len(codes), 900)):
            self.by_code.update(session.execute(select(Customer.code, Customer.id).where(
                Customer.code.in_(chunk), Customer.deleted_at.is_(None))).all())
        for chunk in (names[i:i + 900] for i in range(0, len(names), 900)):
            for name, cid in session.execute(select(Customer.name, Customer.id).where(
                    Customer.name.in_(chunk), Customer.deleted_at.is_(None))):
                self.by_name.setdefault(name, []).append(cid)

    def find(self, code: str, name: str) -> int:
        if code:
            if code in self.by_code:
                return self.by_code[code]
            if not name:
                raise ValueError(Text("没有编号为“{code}”的客户", code=code))
        ids = self.by_name.get(name, [])
        if len(ids) == 1:
            return ids[0]
        if not name:
            raise ValueError(Text("没有填写客户名称或编号"))
        if not ids:
            raise ValueError(Text("没有名为“{name}”的客户", name=name))
        raise ValueError(Text("有 {count} 个客户名为“{name}”，请改用客户编号", count=len(ids),
                              name=name))


def parse_amount_fen(text: str, *, return_hint: bool = True) -> int:
    """"1,234.50" / "¥1234" / "1.2万" / "3000元" → fen; refuse zero, negatives and junk.
    `return_hint`: a negative amount is told to be a return instead (a file's rows, where
    the type is a column)."""
    clean = unicodedata.normalize("NFKC", text).replace(",", "").replace("¥", "").replace("￥", "")
    clean = clean.removesuffix("元").strip()
    scale = Decimal(1)
    if clean.endswith("万"):
        clean, scale = clean[:-1].strip(), Decimal(10_000)
    if not re.fullmatch(r"-?\d+(\.\d+)?", clean):
        raise ValueError(Text("金额“{text}”不是数字", text=text))
    try:
        fen = Decimal(clean) * scale * 100
    except InvalidOperation:
        raise ValueError(Text("金额“{text}”不是数字", text=text)) from None
    if fen != fen.to_integral_value():
        raise ValueError(Text("金额“{text}”精确到分即可（最多两位小数）", text=text))
    if fen <= 0 and return_hint:
        raise ValueError(Text("金额“{text}”必须大于 0（退货请把类型写成“退货”）", text=text))
    if fen <= 0:
        raise ValueError(Text("金额“{text}”必须大于 0", text=text))
    return int(fen)


def _parse(values: dict[str, str], lookup: _CustomerLookup, terms: int) -> dict:  # type: ignore[type-arg]
    customer_id = lookup.find(values.get("customer_code", ""), values.get("customer_name", ""))
    kind_text = values.get("kind", "")
    kind = _KINDS.get(kind_text.lower()) or (TransactionKind.from_text(kind_text) or None)
    if not kind:
        raise ValueError(Text("类型“{text}”应为销售、回款或退货", text=kind_text))
    day = parse_date(values.get("occurred_on")) if values.get("occurred_on") else None
    if day is None:
        raise ValueError(Text("没有填写日期"))
    if day > date.today():
        raise ValueError(Text("日期 {day} 晚于今天", day=day.isoformat()))
    due = parse_date(values["due_on"]) if values.get("due_on") else None
    if due is not None and due < day:
        raise ValueError(Text("到期日早于交易日期"))
    if kind == "sale" and due is None:
        due = day + timedelta(days=terms)
    quantity = None
    if values.get("quantity"):
        try:
            quantity = float(values["quantity"].replace(",", ""))
        except ValueError:
            raise ValueError(Text("数量“{text}”不是数字", text=values["quantity"])) from None
    return {"customer_id": customer_id, "kind": str(kind), "occurred_on": day,
            "amount_fen": parse_amount_fen(values.get("amount", "")),
            "due_on": due if kind == "sale" else None, "product": values.get("product") or None,
            "quantity": quantity, "reference": values.get("reference") or None,
            "note": values.get("note") or None}


@dataclass
class ImportResult:
    imported: int
    by_kind: dict[str, int]
    customers: int
    operation_id: int

    def to_json(self) -> dict:
        return {"imported": self.imported, "by_kind": self.by_kind, "customers": self.customers,
                "operation_id": self.operation_id}


def import_transactions(session: Session, prepared: PreparedTransactions, file_name: str = "") -> ImportResult:
    """Write every prepared row as one undoable operation — or nothing, if any row is bad."""
    if prepared.errors:
        line, message = prepared.errors[0]
        if len(prepared.errors) > 1:
            raise UserError("第 {line} 行：{message}（另有 {more} 行有问题）；没有导入任何记录",
                            line=line, message=message, more=len(prepared.errors) - 1)
        raise UserError("第 {line} 行：{message}；没有导入任何记录", line=line, message=message)
    if not prepared.rows:
        raise UserError("文件里没有交易记录")
    label = f"导入交易记录 {len(prepared.rows)} 条" + (f"：{file_name}" if file_name else "")
    with operation(session, "import", label) as op:
        session.add_all(Transaction(**row) for row in prepared.rows)
        session.flush()
    customers = sorted({r["customer_id"] for r in prepared.rows})
    if len(customers) > 5_000:  # the volumes changed: classes follow (derived, not journaled)
        reclassify_all(session)
    else:
        reclassify_customers(session, customers)
    kinds: dict[str, int] = {}
    for row in prepared.rows:
        kinds[row["kind"]] = kinds.get(row["kind"], 0) + 1
    return ImportResult(len(prepared.rows), kinds, len({r["customer_id"] for r in prepared.rows}), op.id)


def count_transactions(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Transaction)
                              .where(Transaction.deleted_at.is_(None))) or 0)
