"""The starter set in the user's language: a new database gets the scripts and the
evaluation template in the language asked for (Chinese by default, English for the
English UI), remembers it, and later upgrades keep to it. The English files are the
Chinese ones with the texts translated: same keys, codes, numbers and structure."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from kehubao.db import Database, open_database
from kehubao.models import EvaluationTemplate, ObjectionCategory, ObjectionScript, Setting
from kehubao.services import starter
from kehubao.services.maintenance import prepare_database
from kehubao.services.scripts import content_of
from kehubao.services.starter import (
    LANGUAGE_SETTING,
    STARTER_FILES,
    STARTER_SETTING,
    STARTER_VERSION,
    load_json,
    starter_language,
)

from .scripts_helpers import script_by_key

CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]")


@pytest.fixture
def new_db(tmp_path: Path) -> Iterator[Database]:
    """A new, empty database, not yet prepared."""
    database = open_database(str(tmp_path / "new.db"))
    yield database
    database.dispose()


def _texts(session: Any) -> list[str]:
    """Every user-visible text of the starter set as stored in the database."""
    texts: list[str] = []
    for script in session.scalars(select(ObjectionScript)):
        content = content_of(script)
        texts += [content.title, content.category, content.reasoning, content.tips,
                  content.follow_up, *content.phrasings, *content.tags]
        texts += [t for r in content.replies for t in (r.text, r.reasoning)]
    texts += [c.name for c in session.scalars(select(ObjectionCategory))]
    for template in session.scalars(select(EvaluationTemplate)):
        texts += [template.name, template.description or ""]
        for indicator in template.indicators:
            texts += [indicator.name, indicator.description or ""]
            texts += [text for _score, text in indicator.levels or []]
    return [t for t in texts if t]


def _setting(session: Any, key: str) -> object:
    setting = session.get(Setting, key)
    return None if setting is None else setting.value


# ------------------------------------------------------------------------ a new database


def test_new_database_in_english(new_db: Database) -> None:
    assert prepare_database(new_db, "en") is True
    english = load_json("objection_scripts_en.json")
    with new_db.session(write=False) as s:
        texts = _texts(s)
        assert len(texts) > 400 and not [t for t in texts if CJK.search(t)]
        assert _setting(s, LANGUAGE_SETTING) == "en"
        assert _setting(s, STARTER_SETTING) == STARTER_VERSION
        scripts = list(s.scalars(select(ObjectionScript)))
        assert len(scripts) == len(english["scripts"])
        price = script_by_key(s, "price-too-high")
        assert price.title == "Your prices are too high"
        assert price.category.name == "Price objections" and price.element == "price"
        # the hash of the English text, so an upgrade sees the script as untouched
        assert all(x.builtin_hash == content_of(x).digest() for x in scripts)
        template = s.scalars(select(EvaluationTemplate)).one()
        assert template.name == "Dealer evaluation (standard)"
        assert template.family_key == "dealer-standard"
        assert [i.name for i in template.indicators][:2] == ["Business development",
                                                            "Sales management"]
        assert sum(i.weight for i in template.indicators) == pytest.approx(1.0)


def test_new_database_in_chinese_by_default(new_db: Database) -> None:
    assert prepare_database(new_db) is True
    with new_db.session(write=False) as s:
        assert _setting(s, LANGUAGE_SETTING) == "zh"
        assert script_by_key(s, "price-too-high").title == "你们的价格太高了"
        assert s.scalars(select(EvaluationTemplate)).one().name == "经销商综合评价（标准）"
        texts = _texts(s)
        assert sum(bool(CJK.search(t)) for t in texts) > 0.9 * len(texts)


def test_the_shared_fresh_database_is_chinese(db: Database) -> None:
    """The test suite's own databases (tests/conftest.py) keep the Chinese starter set."""
    with db.session(write=False) as s:
        assert _setting(s, LANGUAGE_SETTING) == "zh"
        assert script_by_key(s, "price-too-high").title == "你们的价格太高了"


@pytest.mark.parametrize(("asked", "got"), [
    ("en", "en"), ("EN", "en"), ("en_US", "en"), ("en-GB", "en"), ("zh", "zh"),
    ("zh_CN", "zh"), ("fr", "zh"), ("", "zh"), (None, "zh")])
def test_unknown_languages_are_chinese(asked: str | None, got: str) -> None:
    assert starter_language(asked) == got


def test_an_unknown_language_gets_the_chinese_set(new_db: Database) -> None:
    prepare_database(new_db, "fr")
    with new_db.session(write=False) as s:
        assert _setting(s, LANGUAGE_SETTING) == "zh"
        assert script_by_key(s, "price-too-high").title == "你们的价格太高了"


def test_a_prepared_database_keeps_its_language(new_db: Database) -> None:
    """Opening an English database from the Chinese UI (or the CLI's default) changes
    nothing: the starter set is loaded once."""
    prepare_database(new_db, "en")
    assert prepare_database(new_db, "zh") is False
    with new_db.session(write=False) as s:
        assert _setting(s, LANGUAGE_SETTING) == "en"
        assert len(s.scalars(select(ObjectionScript)).all()) == len(
            load_json("objection_scripts_en.json")["scripts"])


# ------------------------------------------------------------------------ upgrades


def _next_edition(monkeypatch: pytest.MonkeyPatch, tips: dict[str, str]) -> None:
    """Pretend the program ships starter version STARTER_VERSION + 1, in which the script
    "bad-timing" has new tips in each language (``tips``: file name → new tips)."""
    real = starter.load_json

    def load(name: str) -> Any:
        data = real(name)
        if name in tips:
            data["starter_version"] = STARTER_VERSION + 1
            next(i for i in data["scripts"] if i["key"] == "bad-timing")["tips"] = tips[name]
        return data

    monkeypatch.setattr(starter, "STARTER_VERSION", STARTER_VERSION + 1)
    monkeypatch.setattr(starter, "load_json", load)


NEW_TIPS = {"objection_scripts.json": "第三版：问清楚什么时候合适。",
            "objection_scripts_en.json": "Third edition: ask when would suit them."}


@pytest.mark.parametrize(("language", "other"), [("en", "zh"), ("zh", "en")])
def test_an_upgrade_keeps_the_chosen_language(new_db: Database, monkeypatch: pytest.MonkeyPatch,
                                              language: str, other: str) -> None:
    prepare_database(new_db, language)
    library = load_json(STARTER_FILES[language][0])
    with new_db.session() as s:  # a user edit, to be kept beside the new text
        script_by_key(s, "too-busy").title = {"en": "Busy, busy", "zh": "忙得很"}[language]
    _next_edition(monkeypatch, NEW_TIPS)
    assert prepare_database(new_db, other) is True  # whatever language is passed now
    with new_db.session(write=False) as s:
        assert _setting(s, STARTER_SETTING) == STARTER_VERSION + 1
        assert _setting(s, LANGUAGE_SETTING) == language
        assert script_by_key(s, "bad-timing").tips == NEW_TIPS[STARTER_FILES[language][0]]
        assert script_by_key(s, "too-busy").title in ("Busy, busy", "忙得很")
        titles = {x.builtin_key: x.title for x in s.scalars(select(ObjectionScript))}
        assert len(titles) == len(library["scripts"])  # nothing added in the other language
        assert titles["price-too-high"] == next(
            i["title"] for i in library["scripts"] if i["key"] == "price-too-high")
        categories = {c.name for c in s.scalars(select(ObjectionCategory))}
        assert categories == set(library["categories"])


def test_a_database_from_before_the_choice_upgrades_in_chinese(
        new_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A database that got its starter set before the language was remembered got it in
    Chinese; an English UI opening it must not mix English scripts in."""
    prepare_database(new_db, "zh")
    with new_db.session() as s:
        s.delete(s.get(Setting, LANGUAGE_SETTING))
    _next_edition(monkeypatch, NEW_TIPS)
    assert prepare_database(new_db, "en") is True
    with new_db.session(write=False) as s:
        assert _setting(s, LANGUAGE_SETTING) == "zh"
        assert script_by_key(s, "bad-timing").tips == NEW_TIPS["objection_scripts.json"]
        assert not [t for t in _texts(s) if t.isascii() and " " in t]  # no English texts


# ------------------------------------------------------------------------ the files


# Strings that are codes, not text: the same in every language. previous_hashes name the
# first edition's Chinese texts, for databases from before each built-in script kept the
# hash of its text; an English database always has its own hashes, so the English file
# just carries the same lists.
CODES = {"format", "key", "element", "family_key", "dimension", "previous_hashes"}


def _shape(zh: object, en: object, path: str, field: str = "") -> Iterator[str]:
    """The differences between the Chinese and the English file other than translated
    texts, as 'path: what'."""
    if type(zh) is not type(en):
        yield f"{path}: {type(zh).__name__} vs {type(en).__name__}"
    elif isinstance(zh, dict):
        if list(zh) != list(en):
            yield f"{path}: keys {list(zh)} vs {list(en)}"
        for key in zh.keys() & en.keys():
            yield from _shape(zh[key], en[key], f"{path}.{key}", key)
    elif isinstance(zh, list):
        if len(zh) != len(en):
            yield f"{path}: {len(zh)} items vs {len(en)}"
        for n, (a, b) in enumerate(zip(zh, en, strict=False)):
            yield from _shape(a, b, f"{path}[{n}]", field)
    elif isinstance(zh, str):
        if field in CODES:
            if zh != en:
                yield f"{path}: code {zh!r} vs {en!r}"
        elif bool(zh) != bool(en) or CJK.search(en) or (zh and en == zh):
            yield f"{path}: not translated: {en!r}"
    elif zh != en:  # numbers: versions, weights, scores, thresholds
        yield f"{path}: {zh!r} vs {en!r}"


@pytest.mark.parametrize("kind", [0, 1], ids=["scripts", "template"])
def test_english_files_have_the_chinese_files_shape(kind: int) -> None:
    zh, en = (load_json(STARTER_FILES[language][kind]) for language in ("zh", "en"))
    assert list(_shape(zh, en, "$")) == []


def test_the_shape_check_catches_a_changed_number_or_code() -> None:
    zh = {"key": "a", "weight": 0.1, "levels": [[9, "好"]], "tags": ["价格"]}
    assert list(_shape(zh, {"key": "a", "weight": 0.1, "levels": [[9, "Good"]],
                            "tags": ["price"]}, "$")) == []
    assert len(list(_shape(zh, {"key": "b", "weight": 0.2, "levels": [[7, "好"]],
                                "tags": ["price", "extra"]}, "$"))) == 5


def test_english_categories_and_tags_are_consistent() -> None:
    """One English name for each Chinese category, in the same place in the list, and
    tags of one word (they are stored space-separated, so "price list" would come back
    as two tags and the script would look edited to the next upgrade)."""
    zh, en = load_json("objection_scripts.json"), load_json("objection_scripts_en.json")
    names = dict(zip(zh["categories"], en["categories"], strict=True))
    assert len(set(names.values())) == len(names)
    for a, b in zip(zh["scripts"], en["scripts"], strict=True):
        assert names[a["category"]] == b["category"], b["key"]
        assert all(tag and " " not in tag for tag in b["tags"]), b["key"]
