"""Paraphrases: what a customer says in other words. "价格高", "太贵", "能便宜点吗" all mean
the price objection; the matcher maps a query and every script onto these concepts, so a
salesperson typing whatever words come first still finds the script.

Each concept lists words that signal it (Chinese as customers say them). Pinyin and
initials of the words are derived once, so "jiage" and "tg" (太贵) work too."""

from __future__ import annotations

from functools import lru_cache

from ...pinyin_keys import syllables

CONCEPTS: dict[str, tuple[str, ...]] = {
    "price": ("贵", "太贵", "价格", "价钱", "价位", "便宜", "降价", "优惠", "折扣", "打折",
              "太高", "砍价", "让利", "划算", "成本", "进价", "拿货价", "比价", "低价", "市场价",
              "抹零", "多少钱", "预算", "没钱", "经费"),
    "profit": ("利润", "赚钱", "挣钱", "毛利", "差价", "返利", "不赚", "不挣"),
    "quality": ("质量", "品质", "靠谱", "靠得住", "不稳定", "返修", "故障", "检测", "质保", "耐用",
                "次品", "效果", "能用"),
    "service": ("服务", "售后", "响应", "维修", "找不到人", "回访", "态度", "不到位"),
    "delivery": ("交期", "交货", "发货", "送货", "到货", "物流", "迟到", "急单", "等不起"),
    "delay": ("考虑", "再说", "以后", "改天", "下次", "过段时间", "不着急", "研究", "回头",
              "明年", "年底", "时机", "等等"),
    "busy": ("忙", "没空", "没时间", "开会", "长话短说"),
    "authority": ("负责", "做主", "老板", "领导", "说了不算", "商量", "拍板", "合伙人", "决定不了",
                  "定不了", "不管"),
    "no_need": ("不需要", "没兴趣", "用不上", "不考虑", "已经有", "自己生产", "自己做", "有供应商",
                "用的挺好"),
    "payment": ("账期", "付款", "付钱", "回款", "赊", "月结", "先货后款", "欠款", "现款", "结账", "货款",
                "晚点付"),
    "trust": ("品牌", "名气", "没听说", "牌子", "公司小", "规模", "不放心", "小厂", "不熟悉",
              "不了解", "吃过亏", "不愉快", "印象不好", "不靠谱"),
    "range": ("品种", "型号", "种类", "配套", "不全"),
    "stock": ("库存", "压货", "囤货", "仓库", "卖不动", "积压", "试一批", "试试", "少拿"),
    "material": ("资料", "报价单", "样本", "发过来", "传真", "邮寄"),
    "competitor": ("别家", "同行", "竞争", "对手", "大厂", "供应商", "窜货"),
}
ELEMENT_CONCEPT = {"price": "price", "quality": "quality", "service": "service"}


@lru_cache(maxsize=1)
def _term_keys() -> list[tuple[str, str, str, str]]:
    """(concept, term, full pinyin, initials) for every term."""
    out = []
    for concept, terms in CONCEPTS.items():
        for term in terms:
            sylls = syllables(term)
            out.append((concept, term, "".join(sylls), "".join(s[0] for s in sylls)))
    return out


@lru_cache(maxsize=1)
def _by_first_char() -> dict[str, list[tuple[str, str]]]:
    """first character → (term, concept): a text is checked only for the terms that can
    start at one of its characters, a few `in` tests instead of two hundred."""
    out: dict[str, list[tuple[str, str]]] = {}
    for concept, terms in CONCEPTS.items():
        for term in terms:
            out.setdefault(term[0], []).append((term, concept))
    return out


def concepts_in_text(text: str) -> frozenset[str]:
    """Concepts a Chinese text mentions."""
    table = _by_first_char()
    found = set()
    for ch in set(text):
        for term, concept in table.get(ch, ()):
            if concept not in found and term in text:
                found.add(concept)
    return frozenset(found)


def concepts_of_pinyin(compact: str) -> frozenset[str]:
    """Concepts a typed pinyin or initials string stands for: a term's full pinyin
    (or its beginning, from four letters on, so they appear while typing), a term's
    pinyin inside the query ("jiagegao"), or a two-or-more-letter initials string."""
    if not compact:
        return frozenset()
    found = set()
    for concept, term, full, initials in _term_keys():
        if (compact == full or (len(compact) >= 4 and full.startswith(compact))
                or (len(full) >= 4 and full in compact)
                or (len(compact) >= 2 and len(term) >= 2 and compact == initials)):
            found.add(concept)
    return frozenset(found)
