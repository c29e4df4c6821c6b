"""Instant search over customers, contacts, interactions and objection scripts: Chinese
substrings of any length, full pinyin, initials, mixed (张s), phone fragments, e-mail,
tags and words in notes. See engine.py for how queries are answered and index.py for how
the index stays correct."""

from .engine import Hit, SearchPage, SearchResults, matching_customer_ids, search, search_more
from .fts_sqlite import KINDS
from .index import check_index, rebuild_index, refresh

__all__ = [
    "KINDS",
    "Hit",
    "SearchPage",
    "SearchResults",
    "check_index",
    "matching_customer_ids",
    "rebuild_index",
    "refresh",
    "search",
    "search_more",
]
