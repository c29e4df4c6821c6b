"""Starter data every new database gets: the objection-script library and the standard
evaluation template (both in resources/data, written for this product).

Loaded once per database (remembered in a setting), so a user who deletes a starter
script does not see it come back on the next start."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..config import resource_path
from ..models import EvaluationTemplate, Indicator, Setting

STARTER_SETTING = "starter_data_version"
# The starter_version of resources/data/objection_scripts.json. Raising it makes every
# database upgrade its built-in scripts once (services/scripts/builtin.py keeps the
# user's edits).
STARTER_VERSION = 2


def load_json(name: str) -> Any:
    return json.loads(resource_path("data", name).read_text(encoding="utf-8"))


def has_starter_data(session: Session) -> bool:
    """Whether this database already has the current starter set (a read only)."""
    setting = session.get(Setting, STARTER_SETTING)
    return setting is not None and int(setting.value or 0) >= STARTER_VERSION


def ensure_starter_data(session: Session) -> bool:
    """Load the starter set into a database that has never had it, or upgrade an older
    one (the built-in scripts the user has not edited). True if anything was done."""
    if has_starter_data(session):
        return False
    setting = session.get(Setting, STARTER_SETTING)
    load_scripts(session, load_json("objection_scripts.json"))
    load_template(session, load_json("evaluation_template.json"))
    if setting is None:
        session.add(Setting(key=STARTER_SETTING, value=STARTER_VERSION))
    else:
        setting.value = STARTER_VERSION
    session.flush()
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
