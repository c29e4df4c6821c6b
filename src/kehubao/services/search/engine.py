"""Answering a query: ranked hits per kind, fast on 200,000 customers.

Each kind is searched in tiers, best first, stopping as soon as enough hits are found:

  1. exact name          B-tree lookup on the normalised name
  2. name prefix         B-tree range on (kind, name_key, rank)
  3. pinyin / initials / phone fragment   full-text prefix on the `keys` column
  4. mixed Chinese + pinyin ("张s")       names starting with the Chinese part, checked
  5. name contains       full-text phrase on `names`
  6. text contains       full-text phrase on `body` (notes, interaction texts...)

Within a tier, hits are ordered by rank (recent and important first). A full-text tier
asks the index for at most CAP candidates: when it returns fewer, the tier is small and
is ranked exactly; when the cap is hit, the query is unselective ("王", "公司") and the
tier is answered instead by walking documents in rank order with a LIKE test, which
stops after a handful of rows because so many match. Either way the work is bounded.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from sqlalchemy import Select, func, or_, select, union
from sqlalchemy.orm import Session

from ...models import Customer, SearchDoc
from ...pinyin_keys import SURNAME_READINGS, char_readings, syllables
from .documents import live_documents
from .fts_sqlite import KINDS, FtsBackend, LikeBackend, backend_for
from .text import Query, digit_grams, is_cjk_token, like_escape, matches_mixed, parse_query

CAP = 1000
MAX_VERIFY_SCAN = 5000
KIND_ORDER = {kind: n for n, kind in enumerate(KINDS)}


@dataclass
class Hit:
    kind: str
    id: int  # id of the customer / contact / interaction / script
    customer_id: int | None
    title: str
    subtitle: str
    match: str  # exact | prefix | pinyin | phone | name | text
    rank: int

    def to_json(self) -> dict:
        data = asdict(self)
        data["name"] = data.pop("title")
        data["detail"] = data.pop("subtitle")
        data["customer"] = data.pop("customer_id")
        return data


@dataclass
class SearchResults:
    query: str
    hits: list[Hit] = field(default_factory=list)
    elapsed_ms: float = 0.0

    def of_kind(self, kind: str) -> list[Hit]:
        return [h for h in self.hits if h.kind == kind]


def search(session: Session, raw: str, *, limit: int = 20,
           kinds: tuple[str, ...] = KINDS) -> SearchResults:
    """Best `limit` hits of each kind, grouped by kind in KINDS order."""
    started = time.perf_counter()
    query = parse_query(raw)
    results = SearchResults(query=raw)
    if not query.is_empty and limit > 0:
        backend = backend_for(session)
        for kind in sorted(kinds, key=KIND_ORDER.__getitem__):
            results.hits.extend(_search_kind(session, backend, kind, query, limit))
    results.elapsed_ms = round((time.perf_counter() - started) * 1000, 2)
    return results


@dataclass
class SearchPage:
    """A further page of one kind's hits (the search box's 显示更多)."""

    kind: str
    offset: int
    hits: list[Hit] = field(default_factory=list)
    has_more: bool = False  # another page after this one


MAX_PAGE = 200


def search_more(session: Session, raw: str, kind: str, *, offset: int,
                limit: int = 50) -> SearchPage:
    """Hits `offset` .. `offset + limit` of one kind, in exactly the order `search` ranks
    them: `search(limit=8)` shows the first 8, `search_more(offset=8)` goes on from there.

    Why it is exact: every tier takes its best documents in rank order and the tiers
    follow each other, so the best N hits are the first N of the best N + k. The page
    is therefore the tail of one search for `offset + limit + 1` hits (the extra one says
    whether there is more). Its cost grows with `offset`, which a person paging through
    a result list keeps small; the per-keystroke `search` is untouched."""
    if kind not in KIND_ORDER:
        raise ValueError(f"unknown search kind: {kind!r}")
    limit = max(0, min(limit, MAX_PAGE))
    offset = max(offset, 0)
    page = SearchPage(kind=kind, offset=offset)
    query = parse_query(raw)
    if query.is_empty or limit == 0:
        return page
    hits = _search_kind(session, backend_for(session), kind, query, offset + limit + 1)
    page.hits = hits[offset : offset + limit]
    page.has_more = len(hits) > offset + limit
    return page


def _search_kind(session: Session, backend: FtsBackend | LikeBackend, kind: str,
                 q: Query, limit: int) -> list[Hit]:
    found: dict[int, str] = {}

    def add(ids: list[int], label: str) -> bool:
        for doc_id in ids:
            if doc_id not in found:
                found[doc_id] = label
                if len(found) >= limit:
                    return True
        return False

    def take(fetch: Callable[[int], list[int]], label: str) -> bool:
        """A tier's best documents of live customers. Documents of customers in the
        recycle bin are dropped afterwards (cheaper than checking every row a tier
        walks); when some were, the tier is asked again for more."""
        size = limit + len(found)
        while True:
            ids = fetch(size)
            live = _live(session, ids)
            if len(live) == len(ids) or len(ids) < size or size > 64 * limit:
                return add(live, label)
            size *= 4

    named = kind != "interaction"
    done = False
    if named and q.name_key:
        done = take(lambda n: _by_name(session, kind, q.name_key, exact=True, limit=n), "exact")
        if not done:
            done = take(lambda n: _by_name(session, kind, q.name_key, exact=False, limit=n),
                        "prefix")
    if not done and named and (expr := _keys_expression(q)):
        like = (f"% {digit_grams(q.digits)} %" if q.digits
                else f"% {like_escape(q.latin)}%" if q.latin else q.like_pattern())
        label = "phone" if q.digits else "email" if "@" in q.raw else "pinyin"
        done = take(lambda n: _adaptive(
            session, backend, kind, "keys", expr, like, n,
            verify=not q.digits and not q.latin and len(q.tokens) > 1 and not q.like_is_exact,
            skip_index=len(q.latin) == 1 and not q.digits), label)
    if not done and named and q.mixed:
        done = take(lambda n: _mixed(session, backend, kind, q, n), "pinyin")
    several = len(q.tokens) > 1 and not q.like_is_exact
    if not done and q.tokens:
        done = take(lambda n: _adaptive(session, backend, kind, "names", q.fts_phrase(),
                                        q.like_pattern(), n, verify=several), "name")
    if not done and q.tokens:
        take(lambda n: _adaptive(session, backend, kind, "body", q.fts_phrase(),
                                 q.like_pattern(), n, verify=several), "text")
    return _hits(session, kind, found)


def _keys_expression(q: Query) -> str:
    """Full-text expression for the `keys` column: pinyin / initials prefix, a phone
    fragment, or Latin tokens as a phrase (e-mail parts: "zeng@example")."""
    alternatives = []
    if q.latin:
        alternatives.append(f'"{q.latin}" *')
    if q.digits:
        alternatives.append(q.phone_phrase())
    elif q.tokens and all(t.isascii() for t in q.tokens) and (len(q.tokens) > 1 or not q.latin):
        alternatives.append(q.fts_phrase())
    return " OR ".join(f"({a})" for a in alternatives)


# Documents of customers in the recycle bin stay in the index, hidden (documents.py).
LIVE = live_documents()


def _live(session: Session, ids: list[int]) -> list[int]:
    """``ids`` (in their order) less the documents of customers in the recycle bin."""
    if not ids:
        return ids
    live = set(session.scalars(select(SearchDoc.id).where(SearchDoc.id.in_(ids), LIVE)))
    return [i for i in ids if i in live]


def _by_name(session: Session, kind: str, key: str, *, exact: bool, limit: int) -> list[int]:
    stmt = select(SearchDoc.id).where(SearchDoc.kind == kind)
    if exact:
        stmt = stmt.where(SearchDoc.name_key == key)
    else:
        stmt = stmt.where(SearchDoc.name_key > key, SearchDoc.name_key < key + "\U0010ffff")
    return list(session.scalars(stmt.order_by(SearchDoc.rank.desc()).limit(limit)))


def _adaptive(session: Session, backend: FtsBackend | LikeBackend, kind: str, column: str,
              fts_expr: str, like_pattern: str, limit: int, *, verify: bool = False,
              skip_index: bool = False) -> list[int]:
    """The best `limit` documents of a full-text tier, in rank order (see module doc).

    `verify`: the LIKE pattern is looser than the index (several tokens), so candidates
    of the rank-ordered walk are confirmed by the index. `skip_index`: the query is known
    to be unselective (a single letter), so go straight to the walk."""
    if isinstance(backend, FtsBackend):
        ids = [] if skip_index else backend.match_ids(session, kind, column, fts_expr, CAP)
    else:
        ids = backend.match_ids(session, kind, column, like_pattern, CAP)
        verify = skip_index = False
    if len(ids) < CAP and not skip_index:
        if not ids:
            return []
        stmt = (select(SearchDoc.id).where(SearchDoc.id.in_(ids))
                .order_by(SearchDoc.rank.desc()).limit(limit))
        return list(session.scalars(stmt))
    stmt = (select(SearchDoc.id)
            .where(SearchDoc.kind == kind, getattr(SearchDoc, column).like(like_pattern, escape="\\"))
            .order_by(SearchDoc.rank.desc()))
    if not verify:
        return list(session.scalars(stmt.limit(limit)))
    out: list[int] = []
    batch = max(limit * 4, 64)
    for offset in range(0, MAX_VERIFY_SCAN, batch):
        chunk = list(session.scalars(stmt.offset(offset).limit(batch)))
        if not chunk:
            break
        confirmed = set(backend.match_among(session, kind, column, fts_expr, chunk))
        out += [i for i in chunk if i in confirmed]
        if len(out) >= limit:
            break
    return out[:limit]


MAX_MIXED_SCAN = 3000


def _mixed(session: Session, backend: FtsBackend | LikeBackend, kind: str, q: Query,
           limit: int) -> list[int]:
    """Names matching a query that mixes Chinese and pinyin ("张s", "zh三"): candidates
    are names starting with the query's leading Chinese, or else containing its first
    Chinese run; each is checked against the pinyin part. The scan is bounded: in rank
    order, matches of a sensible query show up long before the bound."""
    lead = ""
    for token in q.mixed:
        if not is_cjk_token(token):
            break
        lead += token
    prefixes = q.mixed_prefixes()
    if prefixes and isinstance(backend, FtsBackend):
        # The index intersects "has these characters in the name" with "keys start like
        # this", leaving few candidates even for a common surname.
        keys = " OR ".join(f'"{p}" *' for p in prefixes)
        expr = f'{{names}} : "{" ".join(lead)}" AND {{keys}} : ({keys})' if lead else f"{{keys}} : ({keys})"
        ids = backend.match_ids(session, kind, None, expr, CAP)
        if len(ids) < CAP:  # a small candidate set: check each, best rank first
            rows = session.execute(select(SearchDoc.id, SearchDoc.title).where(SearchDoc.id.in_(ids))
                                   .order_by(SearchDoc.rank.desc())).all()
            return [doc_id for doc_id, title in rows if title.startswith(lead) and any(
                matches_mixed(q.mixed, pairs) for pairs in _char_syllables(title))][:limit]
    stmt = select(SearchDoc.id, SearchDoc.title).where(SearchDoc.kind == kind)
    if prefixes:
        stmt = stmt.where(or_(*(SearchDoc.keys.like(f"% {like_escape(p)}%", escape="\\")
                                for p in prefixes)))
    elif hint := q.initials_hint():
        stmt = stmt.where(SearchDoc.keys.like(f"% {like_escape(hint)}%", escape="\\"))
    if lead:
        in_range = (SearchDoc.name_key > lead, SearchDoc.name_key < lead + "\U0010ffff")
        size = session.scalar(select(func.count()).select_from(SearchDoc).where(
            SearchDoc.kind == kind, *in_range)) or 0
        if size <= MAX_MIXED_SCAN:  # few names: take the range, sort it
            stmt = stmt.where(*in_range)
        else:  # a common surname: walk in rank order (LIKE keeps the planner off the
            # name index), the first matches come early and we stop
            stmt = stmt.where(SearchDoc.name_key.like(like_escape(lead) + "%", escape="\\"))
    else:
        run = _first_cjk_run(q.mixed)
        phrase = Query(raw=run, tokens=list(run))
        first_letter = q.mixed[0][0]
        stmt = stmt.where(SearchDoc.keys.like(f"% {like_escape(first_letter)}%", escape="\\"),
                          SearchDoc.id.in_(_adaptive(session, backend, kind, "names",
                                                     phrase.fts_phrase(), phrase.like_pattern(),
                                                     MAX_MIXED_SCAN, verify=len(run) > 1)))
    out: list[int] = []
    # Streamed (yield_per): SQLite walks only as far as we read, and we stop at `limit`.
    result = session.execute(stmt.order_by(SearchDoc.rank.desc()).limit(MAX_MIXED_SCAN)
                             .execution_options(yield_per=32))
    for doc_id, title in result:
        if any(matches_mixed(q.mixed, pairs) for pairs in _char_syllables(title)):
            out.append(doc_id)
            if len(out) >= limit:
                break
    result.close()
    return out


def _first_cjk_run(tokens: list[str]) -> str:
    run = ""
    for token in tokens:
        if is_cjk_token(token):
            run += token
        elif run:
            break
    return run


def _char_syllables(name: str) -> list[list[tuple[str, str]]]:
    """(character, syllable) pairs of a name: the phrase-aware reading, and the surname
    reading when the first character has one (单 → shan as well as dan)."""
    chars = [ch for ch in name if char_readings(ch)]
    sylls = syllables("".join(chars))
    if len(sylls) != len(chars):
        return []
    variants = [list(zip(chars, sylls, strict=False))]
    if chars and chars[0] in SURNAME_READINGS and SURNAME_READINGS[chars[0]] != sylls[0]:
        variants.append([(chars[0], SURNAME_READINGS[chars[0]]), *variants[0][1:]])
    return variants


def _hits(session: Session, kind: str, found: dict[int, str]) -> list[Hit]:
    if not found:
        return []
    rows = {
        r.id: r
        for r in session.execute(
            select(SearchDoc.id, SearchDoc.ref_id, SearchDoc.customer_id, SearchDoc.title,
                   SearchDoc.subtitle, SearchDoc.rank).where(SearchDoc.id.in_(list(found)))
        )
    }
    return [
        Hit(kind, r.ref_id, r.customer_id, r.title, r.subtitle, label, r.rank)
        for doc_id, label in found.items()
        if (r := rows.get(doc_id)) is not None
    ]


def matching_customer_ids(session: Session, raw: str) -> Select:
    """Every live customer the text matches, directly or through one of its contacts —
    as a subquery, because a broad filter ("公司") can match all 200,000."""
    q = parse_query(raw)
    if q.is_empty:
        return select(Customer.id)
    backend = backend_for(session)
    parts = []
    for kind in ("customer", "contact"):
        if isinstance(backend, FtsBackend):
            exprs = [q.fts_phrase()] if q.tokens else []
            if q.latin:
                exprs.append(f'"{q.latin}" *')
            if q.digits:
                exprs.append(q.phone_phrase())
            matched = backend.match_select(kind, " OR ".join(f"({e})" for e in exprs))
            cond = SearchDoc.id.in_(matched)
        else:
            cond = backend.condition(None, q.like_pattern())
        parts.append(select(SearchDoc.customer_id).where(SearchDoc.kind == kind, cond))
    return union(*parts)
