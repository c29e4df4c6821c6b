"""The quick panel's matcher: what the customer just said → the best scripts, on every
keystroke, from an in-memory index.

A library has hundreds to a few thousand scripts, so all of it fits in memory and a
keystroke is a Python scan with str.find, no SQL: about a millisecond per thousand
scripts. The index is built from three Core queries and rebuilt only when the data
changed (`library_index` compares a cheap signature of the script, reply and
interaction tables); pinyin of each text is cached, so a rebuild after one edit costs
little. Pinyin comes from the search's own `pinyin_keys.syllables`.

Score = how well the text matches (title > customer phrasings > tags > body; full
pinyin at a syllable start; initials) + a bonus when the query's concept (concepts.py)
is the script's, + RATE_WEIGHT × the Wilson lower bound of the script's success, so a
proven script rises among equally good matches but never above a clearly better match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ...models import Interaction, ObjectionCategory, ObjectionScript, ScriptReply
from ...pinyin_keys import is_cjk, syllables
from .concepts import ELEMENT_CONCEPT, concepts_in_text, concepts_of_pinyin
from .usage import Tally, UsageStats, usage_stats

RATE_WEIGHT = 30.0
CONCEPT_BONUS = 40.0
_ASCII_WORD = re.compile(r"^[a-z' ]+$")


@dataclass
class ReplyEntry:
    id: int
    text: str
    reasoning: str


@dataclass
class Entry:
    id: int
    order: int
    title: str
    category: str
    element: str
    head: str  # title + phrasings, lower-cased, one a line
    extra: str  # tags and category
    body: str  # reasoning, tips, follow-up, replies
    pinyin: str  # full pinyin of title / phrasings / tags, "|" between texts
    starts: frozenset[int]  # where syllables start in `pinyin`
    text_starts: frozenset[int]  # where each text starts in `pinyin` / `initials`
    initials: str
    concepts: frozenset[str]
    replies: list[ReplyEntry]


@dataclass
class RankedReply:
    id: int
    text: str
    reasoning: str
    tally: Tally

    def to_json(self) -> dict:
        t = self.tally
        return {"id": self.id, "text": self.text, "used": t.used, "trials": t.trials,
                "worked": t.worked, "score": round(t.score, 4)}


@dataclass
class ScriptMatch:
    script_id: int
    title: str
    category: str
    element: str
    match: str  # title | phrasing | tag | text | pinyin | initials | concept | all
    score: float
    tally: Tally
    replies: list[RankedReply] = field(default_factory=list)

    @property
    def best_reply(self) -> RankedReply | None:
        return self.replies[0] if self.replies else None

    def to_json(self) -> dict:
        return {"id": self.script_id, "title": self.title, "category": self.category,
                "element": self.element, "match": self.match, "score": round(self.score, 2),
                "used": self.tally.used, "trials": self.tally.trials,
                "worked": self.tally.worked, "rate_score": round(self.tally.score, 4),
                "replies": [r.to_json() for r in self.replies]}


@lru_cache(maxsize=100_000)
def _pinyin(text: str) -> tuple[str, ...]:
    return tuple(syllables(text))


def make_entry(order: int, script_id: int, title: str, category: str, element: str,
               phrasings: str, tags: str, body: str, replies: list[ReplyEntry]) -> Entry:
    texts = [t for t in [title, *phrasings.split("\n"), *tags.split()] if t.strip()]
    full, inits, starts, text_starts = [], [], set(), set()
    pos = 0
    for text in texts:
        sylls = _pinyin(text)
        text_starts.add(pos)
        for s in sylls:
            starts.add(pos)
            pos += len(s)
        full.append("".join(sylls))
        inits.append("".join(s[0] for s in sylls))
        pos += 1  # the "|"
    # Initials are one letter a syllable, so their text starts differ from full pinyin's.
    init_starts, ipos = set(), 0
    for i in inits:
        init_starts.add(ipos)
        ipos += len(i) + 1
    head = "\n".join([title, *phrasings.split("\n")]).lower()
    extra = f"{tags} {category}".lower()
    concepts = concepts_in_text(f"{head}\n{extra}")
    if element in ELEMENT_CONCEPT:
        concepts |= {ELEMENT_CONCEPT[element]}
    return Entry(script_id, order, title, category, element, head, extra, body.lower(),
                 "|".join(full), frozenset(starts), frozenset(init_starts), "|".join(inits),
                 concepts, replies)


class ScriptIndex:
    """Live, unarchived scripts in memory, with the overall use statistics."""

    def __init__(self, entries: list[Entry], stats: UsageStats) -> None:
        self.entries = entries
        self.stats = stats
        self.by_id = {e.id: e for e in entries}

    def __len__(self) -> int:
        return len(self.entries)

    def search(self, query: str, *, limit: int = 20, stats: UsageStats | None = None,
               category: str | None = None) -> list[ScriptMatch]:
        """Best scripts for what the customer said; all scripts by success when the
        query is empty. `stats`: segment statistics to rank by instead of the overall."""
        stats = stats or self.stats
        q = " ".join(query.lower().split())
        scorer = _scorer(q)
        out = []
        for entry in self.entries:
            if category is not None and entry.category != category:
                continue
            score, label = scorer(entry)
            if score <= 0:
                continue
            tally = stats.scripts.get(entry.id, Tally())
            out.append((score + RATE_WEIGHT * tally.score, entry.order, entry, label, tally))
        out.sort(key=lambda t: (-t[0], t[1]))
        return [ScriptMatch(e.id, e.title, e.category, e.element, label, total, tally,
                            rank_replies(e, stats)) for total, _o, e, label, tally in out[:limit]]


def rank_replies(entry: Entry, stats: UsageStats) -> list[RankedReply]:
    """Replies by Wilson lower bound; the author's order among equals (and with no data)."""
    ranked = [(stats.replies.get(r.id, Tally()), n, r) for n, r in enumerate(entry.replies)]
    ranked.sort(key=lambda t: (-t[0].score, t[1]))
    return [RankedReply(r.id, r.text, r.reasoning, t) for t, _n, r in ranked]


def _scorer(q: str):  # type: ignore[no-untyped-def]
    if not q:
        return lambda e: (1.0, "all")
    compact = q.replace(" ", "").replace("'", "")
    if _ASCII_WORD.match(q):
        concepts = concepts_of_pinyin(compact)
        return lambda e: _with_concept(_pinyin_score(e, compact), e, concepts)
    concepts = concepts_in_text(compact)
    tokens = q.split()
    grams = {compact[i:i + 2] for i in range(len(compact) - 1)
             if is_cjk(compact[i]) and is_cjk(compact[i + 1])}
    return lambda e: _with_concept(_text_score(e, compact, tokens, grams), e, concepts)


def _with_concept(scored: tuple[float, str], e: Entry, concepts: frozenset[str]) -> tuple[float, str]:
    score, label = scored
    if concepts and concepts & e.concepts:
        return (score + CONCEPT_BONUS, label or "concept")
    return scored


def _text_score(e: Entry, compact: str, tokens: list[str], grams: set[str]) -> tuple[float, str]:
    best = _one_text(e, compact)
    if best[0] == 0 and len(tokens) > 1:  # several words: each must be found somewhere
        parts = [_one_text(e, t) for t in tokens]
        if all(p[0] for p in parts):
            best = (min(p[0] for p in parts) - 5, min(parts)[1])
    if best[0] == 0 and len(grams) >= 2:  # a paraphrase sharing most of its word pairs
        share = sum(1 for g in grams if g in e.head) / len(grams)
        if share >= 0.5:
            best = (50.0 * share, "phrasing")
    return best


def _one_text(e: Entry, needle: str) -> tuple[float, str]:
    title = e.head.split("\n", 1)[0]
    if needle in title:
        return (110.0 if title.startswith(needle) else 100.0, "title")
    if needle in e.head:
        return (90.0, "phrasing")
    if needle in e.extra:
        return (60.0, "tag")
    if needle in e.body:
        return (30.0, "text")
    return (0.0, "")


def _pinyin_score(e: Entry, q: str) -> tuple[float, str]:
    if len(q) >= 2 or q in ("a", "e", "o"):
        at = e.pinyin.find(q)
        while at >= 0:
            if at in e.starts:
                return ((95.0 if at == 0 else 85.0 if at in e.text_starts else 80.0), "pinyin")
            at = e.pinyin.find(q, at + 1)
    if len(q) >= 2:
        at = e.initials.find(q)
        if at >= 0:
            return ((75.0 if at in e.text_starts else 65.0), "initials")
        plain = _one_text(e, q)  # Latin words in the text ("OEM", "VIP")
        if plain[0]:
            return plain
    elif any(e.initials.startswith(q, s) for s in e.text_starts):
        return (40.0, "initials")
    return (0.0, "")


# --------------------------------------------------------------------------- building


def build_index(session: Session, stats: UsageStats | None = None) -> ScriptIndex:
    """Read every live, unarchived script (three Core queries, no ORM objects)."""
    s, r = ObjectionScript, ScriptReply
    replies: dict[int, list[ReplyEntry]] = {}
    bodies: dict[int, list[str]] = {}
    for script_id, reply_id, text, reasoning in session.execute(
            select(r.script_id, r.id, r.text, r.reasoning)
            .join(s, s.id == r.script_id)
            .where(r.deleted_at.is_(None), s.deleted_at.is_(None), s.archived.is_(False))
            .order_by(r.script_id, r.sort_order, r.id)):
        replies.setdefault(script_id, []).append(ReplyEntry(reply_id, text, reasoning or ""))
        bodies.setdefault(script_id, []).append(text)
    categories = dict(session.execute(select(ObjectionCategory.id, ObjectionCategory.name)).all())
    entries = []
    rows = session.execute(
        select(s.id, s.title, s.category_id, s.element, s.phrasings, s.tags, s.reasoning,
               s.tips, s.follow_up)
        .where(s.deleted_at.is_(None), s.archived.is_(False))
        .order_by(s.is_builtin.desc(), s.id))
    for order, (sid, title, cat_id, element, phrasings, tags, reasoning, tips, follow_up) in enumerate(rows):
        body = "\n".join([reasoning or "", tips or "", follow_up or "", *bodies.get(sid, ())])
        entries.append(make_entry(order, sid, title, categories.get(cat_id, ""), element or "",
                                  phrasings or "", tags or "", body, replies.get(sid, [])))
    return ScriptIndex(entries, stats if stats is not None else usage_stats(session))


def signature(session: Session) -> tuple:
    """Changes whenever anything the index shows changed (edits, deletions, undo, new
    interactions that used a script): counts, live counts and newest update times."""
    out: list = []
    for table, extra in ((ObjectionScript, (func.sum(case((ObjectionScript.archived.is_(True), 1),
                                                          else_=0)),)),
                         (ScriptReply, ()),
                         (Interaction, (func.count(Interaction.reply_worked),
                                        func.sum(case((Interaction.reply_worked.is_(True), 1),
                                                      else_=0))))):
        stmt = select(func.count(), func.sum(case((table.deleted_at.is_(None), 1), else_=0)),
                      func.max(table.updated_at), *extra)
        if table is Interaction:
            stmt = stmt.where(Interaction.script_id.is_not(None))
        out.append(tuple(session.execute(stmt).one()))
    return tuple(out)


_cache: dict[str, tuple[tuple, ScriptIndex]] = {}


def library_index(session: Session) -> ScriptIndex:
    """The index for this database, rebuilt only when its signature changed. Cached per
    database URL; safe to call from a worker thread (the index is replaced whole)."""
    key = str(session.get_bind().url)
    sig = signature(session)
    cached = _cache.get(key)
    if cached is not None and cached[0] == sig:
        return cached[1]
    index = build_index(session)
    _cache[key] = (sig, index)
    return index


def search_scripts(session: Session, query: str, *, limit: int = 20,
                   contact_id: int | None = None) -> tuple[list[ScriptMatch], str]:
    """What the CLI and the panel call: matches, and the ranking's basis ("" overall,
    else the segment used, e.g. "同为中年的联系人")."""
    from .usage import person_of, segment_stats

    index = library_index(session)
    segment = segment_stats(session, person_of(session, contact_id)) if contact_id else None
    return index.search(query, limit=limit, stats=segment), (segment.basis if segment else "")
