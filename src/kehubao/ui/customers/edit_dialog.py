"""New / edit customer dialog, with the first contact for a new customer.

Validation is the service's (the same rules as the CLI and the importer); every bad
field is marked at once. While typing, possible duplicates (same phone or e-mail, a
very similar name) are shown with a link to open the existing record instead.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QGroupBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ...db import Database
from ...models.enums import (
    CreditRating,
    CustomerKind,
    CustomerStatus,
    CustomerType,
    Ownership,
    Scale,
)
from ...normalize import split_tags
from ...services import customer_editing as editing
from ...services.duplicates import find_duplicates
from ...services.places import PLACES
from ..widgets.forms import Form, fit_to_screen, scrolling
from ..widgets.record_dialog import RecordDialog

FIELDS_BASIC = ("name", "short_name", "code", "kind", "customer_type", "status", "source",
                "phone", "email", "website", "notes")
FIELDS_HOMEWORK = ("industry", "ownership", "scale", "employees", "annual_revenue_wan",
                   "registered_capital_wan", "credit_rating", "credit_limit_fen", "licences",
                   "sales_network")
FIELDS_PLACE = ("province", "city", "district", "address", "region")


class CustomerDialog(RecordDialog):
    open_existing = Signal(int)

    def __init__(self, db: Database, customer_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.customer_id = customer_id
        self.setWindowTitle(self.tr("新建客户") if customer_id is None else self.tr("编辑客户"))
        self._focused = False
        self.setMinimumSize(620, 480)

        self.duplicates.linkActivated.connect(lambda link: self._open_existing(int(link)))

        tabs = QTabWidget()
        self.basic = Form()
        self.homework = Form()
        self.place = Form()
        self._build_basic()
        self._build_homework()
        self._build_place()
        basic_page = QWidget()
        basic_layout = QVBoxLayout(basic_page)
        basic_layout.addWidget(self.basic)
        self.contact_form: Form | None = None
        if customer_id is None:
            box = QGroupBox(self.tr("主要联系人（可选）"))
            box_layout = QVBoxLayout(box)
            self.contact_form = Form()
            self.contact_form.text("name", self.tr("姓名"), max_length=60)
            self.contact_form.text("mobile", self.tr("手机"), hint=self.tr("11 位手机号"))
            self.contact_form.text("title", self.tr("职务"), max_length=60)
            box_layout.addWidget(self.contact_form)
            basic_layout.addWidget(box)
        basic_layout.addStretch(1)
        # Each page scrolls rather than squeezing its inputs when the screen is short.
        tabs.addTab(scrolling(basic_page), self.tr("基本信息"))
        tabs.addTab(scrolling(self.homework), self.tr("档案与资质"))
        tabs.addTab(scrolling(self.place), self.tr("地址与区域"))

        watched = [self.basic.fields[name] for name in ("name", "phone", "email")]
        if self.contact_form is not None:
            watched.append(self.contact_form.fields["mobile"])
        self.finish(tabs, watched)
        fit_to_screen(self, basic_page.sizeHint().width() + 60, basic_page.sizeHint().height() + 140)
        self._load()

    # ------------------------------------------------------------------ building

    def _build_basic(self) -> None:
        f = self.basic
        f.text("name", self.tr("客户名称"), required=True, hint=self.tr("单位全称或个人姓名"))
        f.text("short_name", self.tr("简称"), max_length=80)
        f.text("code", self.tr("客户编号"), max_length=40)
        f.choice("kind", self.tr("客户性质"), CustomerKind)
        f.choice("customer_type", self.tr("客户类型"), CustomerType)
        f.choice("status", self.tr("客户状态"), CustomerStatus)
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        f.add("owner", self.tr("负责人"), self.owner, hint=self.tr("选择或输入业务员姓名"))
        f.text("tags", self.tr("标签"), hint=self.tr("多个标签用逗号分隔，如：重点客户，老客户"))
        f.text("source", self.tr("客户来源"), max_length=40)
        f.text("phone", self.tr("电话"), hint=self.tr("座机请带区号，如 021-62345678"))
        f.text("email", self.tr("邮箱"), max_length=120)
        f.text("website", self.tr("网址"))
        f.long_text("notes", self.tr("备注"), lines=3)

    def _build_homework(self) -> None:
        f = self.homework
        f.text("industry", self.tr("行业"), max_length=60)
        f.choice("ownership", self.tr("经济性质"), Ownership)
        f.choice("scale", self.tr("规模"), Scale)
        f.text("employees", self.tr("员工人数"), max_length=9)
        f.text("annual_revenue_wan", self.tr("年营业额（万元）"), max_length=12)
        f.text("registered_capital_wan", self.tr("注册资金（万元）"), max_length=12)
        f.choice("credit_rating", self.tr("信誉度"), CreditRating)
        f.text("credit_limit_fen", self.tr("信用额度（元）"), max_length=14)
        f.long_text("licences", self.tr("资质与批准手续"), hint=self.tr("营业执照、经营许可证、代理授权…"))
        f.long_text("sales_network", self.tr("销售网络"), hint=self.tr("下游网点数量、覆盖范围…"))

    def _build_place(self) -> None:
        f = self.place
        province = f.text("province", self.tr("省份"), max_length=20)
        province.setCompleter(QCompleter(sorted({p[1] for p in PLACES}), self))
        city = f.text("city", self.tr("城市"), max_length=30)
        city.setCompleter(QCompleter(sorted({p[2] for p in PLACES}), self))
        f.text("district", self.tr("区县"), max_length=30)
        f.text("address", self.tr("详细地址"))
        region = QComboBox()
        region.setEditable(True)
        f.add("region", self.tr("销售区域"), region)
        self.region = region

    # ------------------------------------------------------------------ data

    def _load(self) -> None:
        fields = (*FIELDS_BASIC, *FIELDS_HOMEWORK, *FIELDS_PLACE)
        self.load(lambda session: editing.load_customer_form(session, self.customer_id, fields),
                  self._apply)

    def _apply(self, data: editing.CustomerForm) -> None:
        values = {**data.values, "tags": "，".join(data.tags)}
        self.owner.addItem("", None)
        for rep_id, name in data.reps:
            self.owner.addItem(name, rep_id)
        self.owner.setCurrentText(data.owner_name)
        self.region.addItems(["", *data.regions])
        for form in (self.basic, self.homework, self.place):
            form.set_values({k: v for k, v in values.items() if k in form.fields})
        self.region.setCurrentText(values.get("region") or "")

    def _collect(self) -> tuple[dict, list[str], str]:
        data: dict = {}
        for form in (self.basic, self.homework, self.place):
            data.update(form.values())
        tags = split_tags(data.pop("tags", ""))
        data.pop("owner", None)
        data["region"] = self.region.currentText()
        return data, tags, self.owner.currentText().strip()

    def show_field_errors(self, errors: dict[str, str]) -> None:
        """The customer's fields and the first contact's share names (姓名 is "name" in
        both): the service prefixes the contact's with "contact."."""
        for form in (self.basic, self.homework, self.place):
            form.show_errors({k: v for k, v in errors.items() if k in form.fields})
        if self.contact_form is not None:
            self.contact_form.show_errors({k.removeprefix("contact."): v for k, v in errors.items()
                                           if k.startswith("contact.")})

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        """Typing starts in 客户名称 (Ctrl+N then type), not on the tab bar."""
        super().showEvent(event)
        if not self._focused:
            self._focused = True
            self.basic.fields["name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def forms(self) -> list[Form]:
        extra = [self.contact_form] if self.contact_form is not None else []
        return [self.basic, self.homework, self.place, *extra]

    def check_duplicates(self) -> None:
        data = self.basic.values()
        phones = [data.get("phone")]
        if self.contact_form is not None:
            phones.append(self.contact_form.values().get("mobile"))
        name, email, own_id = data.get("name"), data.get("email"), self.customer_id
        header, open_text = self.tr("可能与已有客户重复："), escape(self.tr("打开"))
        with_reason = self.tr("%1（%2）")  # who (why)

        def find(session: Session) -> list[str]:
            dups = find_duplicates(session, name=name, phones=phones, emails=[email],
                                   exclude_customer=own_id)
            lines = []
            for dup in dups:
                who = dup.customer_name + (f" / {dup.contact_name}" if dup.contact_name else "")
                shown = with_reason.replace("%2", dup.reason).replace("%1", who)
                lines.append(f"· {escape(shown)} <a href='{dup.customer_id}'>{open_text}</a>")
            return [header, *lines] if lines else []

        self.look_for_duplicates(find)

    def _open_existing(self, customer_id: int) -> None:
        if self.is_dirty() and not self.confirm_discard():
            return
        self.open_existing.emit(customer_id)
        QDialog.reject(self)  # changes were saved or discarded just now: do not ask again

    def writer(self) -> Callable[[Session], int]:
        data, tags, owner_name = self._collect()
        contact = self.contact_form.values() if self.contact_form is not None else None
        customer_id = self.customer_id
        return lambda session: editing.save_customer_form(
            session, customer_id, data, tags=tags, owner_name=owner_name, first_contact=contact)
