"""Builds the demo rows, a chunk of customers at a time, as DB-ready tuples.

Kept separate from the generator's transaction handling so the shape of the data (who
has how many visits, which receivables are overdue, how a class is derived) reads in one
place. Written for speed: one random generator, local bindings, no ORM objects.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from ...bulk import db_date, db_datetime
from ...pinyin_keys import sort_key
from ..customers import customer_code
from ..evaluation.classes import classify
from ..figures import settle
from ..search.documents import contact_doc, customer_doc, interaction_doc
from . import vocab as v
from .columns import (
    CONTACT_COLS,
    CUSTOMER_COLS,
    EMOTION_AT,
    INTERACTION_COLS,
    Batch,
)

STATUSES = ["potential"] * 25 + ["intent"] * 20 + ["deal"] * 20 + ["stable"] * 20 + \
    ["lost"] * 10 + ["dropped"] * 5
TYPES = ["dealer"] * 45 + ["retailer"] * 35 + ["end_user"] * 15 + ["other"] * 5
INTERACTION_KINDS = ["visit"] * 30 + ["call"] * 35 + ["wechat"] * 25 + ["email"] * 5 + \
    ["meeting"] * 4 + ["other"]
EMOTIONS = ["joy", "delight", "joy", "delight", "anger", "sorrow", "grief", "fear", "shock"]
# A note that says how the customer felt decides the mood recorded with it.
MOODS_OF_NOTE = {"心情不太好": ["sorrow", "grief", "fear"], "很感兴趣": ["joy", "delight"],
                 "反馈不错": ["joy", "delight"], "到货晚了": ["anger", "sorrow"]}
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
# Each note, with the objection it records (the part before the first comma), if any,
# and the moods it can go with.
CONTENT_OBJECTIONS = [
    (text, text[: text.index("，")] if ("异议" in text or "供应商" in text) else None,
     next((moods for word, moods in MOODS_OF_NOTE.items() if word in text), EMOTIONS))
    for text in v.CONTENTS
]
VISIT_KINDS = ("visit", "meeting")
MOBILE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
                   "151", "152", "155", "156", "157", "158", "159", "166", "170", "173",
                   "176", "177", "178", "180", "181", "182", "183", "185", "186", "187",
                   "188", "189", "191", "198", "199"]


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
        # Calls and messages 8:00–18:45; visits start 8:30–16:30, so that the longest
        # (90 minutes) is over by 18:00. Today only what has already happened counts:
        # whatever is dated today started at least 90 minutes (a call 15) before now.
        self.clock = [f"{h:02d}:{m:02d}:00.000000" for h in range(8, 19) for m in (0, 15, 30, 45)]
        self.visit_clock = self.clock[2:35]
        self.clock_today = self._before(self.clock, 15)
        self.visit_clock_today = self._before(self.visit_clock, 90)
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
        """A moment on day `offset` at any working time: for what is planned."""
        return f"{self.days[offset]} {self.pick(self.clock)}"

    def moment(self, offset: int, visit: bool = False) -> str:
        """A moment that has passed, on day `offset` (≤ 0) at a working time; when today
        has no such time left (it is early morning), the day before."""
        if offset == 0:
            clock = self.visit_clock_today if visit else self.clock_today
            if clock:
                return f"{self.days[0]} {self.pick(clock)}"
            offset = -1
        return f"{self.days[offset]} {self.pick(self.visit_clock if visit else self.clock)}"

    def since(self, first: int, span: int) -> int:
        """A day offset in the last `span` days, not before day `first`."""
        low = max(first, 1 - span)
        return low + int(self.rand() * (1 - low))

    def _before(self, clock: list[str], minutes: int) -> list[str]:
        latest = self.now - timedelta(minutes=minutes)
        if latest.date() != self.today:  # just after midnight: nothing yet today
            return []
        return [c for c in clock if c <= latest.strftime("%H:%M:%S.%f")]

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
            name, gender, name_sort = pick(self.people)
            person = (name, name_sort, gender)  # the customer is its own contact
            short = None
        else:
            person = None
            name, short = self.company_name(city, industry)
            name_sort = sort_key(name)
        status = pick(STATUSES)
        ctype = "end_user" if is_person else pick(TYPES)
        owner = pick(self.rep_ids) if rand() < 0.95 else None
        created = self.day(1000)
        created_s = self.moment(created)
        employees = None if is_person else int(self.rng.lognormvariate(3, 1)) + 2
        scale = None if is_person else (
            "micro" if employees < 10 else "small" if employees < 50
            else "medium" if employees < 300 else "large")
        phone = self.landline(area) if not is_person and rand() < 0.8 else None
        email = None
        if rand() < 0.35:
            email = f"{pick(MAILBOXES)}{cid}@{pick(MAIL_DOMAINS)}"

        contact_rows = self._contacts(cid, person, home, area, created_s)
        contact_ids = [row[0] for row in contact_rows]
        interaction_rows = self._interactions(batch, cid, contact_ids, owner, status, city,
                                              created)
        contact_rows = _with_last_emotions(batch, contact_rows, interaction_rows)
        last_contact = max((row[5] for row in interaction_rows), default=None)
        next_due = self._follow_ups(batch, cid, contact_ids, owner, status, created, created_s)
        sales_12m, receivable, overdue, unpaid_late = self._transactions(
            batch, cid, owner, status, ctype, created)
        value_class, grade = self._evaluation(batch, cid, owner, status, sales_12m, overdue)
        if ctype == "dealer" and rand() < 0.1:
            kind = pick(SUPPORT_KINDS)
            batch.add("support_action", (
                self._id("support_action"), cid, kind, self.days[self.since(created, 600)],
                v.SUPPORT_TEXTS[kind], self.rng.randint(5, 200) * 10_000, owner, self.now_s,
                self.now_s))
        if unpaid_late or rand() < 0.01:
            kind = "overdue" if unpaid_late else pick(("cross_region", "dumping"))
            batch.add("risk_event", (self._id("risk_event"), cid, kind,
                                     self.days[self.since(created, 90)], RISK_TEXTS[kind], self.now_s,
                                     self.now_s))
        tags = self.rng.sample(self.tag_ids, k=pick((0, 0, 1, 1, 1, 2, 3)))
        for tag in tags:
            batch.add("customer_tag", (cid, tag))

        customer = batch.add("customer", (
            cid, customer_code(cid), name, name_sort, short,
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
            next_due, sales_12m, receivable, overdue, created_s, self.now_s,
        ))
        self._documents(batch, customer, " ".join(self.tag_names[t] for t in tags),
                        contact_rows, interaction_rows)

    def _documents(self, batch: Batch, customer: tuple, tags: str, contacts: list[tuple],
                   interactions: list[tuple]) -> None:
        """Search documents, built by the very functions a reindex uses."""
        values = dict(zip(CUSTOMER_COLS, customer, strict=True))
        batch.add_doc(self._id("search_doc"), customer_doc({**values, "tags": tags}))
        for row in contacts:
            batch.add_doc(self._id("search_doc"), contact_doc(
                dict(zip(CONTACT_COLS, row, strict=True)), values))
        for row in interactions:
            batch.add_doc(self._id("search_doc"), interaction_doc(
                dict(zip(INTERACTION_COLS, row, strict=True)), values))

    def _contacts(self, cid: int, person: tuple[str, str, str] | None, home: str,
                  area: str, created_s: str) -> list[tuple]:
        """The customer's contacts, not yet added: their 上次情绪 comes from the
        interactions made next (see _with_last_emotions)."""
        rand, pick = self.rand, self.pick
        count = 1 if person else pick((1, 1, 1, 1, 1, 2, 2, 3))
        rows = []
        for n in range(count):
            contact_id = self._id("contact")
            if person and n == 0:
                name, name_sort, gender = person
                title, role = "本人", "decision_maker"
            else:
                name, gender, name_sort = pick(self.people)
                title, role = pick(v.TITLES)
            birthday = age_band = None
            if rand() < 0.7:
                year, month, day = 1955 + int(rand() * 48), 1 + int(rand() * 12), 1 + int(rand() * 28)
                birthday = f"{year}-{month:02d}-{day:02d}"
                age = self.today.year - year - ((self.today.month, self.today.day) < (month, day))
                age_band = "young" if age < 35 else "middle" if age < 55 else "elder"
            rows.append((
                contact_id, cid, name, name_sort, gender, title, role, n == 0,
                self.mobile(), self.landline(area) if rand() < 0.3 else None,
                f"{contact_id}@{pick(MAIL_DOMAINS)}" if rand() < 0.3 else None,
                f"wx{self.mobile()}" if rand() < 0.5 else None,
                birthday, rand() < 0.1, age_band,
                home if rand() < 0.85 else pick(HOMES), None, pick(CULTURE),
                pick(v.PERSONALITIES), pick(v.COMMUNICATION),
                pick(v.NEEDS) if rand() < 0.7 else None,
                pick(v.PREFERENCES) if rand() < 0.6 else None,
                None, None, created_s, self.now_s,
            ))
        return rows

    def _interactions(self, batch: Batch, cid: int, contacts: list[int], owner: int | None,
                      status: str, city: str, created: int) -> list[tuple]:
        """Past contacts with the customer, after the day it was entered (none for a
        customer entered today)."""
        rand, pick = self.rand, self.pick
        low, high = VISITS_BY_STATUS[status]
        rows: list[tuple] = []
        if created >= 0:
            return rows
        for _ in range(low + int(rand() * (high - low + 1))):
            kind = pick(INTERACTION_KINDS)
            moment = self.moment(self.since(created + 1, 730), kind in VISIT_KINDS)
            content, objection, moods = pick(CONTENT_OBJECTIONS)
            rows.append(batch.add("interaction", (
                self._id("interaction"), cid, pick(contacts), owner, kind, moment,
                pick(LONG_MINUTES) if kind in VISIT_KINDS else 5,
                city if kind == "visit" else None, pick(v.SUBJECTS[kind]), content,
                pick(moods), pick(v.NEEDS) if rand() < 0.3 else None,
                objection, pick(v.OUTCOMES), pick(v.NEXT_STEPS), moment, moment,
            )))
        return rows

    def _follow_ups(self, batch: Batch, cid: int, contacts: list[int], owner: int | None,
                    status: str, created: int, created_s: str) -> str | None:
        """An open follow-up (due within the next weeks, or already late) and a done one
        (completed when due). Each was written down some days before it was due, and
        after the customer was entered."""
        rand, pick = self.rand, self.pick
        chance = FOLLOW_UP_CHANCE.get(status, 0.05)
        next_due = None
        if rand() < chance:
            offset = max(0 if rand() < 0.06 else self.day(15, 25), created + 1)
            next_due = self.stamp(offset)
            written = max(created_s, self.moment(max(created, min(offset, 0) - 1 - int(rand() * 10))))
            batch.add("follow_up", (
                self._id("follow_up"), cid, pick(contacts), owner, pick(FOLLOW_KINDS),
                pick(v.FOLLOW_UP_TITLES), None, next_due, "open", None,
                pick((0, 1, 1, 2)), "manual", written, self.now_s))
        if status in ("deal", "stable") and rand() < 0.5 and created < 0:
            offset = self.since(created + 1, 200)
            due = self.moment(offset)
            written = max(created_s, self.moment(max(created, offset - 1 - int(rand() * 14))))
            due = max(due, written)  # a customer entered that very day: due after it was written
            batch.add("follow_up", (
                self._id("follow_up"), cid, pick(contacts), owner, "call",
                pick(v.FOLLOW_UP_TITLES), None, due, "done", due, 1, "manual", written,
                self.now_s))
        return next_due

    def _transactions(self, batch: Batch, cid: int, owner: int | None, status: str,
                      ctype: str, created: int) -> tuple[int, int, int, bool]:
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
            day = self.since(created, 700)
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
                pay_day = max(day, min(due + int(rand() * 30) - 10, 0))  # never before the sale
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
        loyalty_sum = loyalty_weight = 0.0
        for indicator_id, weight, max_score, dimension in self.indicators:
            score = round(min(max_score, max(0.0, self.rng.gauss(quality, 1.5))))
            if dimension == "loyalty":
                loyalty_sum += weight * score / max_score
                loyalty_weight += weight
            total += weight * score / max_score * 100
            batch.add("score", (self._id("score"), eval_id, indicator_id, float(score)))
        total = round(total, 1)
        grade = "A" if total >= 85 else "B" if total >= 70 else "C" if total >= 55 else "D"
        loyalty = loyalty_sum / loyalty_weight * 100 if loyalty_weight else None
        value_class = classify(sales_12m, loyalty)  # the demo has no returns: volume = sales
        quarter_end = date(self.today.year, ((self.today.month - 1) // 3) * 3 + 1, 1) - timedelta(days=1)
        quarter_start = date(quarter_end.year, ((quarter_end.month - 1) // 3) * 3 + 1, 1)
        label = f"{quarter_end.year}年第{(quarter_end.month - 1) // 3 + 1}季度"
        batch.add("evaluation", (
            eval_id, cid, self.template_id, label, db_date(quarter_start), db_date(quarter_end),
            db_date(min(quarter_end + timedelta(days=1 + int(rand() * 20)), self.today)), owner,
            total, grade,
            value_class, self.now_s, self.now_s))
        return value_class, grade


def _with_last_emotions(batch: Batch, contacts: list[tuple], interactions: list[tuple]) -> list[tuple]:
    """Add the contacts, each with the mood and time of their latest interaction as
    上次情绪 (none without one), so the card never contradicts the timeline."""
    latest: dict[int, tuple[str, str]] = {}
    for row in interactions:  # (id, customer, contact, owner, kind, occurred_at, ..., mood)
        if not row[10]:
            continue
        seen = latest.get(row[2])
        if seen is None or row[5] >= seen[0]:
            latest[row[2]] = (row[5], row[10])
    out = []
    for row in contacts:
        if (last := latest.get(row[0])) is not None:
            row = (*row[:EMOTION_AT], last[1], last[0], *row[EMOTION_AT + 2:])
        out.append(batch.add("contact", row))
    return out


def _weighted(rand, pairs: list[tuple[str, int]]) -> str:  # type: ignore[no-untyped-def]
    total = sum(w for _v, w in pairs)
    pick = rand() * total
    for value, weight in pairs:
        pick -= weight
        if pick <= 0:
            return value
    return pairs[-1][0]
