"""A contact at a glance before a call: how to reach them, who they are, how to talk to
them — with the advice that what is recorded suggests."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ...models import Contact
from ...models.enums import AgeBand, CultureLevel, DecisionRole, Emotion, Gender, HomeRegion
from ...services.advice import advice_for
from ..i18n import enum_label


class ContactCard(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setMargin(10)
        body = QWidget()
        body.setAutoFillBackground(True)
        body.setBackgroundRole(body.backgroundRole().Base)
        layout = QVBoxLayout(body)
        layout.addWidget(self.label)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_contact(None)

    def show_contact(self, contact: Contact | None) -> None:
        if contact is None:
            hint = self.tr("选择左侧的联系人查看名片")
            self.label.setText(f"<p style='color:gray'>{escape(hint)}</p>")
            return
        self.label.setText(self.render(contact))

    def render(self, c: Contact) -> str:
        def row(label: str, value: object) -> str:
            return (f"<tr><td style='color:#607d8b;padding-right:8px'>{escape(label)}</td>"
                    f"<td>{escape(str(value))}</td></tr>") if value else ""

        title = " · ".join(x for x in (c.title, c.department, enum_label(DecisionRole, c.decision_role)) if x)
        birthday = ""
        if c.birthday:
            birthday = c.birthday.strftime("%m-%d") if c.birthday.year < 1700 else c.birthday.isoformat()
            birthday += self.tr("（农历）") if c.birthday_lunar else ""
        facts = "".join([
            row(self.tr("手机"), c.mobile), row(self.tr("电话"), c.phone),
            row(self.tr("邮箱"), c.email), row(self.tr("微信"), c.wechat), row(self.tr("QQ"), c.qq),
            row(self.tr("地址"), c.address), row(self.tr("生日"), birthday),
            row(self.tr("性别"), enum_label(Gender, c.gender)),
            row(self.tr("年龄段"), enum_label(AgeBand, c.age_band)),
            row(self.tr("地域"), enum_label(HomeRegion, c.home_region)),
            row(self.tr("籍贯"), c.native_place),
            row(self.tr("文化素质"), enum_label(CultureLevel, c.culture_level)),
        ])
        mood = ""
        if c.last_emotion:
            when = c.last_emotion_at.strftime("%Y-%m-%d") if c.last_emotion_at else ""
            caption = self.tr("上次情绪：")
            mood = (f"<p><b>{escape(caption)}</b>"
                    f"<span style='font-size:14pt'>{escape(enum_label(Emotion, c.last_emotion))}</span> "
                    f"<span style='color:gray'>{when}</span></p>")
        tip = self.tr("%1：%2")  # an advice's topic, then its text
        tips = "".join("<li>" + tip.replace("%2", escape(a.text)).replace("%1", f"<b>{escape(a.topic)}</b>")
                       + "</li>" for a in advice_for(c))
        if tips:
            heading = self.tr("沟通提示")
            advice = f"<h4 style='margin-bottom:2px'>{escape(heading)}</h4><ul style='margin-top:0'>{tips}</ul>"
        else:
            hint = self.tr("记录对方的个性、年龄段、地域和情绪后，这里会给出沟通建议。")
            advice = f"<p style='color:gray'>{escape(hint)}</p>"
        primary = ""
        if c.is_primary:
            marker = self.tr("（主要联系人）")
            primary = f" <span style='color:#2e7d32'>{escape(marker)}</span>"
        notes = ""
        if c.notes:
            caption = self.tr("备注：")
            notes = f"<p><b>{escape(caption)}</b>{escape(c.notes)}</p>"
        return (f"<h2 style='margin-bottom:0'>{escape(c.name)}{primary}</h2>"
                f"<p style='color:#455a64;margin-top:2px'>{escape(title)}</p>"
                f"<table>{facts}</table>{mood}{advice}{notes}")
