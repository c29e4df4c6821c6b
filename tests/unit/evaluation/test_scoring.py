"""Weighted scoring (分值比例法), grades on their thresholds, template versions, history
and "why the grade changed" — expected numbers computed by hand in the comments."""

from __future__ import annotations

from datetime import date

import pytest

from kehubao.errors import ValidationError
from kehubao.models import Customer, Evaluation, EvaluationTemplate
from kehubao.services.evaluation.scoring import (
    change_since_last,
    evaluation_sheet,
    grade_for,
    history,
    loyalty_pct,
    sheet,
    weighted_score,
)
from kehubao.services.evaluation.templates import (
    IndicatorDraft,
    TemplateDraft,
    active_template,
    draft_of,
    save_template,
    weight_problem,
)
from kehubao.services.journal import last_undoable, undo

from .helpers import customer, evaluate_all


def test_weighted_score_by_hand() -> None:
    # 30% × 8/10 = 24, 30% × 6/10 = 18, 40% × 4/5 = 32 → 74
    assert weighted_score([(0.3, 10, 8), (0.3, 10, 6), (0.4, 5, 4)]) == 74.0
    assert weighted_score([(0.15, 10, 10), (0.85, 10, 0)]) == 15.0
    assert weighted_score([(1.0, 7, 7)]) == 100.0


@pytest.mark.parametrize(("total", "grade"), [
    (85.0, "A"), (84.99, "B"), (70.0, "B"), (69.99, "C"), (55.0, "C"), (54.99, "D"), (100, "A"), (0, "D")])
def test_grade_exactly_on_threshold_is_the_higher_grade(total: float, grade: str) -> None:
    assert grade_for(total, {"A": 85, "B": 70, "C": 55}) == grade


def test_editable_grade_thresholds() -> None:
    assert grade_for(80, {"A": 80, "B": 60, "C": 40}) == "A"
    assert grade_for(59.5, {"A": 80, "B": 60, "C": 40}) == "C"


def test_loyalty_share_of_loyalty_indicators() -> None:
    # loyalty: 10% × 6/10 + 30% × 9/10 = 0.06 + 0.27 = 0.33 of 0.40 → 82.5%
    pairs = [(0.1, 10, 6, "loyalty"), (0.3, 10, 9, "loyalty"), (0.6, 10, 1, None)]
    assert loyalty_pct(pairs) == 82.5
    assert loyalty_pct([(1.0, 10, 5, None)]) is None


def test_default_template_follows_the_domain(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        template = active_template(s)
        names = [i.name for i in template.indicators]
        assert names == ["开发能力", "销售管理水平", "销售网络", "促销能力", "售后服务", "与本公司的关系",
                         "满意度", "忠诚度", "贡献度", "依存度"]
        assert round(sum(i.weight for i in template.indicators), 6) == 1.0
        assert all(i.levels for i in template.indicators)
        assert {i.name for i in template.indicators if i.dimension == "loyalty"} == {
            "与本公司的关系", "满意度", "忠诚度", "依存度"}


def test_evaluation_on_the_default_template(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        c = customer(s)
        # all 8 → 80; five 10%-indicators at 9 add 5 × 1 point → exactly 85 → A
        e = evaluate_all(s, c.id, 8, 开发能力=9, 销售管理水平=9, 销售网络=9, 促销能力=9, 售后服务=9)
        assert (e.total_score, e.grade) == (85.0, "A")
        assert s.get(Customer, c.id).grade == "A"
        e2 = evaluate_all(s, c.id, 8, 开发能力=9, 销售管理水平=9, 销售网络=9, 促销能力=9)
        assert (e2.total_score, e2.grade) == (84.0, "B")


def test_score_out_of_scale_or_missing_is_refused(db) -> None:  # type: ignore[no-untyped-def]
    from kehubao.services.evaluation.scoring import ScoreInput, evaluate

    with db.session() as s:
        c = customer(s)
        template = active_template(s)
        with pytest.raises(ValidationError, match="超出 0–10"):
            evaluate(s, c.id, [ScoreInput(i.id, 11) for i in template.indicators])
        with pytest.raises(ValidationError, match="还有 1 项没有打分：依存度"):
            evaluate(s, c.id, [ScoreInput(i.id, 5) for i in template.indicators[:-1]])
        assert s.query(Evaluation).count() == 0


def test_weights_must_add_up_to_100(db) -> None:  # type: ignore[no-untyped-def]
    draft = TemplateDraft("小模板", [IndicatorDraft("甲", 50), IndicatorDraft("乙", 45)])
    assert weight_problem(draft.indicators) == "各项权重合计为 95%，应为 100%（还差 +5%）"
    with db.session() as s, pytest.raises(ValidationError, match="合计为 95%"):
        save_template(s, draft)


def test_editing_a_used_template_makes_a_new_version(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        c = customer(s)
        v1 = active_template(s)
        first = evaluate_all(s, c.id, 8, on=date(2026, 3, 31))
        draft = draft_of(v1)
        draft.indicators[0].weight_pct = 20  # 开发能力 10% → 20%
        del draft.indicators[1]  # drop 销售管理水平 (10%): still 100% in all
        v2 = save_template(s, draft, v1.id)
        assert v2.id != v1.id and v2.family_key == v1.family_key and v2.version == 2
        assert not s.get(EvaluationTemplate, v1.id).is_active
        assert active_template(s).id == v2.id
        old = sheet(s, s.get(Evaluation, first.id))
        assert old.template_version == 1 and len(old.indicators) == 10
        assert old.indicators[0].weight_pct == 10.0
        second = evaluate_all(s, c.id, 8, on=date(2026, 6, 30), 开发能力=10)
        # v2: 开发能力 20% × 10/10 = 20, the other 80% × 8/10 = 64 → 84
        assert second.total_score == 84.0
        change = change_since_last(s, second.id)
        assert change.total_delta == 4.0 and not change.grade_changed
        moves = {m.name: m for m in change.moves}
        assert moves["开发能力"].before == 8 and moves["开发能力"].after == 10
        assert moves["开发能力"].points_delta == 12.0  # 8 → 20 points
        assert moves["销售管理水平"].after is None and moves["销售管理水平"].points_delta == -8.0


def test_unused_template_is_edited_in_place(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        v1 = active_template(s)
        draft = draft_of(v1)
        draft.name = "经销商评价（改）"
        assert save_template(s, draft, v1.id).id == v1.id
        assert s.get(EvaluationTemplate, v1.id).name == "经销商评价（改）"


def test_history_and_why_the_grade_changed(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        c = customer(s)
        first = evaluate_all(s, c.id, 8, on=date(2026, 3, 31))  # 80 B
        assert change_since_last(s, first.id) is None
        # 忠诚度 8 → 10 (+3 points), 满意度 8 → 10 (+2): 85 → A
        second = evaluate_all(s, c.id, 8, on=date(2026, 6, 30), 忠诚度=10, 满意度=10)
        change = change_since_last(s, second.id)
        assert (change.previous_grade, change.grade, change.total_delta) == ("B", "A", 5.0)
        assert [(m.name, m.points_delta) for m in change.moves] == [("忠诚度", 3.0), ("满意度", 2.0)]
        sheets = history(s, c.id)
        assert [h.total for h in sheets] == [85.0, 80.0]
        printed = evaluation_sheet(s, second.id)
        assert (printed.total, printed.grade, printed.loyalty_pct) == (85.0, "A", 92.5)
        # loyalty: 与本公司的关系 10%×.8 + 满意度 10%×1 + 忠诚度 15%×1 + 依存度 5%×.8 = .37 of .40
        assert sheets[0].indicators[7].level == "专营或主推本公司产品，无窜货"  # 忠诚度 10 ≥ 9


def test_evaluation_is_undoable(db) -> None:  # type: ignore[no-untyped-def]
    with db.session() as s:
        c = customer(s)
        evaluate_all(s, c.id, 9)
    with db.session() as s:
        undo(s, last_undoable(s).id)
    with db.session() as s:
        assert history(s, c.id) == []
        assert s.get(Customer, c.id).grade is None
