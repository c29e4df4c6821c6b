"""`evaluate` and `classify`: score a customer from a script, reclassify everyone."""

from __future__ import annotations

import argparse
import re
from datetime import date

from ..errors import UserError
from .commands_data import open_for_cli
from .main import EXIT_OK, ProgressLine, add_db_argument, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("evaluate", help="按评价模板给客户打分（分值比例法）")
    p.add_argument("--customer", required=True, metavar="ID", help="客户 ID 或客户编号")
    p.add_argument("--scores", required=True, metavar="SCORES",
                   help="按指标顺序的分数，如 8,7,9,…；或按名称，如 开发能力=8,忠诚度=9,…（须覆盖全部指标）")
    p.add_argument("--template", type=int, metavar="ID", help="评价模板 ID（默认：当前模板）")
    p.add_argument("--date", type=_day, metavar="YYYY-MM-DD", help="评价日期（默认今天；期间为其所在季度）")
    p.add_argument("--notes", metavar="TEXT", help="评语")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_db_argument(p)
    p.set_defaults(handler=cmd_evaluate)

    p = sub.add_parser("classify", help="按销量 × 忠诚度重新给全部客户分类")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_db_argument(p)
    p.set_defaults(handler=cmd_classify)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是 YYYY-MM-DD 格式的日期") from None


def parse_scores(text: str, names: list[str]) -> list[float]:
    """Scores in indicator order from "8,7,9" or "开发能力=8,忠诚度=9" (every indicator)."""
    parts = [p.strip() for p in re.split(r"[,，;；\s]+", text.strip()) if p.strip()]
    named = [p for p in parts if "=" in p]
    if named and len(named) != len(parts):
        raise UserError("分数请统一写成“8,7,9”或“指标=分数”，不要混用")
    try:
        if not named:
            values = [float(p) for p in parts]
            if len(values) != len(names):
                raise UserError(f"模板有 {len(names)} 项指标（{'、'.join(names)}），收到 {len(values)} 个分数")
            return values
        given = {}
        for part in named:
            name, _, value = part.partition("=")
            if name.strip() not in names:
                raise UserError(f"模板里没有指标“{name.strip()}”（有：{'、'.join(names)}）")
            given[name.strip()] = float(value)
    except ValueError:
        raise UserError(f"分数必须是数字：{text}") from None
    missing = [n for n in names if n not in given]
    if missing:
        raise UserError(f"还有 {len(missing)} 项没有打分：{'、'.join(missing)}")
    return [given[n] for n in names]


def _customer_id(session, text: str) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from ..models import Customer

    found = session.scalar(select(Customer.id).where(Customer.code == text, Customer.deleted_at.is_(None)))
    if found is None and text.isdigit():
        found = session.scalar(select(Customer.id).where(Customer.id == int(text),
                                                         Customer.deleted_at.is_(None)))
    if found is None:
        raise UserError(f"找不到客户“{text}”")
    return found


def cmd_evaluate(args: argparse.Namespace) -> int:
    from ..models import EvaluationTemplate
    from ..models.enums import ValueClass
    from ..services.evaluation.scoring import ScoreInput, change_since_last, evaluate
    from ..services.evaluation.templates import active_template

    db = open_for_cli(args)
    with db.session() as session:
        customer_id = _customer_id(session, args.customer)
        template = (session.get(EvaluationTemplate, args.template) if args.template
                    else active_template(session))
        if template is None:
            raise UserError(f"找不到评价模板 {args.template}")
        values = parse_scores(args.scores, [i.name for i in template.indicators])
        evaluation = evaluate(session, customer_id,
                              [ScoreInput(i.id, v) for i, v in zip(template.indicators, values, strict=True)],
                              template_id=template.id, evaluated_on=args.date, notes=args.notes)
        change = change_since_last(session, evaluation.id)
        result = {
            "id": evaluation.id, "customer": customer_id, "period": evaluation.period_label,
            "total": evaluation.total_score, "grade": evaluation.grade,
            "value_class": evaluation.value_class,
            "change": None if change is None else {
                "previous_total": change.previous_total, "previous_grade": change.previous_grade,
                "delta": change.total_delta,
                "moves": [{"indicator": m.name, "before": m.before, "after": m.after,
                           "points": m.points_delta} for m in change.moves]},
        }
    if args.json:
        print_json(result)
        return EXIT_OK
    print(f"{result['period']}：总分 {result['total']:g}，等级 {result['grade']}，"
          f"分类 {ValueClass.label_of(result['value_class'], '未分类')}")
    if change is not None:
        print(f"比上次（{change.previous_period}，{change.previous_total:g} 分 {change.previous_grade}）"
              f"{change.total_delta:+g} 分")
        for m in change.moves:
            print(f"  {m.name}：{_score(m.before)} → {_score(m.after)}（{m.points_delta:+g} 分）")
    return EXIT_OK


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:g}"


def cmd_classify(args: argparse.Namespace) -> int:
    from ..models.enums import ValueClass
    from ..services.evaluation.classes import load_thresholds, reclassify_all

    db = open_for_cli(args)
    progress = ProgressLine("分类")
    try:
        with db.session() as session:
            summary = reclassify_all(session, lambda f: progress("按销量 × 忠诚度", f))
            thresholds = load_thresholds(session)
    finally:
        progress.done()
    if args.json:
        print_json({**summary.to_json(), "thresholds": {
            "volume_fen": thresholds.volume_fen, "loyalty_pct": thresholds.loyalty_pct}})
        return EXIT_OK
    print(f"已分类 {summary.customers} 个客户，其中 {summary.changed} 个分类有变化"
          f"（销量分界 {thresholds.volume_fen / 100:,.0f} 元，忠诚度分界 {thresholds.loyalty_pct:g}%）")
    for code in ("4", "3", "2", "1", ""):
        print(f"  {ValueClass.label_of(code, '未分类（无评价）')}：{summary.counts.get(code, 0)}")
    return EXIT_OK
