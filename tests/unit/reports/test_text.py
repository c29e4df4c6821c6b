"""Money in figures and capitals, escaping for ReportLab's markup, font runs."""

from __future__ import annotations

import pytest

from kehubao.reports import fonts
from kehubao.reports.text import capitals, escape, markup, yuan


@pytest.mark.parametrize(("fen", "expected"), [
    (0, "零元整"),
    (1000, "壹拾元整"),
    (10000, "壹佰元整"),
    (10005, "壹佰元零伍分"),
    (100000000, "壹佰万元整"),
    (1001000, "壹万零壹拾元整"),
    (1234567, "壹万贰仟叁佰肆拾伍元陆角柒分"),
    (5, "伍分"),
    (56, "伍角陆分"),
    (10050, "壹佰元伍角"),
    (101000, "壹仟零壹拾元整"),
    (10010000, "壹拾万零壹佰元整"),
    (10000000000, "壹亿元整"),
    (10000000500, "壹亿零伍元整"),
    (10001000000, "壹亿零壹万元整"),
    (-1234, "负壹拾贰元叁角肆分"),
])
def test_capitals(fen: int, expected: str) -> None:
    assert capitals(fen) == expected


def test_yuan_in_figures() -> None:
    assert yuan(1234567) == "¥12,345.67"
    assert yuan(5) == "¥0.05"
    assert yuan(-100) == "-¥1.00"
    assert yuan(None) == ""


def test_escape_keeps_text_as_typed() -> None:
    assert escape("A&B <贸易> 公司") == "A&amp;B &lt;贸易&gt; 公司"
    # A user who typed an entity sees the entity, not the character it stands for.
    assert escape("&amp;") == "&amp;amp;"


def test_markup_sets_rare_characters_in_fallback_fonts() -> None:
    fonts.register_fonts()
    text = markup("吉野𠮷 䶮 A&B\n第二行")
    assert f'<font face="{fonts.FALLBACK_A}">𠮷</font>' in text
    assert f'<font face="{fonts.FALLBACK_A}">䶮</font>' in text
    assert "A&amp;B<br/>第二行" in text


def test_emoji_becomes_one_visible_placeholder() -> None:
    runs = list(fonts.runs("好😀👍🏽家👨\u200d👩\u200d👧"))
    assert runs == [(fonts.MAIN, "好"), (fonts.PLACEHOLDER, "[表情]"),
                    (fonts.PLACEHOLDER, "[表情]"), (fonts.MAIN, "家"),
                    (fonts.PLACEHOLDER, "[表情]")]
    assert fonts.undrawable("好😀𠮷䶮 A&B 😀") == ["😀"]


def test_font_chain() -> None:
    assert fonts.font_for("中") == fonts.MAIN
    assert fonts.font_for("𠮷") == fonts.FALLBACK_A  # U+20BB7, Extension B
    assert fonts.font_for("䶮") == fonts.FALLBACK_A  # U+4DAE, Extension A
    assert fonts.font_for("\U00020001") == fonts.FALLBACK_B  # only in the big fallback
    assert fonts.font_for("😀") is None
    assert fonts.placeholder("😀") == "[表情]"
    assert fonts.placeholder("\U0001D11E") == "[U+1D11E]"
