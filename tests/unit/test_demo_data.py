"""Issue #11, defect 3: the demo data must not contradict itself. A small demo (fixed
seed, a fixed generation time) is checked row by row against what a user would notice:
a contact's 上次情绪 against the mood of their latest interaction, a woman's name marked
male, an interaction later today than now, visits at night, odd birthdays, follow-ups
completed before they were made."""

from __future__ import annotations

import os
import subprocess
import sys
import time as clock
from collections import defaultdict
from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from kehubao.models import Contact, Customer, Evaluation, FollowUp, Interaction, Transaction
from kehubao.services.demo import generate_demo
from kehubao.services.demo import vocab as v

from .process_helpers import kill_and_wait_for_orphans, linux_only, wait_for_workers

NOW = datetime(2026, 11, 28, 14, 44)      # the afternoon of the report
EARLY = datetime(2026, 11, 28, 3, 10)     # before anyone works: nothing today yet


@pytest.fixture(scope="module", params=[NOW, EARLY], ids=["afternoon", "small-hours"])
def demo(request, tmp_path_factory):  # type: ignore[no-untyped-def]
    """(rows by table, generation time) of a 300-customer demo."""
    import kehubao.services  # noqa: F401
    from kehubao.db import open_database

    now = request.param
    database = open_database(str(tmp_path_factory.mktemp("demo") / "demo.db"))
    generate_demo(database, customers=300, seed=7, now=now)
    with database.session(write=False) as s:
        rows = {model.__name__: list(s.scalars(select(model)))
                for model in (Customer, Contact, Interaction, FollowUp, Transaction, Evaluation)}
        s.expunge_all()  # plain loaded objects from here on
    database.dispose()
    return rows, now


def test_the_demo_has_the_usual_amount_of_everything(demo) -> None:
    rows, _now = demo
    assert len(rows["Customer"]) == 300
    assert len(rows["Contact"]) >= 300
    assert len(rows["Interaction"]) > 300
    assert {f.status for f in rows["FollowUp"]} == {"open", "done"}


def test_last_emotion_is_the_mood_of_the_latest_interaction_with_a_mood(demo) -> None:
    rows, _now = demo
    moods: dict[int, list[Interaction]] = defaultdict(list)
    for i in rows["Interaction"]:
        if i.contact_id is not None and i.mood:
            moods[i.contact_id].append(i)
    with_emotion = 0
    for contact in rows["Contact"]:
        mine = moods.get(contact.id)
        if not mine:
            assert (contact.last_emotion, contact.last_emotion_at) == (None, None), contact.name
            continue
        latest = max(i.occurred_at for i in mine)
        assert contact.last_emotion_at == latest, contact.name
        assert contact.last_emotion in {i.mood for i in mine if i.occurred_at == latest}
        with_emotion += 1
    assert with_emotion > 100


def _given_name(name: str) -> str:
    for surname in v.COMPOUND_SURNAMES:
        if name.startswith(surname):
            return name[len(surname):]
    return name[1:]


def test_genders_agree_with_given_names(demo) -> None:
    rows, _now = demo
    pools = {"male": set(v.MALE_GIVEN), "female": set(v.FEMALE_GIVEN)}
    assert not pools["male"] & pools["female"]
    people = [c for c in rows["Contact"] if c.gender]
    assert {c.gender for c in people} == {"male", "female"}
    wrong = [(c.name, c.gender) for c in people if not set(_given_name(c.name)) <= pools[c.gender]]
    assert wrong == []


def test_no_interaction_is_in_the_future_or_before_its_customer_existed(demo) -> None:
    rows, now = demo
    created = {c.id: c.created_at for c in rows["Customer"]}
    assert max(i.occurred_at for i in rows["Interaction"]) <= now
    assert all(i.occurred_at >= created[i.customer_id] for i in rows["Interaction"])
    assert all(c.created_at <= now for c in rows["Customer"])


def test_visits_happen_in_working_hours_and_nothing_at_night(demo) -> None:
    rows, _now = demo
    for i in rows["Interaction"]:
        start = i.occurred_at
        assert time(7, 30) <= start.time() <= time(21, 0), (i.kind, start)
        if i.kind in ("visit", "meeting"):
            end = start + timedelta(minutes=i.duration_minutes or 0)
            assert start.time() >= time(8, 30) and end.time() <= time(18, 0), (i.kind, start, end)
            assert end.date() == start.date()


def test_customer_summaries_agree_with_their_rows(demo) -> None:
    rows, _now = demo
    last: dict[int, datetime] = {}
    for i in rows["Interaction"]:
        last[i.customer_id] = max(last.get(i.customer_id, i.occurred_at), i.occurred_at)
    due: dict[int, datetime] = {}
    for f in rows["FollowUp"]:
        if f.status == "open":
            due[f.customer_id] = min(due.get(f.customer_id, f.due_at), f.due_at)
    for c in rows["Customer"]:
        assert c.last_contact_at == last.get(c.id)
        assert c.next_follow_up_at == due.get(c.id)


def test_birthdays_are_those_of_working_adults_and_match_the_age_band(demo) -> None:
    rows, now = demo
    today = now.date()
    born = [c for c in rows["Contact"] if c.birthday]
    assert len(born) > 100
    for c in born:
        age = today.year - c.birthday.year - ((today.month, today.day) < (c.birthday.month,
                                                                           c.birthday.day))
        assert 20 <= age <= 75, (c.name, c.birthday)
        band = "young" if age < 35 else "middle" if age < 55 else "elder"
        assert c.age_band == band, (c.name, c.birthday, c.age_band)


def test_follow_up_statuses_agree_with_their_times(demo) -> None:
    rows, now = demo
    created = {c.id: c.created_at for c in rows["Customer"]}
    overdue = 0
    for f in rows["FollowUp"]:
        assert created[f.customer_id] <= f.created_at <= now, f.title
        assert f.created_at <= f.updated_at <= now
        if f.status == "done":
            assert f.completed_at is not None
            assert f.created_at <= f.completed_at <= now
            assert f.due_at <= now
        else:
            assert f.status == "open" and f.completed_at is None
            assert f.created_at <= f.due_at  # written down before it was due
            overdue += f.due_at < now
    assert overdue > 0  # an open follow-up may well be late, and some are


def test_money_and_evaluations_are_not_dated_in_the_future(demo) -> None:
    rows, now = demo
    today = now.date()
    created = {c.id: c.created_at.date() for c in rows["Customer"]}
    sales: dict[int, date] = {}
    for t in rows["Transaction"]:
        assert created[t.customer_id] <= t.occurred_on <= today, (t.kind, t.occurred_on)
        if t.kind == "sale":
            sales[t.customer_id] = min(sales.get(t.customer_id, t.occurred_on), t.occurred_on)
    for t in rows["Transaction"]:
        if t.kind == "payment":
            assert t.occurred_on >= sales[t.customer_id]  # no payment before any sale
    assert all(e.evaluated_on <= today for e in rows["Evaluation"])


def test_the_mood_of_an_interaction_fits_its_note(demo) -> None:
    rows, _now = demo
    sad = [i.mood for i in rows["Interaction"] if "心情不太好" in (i.content or "")]
    glad = [i.mood for i in rows["Interaction"] if "很感兴趣" in (i.content or "")]
    assert sad and glad
    assert set(sad) <= {"sorrow", "grief", "fear"} and set(glad) <= {"joy", "delight"}


@linux_only
def test_demo_producer_exits_when_the_demo_process_is_killed(tmp_path) -> None:
    """A killed demo (SIGKILL, a crash) cannot stop its producer: it must notice."""
    command = [sys.executable, "-m", "kehubao", "--db", str(tmp_path / "demo.db"), "demo",
               "--customers", "400000"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        producers = wait_for_workers(process)
        clock.sleep(1)  # producing, then blocked on the full queue
        assert kill_and_wait_for_orphans(process, producers) == set()
    finally:
        if process.poll() is None:
            process.kill()
