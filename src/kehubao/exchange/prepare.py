"""From raw field values to what will be stored: the second half of reading an import.

Rules a salesperson can predict:
- a row needs a customer name (company) or a contact name; a contact without a company
  becomes an individual customer of the same name;
- the first mobile goes to the contact's mobile, the first landline to the phone, the
  company's own number to the customer;
- nothing is thrown away: a phone, e-mail, date or choice that cannot be understood is
  kept word for word in the notes, with a warning for that row.
The same field rules as the edit dialogs apply (services' field specs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import ValidationError
from ..models.enums import CustomerKind
from ..normalize import (
    birthday_text,
    is_valid_email,
    name_key,
    normalize_email,
    normalize_phone,
    split_phones,
    split_tags,
)
from ..pinyin_keys import is_cjk
from ..services.contacts import CONTACT_FIELDS
from ..services.customers import CUSTOMER_FIELDS
from ..services.record_merge import shown
from ..texts import Text
from .fields import FIELD_LABELS, ImportField
from .records import SourceRow

F = ImportField
_SYSTEM_TAGS = {"myContacts", "My Contacts", "starred"}  # groups phones add to everyone
_NUMBERISH = re.compile(r"^\+?[\d\s\-().]{7,}$")

# Plain one-to-one columns: import field → (customer field, contact field)
_CUSTOMER_SIMPLE = {
    F.CUSTOMER_CODE: "code", F.INDUSTRY: "industry", F.REGION: "region", F.SOURCE: "source",
    F.PROVINCE: "province", F.CITY: "city", F.DISTRICT: "district", F.WEBSITE: "website",
    F.CUSTOMER_TYPE: "customer_type", F.STATUS: "status", F.ADDRESS: "address",
}
_CONTACT_SIMPLE = {
    F.TITLE: "title", F.DEPARTMENT: "department", F.GENDER: "gender", F.WECHAT: "wechat",
    F.QQ: "qq", F.BIRTHDAY: "birthday",
}


@dataclass
class PreparedRow:
    line: int
    customer: dict[str, Any]
    contact: dict[str, Any] | None
    tags: list[str] = field(default_factory=list)
    owner: str | None = None
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)  # the person's numbers, else the company's
    emails: list[str] = field(default_factory=list)  # likewise: what identifies this row
    # decided by the planner
    action: str = "create"  # create | merge | skip | error
    match_customer: int | None = None
    match_contact: int | None = None
    match_reason: str = ""
    same_as_line: int | None = None  # duplicate of an earlier row of the file

    def undecided(self) -> PreparedRow:
        """A copy as `prepare_row` left it, before the planner decided anything.

        The import dialog prepares a file once and plans it again for every policy it
        previews and for the import itself; planning edits a row (a customer code taken
        elsewhere is dropped, with a warning), so each plan starts from such a copy."""
        return PreparedRow(
            self.line, dict(self.customer), dict(self.contact) if self.contact is not None else None,
            list(self.tags), self.owner, list(self.errors), list(self.warnings), self.phones,
            self.emails, action="error" if self.errors else "create")

    @property
    def display_name(self) -> str:
        name = self.customer.get("name") or ""
        if self.contact and self.contact.get("name") and self.contact["name"] != name:
            return f"{name} / {self.contact['name']}"
        return name

    @property
    def name_key(self) -> str:
        """Identity by name: the company plus, when there is one, the person."""
        company = name_key(self.customer.get("name"))
        person = name_key(self.contact.get("name")) if self.contact else ""
        return f"{company}|{person}"


def prepare_row(src: SourceRow) -> PreparedRow:
    extra: list[str] = []  # words kept for the notes
    warnings: list[str] = []
    company = _clean(src.first(F.CUSTOMER_NAME))
    person = _clean(src.first(F.CONTACT_NAME)) or _join_name(
        src.first(F.FAMILY_NAME), src.first(F.GIVEN_NAME))
    row = PreparedRow(line=src.line, customer={}, contact=None)
    if not company and not person:
        row.errors.append(Text("缺少客户名称或联系人姓名"))
        row.action = "error"
        return row
    kind = CustomerKind.from_text(src.first(F.CUSTOMER_KIND))
    row.customer = {"name": company or person,
                    "kind": kind.value if kind else ("company" if company else "person")}
    row.contact = {"name": person} if person else None

    present = src.values  # only the mapped columns: most files have a few of them
    for source_field, target in _CUSTOMER_SIMPLE.items():
        if source_field in present:
            _put(row.customer, CUSTOMER_FIELDS, target, src.first(source_field), extra, warnings)
    if row.contact is not None:
        for source_field, target in _CONTACT_SIMPLE.items():
            if source_field in present:
                _put(row.contact, CONTACT_FIELDS, target, src.first(source_field), extra, warnings)
        if notes := "\n".join(src.all(F.CONTACT_NOTES)):
            _put(row.contact, CONTACT_FIELDS, "notes", notes, extra, warnings)
    elif notes := "\n".join(src.all(F.CONTACT_NOTES)):
        extra.append(notes)

    _phones(row, src, extra, warnings)
    _emails(row, src, extra, warnings)
    for fax in src.all(F.FAX):
        extra.append(f"传真：{fax}")
    row.tags = list(dict.fromkeys(
        tag for value in src.all(F.TAGS) for t in split_tags(value)
        if (tag := t.lstrip("*").strip()[:40]) and tag not in _SYSTEM_TAGS))
    row.owner = _clean(src.first(F.OWNER))[:50] or None

    notes = [*src.all(F.NOTES), *extra]
    if notes:
        try:
            row.customer["notes"] = CUSTOMER_FIELDS["notes"].parse("\n".join(notes))
        except ValidationError as exc:
            row.errors.append(Text("备注：{problem}", problem=exc.args[0]))
    for name_field, data, specs in (("name", row.customer, CUSTOMER_FIELDS),
                                    ("name", row.contact, CONTACT_FIELDS)):
        if data is not None:
            try:
                data[name_field] = specs[name_field].parse(data[name_field])
            except ValidationError as exc:
                row.errors.append(Text("{field}：{problem}", field=Text(specs[name_field].label),
                                       problem=exc.args[0]))
    row.warnings = warnings
    if row.errors:
        row.action = "error"
    return row


# The columns of the import preview: each value as it will be stored, headed by the
# label of the field it was mapped from. (dict key, on the contact or the customer)
_PREVIEW_CONTACT = [(F.TITLE, "title"), (F.DEPARTMENT, "department"), (F.MOBILE, "mobile"),
                    (F.PHONE, "phone"), (F.EMAIL, "email"), (F.WECHAT, "wechat"), (F.QQ, "qq"),
                    (F.GENDER, "gender"), (F.BIRTHDAY, "birthday")]
_PREVIEW_CUSTOMER = [(F.CUSTOMER_CODE, "code"), (F.CUSTOMER_PHONE, "phone"),
                     (F.CUSTOMER_EMAIL, "email"), (F.CUSTOMER_TYPE, "customer_type"),
                     (F.STATUS, "status"), (F.INDUSTRY, "industry"), (F.PROVINCE, "province"),
                     (F.CITY, "city"), (F.DISTRICT, "district"), (F.ADDRESS, "address"),
                     (F.REGION, "region"), (F.SOURCE, "source"), (F.WEBSITE, "website")]
_PREVIEW_CHOICES = {F.GENDER, F.CUSTOMER_TYPE, F.STATUS}  # stored as codes, shown by label
PREVIEW_FIELDS = [F.CUSTOMER_KIND] + [f for f, _key in _PREVIEW_CONTACT + _PREVIEW_CUSTOMER] + [
    F.OWNER, F.TAGS, F.CONTACT_NOTES, F.NOTES]


def preview_values(row: PreparedRow) -> dict[ImportField, str]:
    """What the row will store, field by field, as the user would write it (dates as
    1978-03-05, choices by their label): the preview shows rows "as they will be
    imported". An individual customer's own number and mailbox show as 电话 / 邮箱."""
    kind = row.customer.get("kind")
    values: dict[ImportField, object] = {F.CUSTOMER_KIND: CustomerKind.label_of(kind) if kind else None}
    contact = row.contact or {}
    for f, key in _PREVIEW_CONTACT:
        values[f] = contact.get(key)
    for f, key in _PREVIEW_CUSTOMER:
        values[f] = row.customer.get(key)
    if row.contact is None:
        values[F.PHONE], values[F.CUSTOMER_PHONE] = values[F.CUSTOMER_PHONE], None
        values[F.EMAIL], values[F.CUSTOMER_EMAIL] = values[F.CUSTOMER_EMAIL], None
    values[F.OWNER] = row.owner
    values[F.TAGS] = "、".join(row.tags)
    values[F.CONTACT_NOTES] = contact.get("notes")
    values[F.NOTES] = row.customer.get("notes")
    return {f: birthday_text(v) if isinstance(v, date) else shown(v) if f in _PREVIEW_CHOICES else str(v)
            for f, v in values.items() if v not in (None, "")}


def _short(text: str, limit: int = 30) -> str:
    """A value quoted in a warning: long ones cut, visibly."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _clean(text: str) -> str:
    return " ".join(text.split()) if text else ""


def _join_name(family: str, given: str) -> str:
    family, given = _clean(family), _clean(given)
    if family and given and any(is_cjk(ch) for ch in family + given):
        return family + given
    return " ".join(x for x in (given, family) if x)


def _put(target: dict, specs: dict, name: str, raw: str, extra: list[str],
         warnings: list[str]) -> None:
    """Store a value through its field spec; when it does not fit, keep the raw text."""
    if not raw:
        return
    spec = specs[name]
    try:
        value = spec.parse(raw)
    except ValidationError as exc:
        warnings.append(Text("{field}“{raw}”无法识别（{problem}），已放入备注", field=Text(spec.label),
                              raw=_short(raw), problem=exc.args[0]))
        extra.append(f"{spec.label}：{raw}")
        return
    if value is not None:
        target[name] = value


def _phones(row: PreparedRow, src: SourceRow, extra: list[str], warnings: list[str]) -> None:
    mobiles: list[str] = []
    landlines: list[str] = []
    for source_field in (F.MOBILE, F.PHONE):
        for raw in src.all(source_field):
            for phone in split_phones(raw):  # "13812345678/13987654321" is two numbers
                if not phone.is_recognised and not _NUMBERISH.match(raw.strip()):
                    warnings.append(Text("号码“{raw}”无法识别，已放入备注", raw=_short(raw)))
                    extra.append(f"{FIELD_LABELS[source_field]}：{raw}")
                    continue
                if not phone.is_recognised:  # digits, but no mobile or landline we know
                    warnings.append(Text("号码“{raw}”位数或区号不对，已按原样保存，请核对",
                                         raw=_short(raw)))
                # A number marked as a mobile stays one even when it is foreign.
                is_mobile = phone.kind == "mobile" or (
                    source_field == F.MOBILE and phone.kind != "landline")
                (mobiles if is_mobile else landlines).append(phone.display)
    company_phone = normalize_phone(src.first(F.CUSTOMER_PHONE))
    if company_phone is not None:
        if company_phone.is_recognised:
            row.customer["phone"] = company_phone.display
        else:
            warnings.append(Text("单位电话“{raw}”无法识别，已放入备注",
                                 raw=_short(src.first(F.CUSTOMER_PHONE))))
            extra.append(f"单位电话：{src.first(F.CUSTOMER_PHONE)}")
    numbers = list(dict.fromkeys(mobiles + landlines))
    if row.contact is not None:
        if mobiles:
            row.contact["mobile"] = mobiles[0]
        rest = [n for n in numbers if n != row.contact.get("mobile")]
        if rest:
            row.contact["phone"] = rest.pop(0)
        extra.extend(f"其他电话：{n}" for n in rest)
    else:
        if numbers and "phone" not in row.customer:
            row.customer["phone"] = numbers.pop(0)
        extra.extend(f"其他电话：{n}" for n in numbers if n != row.customer.get("phone"))
    # What identifies the row: the person's numbers; the company's switchboard only when
    # the row is the company itself (its staff all share it).
    numbers = (row.contact.get("mobile"), row.contact.get("phone")) if row.contact else (
        row.customer.get("phone"),)
    row.phones = [n for n in numbers if n]


_EMAIL_LIST = re.compile(r"[\s,，;；、/|]+")


def _split_emails(value: str) -> list[str]:
    """"a@x.cn; b@y.cn" is two addresses; anything else stays one value (and, if it is
    not an address, goes to the notes whole)."""
    parts = [part for part in _EMAIL_LIST.split(value.strip()) if part]
    if len(parts) > 1 and all(is_valid_email(normalize_email(p) or "") for p in parts):
        return parts
    return [value]


def _emails(row: PreparedRow, src: SourceRow, extra: list[str], warnings: list[str]) -> None:
    valid: list[str] = []
    for raw in (part for value in src.all(F.EMAIL) for part in _split_emails(value)):
        email = normalize_email(raw)
        if email and is_valid_email(email):
            if email not in valid:
                valid.append(email)
        elif email:
            warnings.append(Text("邮箱“{raw}”格式不对，已放入备注", raw=_short(raw, 40)))
            extra.append(f"邮箱：{raw}")
    company_email = normalize_email(src.first(F.CUSTOMER_EMAIL))
    if company_email:
        if is_valid_email(company_email):
            row.customer["email"] = company_email
        else:
            warnings.append(Text("单位邮箱“{raw}”格式不对，已放入备注", raw=_short(company_email, 40)))
            extra.append(f"单位邮箱：{company_email}")
    holder = row.contact if row.contact is not None else row.customer
    if valid and "email" not in holder:
        holder["email"] = valid.pop(0)
    extra.extend(f"其他邮箱：{e}" for e in valid if e != holder.get("email"))
    row.emails = [e for e in ((row.contact or row.customer).get("email"),) if e]
