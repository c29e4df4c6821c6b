"""How to approach a contact, read off what is recorded about them.

Managing customers is managing people: the right approach depends on the person's age,
where they come from, their education, their role in the decision and — above all — the
mood they were in last time (the seven emotions). These notes are reminders a
salesperson can take in at a glance before a call; they describe tendencies, not truths
about anyone, and the card shows what was actually observed first.

Every topic and piece of advice is a ``texts.Text`` (shown in the user's language); what
the user wrote about the person (personality, needs...) is shown as written.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Contact
from ..models.enums import AgeBand, CultureLevel, DecisionRole, Emotion, HomeRegion
from ..texts import Text, noop


@dataclass(frozen=True)
class Advice:
    topic: str
    text: str
    observed: bool = False  # the user's own words about the person, not advice


EMOTION_ADVICE = {
    "joy": noop("上次心情愉快，沟通容易展开：适合提出新方案、谈合作扩大或争取订单。"),
    "delight": noop("上次心情很好、兴致高：趁热打铁，把谈好的事落实成书面约定。"),
    "anger": noop("上次在气头上：先别谈业务，避其锋芒、冷静倾听，弄清他为什么不满，"
                  "能当场解决的先解决，难题另约时间再谈。"),
    "sorrow": noop("上次情绪低落：先表达关心、多听少说，不要急着推销；可以问问有什么能帮上忙的。"),
    "grief": noop("上次心情悲痛：这时很难谈正常业务，以慰问为主，业务往后放，过段时间再跟进。"),
    "fear": noop("上次显得担心、没把握：多给保障（质保、退换、成功案例），把风险讲清楚，"
                 "帮他降低决策的不安。"),
    "shock": noop("上次受到惊扰（出了意外或听到坏消息）：先讲清事实，给出明确的处理办法，"
                  "给他时间消化，不要催促决定。"),
}

AGE_ADVICE = {
    "elder": noop("阅历广、处事随和，看重被尊重、希望体现自身价值；也可能固执保守。"
                  "多请教、多倾听，用稳妥可靠的老案例说话，别急于推新概念。"),
    "middle": noop("压力大、求稳定、做事追求完美，说话留余地，也容易瞻前顾后、拿不定主意。"
                   "给稳妥的方案和清楚的数据，替他减少麻烦，给一个明确的推荐再附一个备选。"),
    "young": noop("肯学习、赶时尚、有冲劲、思维活跃，但考虑不够周全、容易急躁。"
                  "反应要快、讲新意，同时帮他把细节和风险核实清楚，重要事项书面确认。"),
}

REGION_ADVICE = {
    "north": noop("性格多豪爽、重信义。说话直来直去，答应的事一定做到，面对面交流效果好。"),
    "south": noop("多精干聪明、重规则。条款、价格和数字要准确清楚，按规矩办事，合同写明白。"),
    "east": noop("接触先进管理理念多、接受新观念快。可以带新思路、新方法和数据分析去谈。"),
    "west": noop("管理上往往更务实、重眼前见效。把能马上看到的好处讲透，方案简单易行。"),
}

CULTURE_ADVICE = {
    "high": noop("能很快接受新理念，可以讲思路、谈战略，资料要有条理、有依据。"),
    "medium": noop("少用术语，多举实例，重点讲清楚对他有什么好处。"),
    "low": noop("用大白话，耐心一点，把关键点重复确认，必要时当面演示。"),
}

ROLE_ADVICE = {
    "decision_maker": noop("谈价值和回报，少谈细节；准备好一句话的结论和清晰的选项。"),
    "influencer": noop("给他能转述给决策人的材料和理由，让他愿意替你说话。"),
    "buyer": noop("关注价格、账期和交货，准备好报价依据和让步条件。"),
    "user": noop("关注好不好用，讲实际使用体验，提供培训和售后保障。"),
    "gatekeeper": noop("尊重他的职责，请他帮忙引荐，不要绕过他。"),
}


GENDER_ADVICE = {
    "male": noop("男性客户多习惯直截了当：先给结论，再讲理由。"),
    "female": noop("女性客户往往更细致：把细节和感受照顾到，留出考虑的时间。"),
}


def advice_for(contact: Contact) -> list[Advice]:
    """Reminders for approaching this contact, the last observed mood first."""
    out: list[Advice] = []

    def tip(topic: str, text: str) -> None:
        out.append(Advice(topic, Text(text)))

    def observed(topic: str, words: str | None) -> None:
        if words:
            out.append(Advice(Text(topic), words, observed=True))

    if contact.last_emotion in EMOTION_ADVICE:
        tip(Text("上次情绪：{mood}", mood=Text(Emotion.label_of(contact.last_emotion))),
            EMOTION_ADVICE[contact.last_emotion])
    observed(noop("个性"), contact.personality)
    observed(noop("交流方式"), contact.communication_style)
    if contact.decision_role in ROLE_ADVICE:
        tip(Text(DecisionRole.label_of(contact.decision_role)), ROLE_ADVICE[contact.decision_role])
    if contact.age_band in AGE_ADVICE:
        tip(Text(AgeBand.label_of(contact.age_band)), AGE_ADVICE[contact.age_band])
    if contact.home_region in REGION_ADVICE:
        tip(Text(HomeRegion.label_of(contact.home_region)), REGION_ADVICE[contact.home_region])
    if contact.culture_level in CULTURE_ADVICE:
        tip(Text("文化素质{level}", level=Text(CultureLevel.label_of(contact.culture_level))),
            CULTURE_ADVICE[contact.culture_level])
    if contact.gender in GENDER_ADVICE:
        tip(Text("性别"), GENDER_ADVICE[contact.gender])
    observed(noop("需求"), contact.needs)
    observed(noop("偏好"), contact.preferences)
    return out


# What to do with each of the four classes (sales volume × loyalty).
CLASS_STRATEGY = {
    "1": "销量小、不忠诚：价值低。减少拜访次数，积极开发能替代它的新客户，必要时淘汰。",
    "2": "销量大、不忠诚：最危险的一类。留意窜货、低价抛售和拖欠货款，收紧信用和账期，"
         "把回款与政策挂钩，同时培养替代客户。",
    "3": "销量小、忠诚：明日之星。多扶持、多辅导（经营指导、促销、陈列、信息支持），"
         "帮它成长为重点客户。",
    "4": "销量大、忠诚：最宝贵的财富。重点维护，优先供货和支持，年终奖励，请它参与共同发展。",
}

# The colour each class is drawn in (portfolio quadrants, badges): green for the precious,
# red for the dangerous, blue for the rising stars, grey for the rest.
CLASS_COLOURS = {"1": "#9e9e9e", "2": "#d9534f", "3": "#3a7bd5", "4": "#2e9d5b"}
