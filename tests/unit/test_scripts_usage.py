"""Use tracking and ranking: counts from interactions, the Wilson lower bound (expected
values worked out by hand below), segment ranking, and logging a use from the panel."""

from __future__ import annotations

import pytest

from kehubao.errors import UserError
from kehubao.models import Customer, Interaction
from kehubao.services.journal import last_undoable, undo
from kehubao.services.scripts import (
    MIN_SEGMENT_TRIALS,
    Person,
    build_index,
    person_of,
    record_script_use,
    search_scripts,
    segment_stats,
    set_reply_outcome,
    usage_stats,
    wilson_lower_bound,
)

from .scripts_helpers import log, person, script_by_key

# z = 1.96, z² = 3.8416. Lower bound = (p + z²/2n − z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)
#  1 of 1:  p=1:   (1 + 1.9208 − 1.96·√(0.9604)) / 4.8416 = 1 / 4.8416          = 0.20654
# 40 of 50: p=0.8: (0.8 + 0.038416 − 1.96·√(0.0032 + 0.00038416)) / 1.076832
#                  = (0.838416 − 0.117341) / 1.076832                           = 0.66963
#  5 of 10: p=0.5: (0.5 + 0.19208 − 1.96·√(0.025 + 0.009604)) / 1.38416
#                  = (0.69208 − 0.364602) / 1.38416                             = 0.23659
#  9 of 10: p=0.9: (0.9 + 0.19208 − 1.96·√(0.009 + 0.009604)) / 1.38416        = 0.59584


@pytest.mark.parametrize(("worked", "trials", "expected"), [
    (1, 1, 0.20654), (40, 50, 0.66963), (5, 10, 0.23659), (9, 10, 0.59584), (0, 0, 0.0),
    (0, 5, 0.0)])
def test_wilson_lower_bound(worked: int, trials: int, expected: float) -> None:
    assert wilson_lower_bound(worked, trials) == pytest.approx(expected, abs=5e-5)


def test_one_of_one_does_not_beat_forty_of_fifty(db) -> None:
    with db.session() as s:
        script = script_by_key(s, "price-too-high")
        lucky, proven, untried = (r.id for r in script.live_replies)
        wang = person(s, "王经理")
        log(s, wang, script.id, lucky, True)
        log(s, wang, script.id, proven, True, times=40)
        log(s, wang, script.id, proven, False, times=10)
        log(s, wang, script.id, proven, None, times=3)  # outcome not noted: used, no trial
        log(s, wang, script.id, untried, True, times=5, deleted=True)  # in the bin: ignored
        stats = usage_stats(s)
        assert (stats.replies[proven].used, stats.replies[proven].trials,
                stats.replies[proven].worked) == (53, 50, 40)
        assert stats.replies[lucky].rate == 1.0
        assert stats.replies[lucky].score == pytest.approx(0.20654, abs=5e-5)
        assert stats.replies[proven].score == pytest.approx(0.66963, abs=5e-5)
        assert untried not in stats.replies
        # script: 54 uses, 51 noted outcomes, 41 worked
        tally = stats.scripts[script.id]
        assert (tally.used, tally.trials, tally.worked) == (54, 51, 41)
        match = build_index(s).search("太贵")[0]
        assert match.script_id == script.id
        assert [r.id for r in match.replies] == [proven, lucky, untried]
        assert match.best_reply.id == proven


def test_success_lifts_a_script_among_equal_matches(db) -> None:
    with db.session() as s:
        budget = script_by_key(s, "no-budget")
        discount = script_by_key(s, "ask-discount")
        before = {m.script_id: m for m in build_index(s).search("价格高")}
        # both found only through the price concept: equal scores, library order
        assert before[budget.id].score == before[discount.id].score == 40.0
        order = list(before)
        assert order.index(budget.id) < order.index(discount.id)
        li = person(s, "李总")
        log(s, li, discount.id, discount.live_replies[0].id, True, times=9)
        log(s, li, discount.id, discount.live_replies[0].id, False, times=1)
        after = {m.script_id: m for m in build_index(s).search("价格高")}
        # 9 of 10 adds 30 × 0.59584 = 17.875: above the concept-only scripts, still
        # below the three scripts whose phrasings share the words (65)
        assert after[discount.id].score == pytest.approx(40 + 30 * 0.59584, abs=0.01)
        order = list(after)
        assert order.index(discount.id) == 3 < order.index(budget.id)


def test_segment_ranking_needs_enough_data(db) -> None:
    with db.session() as s:
        price = script_by_key(s, "price-too-high")
        first, second = price.live_replies[0].id, price.live_replies[1].id
        elder = person(s, "老张", age_band="elder", home_region="north")
        young = person(s, "小刘", age_band="young")
        # Older contacts: the second reply works (10 of 12), the first does not (2 of 10)
        log(s, elder, price.id, second, True, times=10)
        log(s, elder, price.id, second, False, times=2)
        log(s, elder, price.id, first, True, times=2)
        log(s, elder, price.id, first, False, times=8)
        # Young contacts: the first works, but only 4 outcomes: not enough
        log(s, young, price.id, first, True, times=4)
        overall = usage_stats(s)
        assert overall.replies[first].worked == 6 and overall.replies[first].trials == 14

        older = segment_stats(s, Person(age_band="elder"))
        assert older is not None and older.basis == "同为老年的联系人"
        assert older.segment == ("age_band", "elder")
        assert (older.replies[second].worked, older.replies[second].trials) == (10, 12)
        assert segment_stats(s, Person(age_band="young")) is None
        assert segment_stats(s, Person(home_region="north")).basis == "同为北方的联系人"
        assert MIN_SEGMENT_TRIALS == 10

        matches, basis = search_scripts(s, "太贵", contact_id=elder.id)
        assert basis == "同为老年的联系人"
        assert matches[0].best_reply.id == second
        matches, basis = search_scripts(s, "太贵", contact_id=young.id)
        assert basis == ""


def test_last_mood_segment_comes_first(db) -> None:
    with db.session() as s:
        price = script_by_key(s, "price-too-high")
        reply = price.live_replies[2].id
        angry = person(s, "赵总", age_band="middle")
        log(s, angry, price.id, reply, True, times=10, mood="anger")
        assert person_of(s, angry.id) == Person("middle", None, "anger")
        assert segment_stats(s, person_of(s, angry.id)).basis == "情绪同为“怒”时"


def test_record_script_use_and_outcome_and_undo(db) -> None:
    with db.session() as s:
        price = script_by_key(s, "price-too-high")
        reply = price.live_replies[1]
        chen = person(s, "陈经理")
        interaction = record_script_use(s, chen.customer_id, price.id, reply.id,
                                        contact_id=chen.id)
        assert interaction.reply_used == reply.text and interaction.reply_worked is None
        assert s.get(Customer, chen.customer_id).last_contact_at == interaction.occurred_at
        assert usage_stats(s).replies[reply.id].used == 1
        set_reply_outcome(s, interaction.id, True)
        assert usage_stats(s).replies[reply.id].worked == 1
        other = script_by_key(s, "too-busy").live_replies[0].id
        with pytest.raises(UserError):
            record_script_use(s, chen.customer_id, price.id, other)
        iid = interaction.id
    with db.session() as s:
        undo(s, last_undoable(s).id)  # the outcome
        undo(s, last_undoable(s).id)  # the use itself
        assert s.get(Interaction, iid).deleted_at is not None
        assert usage_stats(s).replies == {}
