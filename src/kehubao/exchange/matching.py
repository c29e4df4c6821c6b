"""Which rows of an import repeat a record of the database, or an earlier row of the file.

A row with a person is matched person to person: their numbers, their e-mail, or the same
name at the same company. A row for a company alone is matched company to company: code,
name, switchboard, mailbox. A shared number or mailbox is not enough on its own: colleagues
share an office line and info@ addresses, so the names must agree too (王总 and 王建国 can
be one person; 张三 and 李四 cannot). Lookups against the database go through a temporary key table
(``bulk.temporary_keys``), so 100,000 rows cost a handful of indexed joins, whatever the
size of the database.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..bulk import temporary_keys
from ..models import Contact, Customer
from ..normalize import name_key
from ..pinyin_keys import COMPOUND_SURNAMES
from ..services.company_names import same_company
from ..texts import Text, noop
from .prepare import PreparedRow

# How people are written down instead of by name: 王总, 张经理, 李老师, 刘工…
_TITLES = ("总经理", "董事长", "经理", "主任", "老师", "老板", "先生", "女士", "小姐", "师傅",
           "总监", "总", "董", "工", "姐", "哥", "处", "局", "科", "部长", "厂长", "院长", "校长")


def _surname_of_title(name: str) -> str | None:
    """The surname in a title form (王总 → 王, 老李 → 李), else None."""
    for title in _TITLES:
        if name.endswith(title) and 1 <= len(name) - len(title) <= 2:
            return name[: -len(title)]
    if len(name) == 2 and name[0] in "老小":
        return name[1]
    return None


def same_person(a: str, b: str) -> bool:
    """Whether two names (``name_key`` forms) given for one number can be one person:
    the same name, or one is the other's surname with a title."""
    if a == b:
        return True
    for short, full in ((a, b), (b, a)):
        surname = _surname_of_title(short)
        if surname and full.startswith(surname) and (
                len(surname) == 2 or full[:2] not in COMPOUND_SURNAMES or surname == full[:2]):
            return True
    return False


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
    """(contact id, customer id, value, name) of live contacts of live customers whose
    ``column`` is one of ``keys``."""
    for pid, cid, value, name, deleted, customer_deleted in session.execute(
            select(Contact.id, Contact.customer_id, column, Contact.name, Contact.deleted_at,
                   Customer.deleted_at)
            .join(Customer, Customer.id == Contact.customer_id).where(column.in_(keys))):
        if deleted is None and customer_deleted is None:
            yield pid, cid, value, name


class _Found:
    """What the database holds for the keys of one import."""

    def __init__(self) -> None:
        # key → [(customer id, contact id, name)]; [(customer id, name)]
        self.people_by_phone: dict[str, list[tuple[int, int, str]]] = {}
        self.people_by_email: dict[str, list[tuple[int, int, str]]] = {}
        self.companies_by_phone: dict[str, list[tuple[int, str]]] = {}
        self.companies_by_email: dict[str, list[tuple[int, str]]] = {}
        self.by_code: dict[str, int] = {}
        self.binned: set[str] = set()  # codes of customers in the recycle bin: taken
        self.by_name: dict[str, int] = {}
        self.people: dict[tuple[int, str], int] = {}

    def read(self, session: Session, keys) -> None:  # type: ignore[no-untyped-def]
        # "Is it live?" is answered in Python, not in SQL: a deleted_at condition would
        # tempt the planner into walking every live customer instead of probing the
        # index of the key column once per key.
        for cid, phone, name, deleted in session.execute(
                select(Customer.id, Customer.phone, Customer.name, Customer.deleted_at)
                .where(Customer.phone.in_(keys("phone")))):
            if deleted is None:
                self.companies_by_phone.setdefault(phone, []).append((cid, name))
        for column in (Contact.mobile, Contact.phone):  # two indexes: one lookup each
            for pid, cid, number, name in _live_contacts(session, column, keys("phone")):
                self.people_by_phone.setdefault(number, []).append((cid, pid, name))
        for cid, email, name, deleted in session.execute(
                select(Customer.id, Customer.email, Customer.name, Customer.deleted_at)
                .where(Customer.email.in_(keys("email")))):
            if deleted is None:
                self.companies_by_email.setdefault(email, []).append((cid, name))
        for pid, cid, email, name in _live_contacts(session, Contact.email, keys("email")):
            self.people_by_email.setdefault(email, []).append((cid, pid, name))
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
            row.warnings.append(Text("客户编号“{code}”已被回收站中的客户使用，本行未使用该编号", code=code))
            code = None
        company = self.by_code.get(code) if code else None
        company = company or self.by_name.get(name_key(row.customer["name"]))
        if row.contact is not None:
            hit = _person(self.people_by_phone, row.phones, row, noop("号码"), company)
            reason = Text("号码相同")
            if hit is None:
                hit = _person(self.people_by_email, row.emails, row, noop("邮箱"), company)
                reason = Text("邮箱相同")
            if hit is None and company is not None:
                person = self.people.get((company, name_key(row.contact["name"])))
                hit, reason = (company, person), Text("同一单位的同名联系人")
                if person is None:
                    row.match_customer, row.match_reason = company, Text("单位已存在，添加为新联系人")
                    return
            if hit is not None:
                (row.match_customer, row.match_contact), row.match_reason = hit, reason
            return
        hit_company = company or _company(self.companies_by_phone, row.phones, row, noop("电话")) or _company(
            self.companies_by_email, row.emails, row, noop("邮箱"))
        if hit_company is not None:
            row.match_customer = hit_company
            row.match_reason = (Text("客户编号相同") if code and code in self.by_code
                                else Text("客户已存在"))


def _person(found: dict[str, list[tuple[int, int, str]]], keys: list[str], row: PreparedRow,
            what: str, company: int | None) -> tuple[int, int] | None:
    """The contact this row's person repeats. The same number under another name is a
    different person: a warning, unless they are colleagues at the row's company."""
    person = name_key(row.contact["name"]) if row.contact else ""
    others = []
    for key in keys:
        for cid, pid, name in found.get(key, ()):
            if same_person(person, name_key(name)):
                return cid, pid
            if cid != company:
                others.append(name)
    _warn_namesakes(row, what, others)
    return None


def _company(found: dict[str, list[tuple[int, str]]], keys: list[str], row: PreparedRow,
             what: str) -> int | None:
    own = name_key(row.customer["name"])
    others = []
    for key in keys:
        for cid, name in found.get(key, ()):
            if same_company(own, name_key(name)):
                return cid
            others.append(name)
    _warn_namesakes(row, what, others)
    return None


def _warn_namesakes(row: PreparedRow, what: str, others: list[str]) -> None:
    if others:
        names = Text("、").join(dict.fromkeys(others[:3]))
        row.warnings.append(Text("{what}与已有的“{names}”相同，但名称不同，按不同的记录处理",
                                 what=Text(what), names=names))


def _same_record(row: PreparedRow, earlier: PreparedRow) -> bool:
    """Two rows sharing a number or mailbox: people with compatible names, or companies
    with compatible names; a person and a company are two records."""
    if (row.contact is None) != (earlier.contact is None):
        return False
    if row.contact is not None and earlier.contact is not None:
        return same_person(name_key(row.contact["name"]), name_key(earlier.contact["name"]))
    return same_company(name_key(row.customer["name"]), name_key(earlier.customer["name"]))


# A number or mailbox on more rows than this is a switchboard or an info@ box: later rows
# with it are compared with the first ones only (their own names still match exactly),
# so a staff list with one office line stays linear instead of comparing every pair.
SHARED_KEY_ROWS = 20


def match_within_file(rows: list[PreparedRow]) -> None:
    """Later rows repeating an earlier one: the same person (numbers, e-mail, name at
    the company) or, for rows without a person, the same company. Several people of one
    company are not repeats: they become one customer with several contacts. A repeat
    of a row that matched the database matches the same record."""
    seen: dict[str, list[PreparedRow]] = {}
    code_names: dict[str, str] = {}
    for row in rows:
        if row.errors:
            continue
        code = row.customer.get("code")
        if code:
            owner = code_names.setdefault(code, name_key(row.customer["name"]))
            if owner != name_key(row.customer["name"]):
                row.customer.pop("code")
                row.warnings.append(Text("客户编号“{code}”在文件中已用于另一个客户，本行未使用该编号",
                                         code=code))
        shared = [f"p:{p}" for p in row.phones] + [f"e:{e}" for e in row.emails]
        own = "n:" + row.name_key if row.contact is not None else "c:" + name_key(row.customer["name"])
        earlier = next(iter(seen.get(own, ())), None)
        if earlier is None:
            sharing = [e for k in shared for e in seen.get(k, ())]
            earlier = next((e for e in sharing if _same_record(row, e)), None)
            # Colleagues sharing the office line or mailbox are normal; say nothing then.
            strangers = [e.line for e in sharing if name_key(e.customer["name"]) != name_key(row.customer["name"])]
            if earlier is None and strangers:
                lines = Text("、").join(str(line) for line in list(dict.fromkeys(strangers))[:3])
                row.warnings.append(Text("号码或邮箱与第 {lines} 行相同，但名称不同，按不同的记录处理",
                                         lines=lines))
        if earlier is not None and row.match_contact is None and not (
                row.contact is None and row.match_customer):
            row.same_as_line = earlier.line
            if earlier.match_customer and not row.match_customer:
                row.match_customer, row.match_contact = earlier.match_customer, earlier.match_contact
            row.match_reason = Text("与第 {line} 行重复", line=earlier.line)
        seen.setdefault(own, []).append(row)
        for key in shared:
            sharing = seen.setdefault(key, [])
            if len(sharing) < SHARED_KEY_ROWS:
                sharing.append(row)
