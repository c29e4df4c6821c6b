"""Builds the demo rows, a chunk of customers at a time, as DB-ready tuples.

Kept separate from the generator's transaction handling so the shape of the data (who
has how many visits, which receivables are overdue, how a class is derived) reads in one
place. Written for speed: one random generator, local bindings, no ORM objects.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import Table

from ...bulk import db_date, db_datetime
from ...models import (
    Contact,
    Customer,
    Evaluation,
    FollowUp,
    Interaction,
    RiskEvent,
    Score,
    SupportAction,
    Transaction,
    customer_tag,
)
from ...pinyin_keys import sort_key
from ..figures import classify, settle
from ..search.documents import contact_doc, customer_doc, interaction_doc
from . import vocab as v

CHILD_TABLES = [
    Contact.__table__, Interaction.__table__, FollowUp.__table__, Transaction.__table__,
    Evaluation.__table__, Score.__table__, SupportAction.__table__, RiskEvent.__table__,
]

CUSTOMER_COLS = [
    "id", "code", "name", "name_sort", "short_name", "kind", "customer_type", "status",
    "industry", "ownership", "scale", "employees", "annual_revenue_wan",
    "registered_capital_wan", "credit_rating", "licences", "sales_network", "province", "city",
    "district", "address", "region", "phone", "email", "website", "source", "owner_id",
    "credit_limit_fen", "notes", "value_class", "grade", "last_contact_at",
    "next_follow_up_at", "sales_12m_fen", "receivable_fen", "overdue_fen", "created_at",
    "updated_at",
]
CONTACT_COLS = [
    "id", "customer_id", "name", "name_sort", "gender", "title", "decision_role", "is_primary",
    "mobile", "phone", "email", "wechat", "birthday", "birthday_lunar", "age_band",
    "home_region", "native_place", "culture_level", "personality", "communication_style",
    "needs", "preferences", "last_emotion", "last_emotion_at", "created_at", "updated_at",
]
INTERACTION_COLS = [
    "id", "customer_id", "contact_id", "owner_id", "kind", "occurred_at", "duration_minutes",
    "location", "subject", "content", "mood", "needs_found", "objections", "outcome",
    "next_step", "created_at", "updated_at",
]
FOLLOW_UP_COLS = [
    "id", "customer_id", "contact_id", "owner_id", "kind", "title", "note", "due_at",
    "status", "completed_at", "priority", "origin", "created_at", "updated_at",
]
TRANSACTION_COLS = [
    "id", "customer_id", "kind", "occurred_on", "amount_fen", "due_on", "product", "quantity",
    "reference", "owner_id", "created_at", "updated_at",
]
EVALUATION_COLS = [
    "id", "customer_id", "template_id", "period_label", "period_start", "period_end",
    "evaluated_on", "evaluator_id", "total_score", "grade", "value_class", "created_at",
    "updated_at",
]
SCORE_COLS = ["id", "evaluation_id", "indicator_id", "value"]
SUPPORT_COLS = ["id", "customer_id", "kind", "occurred_on", "description", "cost_fen",
                "owner_id", "created_at", "updated_at"]
RISK_COLS = ["id", "customer_id", "kind", "occurred_on", "description", "created_at",
             "updated_at"]
TAG_COLS = ["customer_id", "tag_id"]
# Arguments of the search-document builders, by column name.
CUSTOMER_DOC_ARGS = ["id", "name", "short_name", "code", "kind", "status", "value_class",
                     "grade", "last_contact_at", "created_at", "customer_type", "industry",
                     "province", "city", "district", "address", "region", "phone", "email",
                     "website", "source", "notes", "licences", "sales_network"]
CONTACT_DOC_ARGS = ["id", "customer_id", "name", "title", "department", "mobile", "phone",
                    "email", "wechat", "qq", "address", "native_place", "personality",
                    "communication_style", "needs", "preferences", "notes", "is_primary"]
INTERACTION_DOC_ARGS = ["id", "customer_id", "kind", "occurred_at", "subject", "content",
                        "needs_found", "objections", "reply_used", "outcome", "next_step",
                        "location"]
def _positions(columns: list[str], wanted: list[str]) -> list[int | None]:
    """Where each builder argument sits in a row (None: the demo leaves it empty)."""
    return [columns.index(k) if k in columns else None for k in wanted]


CUSTOMER_DOC_IDX = _positions(CUSTOMER_COLS, CUSTOMER_DOC_ARGS)
CONTACT_DOC_IDX = _positions(CONTACT_COLS, CONTACT_DOC_ARGS)
INTERACTION_DOC_IDX = _positions(INTERACTION_COLS, INTERACTION_DOC_ARGS)
# What a contact document needs to know of its company: name, and what ranks it.
COMPANY_IDX = [CUSTOMER_COLS.index(k) for k in
               ("name", "status", "value_class", "grade", "last_contact_at", "created_at")]

STATUSES = ["potential"] * 25 + ["intent"] * 20 + ["deal"] * 20 + ["stable"] * 20 + \
    ["lost"] * 10 + ["dropped"] * 5
TYPES = ["dealer"] * 45 + ["retailer"] * 35 + ["end_user"] * 15 + ["other"] * 5
INTERACTION_KINDS = ["visit"] * 30 + ["call"] * 35 + ["wechat"] * 25 + ["email"] * 5 + \
    ["meeting"] * 4 + ["other"]
EMOTIONS = ["joy", "delight", "joy", "delight", "anger", "sorrow", "grief", "fear", "shock"]
VISITS_BY_STATUS = {"potential": (0, 1), "intent": (1, 2), "deal": (1, 4), "stable": (2, 5),
                    "lost": (0, 2), "dropped": (0, 1)}
MAIL_DOMAINS = ["163.com", "qq.com", "126.com", "sina.com", "139.com", "foxmail.com"]
INDUSTRY_NAMES = list(v.INDUSTRIES)
SUPPORT_KINDS = list(v.SUPPORT_TEXTS)
RISK_TEXTS = {"overdue": "货款逾期未付，已多次催收", "cross_region": "发现其货物流入邻近区域销售",
              "dumping": "在电商平台低于指导价抛售"}
MAILBOXES = ("sales", "info", "service", "office")
CAPITALS = (10, 50, 100, 200, 500, 1000, 3000)
CREDIT = ("excellent", "good", "good", "fair", "fair", "poor")
LICENCES = ("营业执照", "营业执照、食品经营许可证", "营业执照、代理授权书")
CREDIT_LIMITS = (None, 5_000_000, 10_000_000, 30_000_000)
HOMES = ("north", "south", "east", "west")
CULTURE = ("high", "medium", "medium", "low")
LONG_MINUTES = (10, 20, 30, 60, 90)
FOLLOW_KINDS = ("call", "visit", "wechat")
FOLLOW_UP_CHANCE = {"intent": 0.75, "deal": 0.7, "stable": 0.7, "potential": 0.2}
# Each note, with the objection it records (the part before the first comma), if any.
CONTENT_OBJECTIONS = [
    (text, text[: text.index("，")] if ("异议" in text or "供应商" in text) else None)
    for text in v.CONTENTS
]
MOBILE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
                   "151", "152", "155", "156", "157", "158", "159", "166", "170", "173",
                   "176", "177", "178", "180", "181", "182", "183", "185", "186", "187",
                   "188", "189", "191", "198", "199"]


@dataclass
class Batch:
    customer_count: int = 0
    rows: dict[str, list[tuple]] = field(default_factory=dict)
    docs: dict[str, list[tuple]] = field(default_factory=dict)  # kind → (id, *DOC_COLUMNS)

    def add(self, table: str, row: tuple) -> tuple:
        self.rows.setdefault(table, []).append(row)
        return row

    def add_doc(self, doc_id: int, doc: tuple) -> None:
        self.docs.setdefault(doc[0], []).append((doc_id, *doc))

    def tables(self) -> Iterator[tuple[Table, list[str], list[tuple]]]:
        spec = [
            (Customer.__table__, CUSTOMER_COLS), (customer_tag, TAG_COLS),
            (Contact.__table__, CONTACT_COLS), (Interaction.__table__, INTERACTION_COLS),
            (FollowUp.__table__, FOLLOW_UP_COLS), (Transaction.__table__, TRANSACTION_COLS),
            (Evaluation.__table__, EVALUATION_COLS), (Score.__table__, SCORE_COLS),
            (SupportAction.__table__, SUPPORT_COLS), (RiskEvent.__table__, RISK_COLS),
        ]
        for table, cols in spec:
            if self.rows.get(table.name):
                yield table, cols, self.rows[table.name]


class RowFactory:
    """Makes the rows. Times are handled as whole-day offsets from today (negative is the
    past) plus a clock-time string, because formatting datetimes was most of the cost."""

    def __init__(
        self,
        *,
        rng: random.Random,
        now: datetime,
        rep_ids: list[int],
        tag_ids: list[int],
        tag_names: dict[int, str],
        template_id: int,
        indicators: list[tuple[int, float, int, str | None]],
        next_ids: dict[str, int],
    ) -> None:
        self.rng = rng
        self.rand = rng.random
        self.now = now
        self.today = now.date()
        self.now_s = db_datetime(now)
        self.rep_ids = rep_ids
        self.tag_ids = tag_ids
        self.tag_names = tag_names
        self.template_id = template_id
        self.indicators = indicators
        self.ids = dict(next_ids)
        self.used_names: set[str] = set()
        self.days = {
            offset: (self.today + timedelta(days=offset)).isoformat()
            for offset in range(-1100, 40)
        }
        self.clock = [f"{h:02d}:{m:02d}:00.000000" for h in range(8, 19) for m in (0, 15, 30, 45)]
        self.people = self._people_pool(20_000)

    def pick(self, seq):  # type: ignore[no-untyped-def]
        return seq[int(self.rand() * len(seq))]

    def _id(self, table: str) -> int:
        value = self.ids[table]
        self.ids[table] = value + 1
        return value

    # ------------------------------------------------------------------ people and names

    def _people_pool(self, size: int) -> list[tuple[str, str, str]]:
        """(name, gender, pinyin sort key) for a pool of people; contacts are drawn from
        it, so common names repeat as they do in life."""
        pool = []
        for _ in range(size):
            name, gender = self.person_name()
            pool.append((name, gender, sort_key(name, person=True)))
        return pool

    def person_name(self) -> tuple[str, str]:
        rand, pick = self.rand, self.pick
        roll = rand()
        if roll < 0.015:
            surname = pick(v.COMPOUND_SURNAMES)
        elif roll < 0.05:
            surname = pick(v.RARE_SURNAMES)
        else:
            surname = v.COMMON_SURNAMES[int(len(v.COMMON_SURNAMES) * rand() ** 2)]
        gender = "male" if rand() < 0.62 else "female"
        pool = v.MALE_GIVEN if gender == "male" else v.FEMALE_GIVEN
        given = pick(pool) + (pick(pool) if rand() < 0.7 else "")
        return surname + given, gender

    def company_name(self, city: str, industry: str) -> tuple[str, str]:
        pick = self.pick
        words = v.INDUSTRIES[industry]
        for attempt in range(30):
            brand = pick(v.BRAND_CHARS) + pick(v.BRAND_CHARS)
            short = brand + pick(words)
            name = f"{city}{short}{pick(v.SUFFIXES)}"
            if attempt > 10:
                name = f"{city}{short}{pick(v.SUFFIXES)}（{self.rng.randint(2, 999)}分店）"
            if name not in self.used_names:
                self.used_names.add(name)
                return name, short
        return f"{city}{short}{self.ids['customer']}号店", short

    def mobile(self) -> str:
        return f"{self.pick(MOBILE_PREFIXES)}{int(self.rand() * 100_000_000):08d}"

    def landline(self, area: str) -> str:
        if len(area) == 3 or self.rand() < 0.7:
            return f"{area}-{20_000_000 + int(self.rand() * 69_999_999)}"
        return f"{area}-{2_000_000 + int(self.rand() * 6_999_999)}"

    def day(self, days_back: int, days_forward: int = 0) -> int:
        return int(-days_back + self.rand() * (days_back + days_forward))

    def stamp(self, offset: int) -> str:
        return f"{self.days[offset]} {self.pick(self.clock)}"

    # ------------------------------------------------------------------------- customers

    def build(self, count: int) -> Batch:
        batch = Batch(customer_count=count)
        for _ in range(count):
            self._customer(batch)
        return batch

    def _customer(self, batch: Batch) -> None:
        rand, pick = self.rand, self.pick
        cid = self._id("customer")
        region, province, city, area, home = pick(v.PLACES)
        industry = pick(INDUSTRY_NAMES)
        is_person = rand() < 0.1
        if is_person:
            name, _gender, name_sort = pick(self.people)
            short = None
        else:
            name, short = self.company_name(city, industry)
            name_sort = sort_key(name)
        status = pick(STATUSES)
        ctype = "end_user" if is_person else pick(TYPES)
        owner = pick(self.rep_ids) if rand() < 0.95 else None
        created = self.day(1000)
        employees = None if is_person else int(self.rng.lognormvariate(3, 1)) + 2
        scale = None if is_person else (
            "micro" if employees < 10 else "small" if employees < 50
            else "medium" if employees < 300 else "large")
        phone = self.landline(area) if not is_person and rand() < 0.8 else None
        email = None
        if rand() < 0.35:
            email = f"{pick(MAILBOXES)}{cid}@{pick(MAIL_DOMAINS)}"

        contact_rows = self._contacts(batch, cid, (name, name_sort) if is_person else None,
                                      home, area, created)
        contact_ids = [row[0] for row in contact_rows]
        interaction_rows = self._interactions(batch, cid, contact_ids, owner, status, city)
        last_contact = max((row[5] for row in interaction_rows), default=None)
        next_due = self._follow_ups(batch, cid, contact_ids, owner, status)
        sales_12m, receivable, overdue, unpaid_late = self._transactions(
            batch, cid, owner, status, ctype)
        value_class, grade = self._evaluation(batch, cid, owner, status, sales_12m, overdue)
        if ctype == "dealer" and rand() < 0.1:
            kind = pick(SUPPORT_KINDS)
            batch.add("support_action", (
                self._id("support_action"), cid, kind, self.days[self.day(600)],
                v.SUPPORT_TEXTS[kind], self.rng.randint(5, 200) * 10_000, owner, self.now_s,
                self.now_s))
        if unpaid_late or rand() < 0.01:
            kind = "overdue" if unpaid_late else pick(("cross_region", "dumping"))
            batch.add("risk_event", (self._id("risk_event"), cid, kind,
                                     self.days[self.day(90)], RISK_TEXTS[kind], self.now_s,
                                     self.now_s))
        tags = self.rng.sample(self.tag_ids, k=pick((0, 0, 1, 1, 1, 2, 3)))
        for tag in tags:
            batch.add("customer_tag", (cid, tag))

        customer = batch.add("customer", (
            cid, f"KH{cid:07d}", name, name_sort, short,
            "person" if is_person else "company", ctype, status, industry,
            None if is_person else _weighted(rand, v.OWNERSHIP_WEIGHTS), scale, employees,
            None if is_person else round(self.rng.lognormvariate(6, 1.2), 1),
            None if is_person else float(pick(CAPITALS)),
            pick(CREDIT), None if is_person else pick(LICENCES),
            None if ctype != "dealer" else f"下设 {int(3 + rand() * 57)} 个零售网点，覆盖{city}及周边县市",
            province, city, pick(v.DISTRICTS), f"{city}{pick(v.STREETS)}{int(1 + rand() * 998)}号",
            region, phone, email, None, pick(v.SOURCES), owner, pick(CREDIT_LIMITS),
            None, value_class, grade,
            last_contact,
            next_due, sales_12m, receivable, overdue, self.stamp(created), self.now_s,
        ))
        self._documents(batch, customer, " ".join(self.tag_names[t] for t in tags),
                        contact_rows, interaction_rows)

    def _documents(self, batch: Batch, customer: tuple, tags: str, contacts: list[tuple],
                   interactions: list[tuple]) -> None:
        """Search documents, built by the very functions a reindex uses."""
        batch.add_doc(self._id("search_doc"), customer_doc(
            *[None if i is None else customer[i] for i in CUSTOMER_DOC_IDX], tags=tags))
        company = [customer[i] for i in COMPANY_IDX]
        for row in contacts:
            batch.add_doc(self._id("search_doc"), contact_doc(
                *[None if i is None else row[i] for i in CONTACT_DOC_IDX], *company))
        name = customer[CUSTOMER_COLS.index("name")]
        for row in interactions:
            batch.add_doc(self._id("search_doc"), interaction_doc(
                *[None if i is None else row[i] for i in INTERACTION_DOC_IDX], name))

    def _contacts(self, batch: Batch, cid: int, person: tuple[str, str] | None, home: str,
                  area: str, created: int) -> list[tuple]:
        rand, pick = self.rand, self.pick
        count = 1 if person else pick((1, 1, 1, 1, 1, 2, 2, 3))
        rows = []
        for n in range(count):
            contact_id = self._id("contact")
            if person and n == 0:
                name, name_sort = person
                gender = pick(("male", "female"))
                title, role = "本人", "decision_maker"
            else:
                name, gender, name_sort = pick(self.people)
                title, role = pick(v.TITLES)
            birthday = age_band = None
            if rand() < 0.7:
                year = 1955 + int(rand() * 48)
                birthday = f"{year}-{1 + int(rand() * 12):02d}-{1 + int(rand() * 28):02d}"
                age = self.today.year - year
                age_band = "young" if age < 35 else "middle" if age < 55 else "elder"
            emotion = pick(EMOTIONS) if rand() < 0.6 else None
            rows.append(batch.add("contact", (
                contact_id, cid, name, name_sort, gender, title, role, n == 0,
                self.mobile(), self.landline(area) if rand() < 0.3 else None,
                f"{contact_id}@{pick(MAIL_DOMAINS)}" if rand() < 0.3 else None,
                f"wx{self.mobile()}" if rand() < 0.5 else None,
                birthday, rand() < 0.1, age_band,
                home if rand() < 0.85 else pick(HOMES), None, pick(CULTURE),
                pick(v.PERSONALITIES), pick(v.COMMUNICATION),
                pick(v.NEEDS) if rand() < 0.7 else None,
                pick(v.PREFERENCES) if rand() < 0.6 else None,
                emotion, self.stamp(self.day(60)) if emotion else None,
                self.stamp(created), self.now_s,
            )))
        return rows

    def _interactions(self, batch: Batch, cid: int, contacts: list[int], owner: int | None,
                      status: str, city: str) -> list[tuple]:
        rand, pick = self.rand, self.pick
        low, high = VISITS_BY_STATUS[status]
        rows = []
        for _ in range(low + int(rand() * (high - low + 1))):
            kind = pick(INTERACTION_KINDS)
            moment = self.stamp(self.day(730))
            content, objection = pick(CONTENT_OBJECTIONS)
            rows.append(batch.add("interaction", (
                self._id("interaction"), cid, pick(contacts), owner, kind, moment,
                pick(LONG_MINUTES) if kind in ("visit", "meeting") else 5,
                city if kind == "visit" else None, pick(v.SUBJECTS[kind]), content,
                pick(EMOTIONS), pick(v.NEEDS) if rand() < 0.3 else None,
                objection, pick(v.OUTCOMES), pick(v.NEXT_STEPS), moment, moment,
            )))
        return rows

    def _follow_ups(self, batch: Batch, cid: int, contacts: list[int], owner: int | None,
                    status: str) -> str | None:
        rand, pick = self.rand, self.pick
        chance = FOLLOW_UP_CHANCE.get(status, 0.05)
        next_due = None
        if rand() < chance:
            offset = 0 if rand() < 0.06 else self.day(15, 25)
            next_due = self.stamp(offset)
            batch.add("follow_up", (
                self._id("follow_up"), cid, pick(contacts), owner, pick(FOLLOW_KINDS),
                pick(v.FOLLOW_UP_TITLES), None, next_due, "open", None,
                pick((0, 1, 1, 2)), "manual", self.now_s, self.now_s))
        if status in ("deal", "stable") and rand() < 0.5:
            due = self.stamp(self.day(200))
            batch.add("follow_up", (
                self._id("follow_up"), cid, pick(contacts), owner, "call",
                pick(v.FOLLOW_UP_TITLES), None, due, "done", due, 1, "manual", self.now_s,
                self.now_s))
        return next_due

    def _transactions(self, batch: Batch, cid: int, owner: int | None, status: str,
                      ctype: str) -> tuple[int, int, int, bool]:
        """Sales and payments; (sales 12m, receivable, overdue) by the rules of
        services/figures.py, and whether a sale past due was left partly unpaid (the
        story behind an "overdue" risk event)."""
        if status not in ("deal", "stable", "lost"):
            return 0, 0, 0, False
        rand, pick = self.rand, self.pick
        sales = {"deal": 1 + int(rand() * 3), "stable": 2 + int(rand() * 4), "lost": 1}[status]
        scale = 3.0 if ctype == "dealer" else 1.0
        sales_12m = sales_total = payments = late_sales = 0
        unpaid_late = False
        for _ in range(sales):
            day = self.day(700)
            amount = int(self.rng.lognormvariate(11.2, 0.9) * scale) * 100  # fen
            due = min(day + pick((0, 30, 60, 90)), 39)
            stamp = self.days[day].replace("-", "")
            batch.add("trade_transaction", (
                self._id("trade_transaction"), cid, "sale", self.days[day], amount,
                self.days[due], pick(v.PRODUCTS), float(int(10 + rand() * 490)),
                f"XS{stamp}{cid % 1000:03d}", owner, self.now_s, self.now_s))
            sales_total += amount
            if day >= -365:
                sales_12m += amount
            if due < 0:
                late_sales += amount
            paid = amount if rand() < 0.85 or due > 0 else int(amount * rand())
            if paid:
                pay_day = min(due + int(rand() * 30) - 10, 0)
                batch.add("trade_transaction", (
                    self._id("trade_transaction"), cid, "payment", self.days[pay_day], paid,
                    None, None, None, f"HK{self.days[pay_day].replace('-', '')}{cid % 1000:03d}",
                    owner, self.now_s, self.now_s))
            payments += paid
            unpaid_late = unpaid_late or (amount > paid and due < 0)
        return (sales_12m, *settle(sales_total, 0, payments, late_sales), unpaid_late)

    def _evaluation(self, batch: Batch, cid: int, owner: int | None, status: str,
                    sales_12m: int, overdue: int) -> tuple[str | None, str | None]:
        rand = self.rand
        if status not in ("deal", "stable") or rand() > 0.3:
            return None, None
        eval_id = self._id("evaluation")
        quality = 3 + rand() * 6.5
        total = 0.0
        loyalty_sum = loyalty_n = 0.0
        for indicator_id, weight, max_score, dimension in self.indicators:
            score = round(min(max_score, max(0.0, self.rng.gauss(quality, 1.5))))
            if dimension == "loyalty":
                loyalty_sum += score / max_score
                loyalty_n += 1
            total += weight * score / max_score * 100
            batch.add("score", (self._id("score"), eval_id, indicator_id, float(score)))
        total = round(total, 1)
        grade = "A" if total >= 85 else "B" if total >= 70 else "C" if total >= 55 else "D"
        value_class = classify(sales_12m, loyalty_sum / loyalty_n if loyalty_n else None, overdue)
        quarter_end = date(self.today.year, ((self.today.month - 1) // 3) * 3 + 1, 1) - timedelta(days=1)
        quarter_start = date(quarter_end.year, ((quarter_end.month - 1) // 3) * 3 + 1, 1)
        label = f"{quarter_end.year}年第{(quarter_end.month - 1) // 3 + 1}季度"
        batch.add("evaluation", (
            eval_id, cid, self.template_id, label, db_date(quarter_start), db_date(quarter_end),
            db_date(quarter_end + timedelta(days=1 + int(rand() * 20))), owner, total, grade,
            value_class, self.now_s, self.now_s))
        return value_class, grade


def _weighted(rand, pairs: list[tuple[str, int]]) -> str:  # type: ignore[no-untyped-def]
    total = sum(w for _v, w in pairs)
    pick = rand() * total
    for value, weight in pairs:
        pick -= weight
        if pick <= 0:
            return value
    return pairs[-1][0]
