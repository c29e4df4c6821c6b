"""The 评价 section's widgets: the form typed with digits and Tab, live score and grade,
Ctrl+S, the walk; the history with why the grade changed; the portfolio's click-through."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPointF, Qt

from kehubao.models import Customer, Evaluation
from kehubao.services.evaluation.transactions import record_transaction
from kehubao.ui import ops
from kehubao.ui.bus import QtBus


def _customers(db, n: int = 2) -> list[int]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        rows = [Customer(name=f"评价测试{i}", region="华东") for i in range(n)]
        s.add_all(rows)
        s.flush()
        record_transaction(s, rows[0].id, "sale", date.today(), 30_000_000)
        return [r.id for r in rows]


@pytest.fixture
def qt_bus():  # type: ignore[no-untyped-def]
    """A bus adapter that stops listening when the test ends (the service bus is global)."""
    adapter = QtBus()
    yield adapter
    adapter.close()


def _settle(qtbot) -> None:  # type: ignore[no-untyped-def]
    ops.wait_idle()
    qtbot.wait(30)
    ops.wait_idle()


def test_form_digits_tab_live_score_and_ctrl_s(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from kehubao.ui.evaluation.form import EvaluationFormView

    first, _second = _customers(db)
    form = EvaluationFormView(db)
    qtbot.addWidget(form)
    form.resize(1000, 700)
    form.show()
    form.activateWindow()
    qtbot.waitActive(form)
    form.load_customer(first)
    _settle(qtbot)
    assert form.data.customer_name == "评价测试0" and len(form.boxes) == 10
    assert form.focusWidget() is form.boxes[0]
    assert "等级 —" in form.total.text()  # nothing scored yet: no grade
    for box in form.boxes:  # "8", Tab … ten times
        assert form.focusWidget() is box
        qtbot.keyClicks(box, "8")
        qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert form.scores() == [8.0] * 10
    assert "总分 80 · 等级 B" in form.total.text()
    assert form.focusWidget() is form.notes
    form.notes.setPlainText("回款及时")  # QTest cannot type Chinese
    qtbot.keyClick(form.notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    _settle(qtbot)
    with db.session() as s:
        saved = s.query(Evaluation).one()
        assert (saved.customer_id, saved.total_score, saved.grade, saved.notes) == (first, 80.0, "B", "回款及时")


def test_form_refuses_unscored_and_walks_a_region(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from kehubao.ui.evaluation.form import EvaluationFormView

    ids = _customers(db, 3)
    form = EvaluationFormView(db)
    qtbot.addWidget(form)
    form.walk_region.setText("华东")
    form.start_walk()
    _settle(qtbot)
    assert sorted(form.walk) == sorted(ids) and form.position == 0
    form.save()
    assert form.message.text() == "每一项都要打分后才能保存"
    for box in form.boxes:
        box.setValue(10)
    current = form.data.customer_id
    form.save()
    _settle(qtbot)
    assert form.position == 1 and form.data.customer_id != current  # on to the next customer
    assert form.walk_label.text() == "第 2 / 3 个"


def test_history_explains_the_change(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from kehubao.services.evaluation.scoring import ScoreInput, evaluate
    from kehubao.services.evaluation.templates import active_template
    from kehubao.ui.evaluation.history import EvaluationHistory

    cid = _customers(db, 1)[0]
    with db.session() as s:
        t = active_template(s)
        evaluate(s, cid, [ScoreInput(i.id, 8) for i in t.indicators], evaluated_on=date(2026, 3, 31))
        evaluate(s, cid, [ScoreInput(i.id, 10 if i.name == "忠诚度" else 8) for i in t.indicators],
                 evaluated_on=date(2026, 6, 30))
    view = EvaluationHistory(db)
    qtbot.addWidget(view)
    view.show_customer(cid)
    _settle(qtbot)
    assert view.table.rowCount() == 2
    assert view.table.item(0, 2).text() == "83" and view.table.item(0, 3).text() == "+3"
    text = view.why.toPlainText()
    assert "忠诚度：8 → 10，对总分 +3 分" in text and "总分 +3" in text


def test_history_previews_the_sheet_of_the_selected_evaluation(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    import io
    import re

    from pypdf import PdfReader

    from kehubao.services.evaluation.scoring import ScoreInput, evaluate
    from kehubao.services.evaluation.templates import active_template
    from kehubao.services.report_requests import ReportRequest, render_request
    from kehubao.ui.evaluation.history import EvaluationHistory

    cid = _customers(db, 1)[0]
    with db.session() as s:
        t = active_template(s)
        older = evaluate(s, cid, [ScoreInput(i.id, 6) for i in t.indicators],
                         evaluated_on=date(2026, 3, 31)).id
        evaluate(s, cid, [ScoreInput(i.id, 9) for i in t.indicators], evaluated_on=date(2026, 6, 30))
    view = EvaluationHistory(db)
    qtbot.addWidget(view)
    assert not view.preview_button.isEnabled()
    view.show_customer(cid)
    _settle(qtbot)
    assert view.preview_button.isEnabled() and view.print_button.isEnabled()
    view.table.selectRow(1)  # the older one: 6 everywhere, 60 points
    _settle(qtbot)
    # The buttons hand the request to the shared report actions (the preview dialog's own
    # rendering is covered in tests/ui/test_reports_ui.py).
    asked: list[tuple[str, ReportRequest]] = []
    view.reports.preview = lambda request: asked.append(("preview", request))  # type: ignore[method-assign]
    view.reports.print = lambda request: asked.append(("print", request))  # type: ignore[method-assign]
    view.preview_button.click()
    view.print_button.click()
    wanted = ReportRequest("evaluation", customer_id=cid, evaluation_id=older)
    assert asked == [("preview", wanted), ("print", wanted)]
    with db.session(write=False) as s:
        report = render_request(s, wanted)
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(report.pdf)).pages))
    assert "总分：60分" in text and "总分：90分" not in text


def test_portfolio_draws_and_clicks_through(qtbot, db, qt_bus) -> None:  # type: ignore[no-untyped-def]
    from kehubao.services.evaluation.scoring import ScoreInput, evaluate
    from kehubao.services.evaluation.templates import active_template
    from kehubao.ui.evaluation.portfolio_view import PortfolioView

    big, _small = _customers(db)
    with db.session() as s:
        t = active_template(s)
        evaluate(s, big, [ScoreInput(i.id, 9) for i in t.indicators])
    view = PortfolioView(db, qt_bus)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    view.reload()
    _settle(qtbot)
    assert view.summary.item(3, 1).text() == "1"  # class 4: one customer
    view.quadrants.repaint()
    view.pyramid.repaint()
    assert len(view.quadrants._hits) == 1
    centre = view.quadrants._hits[0][0]
    with qtbot.waitSignal(view.customers_requested, timeout=5000) as signal:
        qtbot.mouseClick(view.quadrants, Qt.MouseButton.LeftButton, pos=centre.toPoint())
        _settle(qtbot)
    assert signal.args[0] == {"ids": [big]}
    with qtbot.waitSignal(view.customers_requested, timeout=5000) as signal:
        band = view.pyramid._bands[0].boundingRect().center()
        qtbot.mouseClick(view.pyramid, Qt.MouseButton.LeftButton, pos=QPointF(band.x(), band.y() + 2).toPoint())
    assert signal.args[0] == {"ids": [big]}


def test_section_is_registered(qtbot, db, qt_bus) -> None:  # type: ignore[no-untyped-def]
    from kehubao.ui.sections import SECTIONS

    assert "kehubao.ui.evaluation.section:EvaluationSection" in SECTIONS
    assert not any("EvaluationComing" in path for path in SECTIONS)
    from PySide6.QtWidgets import QMainWindow

    from kehubao.ui.evaluation.section import EvaluationSection
    from kehubao.ui.sections import SectionContext

    cid = _customers(db, 1)[0]
    window = QMainWindow()
    qtbot.addWidget(window)
    section = EvaluationSection(SectionContext(db, qt_bus, window))
    assert section.title() == "评价" and section.current_customer() is None
    window.setCentralWidget(section.page())
    window.show()
    section.evaluate_customer(cid)
    _settle(qtbot)
    assert section.current_customer() == cid
    assert section.evaluation_page().history.customer_id == cid
    section.evaluation_page().setCurrentIndex(1)  # the portfolio loads when first shown
    _settle(qtbot)
    assert section.evaluation_page().portfolio.data is not None


def test_thresholds_saved_and_everyone_reclassified(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from kehubao.services.evaluation.classes import load_thresholds
    from kehubao.services.evaluation.scoring import ScoreInput, evaluate
    from kehubao.services.evaluation.templates import active_template
    from kehubao.ui.evaluation.settings_bar import ThresholdBar
    from kehubao.ui.tasks import wait_for_tasks

    big, _small = _customers(db)  # 30万 of sales
    with db.session() as s:
        t = active_template(s)
        evaluate(s, big, [ScoreInput(i.id, 7) for i in t.indicators])  # loyalty 70% → class 4
    bar = ThresholdBar(db)
    qtbot.addWidget(bar)
    _settle(qtbot)
    assert (bar.volume.value(), bar.loyalty.value()) == (20.0, 60.0)  # 20 万元, 60%
    bar.loyalty.setValue(75)
    with qtbot.waitSignal(bar.reclassified, timeout=20_000):
        bar.save()
        wait_for_tasks()
    _settle(qtbot)
    with db.session() as s:
        assert load_thresholds(s).loyalty_pct == 75.0
        assert s.get(Customer, big).value_class == "2"  # 70% < 75%: no longer loyal
    assert "1 个客户的分类有变化" in bar.result.text()


def test_risk_list_view(qtbot, db, qt_bus) -> None:  # type: ignore[no-untyped-def]
    from kehubao.ui.evaluation.risk_view import RiskListView

    with db.session() as s:
        late = Customer(name="拖欠商行", receivable_fen=500_000, overdue_fen=300_000)
        s.add_all([late, Customer(name="正常商行")])
        s.flush()
        late_id = late.id
    view = RiskListView(db, qt_bus)
    qtbot.addWidget(view)
    view.reload()
    _settle(qtbot)
    assert view.table.rowCount() == 1
    assert [view.table.item(0, c).text() for c in (0, 3, 6)] == ["拖欠商行", "3,000.00", "3,000.00"]
    with qtbot.waitSignal(view.customer_requested) as signal:
        view.table.cellDoubleClicked.emit(0, 0)
    assert signal.args == [late_id]


def test_template_dialog_says_when_weights_do_not_add_up(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialogButtonBox

    from kehubao.models import EvaluationTemplate
    from kehubao.services.evaluation.templates import active_template
    from kehubao.ui.evaluation.template_dialog import TemplateDialog

    cid = _customers(db, 1)[0]
    _evaluate_once(db, cid)
    dialog = TemplateDialog(db)
    qtbot.addWidget(dialog)
    _settle(qtbot)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert dialog.table.rowCount() == 10 and dialog.sum_label.text() == "权重合计 100%"
    dialog.table.cellWidget(0, 1).setValue(5)  # 开发能力 10% → 5%
    assert dialog.sum_label.text() == "各项权重合计为 95%，应为 100%（还差 +5%）"
    assert not save.isEnabled()
    dialog.table.cellWidget(1, 1).setValue(15)  # 销售管理水平 10% → 15%: 100% again
    assert save.isEnabled()
    dialog.save()
    _settle(qtbot)
    with db.session() as s:
        current = active_template(s)
        assert current.version == 2  # the old version has an evaluation: a new one is made
        assert [round(i.weight * 100) for i in current.indicators][:2] == [5, 15]
        assert s.query(EvaluationTemplate).count() == 2


def _evaluate_once(db, cid: int) -> None:  # type: ignore[no-untyped-def]
    from kehubao.services.evaluation.scoring import ScoreInput, evaluate
    from kehubao.services.evaluation.templates import active_template

    with db.session() as s:
        evaluate(s, cid, [ScoreInput(i.id, 6) for i in active_template(s).indicators])


def test_transaction_import_dialog(qtbot, db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kehubao.models import Transaction
    from kehubao.ui.evaluation.import_dialog import TransactionImportDialog
    from kehubao.ui.tasks import wait_for_tasks

    with db.session() as s:
        c = Customer(name="华联商贸", code="KH001")
        s.add(c)
        s.flush()
        cid = c.id
    bad = tmp_path / "bad.csv"
    bad.write_text("客户编号,类型,日期,金额\nKH001,销售,2026-03-01,1000\nKH001,赠送,2026-03-02,5\n",
                   encoding="utf-8")
    dialog = TransactionImportDialog(db)
    qtbot.addWidget(dialog)
    dialog.open_file(bad)
    _settle(qtbot)
    assert dialog.errors.count() == 1 and dialog.errors.item(0).text().startswith("第 3 行：类型“赠送”")
    assert not dialog.import_button.isEnabled()
    good = tmp_path / "good.csv"
    good.write_text("客户编号,类型,日期,金额,备忘\nKH001,销售,2026-03-01,1000,首单\nKH001,回款,2026-03-20,400,\n",
                    encoding="utf-8")
    dialog.open_file(good)
    _settle(qtbot)
    assert dialog.preview.rowCount() == 2 and dialog.preview.item(0, 3).text() == "1,000.00"
    assert dialog.current_mapping() == ["customer_code", "kind", "occurred_on", "amount", None]
    dialog.mapping.cellWidget(4, 1).setCurrentIndex(dialog.mapping.cellWidget(4, 1).findData("note"))
    _settle(qtbot)
    assert dialog.import_button.isEnabled()
    dialog.run_import()
    wait_for_tasks()
    _settle(qtbot)
    assert dialog.result is not None and dialog.result.imported == 2
    with db.session() as s:
        rows = s.query(Transaction).filter_by(customer_id=cid).order_by(Transaction.id).all()
        assert [(r.kind, r.amount_fen, r.note) for r in rows] == [("sale", 100_000, "首单"), ("payment", 40_000, None)]


def test_value_assumptions_dialog_loads_and_saves(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from kehubao.services.evaluation.value import load_assumptions
    from kehubao.ui.evaluation.value_dialog import ValueAssumptionsDialog

    dialog = ValueAssumptionsDialog(db)
    qtbot.addWidget(dialog)
    _settle(qtbot)
    fields = dialog.form.fields
    assert (fields["margin_pct"].value(), fields["years_4"].value(), fields["years_none"].value(),
            fields["referral_pct"].value(), fields["terms_days"].value()) == (20.0, 5.0, 2.0, 10.0, 30)
    assert not dialog.is_dirty()
    fields["margin_pct"].setValue(32.5)
    fields["years_3"].setValue(6)
    fields["terms_days"].setValue(45)
    assert dialog.is_dirty()
    dialog.save()
    _settle(qtbot)
    with db.session() as s:
        saved = load_assumptions(s)
    assert (saved.value.margin_pct, saved.value.years_for("3"), saved.value.years_for("4"),
            saved.terms_days) == (32.5, 6.0, 5.0, 45)


def test_history_trend_draws_one_point_per_evaluation(qtbot, db) -> None:  # type: ignore[no-untyped-def]
    from kehubao.services.evaluation.scoring import ScoreInput, evaluate
    from kehubao.services.evaluation.templates import active_template
    from kehubao.ui.evaluation.history import EvaluationHistory

    cid = _customers(db, 1)[0]
    with db.session() as s:
        t = active_template(s)
        for day, value in ((date(2025, 12, 31), 6), (date(2026, 3, 31), 9), (date(2026, 6, 30), 7)):
            evaluate(s, cid, [ScoreInput(i.id, value) for i in t.indicators], evaluated_on=day)
    view = EvaluationHistory(db)
    qtbot.addWidget(view)
    view.show_customer(cid)
    _settle(qtbot)
    chart = view.trend
    chart.resize(600, 200)
    chart.grab()  # paints
    assert [total for _period, total, _grade in chart.totals] == [60, 90, 70]  # oldest first
    assert len(chart.points) == 3
    xs = [p.x() for p in chart.points]
    assert xs == sorted(xs) and len(set(xs)) == 3
    y60, y90, y70 = (p.y() for p in chart.points)
    assert y90 < y70 < y60  # a higher total is drawn higher
    assert abs(y60 - chart._y(60)) < 0.01 and abs(y90 - chart._y(90)) < 0.01
    assert chart.thresholds and all(g in chart.thresholds for g in ("A", "B", "C"))
    view.show_customer(_customers(db, 1)[0])  # a customer without evaluations: no points
    _settle(qtbot)
    chart.grab()
    assert chart.points == []
