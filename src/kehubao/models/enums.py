"""Closed vocabularies of the domain, stored as short string codes.

Codes (not SQL ENUM types) are stored so that a later release can add a value without a
schema migration, and so that SQLite and PostgreSQL behave alike. Each member carries its
Simplified Chinese label; the UI passes labels through Qt's translator for English.
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members also carry a human label (Chinese first)."""

    label: str

    def __new__(cls, value: str, label: str) -> "LabelledEnum":
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(code, label) pairs in declaration order, for combo boxes and help text."""
        return [(m.value, m.label) for m in cls]

    @classmethod
    def label_of(cls, code: str | None, default: str = "") -> str:
        """Label for a stored code; unknown or empty codes give `default` (never raise)."""
        if not code:
            return default
        try:
            return cls(code).label
        except ValueError:
            return code

    @classmethod
    def from_text(cls, text: str | None) -> "LabelledEnum | None":
        """Accept a code or a label as typed in a spreadsheet — also the way people write
        it in full (意向客户, 个人客户, 男性, 女士) — or None when unknown."""
        if not text:
            return None
        text = text.strip()
        candidates = [text, _SAID_IN_FULL.get(text, text)]
        if text.endswith("客户") and len(text) > 2:
            candidates.append(text[:-2])
        for candidate in candidates:
            for m in cls:
                if candidate == m.value or candidate == m.label or candidate.lower() == m.value:
                    return m
        return None


# Everyday ways of writing a label that are not the label (shared by all vocabularies:
# none of these words means something else in another one).
_SAID_IN_FULL = {"男性": "男", "先生": "男", "女性": "女", "女士": "女", "小姐": "女",
                 "公司": "单位", "企业": "单位", "老客户": "稳定", "已成交": "成交",
                 "已流失": "流失"}


class CustomerKind(LabelledEnum):
    COMPANY = "company", "单位"
    PERSON = "person", "个人"


class CustomerType(LabelledEnum):
    DEALER = "dealer", "经销商"
    RETAILER = "retailer", "零售商"
    END_USER = "end_user", "终端客户"
    PARTNER = "partner", "合作伙伴"
    OTHER = "other", "其他"


class CustomerStatus(LabelledEnum):
    """Lifecycle: potential → intent → deal → stable, or lost / dropped."""

    POTENTIAL = "potential", "潜在"
    INTENT = "intent", "意向"
    DEAL = "deal", "成交"
    STABLE = "stable", "稳定"
    LOST = "lost", "流失"
    DROPPED = "dropped", "淘汰"


class Ownership(LabelledEnum):
    STATE = "state", "国有"
    PRIVATE = "private", "民营"
    FOREIGN = "foreign", "外资"
    JOINT = "joint", "合资"
    COLLECTIVE = "collective", "集体"
    INDIVIDUAL = "individual", "个体"
    INSTITUTION = "institution", "事业单位"
    OTHER = "other", "其他"


class Scale(LabelledEnum):
    MICRO = "micro", "微型"
    SMALL = "small", "小型"
    MEDIUM = "medium", "中型"
    LARGE = "large", "大型"


class CreditRating(LabelledEnum):
    EXCELLENT = "excellent", "优"
    GOOD = "good", "良"
    FAIR = "fair", "中"
    POOR = "poor", "差"


class ValueClass(LabelledEnum):
    """The four classes by sales volume × loyalty, each with its own strategy."""

    NO_VALUE = "1", "一类·无价值"
    DANGEROUS = "2", "二类·高危"
    RISING_STAR = "3", "三类·明日之星"
    PRECIOUS = "4", "四类·最宝贵"


class Gender(LabelledEnum):
    MALE = "male", "男"
    FEMALE = "female", "女"


class AgeBand(LabelledEnum):
    YOUNG = "young", "青年"
    MIDDLE = "middle", "中年"
    ELDER = "elder", "老年"


class HomeRegion(LabelledEnum):
    NORTH = "north", "北方"
    SOUTH = "south", "南方"
    EAST = "east", "东部"
    WEST = "west", "西部"


class CultureLevel(LabelledEnum):
    HIGH = "high", "较高"
    MEDIUM = "medium", "一般"
    LOW = "low", "较低"


class DecisionRole(LabelledEnum):
    DECISION_MAKER = "decision_maker", "决策者"
    INFLUENCER = "influencer", "影响者"
    BUYER = "buyer", "采购者"
    USER = "user", "使用者"
    GATEKEEPER = "gatekeeper", "把关者"
    OTHER = "other", "其他"


class Emotion(LabelledEnum):
    """The seven emotions (七情) a salesperson notes at each contact."""

    JOY = "joy", "喜"
    ANGER = "anger", "怒"
    SORROW = "sorrow", "哀"
    DELIGHT = "delight", "乐"
    GRIEF = "grief", "悲"
    FEAR = "fear", "恐"
    SHOCK = "shock", "惊"


class InteractionKind(LabelledEnum):
    VISIT = "visit", "拜访"
    CALL = "call", "电话"
    WECHAT = "wechat", "微信"
    EMAIL = "email", "邮件"
    MEETING = "meeting", "会议"
    OTHER = "other", "其他"


class FollowUpStatus(LabelledEnum):
    OPEN = "open", "待办"
    DONE = "done", "已完成"
    CANCELLED = "cancelled", "已取消"


class FollowUpKind(LabelledEnum):
    CALL = "call", "电话"
    VISIT = "visit", "拜访"
    WECHAT = "wechat", "微信"
    EMAIL = "email", "邮件"
    BIRTHDAY = "birthday", "生日"
    DORMANT = "dormant", "久未联系"
    PAYMENT = "payment", "回款"
    OTHER = "other", "其他"


class TransactionKind(LabelledEnum):
    SALE = "sale", "销售"
    PAYMENT = "payment", "回款"
    RETURN = "return", "退货"


class ServiceElement(LabelledEnum):
    """Price, quality and service: the three elements every objection reply returns to."""

    PRICE = "price", "价格"
    QUALITY = "quality", "质量"
    SERVICE = "service", "服务"
    OTHER = "other", "其他"


class SupportKind(LabelledEnum):
    """The six kinds of help given to a dealer."""

    MANAGEMENT = "management", "经营管理指导"
    SALES = "sales", "销售活动支援"
    ADVERTISING = "advertising", "广告宣传"
    DISPLAY = "display", "店面装修与陈列"
    PROMOTION = "promotion", "促销活动"
    INFORMATION = "information", "信息支持"


class RiskKind(LabelledEnum):
    CROSS_REGION = "cross_region", "窜货"
    DUMPING = "dumping", "低价抛售"
    OVERDUE = "overdue", "拖欠货款"
    CREDIT = "credit", "超出信用额度"
    OTHER = "other", "其他"
