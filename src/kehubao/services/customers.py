"""Use cases on the customer archive: create, edit, tag, assign, delete to the recycle
bin, restore, purge. Every change runs inside a journaled operation, so it can be undone."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from ..errors import UserError, ValidationError
from ..models import Customer, SalesRep, Tag, customer_tag
from ..models.enums import (
    CreditRating,
    CustomerKind,
    CustomerStatus,
    CustomerType,
    Ownership,
    Scale,
)
from ..normalize import split_tags
from ..pinyin_keys import sort_key
from ..texts import Text
from . import fields as f
from .batch import CHUNK, WORK_SHARE, finish, scaled, update_loaded
from .journal import operation, record_updates, set_columns
from .recycle_bin import move_to_bin, restore_from_bin
from .tracking import Progress, note_changed

CUSTOMER_FIELDS: dict[str, f.FieldSpec] = {
    spec.name: spec
    for spec in [
        f.FieldSpec("name", "客户名称", f.text(200), required=True),
        f.FieldSpec("code", "客户编号", f.text(40)),
        f.FieldSpec("short_name", "简称", f.text(80)),
        f.FieldSpec("kind", "客户性质", f.choice(CustomerKind)),
        f.FieldSpec("customer_type", "客户类型", f.choice(CustomerType)),
        f.FieldSpec("status", "客户状态", f.choice(CustomerStatus)),
        f.FieldSpec("industry", "行业", f.text(60)),
        f.FieldSpec("ownership", "经济性质", f.choice(Ownership)),
        f.FieldSpec("scale", "规模", f.choice(Scale)),
        f.FieldSpec("employees", "员工人数", f.integer()),
        f.FieldSpec("annual_revenue_wan", "年营业额（万元）", f.decimal()),
        f.FieldSpec("registered_capital_wan", "注册资金（万元）", f.decimal()),
        f.FieldSpec("credit_rating", "信誉度", f.choice(CreditRating)),
        f.FieldSpec("licences", "资质与批准手续", f.text(2000)),
        f.FieldSpec("sales_network", "销售网络", f.text(2000)),
        f.FieldSpec("province", "省份", f.text(20)),
        f.FieldSpec("city", "城市", f.text(30)),
        f.FieldSpec("district", "区县", f.text(30)),
        f.FieldSpec("address", "地址", f.text(200)),
        f.FieldSpec("region", "销售区域", f.text(30)),
        f.FieldSpec("phone", "电话", f.phone("电话")),
        f.FieldSpec("email", "邮箱", f.email),
        f.FieldSpec("website", "网址", f.text(200)),
        f.FieldSpec("source", "客户来源", f.text(40)),
        f.FieldSpec("referred_by_id", "介绍人", f.foreign_id),
        f.FieldSpec("owner_id", "负责人", f.foreign_id),
        f.FieldSpec("credit_limit_fen", "信用额度（元）", f.money_fen),
        f.FieldSpec("notes", "备注", f.text(200_000)),
    ]
}


# 客户编号 given when none is typed: "KH" and seven digits, as the demo data has them.
CODE_PREFIX = "KH"
CODE_DIGITS = 7
_CODE_PAGE = 64


def customer_code(number: int) -> str:
    """The 客户编号 of number `number` (1 → KH0000001)."""
    if not 1 <= number < 10**CODE_DIGITS:
        raise ValueError(f"customer code number out of range: {number}")
    return f"{CODE_PREFIX}{number:0{CODE_DIGITS}d}"


def code_number(code: str | None) -> int | None:
    """The number of a code in our form (KH0000123 → 123); None for any other code."""
    if not code or len(code) != len(CODE_PREFIX) + CODE_DIGITS or not code.startswith(CODE_PREFIX):
        return None
    digits = code[len(CODE_PREFIX):]
    return int(digits) if digits.isascii() and digits.isdigit() else None


def next_customer_number(session: Session) -> int:
    """The number after the highest code in our form, counting customers in the recycle
    bin (their codes come back with them). Walks the unique index on `code` backwards from
    KH9999999, so it costs a few index lookups on 200,000 customers, not a scan; codes that
    merely sort among ours ("KH0000999-B") are stepped over."""
    lowest, ceiling = customer_code(1)[:-1] + "0", customer_code(10**CODE_DIGITS - 1)
    inclusive = True
    while True:
        below = Customer.code <= ceiling if inclusive else Customer.code < ceiling
        codes = session.scalars(
            select(Customer.code).where(Customer.code >= lowest, below)
            .order_by(Customer.code.desc()).limit(_CODE_PAGE)).all()
        for code in codes:
            if (number := code_number(code)) is not None:
                return number + 1
        if len(codes) < _CODE_PAGE:
            return 1
        ceiling, inclusive = codes[-1], False


def validate_customer(data: Mapping[str, Any], *, partial: bool = False) -> dict[str, Any]:
    return f.validate(CUSTOMER_FIELDS, data, partial=partial)


def get_customer(session: Session, customer_id: int, *, include_deleted: bool = False) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None or (customer.deleted_at is not None and not include_deleted):
        raise UserError("找不到编号为 {customer_id} 的客户（可能已被删除）", customer_id=customer_id)
    return customer


def create_customer(
    session: Session, data: Mapping[str, Any], *, tags: str | Sequence[str] = ()
) -> Customer:
    values = validate_customer(data)
    _check_code_unique(session, values.get("code"), None)
    if not values.get("code"):
        values["code"] = customer_code(next_customer_number(session))
    customer = Customer(**{k: v for k, v in values.items() if v is not None})
    customer.name_sort = sort_key(customer.name)
    with operation(session, "create", f"新建客户：{customer.name}"):
        session.add(customer)
        if tags:
            customer.tags = get_or_create_tags(session, tags)
        session.flush()
    return customer


def update_customer(
    session: Session,
    customer_id: int,
    data: Mapping[str, Any],
    *,
    tags: str | Sequence[str] | None = None,
) -> Customer:
    customer = get_customer(session, customer_id)
    values = validate_customer(data, partial=True)
    if "code" in values:
        _check_code_unique(session, values["code"], customer_id)
    with operation(session, "edit", f"修改客户：{customer.name}"):
        for key, value in values.items():
            setattr(customer, key, value)
        if "name" in values:
            customer.name_sort = sort_key(customer.name)
        if tags is not None:
            customer.tags = get_or_create_tags(session, tags)
        session.flush()
    return customer


def _check_code_unique(session: Session, code: str | None, own_id: int | None) -> None:
    if not code:
        return
    other = session.scalar(select(Customer.id).where(Customer.code == code))
    if other is not None and other != own_id:
        raise ValidationError("客户编号“{code}”已被其他客户使用", {"code": Text("客户编号重复")},
                              code=code)


def delete_customers(session: Session, ids: Iterable[int], progress: Progress | None = None) -> int:
    """Move customers to the recycle bin (回收站). Their contacts and history stay with
    them and come back on restore."""
    return move_to_bin(session, Customer, ids, "客户", progress=progress)


def restore_customers(session: Session, ids: Iterable[int], progress: Progress | None = None) -> int:
    """Bring customers back from the recycle bin; a merged-away customer that comes back
    stands on its own again."""
    return restore_from_bin(session, Customer, ids, "客户", also={"merged_into_id": None},
                            progress=progress)


def purge_customers(session: Session, ids: Iterable[int]) -> int:
    """Delete for ever, with everything attached (contacts, history...). Only from the
    recycle bin, and not undoable: the UI asks first."""
    ids = list(ids)
    live = session.scalars(
        select(Customer.id).where(Customer.id.in_(ids), Customer.deleted_at.is_(None))
    ).all()
    if live:
        raise UserError("只能彻底删除回收站中的客户")
    session.execute(
        update(Customer).where(Customer.referred_by_id.in_(ids)).values(referred_by_id=None)
    )
    result = session.execute(delete(Customer).where(Customer.id.in_(ids)))
    note_changed(session, "customer", ids)
    return result.rowcount or 0


# ---------------------------------------------------------------- bulk actions from lists


def set_status(session: Session, ids: Sequence[int], status: str,
               progress: Progress | None = None) -> int:
    value = f.choice(CustomerStatus)(status)
    return _bulk_set(session, ids, "status", value,
                     f"批量修改状态为“{CustomerStatus.label_of(value)}”", progress)


def set_owner(session: Session, ids: Sequence[int], owner_id: int | None,
              progress: Progress | None = None) -> int:
    name = session.get(SalesRep, owner_id).name if owner_id else "（无）"
    return _bulk_set(session, ids, "owner_id", owner_id, f"批量指定负责人为“{name}”", progress)


def _bulk_set(session: Session, ids: Sequence[int], column: str, value: Any, label: str,
              progress: Progress | None) -> int:
    """Set one column on many customers: set-based and journaled (see set_columns)."""
    found = _existing(session, ids)
    with operation(session, "bulk", label):
        set_columns(session, Customer, found, {column: value},
                    progress=scaled(progress, 0, WORK_SHARE))
    finish(session, progress)
    return len(found)


def _existing(session: Session, ids: Iterable[int]) -> list[int]:
    wanted = sorted(set(ids))
    found: list[int] = []
    for start in range(0, len(wanted), CHUNK):
        found.extend(session.scalars(
            select(Customer.id).where(Customer.id.in_(wanted[start : start + CHUNK]))))
    return found


def add_tags(session: Session, ids: Sequence[int], names: str | Sequence[str],
             progress: Progress | None = None) -> int:
    tags = get_or_create_tags(session, names)
    found = _existing(session, ids)
    with operation(session, "bulk", f"批量添加标签：{'、'.join(t.name for t in tags)}"):
        _change_tags(session, found, add={t.id for t in tags}, drop=set(),
                     progress=scaled(progress, 0, WORK_SHARE))
    finish(session, progress)
    return len(found)


def remove_tags(session: Session, ids: Sequence[int], names: str | Sequence[str],
                progress: Progress | None = None) -> int:
    drop = set(tag_names(names))
    drop_ids = set(session.scalars(select(Tag.id).where(Tag.name.in_(drop))))
    found = _existing(session, ids)
    with operation(session, "bulk", f"批量移除标签：{'、'.join(sorted(drop))}"):
        _change_tags(session, found, add=set(), drop=drop_ids,
                     progress=scaled(progress, 0, WORK_SHARE))
    finish(session, progress)
    return len(found)


def _change_tags(session: Session, ids: list[int], *, add: set[int], drop: set[int],
                 progress: Progress | None) -> None:
    """Add and remove tag links for many customers with a few statements per chunk,
    journaled as the ORM journals a change of ``Customer.tags`` (lists of tag ids)."""
    link = customer_tag.c
    changed: list[int] = []
    final: dict[int, list[int]] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        have: dict[int, set[int]] = {cid: set() for cid in chunk}
        for cid, tid in session.execute(
                select(link.customer_id, link.tag_id).where(link.customer_id.in_(chunk))):
            have[cid].add(tid)
        inserts, deletes, records = [], [], []
        for cid, was in have.items():
            now = (was | add) - drop
            if now != was:
                inserts += [{"c": cid, "t": t} for t in now - was]
                deletes += [{"c": cid, "t": t} for t in was - now]
                records.append((cid, {"_tag_ids": sorted(was)}, {"_tag_ids": sorted(now)}))
                final[cid] = sorted(now)
        if inserts:
            session.execute(customer_tag.insert().values(
                customer_id=bindparam("c"), tag_id=bindparam("t")), inserts)
        if deletes:
            session.execute(delete(customer_tag).where(
                link.customer_id == bindparam("c"), link.tag_id == bindparam("t")), deletes)
        if records:
            record_updates(session, "customer", records)
            changed += [r[0] for r in records]
        if progress:
            progress(min(1.0, (start + len(chunk)) / len(ids)))
    tags = {t.id: t for t in session.scalars(select(Tag).where(Tag.id.in_(add | drop)))}
    tags.update((t.id, t) for t in session.identity_map.values() if isinstance(t, Tag))
    update_loaded(session, Customer, {cid: {"tags": [tags[t] for t in now if t in tags]}
                                      for cid, now in final.items()})
    note_changed(session, "customer", changed)


# ------------------------------------------------------------------------- tags and reps


def tag_names(names: str | Iterable[str | None]) -> list[str]:
    """Tags given as one text ("VIP，北京") or as a list whose items may each hold several,
    split by the one rule (normalize.split_tags): stripped, no empties, no repeats."""
    texts = [names] if isinstance(names, str) else names
    return list(dict.fromkeys(t for text in texts for t in split_tags(text)))


def get_or_create_tags(session: Session, names: str | Iterable[str]) -> list[Tag]:
    wanted = tag_names(names)
    for name in wanted:
        if len(name) > 40:
            raise ValidationError("标签“{name}…”太长（最多 40 个字）", name=name[:10])
    if not wanted:
        return []
    existing = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(wanted)))}
    out = []
    for name in wanted:
        tag = existing.get(name)
        if tag is None:
            tag = Tag(name=name)
            session.add(tag)
        out.append(tag)
    session.flush()
    return out


def all_tags(session: Session) -> list[tuple[int, str, int]]:
    """(id, name, number of customers carrying it) ordered by use. Counts include the
    recycle bin, so they come from the association's own index alone."""
    counts = dict(session.execute(
        select(customer_tag.c.tag_id, func.count()).group_by(customer_tag.c.tag_id)).all())
    tags = session.execute(select(Tag.id, Tag.name)).all()
    return sorted(((tid, name, counts.get(tid, 0)) for tid, name in tags),
                  key=lambda t: (-t[2], t[1]))


def sales_reps(session: Session, *, active_only: bool = True) -> list[SalesRep]:
    stmt = select(SalesRep).order_by(SalesRep.name)
    if active_only:
        stmt = stmt.where(SalesRep.is_active.is_(True))
    return list(session.scalars(stmt))


def get_or_create_rep(session: Session, name: str) -> SalesRep:
    name = name.strip()
    rep = session.scalar(select(SalesRep).where(SalesRep.name == name))
    if rep is None:
        rep = SalesRep(name=name)
        session.add(rep)
        session.flush()
    return rep
