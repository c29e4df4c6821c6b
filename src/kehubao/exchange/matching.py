"""Which rows of an import repeat a record of the database, or an earlier row of the file.

A row with a person is matched person to person: their numbers, their e-mail, or the same
name at the same company. A row for a company alone is matched company to company: code,
name, switchboard, mailbox. Lookups against the database go through a temporary key table
(``bulk.temporary_keys``), so 100,000 rows cost a handful of indexed joins, whatever the
size of the database.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..bulk import temporary_keys
from ..models import Contact, Customer
from ..normalize import name_key
from .prepare import PreparedRow


def match_existing(session: Session, rows: list[PreparedRow]) -> None:
    """Set ``match_customer`` / ``match_contact`` / ``match_reason`` of rows that repeat
    a live record of the database. Reads only."""
    valid = [r for r in rows if not r.errors]
    if session.scalar(select(Customer.id).limit(1)) is None:
        return  # the first import into a new database: nothing to repeat
    found = _Found()
    conn = session.connection()
    with temporary_keys(conn, texts={
        "phone": {p for r in valid for p in r.phones},
        "email": {e for r in valid for e in r.emails},
        "code": {r.customer["code"] for r in valid if r.customer.get("code")},
        "name": {r.customer["name"] for r in valid},
    }) as keys:
        found.read(session, keys)
        with temporary_keys(conn, numbers={"company": found.company_ids()}) as companies:
            found.read_people(session, companies)
    for row in valid:
        found.match(row)


def _live_contacts(session: Session, column, keys):  # type: ignore[no-untyped-def]
    """(contact id, customer id, value) of live contacts of live customers whose
    ``column`` is one of ``keys``."""
    for pid, cid, value, deleted, customer_deleted in session.execute(
            select(Contact.id, Contact.customer_id, column, Contact.deleted_at, Customer.deleted_at)
            .join(Customer, Customer.id == Contact.customer_id).where(column.in_(keys))):
        if deleted is None and customer_deleted is None:
            yield pid, cid, value


class _Found:
    """What the database holds for the keys of one import."""

    def __init__(self) -> None:
        self.people_by_phone: dict[str, tuple[int, int]] = {}
        self.people_by_email: dict[str, tuple[int, int]] = {}
        self.companies_by_phone: dict[str, int] = {}
        self.companies_by_email: dict[str, int] = {}
        self.by_code: dict[str, int] = {}
        self.binned: set[str] = set()  # codes of customers in the recycle bin: taken
        self.by_name: dict[str, int] = {}
        self.people: dict[tuple[int, str], int] = {}

    def read(self, session: Session, keys) -> None:  # type: ignore[no-untyped-def]
        # "Is it live?" is answered in Python, not in SQL: a deleted_at condition would
        # tempt the planner into walking every live customer instead of probing the
        # index of the key column once per key.
        for cid, phone, deleted in session.execute(
                select(Customer.id, Customer.phone, Customer.deleted_at)
                .where(Customer.phone.in_(keys("phone")))):
            if deleted is None:
                self.companies_by_phone.setdefault(phone, cid)
        for column in (Contact.mobile, Contact.phone):  # two indexes: one lookup each
            for pid, cid, number in _live_contacts(session, column, keys("phone")):
                self.people_by_phone.setdefault(number, (cid, pid))
        for cid, email, deleted in session.execute(
                select(Customer.id, Customer.email, Customer.deleted_at)
                .where(Customer.email.in_(keys("email")))):
            if deleted is None:
                self.companies_by_email.setdefault(email, cid)
        for pid, cid, email in _live_contacts(session, Contact.email, keys("email")):
            self.people_by_email.setdefault(email, (cid, pid))
        for code, cid, deleted in session.execute(
                select(Customer.code, Customer.id, Customer.deleted_at)
                .where(Customer.code.in_(keys("code")))):
            if deleted is None:
                self.by_code[code] = cid
            else:
                self.binned.add(code)
        for cid, name, deleted in session.execute(
                select(Customer.id, Customer.name, Customer.deleted_at)
                .where(Customer.name.in_(keys("name")))):
            if deleted is None:
                self.by_name.setdefault(name_key(name), cid)

    def company_ids(self) -> set[int]:
        return set(self.by_name.values()) | set(self.by_code.values())

    def read_people(self, session: Session, companies) -> None:  # type: ignore[no-untyped-def]
        for pid, cid, name, deleted in session.execute(
                select(Contact.id, Contact.customer_id, Contact.name, Contact.deleted_at)
                .where(Contact.customer_id.in_(companies("company")))):
            if deleted is None:
                self.people.setdefault((cid, name_key(name)), pid)

    def match(self, row: PreparedRow) -> None:
        code = row.customer.get("code")
        if code in self.binned:
            row.customer.pop("code")
            row.warnings.append(f"客户编号“{code}”已被回收站中的客户使用，本行未使用该编号")
            code = None
        company = self.by_code.get(code) if code else None
        company = company or self.by_name.get(name_key(row.customer["name"]))
        if row.contact is not None:
            hit = next((self.people_by_phone[p] for p in row.phones if p in self.people_by_phone), None)
            reason = "号码相同"
            if hit is None:
                hit = next((self.people_by_email[e] for e in row.emails if e in self.people_by_email),
                           None)
                reason = "邮箱相同"
            if hit is None and company is not None:
                person = self.people.get((company, name_key(row.contact["name"])))
                hit, reason = (company, person), "同一单位的同名联系人"
                if person is None:
                    row.match_customer, row.match_reason = company, "单位已存在，添加为新联系人"
                    return
            if hit is not None:
                (row.match_customer, row.match_contact), row.match_reason = hit, reason
            return
        hit_company = company or next(
            (self.companies_by_phone[p] for p in row.phones if p in self.companies_by_phone), None) or next(
            (self.companies_by_email[e] for e in row.emails if e in self.companies_by_email), None)
        if hit_company is not None:
            row.match_customer = hit_company
            row.match_reason = "客户编号相同" if code and code in self.by_code else "客户已存在"


def match_within_file(rows: list[PreparedRow]) -> None:
    """Later rows repeating an earlier one: the same person (numbers, e-mail, name at
    the company) or, for rows without a person, the same company. Several people of one
    company are not repeats: they become one customer with several contacts. A repeat
    of a row that matched the database matches the same record."""
    seen: dict[str, PreparedRow] = {}
    code_names: dict[str, str] = {}
    for row in rows:
        if row.errors:
            continue
        code = row.customer.get("code")
        if code:
            owner = code_names.setdefault(code, name_key(row.customer["name"]))
            if owner != name_key(row.customer["name"]):
                row.customer.pop("code")
                row.warnings.append(f"客户编号“{code}”在文件中已用于另一个客户，本行未使用该编号")
        keys = [f"p:{p}" for p in row.phones] + [f"e:{e}" for e in row.emails]
        if row.contact is not None:
            keys.append("n:" + row.name_key)
        else:
            keys.append("c:" + name_key(row.customer["name"]))
        earlier = next((seen[k] for k in keys if k in seen), None)
        if earlier is not None and row.match_contact is None and not (
                row.contact is None and row.match_customer):
            row.same_as_line = earlier.line
            if earlier.match_customer and not row.match_customer:
                row.match_customer, row.match_contact = earlier.match_customer, earlier.match_contact
            row.match_reason = f"与第 {earlier.line} 行重复"
        for key in keys:
            seen.setdefault(key, row)
