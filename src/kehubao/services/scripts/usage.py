"""Which replies work: use and success counted from the interaction log, ranked by the
Wilson lower bound so a lucky 1-of-1 never outranks a proven 40-of-50.

Counts are *derived* from `interaction` (script_id, reply_id, reply_worked) rather than
kept in counters: interactions are logged by the follow-up dialog, edited, deleted to the
recycle bin and undone, and a counter would have to follow every one of those paths in
the same transaction; one grouped query over the partial index on reply_id is always
right and costs milliseconds. An interaction whose outcome was not noted
(reply_worked NULL) counts as a use but not as a trial.

For the person in front of you the same counts are taken among interactions with
contacts of the same age band or home region, or where the contact showed the same
mood; a segment is used only when it holds at least MIN_SEGMENT_TRIALS outcomes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ...errors import UserError
from ...models import Contact, Customer, Interaction, ScriptReply
from ...models.enums import AgeBand, Emotion, HomeRegion
from ...texts import Text
from ..journal import operation
from .editing import get_script

Z = 1.96  # 95 % confidence
MIN_SEGMENT_TRIALS = 10


def wilson_lower_bound(worked: int, trials: int, z: float = Z) -> float:
    """Lower end of the Wilson score interval of the success rate; 0 with no trials."""
    if trials <= 0:
        return 0.0
    p = worked / trials
    z2 = z * z
    centre = p + z2 / (2 * trials)
    spread = z * math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials))
    return max(0.0, (centre - spread) / (1 + z2 / trials))


@dataclass(frozen=True)
class Tally:
    used: int = 0  # interactions that used it
    trials: int = 0  # ... whose outcome was noted
    worked: int = 0

    @property
    def rate(self) -> float | None:
        return self.worked / self.trials if self.trials else None

    @property
    def score(self) -> float:
        return wilson_lower_bound(self.worked, self.trials)


@dataclass
class UsageStats:
    replies: dict[int, Tally]
    scripts: dict[int, Tally]
    basis: str = ""  # "" overall, else the segment's description ("同为中年的联系人")
    # The segment as data, for a UI that words it in its own language:
    # ("mood", "anger") / ("age_band", "middle") / ("home_region", "north"); None overall.
    segment: tuple[str, str] | None = None


def _stats(session: Session, where=(), basis: str = "",  # type: ignore[no-untyped-def]
           by_contact: bool = False, segment: tuple[str, str] | None = None) -> UsageStats:
    """One grouped query (per script and reply, over the covering index
    ix_interaction_script_use), summed up per script in Python."""
    i = Interaction
    stmt = (select(i.script_id, i.reply_id, func.count(), func.count(i.reply_worked),
                   func.sum(case((i.reply_worked.is_(True), 1), else_=0)))
            .where(i.script_id.is_not(None), i.deleted_at.is_(None), *where)
            .group_by(i.script_id, i.reply_id))
    if by_contact:  # the condition is on the contact
        stmt = stmt.join(Contact, Contact.id == i.contact_id)
    replies: dict[int, Tally] = {}
    scripts: dict[int, list[int]] = {}
    for script_id, reply_id, used, trials, worked in session.execute(stmt):
        if reply_id is not None:
            replies[reply_id] = Tally(used, trials, worked or 0)
        total = scripts.setdefault(script_id, [0, 0, 0])
        total[0] += used
        total[1] += trials
        total[2] += worked or 0
    return UsageStats(replies, {k: Tally(*v) for k, v in scripts.items()}, basis, segment)


def usage_stats(session: Session) -> UsageStats:
    """Use and success of every reply and every script, over all interactions."""
    return _stats(session)


@dataclass(frozen=True)
class Person:
    """What the segment ranking needs to know about the contact in front of you."""

    age_band: str | None = None
    home_region: str | None = None
    last_mood: str | None = None


def person_of(session: Session, contact_id: int) -> Person:
    contact = session.get(Contact, contact_id)
    if contact is None:
        return Person()
    mood = contact.last_emotion or session.scalar(select(Interaction.mood).where(
        Interaction.contact_id == contact_id, Interaction.deleted_at.is_(None),
        Interaction.mood.is_not(None)).order_by(Interaction.occurred_at.desc()).limit(1))
    return Person(contact.age_band, contact.home_region, mood)


def segment_stats(session: Session, person: Person) -> UsageStats | None:
    """Counts among people like this one: the same mood at the time, else the same age
    band, else the same home region — the first whose best-tried script has at least
    MIN_SEGMENT_TRIALS noted outcomes. None when no segment has enough data, so the
    caller ranks by the overall counts and says so."""
    i = Interaction
    segments = []
    if person.last_mood:
        segments.append((i.mood == person.last_mood,
                         Text("情绪同为“{mood}”时",
                              mood=Text(Emotion.label_of(person.last_mood, person.last_mood))), False,
                         ("mood", person.last_mood)))
    if person.age_band:
        segments.append((Contact.age_band == person.age_band,
                         Text("同为{group}的联系人",
                              group=Text(AgeBand.label_of(person.age_band, person.age_band))), True,
                         ("age_band", person.age_band)))
    if person.home_region:
        segments.append((Contact.home_region == person.home_region,
                         Text("同为{group}的联系人",
                              group=Text(HomeRegion.label_of(person.home_region, person.home_region))),
                         True,
                         ("home_region", person.home_region)))
    for condition, label, by_contact, segment in segments:
        stats = _stats(session, (condition,), label, by_contact, segment)
        if stats.scripts and max(t.trials for t in stats.scripts.values()) >= MIN_SEGMENT_TRIALS:
            return stats
    return None


def record_script_use(session: Session, customer_id: int, script_id: int,
                      reply_id: int | None = None, *, contact_id: int | None = None,
                      worked: bool | None = None, kind: str = "call") -> Interaction:
    """Log on the customer that a script (and which reply) was used — the quick panel's
    one key during a call. An undoable operation; the follow-up dialog's own
    log_interaction records the same columns for a full interaction."""
    script = get_script(session, script_id)
    customer = session.get(Customer, customer_id)
    if customer is None or customer.deleted_at is not None:
        raise UserError("找不到这位客户，可能已被删除")
    reply = None
    if reply_id is not None:
        reply = session.get(ScriptReply, reply_id)
        if reply is None or reply.script_id != script.id:
            raise UserError("这条回复不属于所选的话术")
    now = datetime.now().replace(microsecond=0)  # interactions are in local wall time
    with operation(session, "create", f"记录使用话术：{script.title}"):
        interaction = Interaction(
            customer_id=customer_id, contact_id=contact_id, kind=kind,
            occurred_at=now, subject=f"使用话术：{script.title}",
            objections=script.title, script_id=script.id,
            reply_id=reply.id if reply else None, reply_used=reply.text if reply else None,
            reply_worked=worked)
        session.add(interaction)
        if customer.last_contact_at is None or customer.last_contact_at < now:
            customer.last_contact_at = now
        session.flush()
    return interaction


def set_reply_outcome(session: Session, interaction_id: int, worked: bool | None) -> None:
    """Note afterwards whether the reply worked (None: not known)."""
    interaction = session.get(Interaction, interaction_id)
    if interaction is None or interaction.deleted_at is not None:
        raise UserError("找不到这条跟进记录")
    with operation(session, "edit", "记录话术效果"):
        interaction.reply_worked = worked
        session.flush()
