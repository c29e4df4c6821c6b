"""The 交易与评价 page of a customer's tab: record a sale, payment or return, a support
action or a risk where the salesperson is; see what the customer owes (aged 0–30 /
31–60 / 61–90 / 90+ days, overdue, against the credit limit), what it is worth, the
support it got, its risks and latest evaluation; list its transactions and delete one
(Ctrl+Z brings it back). Reads and writes go through ui/ops.py; the page refreshes when
the bus says the customer's data changed (the customer tab calls ``refresh``)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...models.enums import RiskKind, SupportKind, TransactionKind, ValueClass
from ...services.evaluation.ledger import CustomerLedger, customer_ledger
from ...services.evaluation.transactions import AGEING_BUCKETS, delete_transaction
from ...services.overview import Overview
from .. import ops
from ..i18n import enum_label, period_label
from ..icons import icon
from ..widgets.modal import run_modal


def money(fen: int | None) -> str:
    return "—" if not fen else f"¥{fen / 100:,.2f}"


ALARM = "color:#c62828;font-weight:600"


class CustomerMoneyPage(QWidget):
    def __init__(self, db: Database, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.customer_id = db, customer_id
        self.ledger: CustomerLedger | None = None
        self.overview: Overview | None = None
        buttons = QHBoxLayout()
        self.record_buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("sale", self.tr("记一笔销售"), self.record_sale),
            ("payment", self.tr("回款"), self.record_payment),
            ("return", self.tr("退货"), self.record_return),
            ("support", self.tr("记录支援"), self.record_support),
            ("risk", self.tr("记录风险"), self.record_risk),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setEnabled(False)  # until the ledger (the customer's name, terms) is in
            buttons.addWidget(button)
            self.record_buttons[key] = button
        buttons.addStretch(1)

        self.summary = QTextBrowser()
        self.summary.setOpenLinks(False)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([self.tr("日期"), self.tr("类型"), self.tr("金额"),
                                              self.tr("到期日"), self.tr("产品"), self.tr("单号"),
                                              self.tr("备注")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.delete_button = QPushButton(icon("delete"), self.tr("删除所选交易"))
        self.delete_button.setToolTip(self.tr("移入回收站，Ctrl+Z 可撤销"))
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self.delete_selected)
        delete_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_selected)
        self.count = QLabel()
        self.count.setStyleSheet("color:#607d8b;")
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("交易记录")))
        right_layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.delete_button)
        right_layout.addLayout(bottom)
        split = QSplitter()
        split.addWidget(self.summary)
        split.addWidget(right)
        split.setSizes([480, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)

    # ------------------------------------------------------------------ data

    def refresh(self) -> None:
        ops.query(self, self.db, lambda session: customer_ledger(session, self.customer_id),
                  self._show_ledger, on_error=lambda _exc: None,  # a deleted customer: the tab closes
                  key=f"customer-ledger:{id(self)}")

    def show_overview(self, overview: Overview) -> None:
        self.overview = overview
        self._render()

    def _show_ledger(self, ledger: CustomerLedger) -> None:
        self.ledger = ledger
        for button in self.record_buttons.values():
            button.setEnabled(True)
        self._fill_table(ledger)
        self._render()

    def _fill_table(self, ledger: CustomerLedger) -> None:
        selected = self.selected_id()
        self.table.setRowCount(len(ledger.transactions))
        for row, t in enumerate(ledger.transactions):
            cells = (t.occurred_on.isoformat(), enum_label(TransactionKind, t.kind),
                     ("−" if t.kind != TransactionKind.SALE else "") + money(t.amount_fen),
                     t.due_on.isoformat() if t.due_on else "", t.product or "", t.reference or "",
                     t.note or "")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setData(Qt.ItemDataRole.UserRole, t.id)
                self.table.setItem(row, column, item)
            if t.id == selected:
                self.table.selectRow(row)
        self.count.setText(self.tr("共 %1 笔").replace("%1", str(len(ledger.transactions))))
        self._selection_changed()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(Qt.ItemDataRole.UserRole) if rows else None

    def _selection_changed(self) -> None:
        self.delete_button.setEnabled(self.selected_id() is not None)

    # ------------------------------------------------------------------ actions

    def delete_selected(self) -> None:
        """To the recycle bin at once: Ctrl+Z (the window's undo) brings it back."""
        transaction_id = self.selected_id()
        if transaction_id is not None:
            ops.write(self, self.db, lambda session: delete_transaction(session, transaction_id))

    def _record(self, dialog) -> None:  # type: ignore[no-untyped-def]
        run_modal(dialog)

    def record_transaction(self, kind: str) -> None:
        from .money_dialogs import TransactionDialog

        if self.ledger is not None:
            self._record(TransactionDialog(self.db, self.customer_id, self.ledger.name, kind,
                                           self.ledger.terms_days, self))

    def record_sale(self) -> None:
        self.record_transaction(TransactionKind.SALE.value)

    def record_payment(self) -> None:
        self.record_transaction(TransactionKind.PAYMENT.value)

    def record_return(self) -> None:
        self.record_transaction(TransactionKind.RETURN.value)

    def record_support(self) -> None:
        from .money_dialogs import SupportDialog

        if self.ledger is not None:
            self._record(SupportDialog(self.db, self.customer_id, self.ledger.name, self))

    def record_risk(self) -> None:
        from .money_dialogs import RiskDialog

        if self.ledger is not None:
            self._record(RiskDialog(self.db, self.customer_id, self.ledger.name, self))

    # ------------------------------------------------------------------ rendering

    def _render(self) -> None:
        parts = []
        if self.ledger is not None:
            parts += [self._receivables_html(self.ledger), self._value_html(self.ledger),
                      self._risk_html(self.ledger), self._support_html(self.ledger)]
        if self.overview is not None:
            parts.append(self._evaluation_html(self.overview))
        scroll = self.summary.verticalScrollBar().value()
        self.summary.setHtml("".join(parts))
        self.summary.verticalScrollBar().setValue(scroll)

    @staticmethod
    def _table(rows: list[tuple[str, str, str]]) -> str:
        return "<table cellpadding='2'>" + "".join(
            f"<tr><td style='color:#607d8b;padding-right:12px'>{escape(k)}</td>"
            f"<td align='right' style='{style}'>{escape(v)}</td></tr>" for k, v, style in rows) + "</table>"

    def _receivables_html(self, ledger: CustomerLedger) -> str:
        r = ledger.receivables
        buckets = {"0-30": self.tr("0–30 天"), "31-60": self.tr("31–60 天"),
                   "61-90": self.tr("61–90 天"), "90+": self.tr("90 天以上")}
        rows = [(self.tr("应收款"), money(r.receivable_fen), "")]
        if r.balance_fen < 0:
            rows.append((self.tr("预收款"), money(-r.balance_fen), ""))
        rows += [(buckets[b], money(r.ageing[b]), ALARM if b == "90+" and r.ageing[b] else "")
                 for b in AGEING_BUCKETS]
        rows.append((self.tr("逾期"), money(r.overdue_fen), ALARM if r.overdue_fen else ""))
        if r.max_days_overdue:
            rows.append((self.tr("最长逾期"), self.tr("%1 天").replace("%1", str(r.max_days_overdue)), ALARM))
        rows.append((self.tr("信用额度"), money(r.credit_limit_fen) if r.credit_limit_fen else self.tr("未设"), ""))
        if r.over_limit_fen:
            rows.append((self.tr("超出额度"), money(r.over_limit_fen), ALARM))
        rows.append((self.tr("账期"), self.tr("%1 天").replace("%1", str(ledger.terms_days)), ""))
        return "<h4>" + escape(self.tr("应收款与账龄")) + "</h4>" + self._table(rows)

    def _value_html(self, ledger: CustomerLedger) -> str:
        v = ledger.value
        rows = [(self.tr("既成价值"), money(v.realised_fen), ""),
                (self.tr("潜在价值"), money(v.potential_fen), ""),
                (self.tr("影响价值"), money(v.influence_fen), ""),
                (self.tr("合计"), money(v.total_fen), "font-weight:600")]
        basis = (self.tr("按近 12 个月净销售 %1、预计还合作 %2 年；推荐了 %3 个客户。")
                 .replace("%1", money(v.sales_12m_fen)).replace("%2", f"{v.remaining_years:g}")
                 .replace("%3", str(v.referrals)))
        return ("<h4>" + escape(self.tr("客户价值")) + "</h4>" + self._table(rows)
                + f"<p style='color:#607d8b'>{escape(basis)}</p>")

    def _risk_html(self, ledger: CustomerLedger) -> str:
        if not ledger.risk_events and not ledger.flags:
            return ""
        items = []
        if ledger.receivables.overdue_fen:
            items.append(f"<li style='{ALARM}'>{escape(enum_label(RiskKind, 'overdue'))} "
                         f"{escape(money(ledger.receivables.overdue_fen))}</li>")
        if ledger.receivables.over_limit_fen:
            items.append(f"<li style='{ALARM}'>{escape(enum_label(RiskKind, 'credit'))} "
                         f"{escape(money(ledger.receivables.over_limit_fen))}</li>")
        resolved = self.tr("（已处理）")
        bracketed = self.tr("【%1】")  # the kind of an entry, before its description
        for e in ledger.risk_events:
            evidence = (" — " + escape(self.tr("证据：%1").replace("%1", e.evidence))) if e.evidence else ""
            done = f" <span style='color:#9e9e9e'>{escape(resolved)}</span>" if e.resolved_on else ""
            items.append(f"<li>{e.occurred_on.isoformat()} "
                         f"{escape(bracketed.replace('%1', enum_label(RiskKind, e.kind)))}"
                         f"{escape(e.description or '')}{evidence}{done}</li>")
        heading = self.tr("风险")
        return f"<h4 style='color:#c62828'>{escape(heading)}</h4><ul>{''.join(items)}</ul>"

    def _support_html(self, ledger: CustomerLedger) -> str:
        heading = "<h4>" + escape(self.tr("支援记录")) + "</h4>"
        if not ledger.support:
            return heading + "<p style='color:gray'>" + escape(self.tr("还没有支援记录。")) + "</p>"
        bracketed = self.tr("【%1】")
        items = "".join(
            f"<li>{s.occurred_on.isoformat()} {escape(bracketed.replace('%1', enum_label(SupportKind, s.kind)))}"
            f"{escape(s.description or '')}{' · ' + money(s.cost_fen) if s.cost_fen else ''}</li>"
            for s in ledger.support[:20])
        total = self.tr("共 %1 次，费用 %2").replace("%1", str(len(ledger.support))).replace(
            "%2", money(ledger.support_cost_fen))
        return heading + f"<ul>{items}</ul><p style='color:#607d8b'>{escape(total)}</p>"

    def _evaluation_html(self, o: Overview) -> str:
        m = o.money
        rows = [(self.tr("累计销售"), money(m.sales_total_fen), ""),
                (self.tr("近12个月销售"), money(m.sales_12m_fen), ""),
                (self.tr("累计回款"), money(m.payments_fen), ""),
                (self.tr("最近销售"), m.last_sale.isoformat() if m.last_sale else "—", ""),
                (self.tr("交易笔数"), str(m.transactions), "")]
        html = "<h4>" + escape(self.tr("交易汇总")) + "</h4>" + self._table(rows)
        e = o.latest_evaluation
        if e is None:
            return (html + "<h4>" + escape(self.tr("最近评价")) + "</h4><p style='color:gray'>"
                    + escape(self.tr("尚未评价")) + "</p>")
        indicators = {i.id: i for i in e.template.indicators}
        scores = "".join(
            f"<tr><td>{escape(indicators[s.indicator_id].name)}</td><td>{s.value:g} / "
            f"{indicators[s.indicator_id].max_score}</td><td>{indicators[s.indicator_id].weight:.0%}</td></tr>"
            for s in e.scores if s.indicator_id in indicators)
        heading = (self.tr("最近评价：%1（%2）").replace("%1", period_label(e.period_label))
                   .replace("%2", e.evaluated_on.isoformat()))
        result = (self.tr("总分 %1 · 评级 %2").replace("%1", f"{e.total_score:g}")
                  .replace("%2", e.grade or "—"))
        columns = "".join(f"<th align='left'>{escape(text)}</th>"
                          for text in (self.tr("指标"), self.tr("得分"), self.tr("权重")))
        return html + (f"<h4>{escape(heading)}</h4>"
                       f"<p>{escape(result)} · {escape(enum_label(ValueClass, e.value_class))}</p>"
                       f"<table cellpadding='3'><tr>{columns}</tr>{scores}</table>")
