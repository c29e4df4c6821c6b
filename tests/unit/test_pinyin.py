"""Pinyin keys: phrase-aware readings, surname readings, initials, Latin words."""

from __future__ import annotations

import pytest

from kehubao.pinyin_keys import name_keys, sort_key


@pytest.mark.parametrize("name, variant, initials", [
    ("单田芳", "shantianfang", "stf"), ("曾国藩", "zengguofan", "zgf"),
    ("解缙", "xiejin", "xj"), ("区志强", "ouzhiqiang", "ozq"), ("仇英", "qiuying", "qy"),
    ("欧阳锋", "ouyangfeng", "oyf"), ("尉迟恭", "yuchigong", "ycg"), ("张三", "zhangsan", "zs"),
])
def test_person_names_use_surname_readings(name: str, variant: str, initials: str) -> None:
    keys = name_keys(name, person=True)
    assert keys.variants[0] == variant and keys.initials[0] == initials


def test_polyphone_surname_keeps_ordinary_reading_too() -> None:
    assert "dantianfang" in name_keys("单田芳", person=True).variants


@pytest.mark.parametrize("name, variant", [
    ("重庆长江贸易有限公司", "chongqingchangjiangmaoyiyouxiangongsi"),
    ("中国银行长沙分行", "zhongguoyinhangchangshafenhang"),
    ("乐清市乐器厂", "yueqingshiyueqichang"),
])
def test_company_names_are_phrase_aware(name: str, variant: str) -> None:
    assert name_keys(name).variants == (variant,)


def test_latin_words_stay_whole_in_initials() -> None:
    keys = name_keys("IBM中国")
    assert keys.variants == ("ibmzhongguo",) and keys.initials == ("ibmzg",)


def test_sort_key_orders_by_pinyin() -> None:
    names = ["张三", "阿里巴巴", "北京华远", "重庆长江"]
    assert sorted(names, key=sort_key) == ["阿里巴巴", "北京华远", "重庆长江", "张三"]
