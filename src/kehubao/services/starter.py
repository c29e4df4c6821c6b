"""Starter data every new database gets: the objection-script library and the standard
evaluation template (both in resources/data, written for this product).

Loaded once per database (remembered in a setting), so a user who deletes a starter
script does not see it come back on the next start.

The starter set is content, not program text: it is written into the user's database
once and edited there, so it cannot follow the UI language later. It comes in the
language asked for when the database first gets it (Chinese, or English for a user of the
English UI), and that language is remembered in the database, so that later upgrades of
the built-in scripts use the same language's file. The two languages' files have the same
keys, codes and numbers (tests/unit/test_starter_language.py holds them to it)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import resource_path
from ..models import EvaluationTemplate, Indicator, Setting
from .settings import put_setting

STARTER_SETTING = "starter_data_version"
# The language the database got its starter set in. A database without it that has the
# starter set got it before there was a choice: in Chinese.
LANGUAGE_SETTING = "starter_language"
# The starter_version of resources/data/objection_scripts.json (and of its English twin).
# Raising it makes every database upgrade its built-in scripts once
# (services/scripts/builtin.py keeps the user's edits).
STARTER_VERSION = 2

DEFAULT_LANGUAGE = "zh"
# language → (script library, evaluation template) in resources/data
STARTER_FILES = {
    "zh": ("objection_scripts.json", "evaluation_template.json"),
    "en": ("objection_scripts_en.json", "evaluation_template_en.json"),
}


def load_json(name: str) -> Any:
    return json.loads(resource_path("data", name).read_text(encoding="utf-8"))


def starter_language(language: str | None) -> str:
    """A language the starter set exists in: "en" for English ("en_US" too), Chinese for
    anything else."""
    code = (language or "").replace("-", "_").split("_")[0].lower()
    return code if code in STARTER_FILES else DEFAULT_LANGUAGE


def load_starter_files(language: str = DEFAULT_LANGUAGE) -> tuple[dict, dict]:
    """The (script library, evaluation template) of ``language``."""
    scripts, template = STARTER_FILES[starter_language(language)]
    return load_json(scripts), load_json(template)


def database_language(session: Session, language: str = DEFAULT_LANGUAGE) -> str:
    """The language of this database's starter set: the one it was first loaded in, else
    Chinese if it has one from before the choice existed, else ``language`` (a new
    database, about to get its first)."""
    remembered = session.get(Setting, LANGUAGE_SETTING)
    if remembered is not None:
        return starter_language(str(remembered.value))
    if session.get(Setting, STARTER_SETTING) is not None:
        return DEFAULT_LANGUAGE
    return starter_language(language)


def has_starter_data(session: Session) -> bool:
    """Whether this database already has the current starter set (a read only)."""
    setting = session.get(Setting, STARTER_SETTING)
    return setting is not None and int(setting.value or 0) >= STARTER_VERSION


def ensure_starter_data(session: Session, language: str = DEFAULT_LANGUAGE) -> bool:
    """Load the starter set into a database that has never had it, or upgrade an older
    one (the built-in scripts the user has not edited). True if anything was done.

    ``language`` ("zh" or "en"; anything else is Chinese) is used only by a database
    getting its first starter set; one that has a starter set keeps its own language."""
    if has_starter_data(session):
        return False
    language = database_language(session, language)
    scripts, template = load_starter_files(language)
    load_scripts(session, scripts)
    load_template(session, template)
    put_setting(session, STARTER_SETTING, STARTER_VERSION)
    put_setting(session, LANGUAGE_SETTING, language)
    return True


def load_scripts(session: Session, library: dict) -> int:
    """Add or upgrade the built-in scripts; how many were added."""
    from .scripts.builtin import apply_starter_library

    return apply_starter_library(session, library).added


def load_template(session: Session, data: dict) -> EvaluationTemplate:
    template = session.scalar(
        select(EvaluationTemplate).where(EvaluationTemplate.family_key == data["family_key"])
    )
    if template is not None:
        return template
    template = EvaluationTemplate(
        family_key=data["family_key"],
        version=1,
        name=data["name"],
        description=data.get("description"),
        grade_thresholds=data.get("grade_thresholds", {}),
        indicators=[
            Indicator(
                name=i["name"],
                description=i.get("description"),
                weight=i["weight"],
                max_score=i.get("max_score", 10),
                dimension=i.get("dimension"),
                levels=i.get("levels"),
                sort_order=n,
            )
            for n, i in enumerate(data["indicators"])
        ],
    )
    session.add(template)
    session.flush()
    return template
