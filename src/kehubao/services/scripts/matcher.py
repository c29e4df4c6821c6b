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

import heapq
import re
from bisect import bisect_right
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
    initials: str  # their initials, "|" between texts
    syllables: list[tuple[str, ...]]  # per text, to find syllable starts on demand
    concepts: frozenset[str]
    replies: list[ReplyEntry]
    _starts: tuple[frozenset[int], frozenset[int], frozenset[int]] | None = None

    def starts(self) -> tuple[frozenset[int], frozenset[int], frozenset[int]]:
        """(syllable starts in `pinyin`, text starts in `pinyin`, text starts in
        `initials`). Computed the first time a query hits this script: building them for
        every script would double the index build."""
        if self._starts is None:
            sylls, texts, inits = set(), set(), set()
            pos = ipos = 0
            for text in self.syllables:
                texts.add(pos)
                inits.add(ipos)
                for s in text:
                    sylls.add(pos)
                    pos += len(s)
                pos += 1
                ipos += len(text) + 1
            self._starts = (frozenset(sylls), frozenset(texts), frozenset(inits))
        return self._starts


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
    sylls = [_pinyin(t) for t in texts]
    head = "\n".join([title, *phrasings.split("\n")]).lower()
    extra = f"{tags} {category}".lower()
    concepts = concepts_in_text(f"{head}\n{extra}")
    if element in ELEMENT_CONCEPT:
        concepts |= {ELEMENT_CONCEPT[element]}
    return Entry(script_id, order, title, category, element, head, extra, body.lower(),
                 "|".join(map("".join, sylls)), "|".join(_initials(s) for s in sylls), sylls,
                 concepts, replies)


def _initials(sylls: tuple[str, ...]) -> str:
    return "".join(s[0] for s in sylls)


class _Column:
    """One field of every entry joined into one string, so a query is a few str.find
    calls over the whole library instead of one Python test per script."""

    def __init__(self, texts: list[str]) -> None:
        self.offsets: list[int] = []
        pos = 0
        for text in texts:
            self.offsets.append(pos)
            pos += len(text) + 1
        self.text = "\x00".join(texts)

    def hits(self, needle: str) -> dict[int, int]:
        """entry number → position of the first occurrence inside that entry's text."""
        out: dict[int, int] = {}
        if not needle:
            return out
        find, offsets, at = self.text.find, self.offsets, self.text.find(needle)
        while at >= 0:
            n = bisect_right(offsets, at) - 1
            local = at - offsets[n]
            if n not in out:
                out[n] = local
            at = find(needle, at + 1)
        return out

    def text_start_hits(self, needle: str) -> set[int]:
        """Entries with a text ("|"-separated) starting with `needle`: for one-letter
        queries, without walking every occurrence of a common letter."""
        out = set()
        find, offsets = self.text.find, self.offsets
        for lead in ("|", "\x00"):
            at = find(lead + needle)
            while at >= 0:  # the letter after the separator decides the entry
                out.add(bisect_right(offsets, at + 1) - 1)
                at = find(lead + needle, at + 1)
        if self.text.startswith(needle):
            out.add(0)
        return out

    def all_hits(self, needle: str) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        find, offsets, at = self.text.find, self.offsets, self.text.find(needle)
        while at >= 0:
            n = bisect_right(offsets, at) - 1
            out.setdefault(n, []).append(at - offsets[n])
            at = find(needle, at + 1)
        return out


class ScriptIndex:
    """Live, unarchived scripts in memory, with the overall use statistics."""

    def __init__(self, entries: list[Entry], stats: UsageStats) -> None:
        self.entries = entries
        self.stats = stats
        self.by_id = {e.id: e for e in entries}
        self._title = _Column([e.head.split("\n", 1)[0] for e in entries])
        self._head = _Column([e.head for e in entries])
        self._extra = _Column([e.extra for e in entries])
        self._body = _Column([e.body for e in entries])
        self._pinyin = _Column([e.pinyin for e in entries])
        self._initials = _Column([e.initials for e in entries])
        self._concepts: dict[str, list[int]] = {}
        for n, e in enumerate(entries):
            for c in e.concepts:
                self._concepts.setdefault(c, []).append(n)

    def __len__(self) -> int:
        return len(self.entries)

    def search(self, query: str, *, limit: int = 20, stats: UsageStats | None = None,
               category: str | None = None) -> list[ScriptMatch]:
        """Best scripts for what the customer said; all scripts by success when the
        query is empty. `stats`: segment statistics to rank by instead of the overall."""
        stats = stats or self.stats
        q = " ".join(query.lower().split())
        if not q:
            scored = {n: (1.0, "all") for n in range(len(self.entries))}
        elif _ASCII_WORD.match(q):
            compact = q.replace(" ", "").replace("'", "")
            scored = self._pinyin_hits(compact)
            self._add_concepts(scored, concepts_of_pinyin(compact))
        else:
            compact = q.replace(" ", "")
            scored = self._text_hits(compact, q.split())
            self._add_concepts(scored, concepts_in_text(compact))
        out = []
        for n, (score, label) in scored.items():
            e = self.entries[n]
            if category is not None and e.category != category:
                continue
            tally = stats.scripts.get(e.id, Tally())
            out.append((score + RATE_WEIGHT * tally.score, e.order, e, label, tally))
        out = heapq.nsmallest(limit, out, key=lambda t: (-t[0], t[1]))
        return [ScriptMatch(e.id, e.title, e.category, e.element, label, total, tally,
                            rank_replies(e, stats)) for total, _o, e, label, tally in out]

    def _add_concepts(self, scored: dict[int, tuple[float, str]], concepts: frozenset[str]) -> None:
        members = {n for c in concepts for n in self._concepts.get(c, ())}
        for n in members:
            score, label = scored.get(n, (0.0, "concept"))
            scored[n] = (score + CONCEPT_BONUS, label)

    def _text_hits(self, compact: str, tokens: list[str]) -> dict[int, tuple[float, str]]:
        scored = self._one_text(compact)
        if len(tokens) > 1:  # several words: each must be found somewhere
            parts = [self._one_text(t) for t in tokens]
            for n in set(parts[0]).intersection(*parts[1:]):
                if n not in scored:
                    worst = min(p[n] for p in parts)
                    scored[n] = (worst[0] - 5, worst[1])
        grams = {compact[i:i + 2] for i in range(len(compact) - 1)
                 if is_cjk(compact[i]) and is_cjk(compact[i + 1])}
        if len(grams) >= 2:  # a paraphrase sharing most of its word pairs
            counts: dict[int, int] = {}
            for g in grams:
                for n in self._head.hits(g):
                    counts[n] = counts.get(n, 0) + 1
            for n, c in counts.items():
                share = c / len(grams)
                if n not in scored and share >= 0.5:
                    scored[n] = (50.0 * share, "phrasing")
        return scored

    def _one_text(self, needle: str) -> dict[int, tuple[float, str]]:
        scored: dict[int, tuple[float, str]] = {}
        for column, score, label in ((self._body, 30.0, "text"), (self._extra, 60.0, "tag"),
                                     (self._head, 90.0, "phrasing")):
            for n in column.hits(needle):
                scored[n] = (score, label)
        for n, at in self._title.hits(needle).items():
            scored[n] = (110.0 if at == 0 else 100.0, "title")
        return scored

    def _pinyin_hits(self, q: str) -> dict[int, tuple[float, str]]:
        scored: dict[int, tuple[float, str]] = {}
        entries = self.entries
        if len(q) >= 2:
            scored.update(self._one_text(q))  # Latin words in the text ("OEM", "VIP")
            for n, places in self._initials.all_hits(q).items():
                starts = entries[n].starts()[2]
                best = 75.0 if any(a in starts for a in places) else 65.0
                if best > scored.get(n, (0.0, ""))[0]:
                    scored[n] = (best, "initials")
        else:
            for n in self._initials.text_start_hits(q):
                scored[n] = (40.0, "initials")
        if len(q) >= 2 or q in ("a", "e", "o"):
            for n, places in self._pinyin.all_hits(q).items():
                syllable_starts, text_starts, _ = entries[n].starts()
                starts = [a for a in places if a in syllable_starts]
                if starts:
                    a = starts[0]
                    scored[n] = ((95.0 if a == 0 else 85.0 if a in text_starts else 80.0),
                                 "pinyin")
        return scored


def rank_replies(entry: Entry, stats: UsageStats) -> list[RankedReply]:
    """Replies by Wilson lower bound; the author's order among equals (and with no data)."""
    ranked = [(stats.replies.get(r.id, Tally()), n, r) for n, r in enumerate(entry.replies)]
    ranked.sort(key=lambda t: (-t[0].score, t[1]))
    return [RankedReply(r.id, r.text, r.reasoning, t) for t, _n, r in ranked]


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
