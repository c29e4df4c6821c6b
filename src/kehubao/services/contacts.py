"""Use cases on contact persons: create, edit, delete to the recycle bin, restore."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..errors import UserError
from ..models import Contact, Customer, utcnow
from ..models.enums import AgeBand, CultureLevel, DecisionRole, Emotion, Gender, HomeRegion
from ..pinyin_keys import sort_key
from . import fields as f
from .journal import operation
from .recycle_bin import move_to_bin, restore_from_bin
from .tracking import Progress, note_changed

CONTACT_FIELDS: dict[str, f.FieldSpec] = {
    spec.name: spec
    for spec in [
        f.FieldSpec("name", "姓名", f.text(60), required=True),
        f.FieldSpec("gender", "性别", f.choice(Gender)),
        f.FieldSpec("title", "职务", f.text(60)),
        f.FieldSpec("department", "部门", f.text(60)),
        f.FieldSpec("decision_role", "决策角色", f.choice(DecisionRole)),
        f.FieldSpec("is_primary", "主要联系人", f.boolean),
        f.FieldSpec("mobile", "手机", f.phone("手机")),
        f.FieldSpec("phone", "电话", f.phone("电话")),
        f.FieldSpec("email", "邮箱", f.email),
        f.FieldSpec("wechat", "微信", f.text(60)),
        f.FieldSpec("qq", "QQ", f.text(20)),
        f.FieldSpec("address", "地址", f.text(200)),
        f.FieldSpec("birthday", "生日", f.a_date),
        f.FieldSpec("birthday_lunar", "农历生日", f.boolean),
        f.FieldSpec("age_band", "年龄段", f.choice(AgeBand)),
        f.FieldSpec("home_region", "地域", f.choice(HomeRegion)),
        f.FieldSpec("native_place", "籍贯", f.text(40)),
        f.FieldSpec("culture_level", "文化素质", f.choice(CultureLevel)),
        f.FieldSpec("personality", "个性", f.text(2000)),
        f.FieldSpec("communication_style", "交流方式", f.text(2000)),
        f.FieldSpec("needs", "需求", f.text(2000)),
        f.FieldSpec("preferences", "偏好", f.text(2000)),
        f.FieldSpec("last_emotion", "上次情绪", f.choice(Emotion)),
        f.FieldSpec("notes", "备注", f.text(200_000)),
    ]
}


def validate_contact(data: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    return f.validate(CONTACT_FIELDS, data, partial=partial)


def get_contact(session: Session, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        raise UserError("找不到编号为 {contact_id} 的联系人（可能已被删除）", contact_id=contact_id)
    return contact


def contacts_of(session: Session, customer_id: int) -> list[Contact]:
    return list(session.scalars(
        select(Contact).where(Contact.customer_id == customer_id, Contact.deleted_at.is_(None))
        .order_by(Contact.is_primary.desc(), Contact.id)
    ))


def create_contact(session: Session, customer_id: int, data: Mapping[str, Any]) -> Contact:
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise UserError("联系人所属的客户不存在或已被删除")
    values = validate_contact(data)
    contact = Contact(customer_id=customer_id, **{k: v for k, v in values.items() if v is not None})
    contact.name_sort = sort_key(contact.name, person=True)
    if values.get("last_emotion"):
        contact.last_emotion_at = utcnow()
    with operation(session, "create", f"新建联系人：{contact.name}（{customer.name}）"):
        if contact.is_primary:
            _clear_primary(session, customer_id)
        elif not contacts_of(session, customer_id):
            contact.is_primary = True  # the first contact is the main one
        session.add(contact)
        session.flush()
    return contact


def update_contact(session: Session, contact_id: int, data: Mapping[str, Any]) -> Contact:
    contact = get_contact(session, contact_id)
    values = validate_contact(data, partial=True)
    with operation(session, "edit", f"修改联系人：{contact.name}"):
        if values.get("is_primary") and not contact.is_primary:
            _clear_primary(session, contact.customer_id, except_id=contact.id)
        if "last_emotion" in values and values["last_emotion"] != contact.last_emotion:
            contact.last_emotion_at = utcnow() if values["last_emotion"] else None
        for key, value in values.items():
            setattr(contact, key, value)
        if "name" in values:
            contact.name_sort = sort_key(contact.name, person=True)
        session.flush()
    return contact


def _clear_primary(session: Session, customer_id: int, except_id: int | None = None) -> None:
    for other in contacts_of(session, customer_id):
        if other.is_primary and other.id != except_id:
            other.is_primary = False


def delete_contacts(session: Session, ids: Iterable[int], progress: Progress | None = None) -> int:
    """Move contacts to the recycle bin; a contact in the bin is nobody's primary contact."""
    return move_to_bin(session, Contact, ids, "联系人", also={"is_primary": False},
                       progress=progress)


def restore_contacts(session: Session, ids: Iterable[int], progress: Progress | None = None) -> int:
    return restore_from_bin(session, Contact, ids, "联系人", progress=progress)


def deleted_contacts(session: Session, limit: int = 2000) -> list[tuple[Contact, str]]:
    """Contacts in the recycle bin whose customer still exists, newest first."""
    rows = session.execute(
        select(Contact, Customer.name).join(Customer, Customer.id == Contact.customer_id)
        .where(Contact.deleted_at.is_not(None), Customer.deleted_at.is_(None))
        .order_by(Contact.deleted_at.desc()).limit(limit)
    ).all()
    return [(r[0], r[1]) for r in rows]


def purge_contacts(session: Session, ids: Iterable[int]) -> int:
    ids = list(ids)
    result = session.execute(
        delete(Contact).where(Contact.id.in_(ids), Contact.deleted_at.is_not(None)))
    note_changed(session, "contact", ids)
    return result.rowcount or 0


def contact_form(session: Session, customer_id: int, contact_id: int | None,
                 fields: Iterable[str]) -> tuple[str, dict[str, Any]]:
    """What the contact dialog shows: the company's name and the contact's values."""
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise UserError("找不到编号为 {customer_id} 的客户（可能已被删除）", customer_id=customer_id)
    if contact_id is None:
        return customer.name, {}
    contact = get_contact(session, contact_id)
    return customer.name, {name: getattr(contact, name) for name in fields}


def save_contact(session: Session, customer_id: int, contact_id: int | None,
                 data: Mapping[str, Any]) -> int:
    """Create or update one contact (the dialog's Save); its id."""
    if contact_id is None:
        return create_contact(session, customer_id, data).id
    update_contact(session, contact_id, data)
    return contact_id
