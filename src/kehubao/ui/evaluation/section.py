"""The 评价 section: the evaluation form (with the quarter's walk) beside the customer's
history, and the portfolio view. Other sections open a customer here with
``evaluate_customer``; the portfolio's clicks come out as ``customers_requested``."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QTabWidget, QWidget

from ..sections import Section, SectionAction


class EvaluationPage(QTabWidget):
    def __init__(self, section: EvaluationSection) -> None:
        from .form import EvaluationFormView
        from .history import EvaluationHistory
        from .portfolio_view import PortfolioView
        from .risk_view import RiskListView

        super().__init__()
        ctx = section.ctx
        self.db = ctx.db
        self.form = EvaluationFormView(ctx.db)
        self.history = EvaluationHistory(ctx.db)
        split = QSplitter()
        # Explicit minimums: what the panes' rows of buttons ask for would push the
        # window past 1366 px in English; the panes share what the screen has instead.
        self.form.setMinimumWidth(560)
        self.history.setMinimumWidth(340)
        split.addWidget(self.form)
        split.addWidget(self.history)
        split.setSizes([820, 460])  # the form's row of buttons first; the history scrolls
        self.portfolio = PortfolioView(ctx.db, ctx.bus)
        self.addTab(split, self.tr("评价表"))
        self.addTab(self.portfolio, self.tr("客户组合"))
        self.risks = RiskListView(ctx.db, ctx.bus)
        self.addTab(self.risks, self.tr("风险客户"))
        self.form.customer_changed.connect(self.history.show_customer)
        self.form.saved.connect(self._saved)
        self.currentChanged.connect(self._tab_changed)
        import_button = QPushButton(self.tr("导入交易记录…"))
        import_button.clicked.connect(self.import_transactions)
        assumptions = QPushButton(self.tr("价值与账期假设…"))
        assumptions.clicked.connect(self.edit_assumptions)
        corner = QWidget()
        corner_layout = QHBoxLayout(corner)
        corner_layout.setContentsMargins(0, 0, 0, 0)
        corner_layout.addWidget(assumptions)
        corner_layout.addWidget(import_button)
        self.setCornerWidget(corner)

    def import_transactions(self) -> None:
        from ..widgets.modal import run_modal
        from .import_dialog import TransactionImportDialog

        run_modal(TransactionImportDialog(self.db, self))

    def edit_assumptions(self) -> None:
        from ..widgets.modal import run_modal
        from .value_dialog import ValueAssumptionsDialog

        if run_modal(ValueAssumptionsDialog(self.db, self)) and self.portfolio.data is not None:
            # Settings are not announced on the bus (services/tracking.py keeps them quiet):
            # the pyramid drawn with the old assumptions is redrawn here.
            self.portfolio.reload()

    def _saved(self, _customer_id: int, _evaluation_id: int) -> None:
        self.history.refresh()

    def _tab_changed(self, index: int) -> None:
        if self.widget(index) is self.portfolio and self.portfolio.data is None:
            self.portfolio.reload()
        if self.widget(index) is self.risks and not self.risks.loaded:
            self.risks.reload()


class EvaluationSection(Section):
    key, icon_name = "evaluation", "evaluation"
    customers_requested = Signal(object)  # {"ids": [...]} or {"value_class": code}

    def title(self) -> str:
        return self.tr("评价")

    def build_page(self) -> QWidget:
        page = EvaluationPage(self)
        page.portfolio.customers_requested.connect(self.customers_requested)
        page.risks.customer_requested.connect(self._risk_customer)
        return page

    def _risk_customer(self, customer_id: int) -> None:
        self.customers_requested.emit({"ids": [customer_id]})

    def evaluation_page(self) -> EvaluationPage:
        page = self.page()
        assert isinstance(page, EvaluationPage)
        return page

    def evaluate(self, customer_id: int) -> None:
        """Show the 评价 section with its form on this customer (the customer tab's 评价)."""
        self.ctx.window.go_to(self.key)
        self.evaluate_customer(customer_id)

    def evaluate_customer(self, customer_id: int) -> None:
        page = self.evaluation_page()
        page.setCurrentIndex(0)
        page.form.load_customer(customer_id)

    def current_customer(self) -> int | None:
        page = self._page
        if isinstance(page, EvaluationPage) and page.form.data is not None:
            return page.form.data.customer_id
        return None

    def actions(self) -> list[SectionAction]:
        portfolio = QAction(self.tr("客户组合"), self)
        portfolio.triggered.connect(self._show_portfolio)
        return [SectionAction("evaluation.portfolio", portfolio, menu="go")]

    def _show_portfolio(self) -> None:
        self.evaluation_page().setCurrentIndex(1)

    def confirm_close(self) -> bool:
        return True  # an unsaved form is one customer's scores typed in seconds
