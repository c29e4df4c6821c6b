"""One customer, in a tab: the archive, the contacts (with the card and its advice),
the timeline, the money and the latest evaluation. Refreshes itself when the customer
changes anywhere in the application."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...db import Database
from ...errors import UserError
from ...models.enums import (
    CreditRating,
    CustomerKind,
    CustomerStatus,
    CustomerType,
    Emotion,
    FollowUpStatus,
    InteractionKind,
    Ownership,
    Scale,
    ValueClass,
)
from ...services.advice import CLASS_STRATEGY
from ...services.overview import Overview, customer_overview
from .. import ops
from ..i18n import enum_label, label
from ..icons import icon
from ..tasks import show_error
from .contact_card import ContactCard

if TYPE_CHECKING:
    from ..reports.preview import PreviewDialog
    from .personal_data import PersonalDataActions

# Interactions whose timeline entry links to its printed visit report (拜访报告).
VISIT_KINDS = ("visit", "meeting")
VISIT_LINK = "print-visit"  # scheme of the timeline's links: print-visit:<interaction id>


def _money(fen: int | None) -> str:
    return "—" if not fen else f"¥{fen / 100:,.2f}"


class CustomerDetail(QWidget):
    edit_requested = Signal(int)
    delete_requested = Signal(int)
    new_contact = Signal(int)
    edit_contact = Signal(int, int)  # customer, contact
    delete_contact = Signal(int, int)
    evaluate_requested = Signal(int)  # open the 评价 form for this customer
    loaded = Signal(int)  # the customer's data is on screen
    gone = Signal(int)  # the customer was deleted meanwhile

    def __init__(self, db: Database, customer_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.customer_id = db, customer_id
        self.overview: Overview | None = None  # None until the first read arrives
        self._select_next: int | None = None
        self._personal: PersonalDataActions | None = None  # made on first use

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.RichText)
        edit = QPushButton(icon("edit"), self.tr("编辑 (F2)"))
        edit.clicked.connect(lambda: self.edit_requested.emit(self.customer_id))
        delete = QPushButton(icon("delete"), self.tr("删除"))
        delete.clicked.connect(lambda: self.delete_requested.emit(self.customer_id))
        self.evaluate_button = evaluate = QPushButton(icon("evaluation"), self.tr("评价"))
        evaluate.setToolTip(self.tr("在评价页为这个客户打分"))
        evaluate.clicked.connect(lambda: self.evaluate_requested.emit(self.customer_id))
        add_contact = QPushButton(icon("contact"), self.tr("新建联系人"))
        add_contact.clicked.connect(lambda: self.new_contact.emit(self.customer_id))
        self.print_button = QPushButton(icon("reports"), self.tr("打印"))
        from ..reports.menu import fill_customer_menu  # ReportLab loads with the first tab

        self.print_button.setMenu(fill_customer_menu(QMenu(self.print_button), self, db,
                                                     customer_id))
        self.more_button = more = QPushButton(self.tr("更多"))
        more_menu = QMenu(more)
        self.erase_customer_action = more_menu.addAction(
            icon("delete"), self.tr("彻底删除客户…"), self._erase_customer)
        more.setMenu(more_menu)
        header = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        header.addLayout(heading, 1)
        for button in (evaluate, self.print_button, add_contact, edit, delete, more):
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

        self.tabs = QTabWidget()
        self.summary = QTextBrowser()
        self.summary.setOpenLinks(False)
        self.contacts = QListWidget()
        self.contacts.currentItemChanged.connect(self._show_contact)
        self.contacts.itemDoubleClicked.connect(
            lambda item: self.edit_contact.emit(self.customer_id, item.data(Qt.ItemDataRole.UserRole)))
        self.card = ContactCard()
        contact_buttons = QHBoxLayout()
        for text, name, slot in (
            (self.tr("新建"), "add", lambda: self.new_contact.emit(self.customer_id)),
            (self.tr("编辑"), "edit", self._edit_current_contact),
            (self.tr("删除"), "delete", self._delete_current_contact),
        ):
            button = QPushButton(icon(name), text)
            button.clicked.connect(slot)
            contact_buttons.addWidget(button)
        self.personal_button = QPushButton(self.tr("个人信息"))
        personal_menu = QMenu(self.personal_button)
        self.export_contact_action = personal_menu.addAction(
            icon("export"), self.tr("导出个人信息…"), self._export_current_contact)
        self.erase_contact_action = personal_menu.addAction(
            icon("delete"), self.tr("彻底删除联系人…"), self._erase_current_contact)
        self.personal_button.setMenu(personal_menu)
        contact_buttons.addWidget(self.personal_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.contacts, 1)
        left_layout.addLayout(contact_buttons)
        contacts_page = QSplitter()
        contacts_page.addWidget(left)
        contacts_page.addWidget(self.card)
        contacts_page.setStretchFactor(1, 2)
        contacts_page.setSizes([260, 600])
        self.timeline = QTextBrowser()
        self.timeline.setOpenLinks(False)
        self.timeline.anchorClicked.connect(self._timeline_link)
        from .money_page import CustomerMoneyPage

        self.money = CustomerMoneyPage(db, customer_id)
        self.tabs.addTab(self.summary, self.tr("档案"))
        self.tabs.addTab(contacts_page, self.tr("联系人"))
        self.tabs.addTab(self.timeline, self.tr("时间线"))
        self.tabs.addTab(self.money, self.tr("交易与评价"))

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        edit_key = QShortcut(QKeySequence(Qt.Key.Key_F2), self)
        edit_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        edit_key.activated.connect(lambda: self.edit_requested.emit(self.customer_id))
        self.refresh()

    # ------------------------------------------------------------------ data

    def refresh(self) -> None:
        """Reload in the background; ``gone`` when the customer no longer exists."""
        ops.query(self, self.db, lambda session: customer_overview(session, self.customer_id),
                  self._show, on_error=self._failed, key=f"customer-detail:{id(self)}")
        self.money.refresh()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, UserError):
            self.gone.emit(self.customer_id)
        else:
            show_error(self, exc)

    def _show(self, overview: Overview) -> None:
        self.overview = o = overview
        c = o.customer
        self.title.setText(c.name)
        bits = [enum_label(CustomerStatus, c.status), enum_label(CustomerType, c.customer_type),
                enum_label(ValueClass, c.value_class), c.grade and self.tr("评级 %1").replace("%1", c.grade),
                o.owner and self.tr("负责人：%1").replace("%1", o.owner)]
        tags = "".join(f"<span style='background:#e3f2fd;border-radius:3px;padding:1px 4px;"
                       f"margin-right:4px'>{escape(t.name)}</span> " for t in c.tags)
        self.subtitle.setText(" · ".join(escape(b) for b in bits if b) + "&nbsp;&nbsp;" + tags)
        self.summary.setHtml(self._summary_html(o))
        self._fill_contacts(o)
        self.timeline.setHtml(self._timeline_html(o))
        self.money.show_overview(o)
        if self._select_next is not None and any(c.id == self._select_next for c in o.contacts):
            self.select_contact(self._select_next)
            self._select_next = None
        self.loaded.emit(self.customer_id)  # last: callbacks see the tab as it now is

    def _fill_contacts(self, o: Overview) -> None:
        current = self.contacts.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current else None
        self.contacts.blockSignals(True)
        self.contacts.clear()
        with_title = self.tr("%1（%2）")  # a contact's name and job title
        for contact in o.contacts:
            text = (with_title.replace("%2", contact.title).replace("%1", contact.name)
                    if contact.title else contact.name)
            if contact.is_primary:
                text = "★ " + text
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, contact.id)
            self.contacts.addItem(item)
            if contact.id == keep:
                self.contacts.setCurrentItem(item)
        self.contacts.blockSignals(False)
        if self.contacts.currentItem() is None and self.contacts.count():
            self.contacts.setCurrentRow(0)
        self._show_contact(self.contacts.currentItem())

    def _show_contact(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is None or self.overview is None:
            self.card.show_contact(None)
            return
        contact_id = item.data(Qt.ItemDataRole.UserRole)
        self.card.show_contact(next((c for c in self.overview.contacts if c.id == contact_id), None))

    def select_after_refresh(self, contact_id: int) -> None:
        """Select a contact that the next refresh (brought by the bus) will show."""
        self._select_next = contact_id

    def when_loaded(self, then) -> None:  # type: ignore[no-untyped-def]
        """Run ``then`` once the data is on screen (now, if it already is)."""
        if self.overview is not None:
            then()
            return

        def once(_customer_id: int) -> None:
            self.loaded.disconnect(once)
            then()

        self.loaded.connect(once)

    def select_contact(self, contact_id: int) -> None:
        self.tabs.setCurrentIndex(1)
        for row in range(self.contacts.count()):
            if self.contacts.item(row).data(Qt.ItemDataRole.UserRole) == contact_id:
                self.contacts.setCurrentRow(row)

    def show_timeline(self) -> None:
        self.tabs.setCurrentIndex(2)

    def current_contact_id(self) -> int | None:
        item = self.contacts.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _timeline_link(self, url: QUrl) -> PreviewDialog | None:
        """打印拜访报告 beside a visit: the preview of that visit's report."""
        from ...services.report_requests import ReportRequest
        from ..reports.preview import ReportActions

        if url.scheme() != VISIT_LINK or not url.path().isdigit():
            return None
        return ReportActions(self, self.db).preview(
            ReportRequest("visit", customer_id=self.customer_id, interaction_id=int(url.path())))

    def _edit_current_contact(self) -> None:
        if (cid := self.current_contact_id()) is not None:
            self.edit_contact.emit(self.customer_id, cid)

    def _delete_current_contact(self) -> None:
        if (cid := self.current_contact_id()) is not None:
            self.delete_contact.emit(self.customer_id, cid)

    def personal_data(self) -> PersonalDataActions:
        from .personal_data import PersonalDataActions

        if self._personal is None:
            self._personal = PersonalDataActions(self, self.db)
        return self._personal

    def _export_current_contact(self) -> None:
        if (cid := self.current_contact_id()) is not None and self.overview is not None:
            name = next((c.name for c in self.overview.contacts if c.id == cid), "")
            self.personal_data().export_contact(cid, name)

    def _erase_current_contact(self) -> None:
        if (cid := self.current_contact_id()) is not None:
            self.personal_data().erase("contact", cid)

    def _erase_customer(self) -> None:
        self.personal_data().erase("customer", self.customer_id)

    # ------------------------------------------------------------------ rendering

    def _wan(self, amount: float) -> str:
        return self.tr("%1 万元").replace("%1", f"{amount:g}")

    def _summary_html(self, o: Overview) -> str:
        c = o.customer
        pairs = [
            (self.tr("客户编号"), c.code), (self.tr("简称"), c.short_name),
            (self.tr("性质"), enum_label(CustomerKind, c.kind)), (self.tr("行业"), c.industry),
            (self.tr("经济性质"), enum_label(Ownership, c.ownership)), (self.tr("规模"), enum_label(Scale, c.scale)),
            (self.tr("员工人数"), c.employees), (self.tr("年营业额"), c.annual_revenue_wan and self._wan(c.annual_revenue_wan)),
            (self.tr("注册资金"), c.registered_capital_wan and self._wan(c.registered_capital_wan)),
            (self.tr("信誉度"), enum_label(CreditRating, c.credit_rating)),
            (self.tr("信用额度"), c.credit_limit_fen and _money(c.credit_limit_fen)),
            (self.tr("电话"), c.phone), (self.tr("邮箱"), c.email), (self.tr("网址"), c.website),
            (self.tr("地址"), " ".join(x for x in (c.province, c.city, c.district, c.address) if x)),
            (self.tr("销售区域"), c.region), (self.tr("客户来源"), c.source),
            (self.tr("介绍人"), o.referred_by),
            (self.tr("最近联系"), c.last_contact_at and c.last_contact_at.strftime("%Y-%m-%d")),
            (self.tr("下次跟进"), c.next_follow_up_at and c.next_follow_up_at.strftime("%Y-%m-%d %H:%M")),
            (self.tr("待办跟进"), o.open_follow_ups or None),
            (self.tr("建档日期"), c.created_at.strftime("%Y-%m-%d") if c.created_at else None),
        ]
        late = {self.tr("下次跟进")} if o.next_follow_up_overdue else set()  # red, as in the list
        cells = [f"<td style='color:#607d8b;padding:3px 8px 3px 0'>{escape(k)}</td>"
                 f"<td style='padding:3px 24px 3px 0{';color:#c62828;font-weight:600' if k in late else ''}'>"
                 f"{escape(str(v))}</td>" for k, v in pairs if v]
        rows = "".join("<tr>" + "".join(cells[i:i + 2]) + "</tr>" for i in range(0, len(cells), 2))
        blocks = [f"<table>{rows}</table>"]
        for caption, text in ((self.tr("资质与批准手续"), c.licences), (self.tr("销售网络"), c.sales_network),
                              (self.tr("备注"), c.notes)):
            if text:
                blocks.append(f"<h4>{escape(caption)}</h4><p>{escape(text).replace(chr(10), '<br>')}</p>")
        if c.value_class in CLASS_STRATEGY:
            heading = self.tr("分类策略：%1").replace("%1", enum_label(ValueClass, c.value_class))
            blocks.append(f"<h4>{escape(heading)}</h4><p>{escape(label(CLASS_STRATEGY[c.value_class]))}</p>")
        if o.risks:
            items = "".join(f"<li>{r.occurred_on} {escape(r.description or '')}</li>" for r in o.risks[:10])
            heading = self.tr("风险记录")
            blocks.append(f"<h4 style='color:#c62828'>{escape(heading)}</h4><ul>{items}</ul>")
        return "".join(blocks)

    def _timeline_html(self, o: Overview) -> str:
        if not o.timeline:
            return "<p style='color:gray'>" + escape(self.tr("还没有跟进记录。")) + "</p>"
        out = []
        mood_caption, follow_up = self.tr("情绪：%1"), self.tr("跟进")
        bracketed = self.tr("【%1】")  # the kind of a timeline entry, before its title
        print_visit = escape(self.tr("打印拜访报告"))
        for item in o.timeline:
            when = item.when.strftime("%Y-%m-%d %H:%M")
            if item.kind == "interaction":
                kind = enum_label(InteractionKind, item.code)
                mood = (" · " + escape(mood_caption.replace("%1", enum_label(Emotion, item.mood)))
                        if item.mood else "")
                who = f" · {escape(item.contact)}" if item.contact else ""
                link = (f" &nbsp;<a href='{VISIT_LINK}:{item.id}'>{print_visit}</a>"
                        if item.code in VISIT_KINDS else "")
                out.append(f"<p><b>{when}</b> {escape(bracketed.replace('%1', kind))}{escape(item.title)}{who}{mood}{link}<br>"
                           f"<span style='color:#455a64'>{escape(item.detail)}</span></p>")
            else:
                status = enum_label(FollowUpStatus, item.code)
                colour = "#c62828" if item.code == "open" else "#9e9e9e"
                tag = bracketed.replace("%1", f"{follow_up}·{status}")
                out.append(f"<p><b>{when}</b> <span style='color:{colour}'>{escape(tag)}"
                           f"</span>{escape(item.title)}</p>")
        return "".join(out)
