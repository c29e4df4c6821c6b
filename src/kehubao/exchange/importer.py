"""Importing contact lists: plan (what each row will do) and run (one transaction).

Duplicates are found against the database and within the file, by normalised phone,
e-mail, or the same person at the same company; each is skipped, merged (empty fields
filled, differing values kept in the notes as history) or created anew — chosen for the
whole import and adjustable per row in the preview. A row naming a company that already
exists adds its contact to that customer instead of creating a second copy of the
company. An import is all-or-nothing by default, runs as one undoable operation, and a
cancel (or any error) leaves nothing behind.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from ..bulk import fewer_collections
from ..errors import UserError
from ..models import Contact, Customer, utcnow
from ..normalize import name_key
from ..pinyin_keys import sort_key
from ..services.contacts import CONTACT_FIELDS
from ..services.customers import CUSTOMER_FIELDS, get_or_create_rep, get_or_create_tags
from ..services.journal import operation
from ..services.record_merge import merge_record, note_entry, values_of, with_note
from ..texts import Text
from . import parallel
from .fields import ImportField
from .matching import match_existing, match_within_file
from .parallel import Workers, worker_pool
from .prepare import PreparedRow, prepare_row
from .records import ImportSource, LoadedFile, map_rows
from .writer import NewContact, NewCustomer, write_new_customers

# What the progress bar says at each step (the UI shows them translated, as labels).
CHECKING, MATCHING, MERGING, WRITING = "正在检查数据…", "正在查找重复…", "正在合并重复…", "正在写入…"
PROGRESS_TEXTS = (CHECKING, MATCHING, MERGING, WRITING)
ON_DUPLICATE = ("skip", "merge", "new")
Progress = Callable[[float, str], None]


@dataclass
class ImportOptions:
    on_duplicate: str = "skip"
    skip_invalid: bool = False  # default: any invalid row rejects the whole import
    dry_run: bool = False
    overrides: dict[int, str] = field(default_factory=dict)  # line → create|merge|skip


@dataclass
class ImportSummary:
    file: str
    format: str
    rows: int = 0
    created: int = 0  # new customers
    contacts_added: int = 0  # new contacts (with new or existing customers)
    merged: int = 0
    skipped: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    outcomes: list[tuple[int, str, str, str]] = field(default_factory=list)  # line, action, name, why
    operation_id: int | None = None
    dry_run: bool = False
    seconds: float = 0.0

    def to_json(self) -> dict:
        return {
            "file": self.file, "format": self.format, "rows": self.rows,
            "created": self.created, "contacts_added": self.contacts_added,
            "merged": self.merged, "skipped": self.skipped, "dry_run": self.dry_run,
            "operation": self.operation_id, "seconds": round(self.seconds, 2),
            "errors": [{"line": line, "message": msg} for line, msg in self.errors],
            "warnings": [{"line": line, "message": msg} for line, msg in self.warnings],
        }


class ImportRejected(UserError):
    """Invalid rows in an all-or-nothing import: nothing was written."""

    def __init__(self, summary: ImportSummary) -> None:
        lines = Text("、").join(str(line) for line, _m in summary.errors[:10])
        if len(summary.errors) > 10:
            message = Text("有 {count} 行数据有误（第 {lines} 行等），导入已取消，数据库没有任何改动。"
                           "可修改文件后重试，或选择跳过有误的行。",
                           count=len(summary.errors), lines=lines)
        else:
            message = Text("有 {count} 行数据有误（第 {lines} 行），导入已取消，数据库没有任何改动。"
                           "可修改文件后重试，或选择跳过有误的行。",
                           count=len(summary.errors), lines=lines)
        super().__init__(message)
        self.summary = summary


# ------------------------------------------------------------------------------ planning


@fewer_collections()
def prepare_rows(source: ImportSource, progress: Progress | None = None) -> list[PreparedRow]:
    """Every row of the file as it would be stored, with its errors and warnings. Pure:
    depends on the file and the mapping only, so the import dialog keeps the result and
    plans it again (cheaply) when the user switches the duplicate policy, and imports it.
    (Preparing in worker processes was tried: pickling the rows both ways ate the gain.)"""
    report = progress or (lambda _f, _t: None)
    rows = []
    total = max(len(source.rows), 1)
    for n, src in enumerate(source.rows):
        rows.append(prepare_row(src))
        if n % 2000 == 0:
            report(n / total, CHECKING)
    return rows


@dataclass
class PreparedFile:
    """A file's rows as `prepare_rows` made them under one mapping. The import dialog
    keeps it, so switching the duplicate policy and the import itself only plan again
    (match against the database, which may have changed meanwhile) instead of preparing
    every row again, which is most of a preview's time on a big list."""

    mapping: list[ImportField] | None
    source: ImportSource
    rows: list[PreparedRow]

    @classmethod
    def of(cls, loaded: LoadedFile, mapping: list[ImportField] | None = None,
           earlier: PreparedFile | None = None, progress: Progress | None = None,
           session: Session | None = None) -> PreparedFile:
        """`earlier` when it was made under this mapping, else the file prepared now
        (mapping None: the one remembered for its headers, given a session, else the
        guessed one). `mapping` is None for vCards, whose fields are fixed."""
        if earlier is not None and mapping is not None and earlier.mapping == mapping:
            return earlier
        if earlier is not None and loaded.guess is None:
            return earlier
        source = map_rows(loaded, mapping, session=session)
        used = list(source.mapping) if loaded.guess is not None else None
        return cls(used, source, prepare_rows(source, progress))


@fewer_collections()
def plan(session: Session, source: ImportSource, options: ImportOptions,
         progress: Progress | None = None,
         prepared: list[PreparedRow] | None = None) -> list[PreparedRow]:
    """Decide what every row will do: prepared rows (prepared now unless given) matched
    against the database and each other. Reads only; rows given are not changed."""
    if options.on_duplicate not in ON_DUPLICATE:
        raise UserError("重复处理方式只能是 {choices}", choices=Text("、").join(ON_DUPLICATE))
    report = progress or (lambda _f, _t: None)
    if prepared is None:
        rows = prepare_rows(source, lambda f, text: report(0.3 * f, text))
    else:
        rows = [row.undecided() for row in prepared]
    report(0.3, MATCHING)
    match_existing(session, rows)
    match_within_file(rows)
    for row in rows:
        if row.errors:
            row.action = "error"
        elif row.line in options.overrides:
            row.action = options.overrides[row.line]
        elif row.match_contact or (row.match_customer and row.contact is None) or row.same_as_line:
            row.action = {"skip": "skip", "merge": "merge", "new": "create"}[options.on_duplicate]
        else:
            row.action = "create"
    return rows


# ------------------------------------------------------------------------------ running


@fewer_collections()
def run_import(session: Session, source: ImportSource, options: ImportOptions,
               progress: Progress | None = None,
               prepared: list[PreparedRow] | None = None) -> ImportSummary:
    """Plan and, unless dry-run, write everything in the caller's transaction. `prepared`:
    the rows `prepare_rows` made of this source earlier (the preview's), to skip that step."""
    if not source.rows:
        raise UserError("文件“{name}”中没有可导入的数据行", name=source.path.name)
    # Worker processes take about two seconds to start: for a big list they start now,
    # on the core planning leaves idle, so they are ready when writing begins.
    big = not options.dry_run and len(source.rows) >= parallel.BUILD_FROM
    with worker_pool(big) as workers:
        return _run_import(session, source, options, progress or (lambda _f, _t: None),
                           prepared, workers)


def _run_import(session: Session, source: ImportSource, options: ImportOptions,
                report: Progress, prepared: list[PreparedRow] | None,
                workers: Workers | None) -> ImportSummary:
    started = time.perf_counter()
    rows = plan(session, source, options, report, prepared)
    summary = ImportSummary(file=source.path.name, format=source.format, rows=len(rows),
                            dry_run=options.dry_run)
    summary.errors = [(r.line, e) for r in rows for e in r.errors]
    summary.warnings = [(r.line, w) for r in rows for w in r.warnings] + source.notes
    if summary.errors and not options.skip_invalid:
        summary.seconds = time.perf_counter() - started
        raise ImportRejected(summary)
    work = _group_new(rows)
    _count(summary, rows)
    summary.created = len(work.new)
    summary.contacts_added = sum(len(c.contacts) for c in [*work.new, *work.attach])
    if options.dry_run:
        summary.seconds = time.perf_counter() - started
        return summary
    label = f"导入：{source.path.name}（{len(rows)} 行）"
    with operation(session, "import", label, details={"file": source.path.name,
                                                     "format": source.format}) as op:
        report(0.4, MERGING)
        stamp = f"导入 {source.path.name} · {date.today().isoformat()}"
        for row in work.merge_existing:
            _merge_into_existing(session, row, stamp)
        for entry in work.attach:
            _attach_contact(session, entry, stamp)
        report(0.5, WRITING)
        write_new_customers(session, work.new, lambda f: report(0.5 + 0.5 * f, WRITING),
                            workers)
        summary.operation_id = op.id
        op.details = {**(op.details or {}), "created": summary.created,
                      "merged": summary.merged, "skipped": summary.skipped}
    summary.seconds = time.perf_counter() - started
    return summary


def _count(summary: ImportSummary, rows: list[PreparedRow]) -> None:
    labels = {"create": "新建", "merge": "合并", "skip": "跳过", "error": "有误"}
    for row in rows:
        summary.outcomes.append((row.line, labels.get(row.action, row.action), row.display_name,
                                 "；".join(row.errors) or row.match_reason))
        if row.action == "merge":
            summary.merged += 1
        elif row.action == "skip":
            summary.skipped += 1


@dataclass
class WritePlan:
    new: list[NewCustomer] = field(default_factory=list)  # customers to insert in bulk
    attach: list[NewContact] = field(default_factory=list)  # people for existing customers
    merge_existing: list[PreparedRow] = field(default_factory=list)  # rows merged into the db


def _group_new(rows: list[PreparedRow]) -> WritePlan:
    """Decide the writes. Rows of one company fold into one new customer; a person at a
    company that exists becomes a new contact of it; a repeat within the file merged
    "in memory" into what its earlier row will create; a match merged into the db."""
    work = WritePlan()
    by_company: dict[str, NewCustomer] = {}
    by_line: dict[int, NewCustomer | NewContact] = {}
    for row in rows:
        if row.action in ("skip", "error"):
            continue
        earlier = by_line.get(row.same_as_line) if row.same_as_line else None
        if row.action == "merge":
            if earlier is not None:
                earlier.fold(row, repeat=True)
                by_line[row.line] = earlier
                continue
            if row.match_customer:
                work.merge_existing.append(row)
                continue
        if row.match_customer and row.contact is not None:
            entry = NewContact.from_row(row, customer_id=row.match_customer)
            work.attach.append(entry)
            by_line[row.line] = entry
            continue
        key = _company_key(row)
        target = by_company.get(key) if key else None
        if target is not None and not (row.same_as_line and row.contact is None):
            target.fold(row, repeat=False)
            by_line[row.line] = target
            continue
        customer = NewCustomer.from_row(row)
        work.new.append(customer)
        by_line[row.line] = customer
        if key:
            by_company.setdefault(key, customer)
    return work


def _company_key(row: PreparedRow) -> str | None:
    """Rows with the same company (by code, else name) are one customer; individual
    customers group by name too, so a person with an assistant stays one customer."""
    if row.customer.get("code"):
        return "code:" + row.customer["code"]
    return "name:" + name_key(row.customer["name"]) if row.customer.get("name") else None


def _attach_contact(session: Session, entry: NewContact, stamp: str) -> None:
    """New people at a customer that already exists: the contacts, and what the rows say
    about the customer (fields, notes, tags, owner) merged without overwriting anything."""
    customer = session.get(Customer, entry.customer_id)
    if customer is None:
        return
    for contact in entry.contacts:
        _add_contact(session, customer, contact)
    differing = _merge_values(customer, entry.customer, CUSTOMER_FIELDS, NewContact.IDENTITY)
    customer.notes = with_note(customer.notes, note_entry(stamp, differing))
    for later in entry.entries:
        customer.notes = with_note(customer.notes, later)
    _add_tags(session, customer, entry.tags)
    _add_owner(session, customer, entry.owner)


def _merge_into_existing(session: Session, row: PreparedRow, stamp: str) -> None:
    """Fill empty fields of the matched customer / contact; keep differing values as
    history in the notes. Journaled by the ORM, so undo restores the previous state."""
    customer = session.get(Customer, row.match_customer)
    if customer is None:
        return
    differing = _merge_values(customer, row.customer, CUSTOMER_FIELDS, NewContact.IDENTITY)
    _add_tags(session, customer, row.tags)
    _add_owner(session, customer, row.owner)
    contact = session.get(Contact, row.match_contact) if row.match_contact else None
    if contact is not None and row.contact is not None:
        differing += _merge_values(contact, row.contact, CONTACT_FIELDS, ("name",),
                                   prefix=f"联系人{contact.name}·")
    elif row.contact is not None:  # a person new to this customer: merging adds them
        _add_contact(session, customer, row.contact)
    customer.notes = with_note(customer.notes, note_entry(stamp, differing))
    customer.updated_at = utcnow()


def _merge_values(record: Customer | Contact, values: dict, labels: dict,
                  identity: tuple[str, ...], prefix: str = "") -> list[str]:
    """Merge a row's values into a database record (services/record_merge): empty fields
    set, the note lines of the differing ones returned."""
    merged = merge_record(values_of(record, values), values, labels, identity=identity,
                          prefix=prefix)
    for key, value in merged.fill.items():
        setattr(record, key, value)
    return merged.differing


def _add_contact(session: Session, customer: Customer, values: dict) -> None:
    session.add(Contact(customer_id=customer.id, name_sort=sort_key(values["name"], person=True),
                        **values))


def _add_tags(session: Session, customer: Customer, names: list[str]) -> None:
    if names:
        have = {t.name for t in customer.tags}
        new = [t for t in get_or_create_tags(session, names) if t.name not in have]
        if new:
            customer.tags = customer.tags + new


def _add_owner(session: Session, customer: Customer, owner: str | None) -> None:
    if owner and customer.owner_id is None:
        customer.owner_id = get_or_create_rep(session, owner).id
