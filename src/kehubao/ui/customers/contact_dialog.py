"""New / edit contact person: reach, who they are, and the emotion seen last time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QWidget
from sqlalchemy.orm import Session

from ...db import Database
from ...models.enums import AgeBand, CultureLevel, DecisionRole, Gender, HomeRegion
from ...services import contacts as svc
from ...services.duplicates import find_duplicates
from ..widgets.emotion import EmotionPicker
from ..widgets.forms import Form
from ..widgets.record_dialog import RecordDialog

FIELDS = ("name", "gender", "title", "department", "decision_role", "is_primary", "mobile",
          "phone", "email", "wechat", "qq", "address", "birthday", "birthday_lunar",
          "age_band", "home_region", "native_place", "culture_level", "last_emotion",
          "personality", "communication_style", "needs", "preferences", "notes")


class ContactDialog(RecordDialog):
    def __init__(self, db: Database, customer_id: int, contact_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, parent)
        self.customer_id, self.contact_id = customer_id, contact_id
        self.setWindowTitle(self.tr("新建联系人") if contact_id is None else self.tr("编辑联系人"))
        self.setMinimumSize(720, 600)

        self.reach = Form()
        f = self.reach
        f.text("name", self.tr("姓名"), required=True, max_length=60)
        f.choice("gender", self.tr("性别"), Gender)
        f.text("title", self.tr("职务"), max_length=60)
        f.text("department", self.tr("部门"), max_length=60)
        f.choice("decision_role", self.tr("决策角色"), DecisionRole)
        f.check("is_primary", self.tr("主要联系人"), self.tr("是该客户的主要联系人"))
        f.text("mobile", self.tr("手机"), hint=self.tr("11 位手机号"))
        f.text("phone", self.tr("电话"), hint=self.tr("座机请带区号"))
        f.text("email", self.tr("邮箱"), max_length=120)
        f.text("wechat", self.tr("微信"), max_length=60)
        f.text("qq", self.tr("QQ"), max_length=20)
        f.text("address", self.tr("地址"))
        birthday = f.date("birthday", self.tr("生日"))
        f.check("birthday_lunar", self.tr("农历"), self.tr("按农历过生日"))

        self.person = Form()
        p = self.person
        p.choice("age_band", self.tr("年龄段"), AgeBand)
        p.choice("home_region", self.tr("地域"), HomeRegion)
        p.text("native_place", self.tr("籍贯"), max_length=40)
        p.choice("culture_level", self.tr("文化素质"), CultureLevel)
        p.add("last_emotion", self.tr("上次情绪"), EmotionPicker(),
              hint=self.tr("上次接触时对方的情绪（七情），下次沟通前会提示相应的方法"))
        p.long_text("personality", self.tr("个性"), hint=self.tr("如：豪爽直率、重信义、决策慢…"))
        p.long_text("communication_style", self.tr("交流方式"),
                    hint=self.tr("如：喜欢微信沟通，下午方便通话…"))
        p.long_text("needs", self.tr("需求"))
        p.long_text("preferences", self.tr("偏好"), hint=self.tr("爱好、忌讳、喜欢的话题…"))
        p.long_text("notes", self.tr("备注"))
        birthday.changed.connect(self._suggest_age_band)

        columns = QHBoxLayout()
        columns.addWidget(self.reach, 1)
        columns.addWidget(self.person, 1)
        body = QWidget()
        body.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.finish(scroll, [self.reach.fields[name] for name in ("name", "mobile", "phone", "email")])
        self.resize(max(720, body.sizeHint().width() + 48), 600)  # wider labels in English
        self._load()

    def _load(self) -> None:
        self.company = ""
        self.load(lambda session: svc.contact_form(session, self.customer_id, self.contact_id, FIELDS),
                  self._apply)

    def _apply(self, loaded: tuple[str, dict]) -> None:
        self.company, values = loaded
        self.reach.set_values({k: v for k, v in values.items() if k in self.reach.fields})
        self.person.set_values({k: v for k, v in values.items() if k in self.person.fields})
        self.setWindowTitle(f"{self.windowTitle()} — {self.company}")

    def _suggest_age_band(self) -> None:
        born: date | None = self.reach.fields["birthday"].value()
        band = self.person.fields["age_band"]
        if born and born.year > 1700 and band.value() is None:
            age = date.today().year - born.year
            band.set_value("young" if age < 35 else "middle" if age < 55 else "elder")

    def values(self) -> dict:
        return {**self.reach.values(), **self.person.values()}

    def forms(self) -> list[Form]:
        return [self.reach, self.person]

    def check_duplicates(self) -> None:
        data = self.reach.values()
        company, customer_id, contact_id = self.company, self.customer_id, self.contact_id
        header, with_reason = self.tr("可能重复："), self.tr("%1（%2）")  # who (why)

        def find(session: Session) -> list[str]:
            dups = find_duplicates(session, name=None, phones=[data["mobile"], data["phone"]],
                                   emails=[data["email"]], company=company,
                                   exclude_customer=customer_id, exclude_contact=contact_id)
            if data["name"].strip():
                dups += [d for d in find_duplicates(
                    session, name=data["name"], company=company,
                    exclude_contact=contact_id) if d.contact_id]
            lines = [escape("· " + with_reason.replace("%2", d.reason).replace(
                "%1", d.customer_name + (f" / {d.contact_name}" if d.contact_name else "")))
                for d in dups[:5]]
            return [header, *lines] if lines else []

        self.look_for_duplicates(find)

    def writer(self) -> Callable[[Session], int]:
        values, customer_id, contact_id = self.values(), self.customer_id, self.contact_id
        return lambda session: svc.save_contact(session, customer_id, contact_id, values)
