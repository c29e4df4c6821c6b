"""Render every report from a small demo database into a folder, to look at.

    python scripts/render_reports.py [OUT_DIR] [--db PATH] [--png]

Without --db a 200-customer demo database is generated in a temporary folder, plus one
showcase customer with the hard cases (markup characters and a rare ideograph in the
name, an emoji, notes long enough for several pages, amounts, two evaluations). With
--png every page is also turned into a PNG at 60 dpi (needs pdftoppm from
poppler-utils) so the pages can be checked by eye.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import kehubao.services  # noqa: E402,F401  (session hooks)
from kehubao.db import Database, open_database  # noqa: E402
from kehubao.reports import batch, data, render_customer_list, render_visit_list  # noqa: E402


def add_showcase(db: Database) -> int:
    """One customer exercising everything that is hard to print."""
    from sqlalchemy import select

    from kehubao.models import (
        Contact,
        Customer,
        Evaluation,
        EvaluationTemplate,
        FollowUp,
        Interaction,
        SalesRep,
        Score,
        Setting,
    )

    with db.session() as s:
        if s.get(Setting, "letterhead") is None:
            s.add(Setting(key="letterhead", value={
                "company": "湘江 & 岳麓 贸易有限公司", "address": "长沙市岳麓区麓山南路 1 号",
                "phone": "0731-8888 6666"}))
        rep = s.scalar(select(SalesRep).limit(1)) or SalesRep(name="张三")
        customer = Customer(
            name="A&B <贸易> 公司 𠮷野家 䶮记", code="KH-SHOW", status="stable",
            customer_type="dealer", province="湖南", city="长沙", region="华中区",
            address="五一大道 & 芙蓉路口 88 号", phone="0731-88886666", owner=rep,
            industry="医药", value_class="2", grade="B", sales_12m_fen=1234567,
            receivable_fen=250000, overdue_fen=1001000, credit_limit_fen=10000000,
            notes="".join(f"第{n}次回访：客户希望在旺季前备货，付款周期从30天调整为45天，"
                          f"订单号XS2026{n:04d}，金额¥12,345.67。" for n in range(1, 90))
            + "客户很满意😀👍")
        s.add(customer)
        s.flush()
        contact = Contact(customer_id=customer.id, name="王䶮", title="总经理",
                          decision_role="decision_maker", last_emotion="anger",
                          age_band="middle", home_region="south", gender="male",
                          personality="爽快、直接 &amp; 讲效率", preferences="喝茶，不喝酒",
                          is_primary=True, mobile="13800000000", wechat="wangyan_88")
        s.add(contact)
        s.flush()
        when = datetime.combine(date.today() - timedelta(days=2), datetime.min.time())
        visit = Interaction(
            customer_id=customer.id, contact_id=contact.id, owner_id=rep.id, kind="visit",
            occurred_at=when.replace(hour=10), duration_minutes=45, location="长沙",
            subject="介绍新品 <A款> 并催收货款", content="谈了新品的价格 & 账期，" * 20 + "。",
            mood="anger", needs_found="需要更长账期；希望我们派人做陈列",
            objections="价格比别家高 15%", reply_used="质量更稳定，返修少，算下来总成本更低",
            reply_worked=True, outcome="同意先试订 200 箱", next_step="下周一送报价单，同时对账")
        s.add(visit)
        s.flush()
        s.add(FollowUp(customer_id=customer.id, contact_id=contact.id,
                       interaction_id=visit.id, title="送报价单并对账",
                       due_at=when + timedelta(days=5, hours=9)))
        template = s.scalar(select(EvaluationTemplate))
        for label, day, scores, total, grade, klass in (
                ("2026年第一季度", date(2026, 4, 5), 6, 60.0, "C", "3"),
                ("2026年第二季度", date(2026, 7, 5), 8, 82.0, "B", "2")):
            s.add(Evaluation(customer_id=customer.id, template_id=template.id,
                             period_label=label, evaluated_on=day, evaluator_id=rep.id,
                             total_score=total, grade=grade, value_class=klass,
                             notes="销量大但有窜货苗头 <需关注>，回款偏慢。",
                             scores=[Score(indicator_id=i.id,
                                           value=10 if n == 7 and scores == 8 else scores)
                                     for n, i in enumerate(template.indicators)]))
        return customer.id


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("out", nargs="?", type=Path, default=ROOT / "build" / "reports")
    p.add_argument("--db", type=Path, help="an existing database (copied, not changed)")
    p.add_argument("--png", action="store_true", help="also write PNG pages (pdftoppm)")
    args = p.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "reports-demo.db"
        if args.db:
            shutil.copyfile(args.db, path)
            db = open_database(str(path))
        else:
            from kehubao.services.demo import generate_demo

            db = open_database(str(path))
            generate_demo(db, customers=200, seed=3)
        showcase = add_showcase(db)
        with db.session(write=False) as s:
            from sqlalchemy import select

            from kehubao.models import Customer, Evaluation

            evaluated = s.scalar(select(Evaluation.customer_id).limit(1))
            never = s.scalar(select(Customer.id).where(
                Customer.id.not_in(select(Evaluation.customer_id))).limit(1))
            for kind in batch.KINDS:
                for cid in {showcase, evaluated, never} - {None}:
                    target = args.out / batch.file_name(kind, cid, s.get(Customer, cid).name)
                    try:
                        batch.render_customer_report(s, kind, cid, target)
                    except Exception as exc:  # noqa: BLE001  (a customer without visits)
                        print(f"{kind} {cid}: {exc}", file=sys.stderr)
            head = data.letterhead(s)
            render_customer_list(data.customer_list(s, region="华中区"), "华中区",
                                 args.out / "客户名单-华中区.pdf", letterhead=head)
            end = date.today()
            start = end - timedelta(days=6)
            render_visit_list(data.visits_between(s, start, end), start, end,
                              args.out / "拜访记录-本周.pdf", letterhead=head)
        db.dispose()
    if args.png:
        for pdf in sorted(args.out.glob("*.pdf")):
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(pdf.with_suffix(""))],
                           check=True)
    print(f"reports written to {args.out}")


if __name__ == "__main__":
    main()
