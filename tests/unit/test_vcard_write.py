"""The vCard writer: cards phones accept, and that read back to the same contacts."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehubao.exchange.vcard import VCardContact, read_vcards
from kehubao.exchange.vcard_write import write_vcards

from .vcard_helpers import read_one

# -------------------------------------------------------------------------------- writing

ROUND_TRIP = [
    VCardContact(
        full_name="王小明", family_name="王", given_name="小明",
        organization="北京某某科技有限公司", department="销售部 华北区",
        title="经理; 主管, 兼任\\技术",
        phones=[("mobile", "138 0013 8000"), ("work", "010-8888 6666;ext=12"),
                ("home", "+86 (21) 5555-0000"), ("fax", "010-8888 6667"), ("pager", "96960"),
                ("other", "400-800-8888")],
        emails=["wang.xm@example.com", "王小明@例子.中国"],
        addresses=["北京市朝阳区建国路 88 号; A 座, 5 层 \\ 东侧"],
        urls=["https://example.com/a,b;c?x=1"],
        birthday="1980-03-22",
        note="第一行：重要客户\n第二行; 含逗号, 反斜杠 \\ 和字面的 \\n\n\n"
             "最后一行 with a long mixed text 需要折行需要折行需要折行需要折行需要折行 🙂 end",
        categories=["重点客户", "VIP"],
        nickname="小王",
    ),
    VCardContact(
        full_name="Zoë O'Brien-Smith", family_name="O'Brien-Smith", given_name="Zoë",
        organization="ACME; Inc.", title="VP, Sales",
        phones=[("mobile", "+1 555 0100")], emails=["zoe@acme.example"],
        note="A plain ASCII note that is definitely longer than seventy-five characters, "
             "so it must be folded or soft-broken.",
    ),
    VCardContact(full_name="李雷", phones=[("mobile", "13900000000")]),
]


@pytest.mark.parametrize("version", ["3.0", "2.1"])
def test_round_trip(version: str) -> None:
    text = write_vcards(ROUND_TRIP, version)
    contacts, problems = read_vcards(text.encode("utf-8"))
    assert problems == []
    assert [replace(c, line_no=0) for c in contacts] == ROUND_TRIP


_one_line = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=30).map(
    lambda s: " ".join(s.split()))
_kinds = st.sampled_from(["mobile", "work", "home", "fax", "pager", "other"])


@st.composite
def _contacts(draw: st.DrawFn) -> VCardContact:
    notes = draw(st.lists(_one_line, max_size=4))
    return VCardContact(
        full_name=draw(_one_line.filter(bool)), family_name=draw(_one_line),
        given_name=draw(_one_line), organization=draw(_one_line), department=draw(_one_line),
        title=draw(_one_line), nickname=draw(_one_line), birthday=draw(_one_line),
        phones=draw(st.lists(st.tuples(_kinds, _one_line.filter(
            lambda s: s and not s.lower().startswith("tel:"))), unique=True, max_size=3)),
        emails=draw(st.lists(_one_line.filter(lambda s: s and not s.lower().startswith("mailto:")),
                             unique_by=str.lower, max_size=3)),
        urls=draw(st.lists(_one_line.filter(bool), unique=True, max_size=2)),
        note="\n".join(notes).strip(),
        categories=draw(st.lists(_one_line.filter(lambda s: s and not set(s) & set(",;")),
                                 unique=True, max_size=3)),
    )


@settings(max_examples=200, deadline=None)
@given(st.lists(_contacts(), min_size=1, max_size=3), st.sampled_from(["3.0", "2.1"]))
def test_round_trip_property(contacts: list[VCardContact], version: str) -> None:
    read, problems = read_vcards(write_vcards(contacts, version).encode("utf-8"))
    assert problems == []
    assert [replace(c, line_no=0) for c in read] == contacts


def test_write_30_format() -> None:
    text = write_vcards([ROUND_TRIP[0]])
    assert text.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n") and text.endswith("END:VCARD\r\n")
    assert "\n" not in text.replace("\r\n", "")
    unfolded = text.replace("\r\n ", "")
    for expected in ("N:王;小明;;;\r\n", "FN:王小明\r\n", "ORG:北京某某科技有限公司;销售部 华北区\r\n",
                     "TITLE:经理\\; 主管\\, 兼任\\\\技术\r\n", "TEL;TYPE=CELL:138 0013 8000\r\n",
                     "TEL;TYPE=WORK:", "TEL;TYPE=HOME:", "TEL;TYPE=FAX:",
                     "EMAIL;TYPE=INTERNET:wang.xm@example.com\r\n",
                     "ADR;TYPE=WORK:;;北京市朝阳区建国路 88 号\\; A 座\\, 5 层 \\\\ 东侧;;;;\r\n",
                     "BDAY:1980-03-22\r\n", "CATEGORIES:重点客户,VIP\r\n", "URL:https://",
                     "NOTE:第一行：重要客户\\n第二行\\; 含逗号\\, 反斜杠 \\\\ 和字面的 \\\\n\\n\\n"):
        assert expected in unfolded


def test_write_21_format() -> None:
    text = write_vcards(ROUND_TRIP, "2.1")
    assert text.isascii()
    assert "VERSION:2.1\r\n" in text
    assert "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E7=8E=8B;=E5=B0=8F=E6=98=8E;;;\r\n" in text
    assert "TEL;CELL:138 0013 8000\r\n" in text and "TEL;FAX:010-8888 6667\r\n" in text
    assert "EMAIL;INTERNET:wang.xm@example.com\r\n" in text
    assert "FN:Zoë" not in text and "ORG:ACME\\; Inc.\r\n" in text
    for line in text.split("\r\n"):
        assert len(line) <= 75


def test_folding_never_splits_a_character_and_respects_75_octets() -> None:
    contact = VCardContact(full_name="测" * 200, note=("aé中🙂" * 150),
                           addresses=["x" + "长" * 100], phones=[("mobile", "1")])
    raw = write_vcards([contact]).encode("utf-8")
    lines = raw.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(len(line) >= 73 for line in lines)  # folding really fills lines
    for line in lines:
        line.decode("utf-8")  # raises if a multibyte sequence was split
    assert read_one(raw) == replace(contact, line_no=1)


def test_unknown_version_raises() -> None:
    with pytest.raises(ValueError):
        write_vcards([VCardContact(full_name="x")], "4.0")
    with pytest.raises(ValueError):
        write_vcards([], "3")


def test_write_nothing() -> None:
    assert write_vcards([]) == ""
