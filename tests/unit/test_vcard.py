"""The tolerant vCard reader on what Chinese phones, old Android versions and truncated
transfers produce: charsets, folded lines, parameters, garbage and its reports."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehubao.exchange.vcard import VCardProblem, join_name, read_vcards

from .vcard_helpers import SAMPLES, card, read_one, vcf

# ------------------------------------------------------------------- decoding / charsets

def test_android_quoted_printable_chinese_name() -> None:
    c = read_one(vcf(*card("N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=A0;=E4=B8=89;;;",
                           "TEL;CELL:13800138000", version="2.1")))
    assert (c.family_name, c.given_name, c.full_name) == ("张", "三", "张三")


def test_quoted_printable_soft_breaks_split_mid_character_and_empty_continuation() -> None:
    data = vcf(*card("FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E5=BC=",
                     "=A0=E4=B8=89=",
                     "",
                     "ORG;CHARSET=UTF-8;QUOTED-PRINTABLE:=C3=91=C3=91=",
                     "=80",
                     "NOTE;ENCODING=QUOTED-PRINTABLE:line one=0D=0A=",
                     "line two",
                     version="2.1"))
    [c], problems = read_vcards(data)
    assert c.full_name == "张三"
    assert c.organization == "ÑÑ"  # Android's stray byte is left out (and said), not fatal
    assert [p.message for p in problems] == ["第 1 行：姓名或单位里有无法识别的字符（�），已去掉，导入后请核对"]
    assert c.note == "line one\nline two"


def test_western_name_order_and_cjk_name_order() -> None:
    western = read_one(vcf(*card("N:Doe;John;;;", "EMAIL:j@x.com")))
    assert western.full_name == "John Doe"
    chinese = read_one(vcf(*card("N:欧阳;娜娜;;;", "EMAIL:n@x.com")))
    assert chinese.full_name == "欧阳娜娜"
    mixed = read_one(vcf(*card("N:王;Lily;;;", "EMAIL:l@x.com")))
    assert mixed.full_name == "Lily 王"


def test_gbk_charset_parameter_raw_and_quoted_printable() -> None:
    raw = b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=GBK:" + "李;四".encode("gbk") + (
        b"\r\nORG;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:=B1=B1=BE=A9=B9=AB=CB=BE\r\n"
        b"TEL;CELL:13900000000\r\nEND:VCARD\r\n")
    c = read_one(raw)
    assert (c.family_name, c.given_name, c.full_name) == ("李", "四", "李四")
    assert c.organization == "北京公司"


def test_wrong_or_unknown_charset_label_falls_back_to_a_guess() -> None:
    raw = ("BEGIN:VCARD\r\nFN;CHARSET=US-ASCII:Zoë\r\nORG;CHARSET=X-MADE-UP:公司\r\n"
           "TITLE;CHARSET=GB2312:张三丰\r\nEND:VCARD\r\n").encode()
    c = read_one(raw)
    assert (c.full_name, c.organization, c.title) == ("Zoë", "公司", "张三丰")
    latin1 = b"BEGIN:VCARD\r\nNOTE;CHARSET=us-ascii;ENCODING=QUOTED-PRINTABLE:caf=E9 ok\r\n" \
             b"FN:x\r\nEND:VCARD\r\n"
    assert read_one(latin1).note == "café ok"


@pytest.mark.parametrize("charset, text", [("BIG5", "許功蓋"), ("SHIFT_JIS", "表示")])
def test_trail_byte_backslash_is_not_an_escape(charset: str, text: str) -> None:
    # 許 is B3 5C in Big5, 表 is 95 5C in Shift_JIS: decode before unescaping.
    raw = (b"BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=" + charset.encode() + b":"
           + text.encode("cp950" if charset == "BIG5" else "cp932") + b";;;;\r\nEND:VCARD\r\n")
    assert read_one(raw).family_name == text


def test_latin1_charset() -> None:
    raw = b"BEGIN:VCARD\r\nFN;CHARSET=ISO-8859-1:J\xfcrgen M\xfcller\r\nEND:VCARD\r\n"
    assert read_one(raw).full_name == "Jürgen Müller"


def test_gb18030_file_without_charset() -> None:
    data = vcf(*card("N:张;伟;;;", "FN:张伟", "ORG:深圳市腾飞电子有限公司;销售部",
                     "TEL;CELL:13800138000", "NOTE:老客户，月底回访", version="2.1"),
               encoding="gb18030")
    c = read_one(data)
    assert (c.full_name, c.organization, c.department) == ("张伟", "深圳市腾飞电子有限公司", "销售部")
    assert c.note == "老客户，月底回访"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le"])
def test_utf16_file(encoding: str) -> None:
    text = "\ufeff" + "".join(f"{line}\r\n" for line in card(
        "N;CHARSET=UTF-8:王;芳;;;", "TEL;TYPE=CELL:13911112222", "EMAIL:wf@example.cn"))
    data = text.encode(encoding) if encoding != "utf-16" else text[1:].encode("utf-16")
    c = read_one(data)
    assert (c.full_name, c.phones, c.emails) == ("王芳", [("mobile", "13911112222")],
                                                 ["wf@example.cn"])


def test_utf8_bom_and_line_endings() -> None:
    lines = card("FN:Anna", "TEL;HOME:123")
    for eol in ("\r\n", "\n", "\r", "\r\r\n"):
        c = read_one(b"\xef\xbb\xbf" + vcf(*lines, eol=eol))
        assert (c.full_name, c.phones) == ("Anna", [("home", "123")])


# --------------------------------------------------------------------- line structure

def test_folded_lines_including_a_split_utf8_sequence() -> None:
    name = "张三丰".encode()
    raw = (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + name[:4] + b"\r\n " + name[4:] + b"\r\n"
           b"NOTE:a long\r\n  note\r\n\tcontinued\r\n"
           b"EMAIL;TYPE=INT\r\n ERNET:x@y.com\r\nEND:VCARD\r\n")
    c = read_one(raw)
    assert c.full_name == "张三丰"
    assert c.note == "a long notecontinued"
    assert c.emails == ["x@y.com"]


def test_vcard21_base64_photo_without_indentation_is_skipped() -> None:
    data = vcf(*card(
        "FN:Photo Person",
        "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAIBAQEBAQIBAQE",
        "TELNOTEEMAILabcdefghijklmnopqrstuvwxyz0123456789+/ABCDEFGHIJKLMNOPQRSTUVWX",
        "FNADR+/+/+/==",
        "",
        "TEL;CELL:555",
        "KEY;X509;ENCODING=BASE64:",
        "    MIIDITCCAoqgAwIBAgIQT52W2WawmStUwpV8tBV9TTANBgkqhkiG9w0BAQUFADBMMQswCQYD",
        "",
        "",
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD",
        " 9T9mwR4XxpqYOf+gBff",
        "P+KX1H/4x",  # iPhone export: an indentation lost in the middle of the photo
        " gBff/Gq/BGil7KIe1Z//9k=",
        "EMAIL:photo@example.com",
        version="2.1"))
    c = read_one(data)
    assert c.full_name == "Photo Person"
    assert c.phones == [("mobile", "555")]
    assert c.emails == ["photo@example.com"]
    assert c.addresses == [] and c.note == ""


def test_lines_outside_cards_and_unknown_properties_are_ignored() -> None:
    data = vcf("garbage before", "FN:Not a card", "END:VCARD",
               *card("FN:Inside", "X-CUSTOM;X-PARAM=1:whatever", "item1.X-ABDATE:2000-01-01",
                     "TEL:1"),
               "trailing junk")
    c = read_one(data)
    assert (c.full_name, c.phones) == ("Inside", [("other", "1")])


def test_case_insensitive_names_and_params() -> None:
    c = read_one(vcf("begin:vcard", "version:3.0", "fn:lower case", "tel;type=cell:1",
                     "Email;Type=Internet;TYPE=pref:a@b.c", "end:vcard"))
    assert (c.full_name, c.phones, c.emails) == ("lower case", [("mobile", "1")], ["a@b.c"])


def test_nested_agent_card_is_ignored() -> None:
    data = vcf("BEGIN:VCARD", "VERSION:2.1", "FN:Boss", "AGENT:",
               "BEGIN:VCARD", "VERSION:2.1", "FN:Assistant", "TEL:999", "END:VCARD",
               "TEL;WORK:111", "END:VCARD")
    c = read_one(data)
    assert (c.full_name, c.phones) == ("Boss", [("work", "111")])


# ------------------------------------------------------------------- parameters / types

def test_phone_types_across_versions() -> None:
    c = read_one(vcf(*card(
        "FN:Phones",
        "TEL;CELL;PREF:1", "TEL;WORK;FAX:2", "TEL;TYPE=CELL,VOICE:3", "TEL;type=HOME;type=FAX:4",
        'TEL;VALUE=uri;TYPE="work,cell,voice";PREF=1:tel:+1-418-656-9254;ext=102',
        "TEL;TYPE=PAGER:5", "TEL;WORK;VOICE:6", "TEL;HOME:7", "TEL:8", "TEL;CELL;PREF:1",
        "TEL;X-COUCHDB-UUID=\"c2fa:1caa\";TYPE=WORK:9", version="2.1")))
    assert c.phones == [("mobile", "1"), ("fax", "2"), ("mobile", "3"), ("fax", "4"),
                        ("mobile", "+1-418-656-9254;ext=102"), ("pager", "5"), ("work", "6"),
                        ("home", "7"), ("other", "8"), ("work", "9")]


def test_grouped_properties_use_the_label_as_a_hint() -> None:
    c = read_one(vcf(*card(
        "FN:Grouped",
        "item1.EMAIL;type=INTERNET:grouped@example.com",
        "item1.X-ABLabel:_$!<Other>!$_",
        "item2.TEL:100", "item2.X-ABLabel:_$!<AssistantPhone>!$_",
        "item3.TEL:200", "item3.X-ABLabel:_$!<Mobile>!$_",
        "item4.TEL:300", "ITEM4.X-ABLABEL:手机",
        "item5.TEL;type=HOME:400", "item5.X-ABLabel:_$!<Mobile>!$_")))
    assert c.emails == ["grouped@example.com"]
    assert c.phones == [("other", "100"), ("mobile", "200"), ("mobile", "300"), ("home", "400")]


def test_preferred_email_first_and_duplicates_dropped() -> None:
    c = read_one(vcf(*card("FN:Mail", "EMAIL;TYPE=INTERNET:first@example.com",
                           "EMAIL;PREF;INTERNET:pref@example.com", "EMAIL:FIRST@example.com",
                           "EMAIL;PREF=1:mailto:four@example.com", "TEL:1", "TEL:1",
                           "TEL;HOME:1")))
    assert c.emails == ["pref@example.com", "four@example.com", "first@example.com"]
    assert c.phones == [("other", "1"), ("home", "1")]


def test_escapes_and_structured_values() -> None:
    c = read_one(vcf(*card(
        r"FN:Doe\, John",
        r"N:O\;Brien;Mary\, Ann;;;",
        r"ORG:ACME\, Inc.;R\;D;Lab 2",
        r"TITLE:Head of \\ Dept",
        r"NOTE:line 1\nline 2\Nline 3\, with \; and \: and C:\Users",
        r"URL;TYPE=WORK:http\://www.ibm.com",
        r"ADR;TYPE=HOME:;;12 Main St\, Apt 4\nBack door;Springfield;;12345;USA",
        r"CATEGORIES:VIP,Key account\, east,VIP",
        r"NICKNAME:Johny\,JayJay")))
    assert c.full_name == "Doe, John"
    assert (c.family_name, c.given_name) == ("O;Brien", "Mary, Ann")
    assert (c.organization, c.department) == ("ACME, Inc.", "R;D Lab 2")
    assert c.title == "Head of \\ Dept"
    assert c.note == "line 1\nline 2\nline 3, with ; and : and C:\\Users"
    assert c.urls == ["http://www.ibm.com"]
    assert c.addresses == ["12 Main St, Apt 4, Back door, Springfield, 12345, USA"]
    assert c.categories == ["VIP", "Key account", "east"]
    assert c.nickname == "Johny,JayJay"


def test_chinese_address_reads_big_to_small() -> None:
    c = read_one(vcf(*card("FN:地址", "ADR;TYPE=WORK:;;科技园南区 8 栋;深圳市;广东省;518057;中国")))
    assert c.addresses == ["中国广东省深圳市科技园南区 8 栋 518057"]


def test_title_falls_back_to_role_and_label_to_address() -> None:
    c = read_one(vcf(*card("FN:R", "ROLE:Buyer",
                           "LABEL;ENCODING=QUOTED-PRINTABLE:1 Main St=0D=0ASpringfield")))
    assert c.title == "Buyer"
    assert c.addresses == ["1 Main St, Springfield"]


# ------------------------------------------------------------------ garbage / problems

def test_truncated_file_keeps_cards_and_reports_the_open_one() -> None:
    data = vcf(*card("FN:Complete", "TEL:1"), "BEGIN:VCARD", "VERSION:3.0", "FN:Partial",
               "TEL;CELL:2", "NOTE;ENCODING=QUOTED-PRINTABLE:cut off=")
    contacts, problems = read_vcards(data)
    assert [c.full_name for c in contacts] == ["Complete", "Partial"]
    assert contacts[1].phones == [("mobile", "2")] and contacts[1].note == ""
    assert problems == [VCardProblem(6, "第 6 行：名片没有结束（缺少 END:VCARD），"
                                        "最后一行（第 10 行 NOTE）可能不完整，已忽略")]


CUT_FILE = "".join(f"{line}\r\n" for line in [
    *card("FN:张伟", "TEL;TYPE=CELL:13812345678"),
    "BEGIN:VCARD", "VERSION:3.0", "N:王;小明;;;", "FN:王小明", "TEL;TYPE=CELL:13900001111",
    "EMAIL:wang@example.com", "END:VCARD"]).encode()


def _cut_after(text: str, extra: int = 0) -> bytes:
    return CUT_FILE[:CUT_FILE.index(text.encode()) + len(text.encode()) + extra]


@pytest.mark.parametrize("data", [
    pytest.param(_cut_after("FN:王", 1), id="inside-a-character"),
    pytest.param(_cut_after("FN:王", 2), id="inside-a-character-2"),
    pytest.param(_cut_after("FN:王"), id="after-a-character"),
    pytest.param(_cut_after("N:王;小"), id="in-N"),
    pytest.param(_cut_after("N:王;小明;;;", 2) + b"FN:\xe7\x8e\x8b\xe5" + b"\x00" * 50,
                 id="zero-filled-after-the-cut"),
])
def test_card_cut_in_its_name_is_not_imported(data: bytes) -> None:
    contacts, problems = read_vcards(data)
    assert [c.full_name for c in contacts] == ["张伟"]  # the whole card is read as UTF-8
    assert [p.line_no for p in problems] == [6]
    assert "姓名可能不完整" in problems[0].message and "没有导入" in problems[0].message


def test_card_cut_after_its_name_keeps_its_whole_lines_only() -> None:
    contacts, problems = read_vcards(_cut_after("TEL;TYPE=CELL:13900"))
    assert [(c.full_name, c.phones) for c in contacts] == [
        ("张伟", [("mobile", "13812345678")]), ("王小明", [])]
    assert problems == [VCardProblem(6, "第 6 行：名片没有结束（缺少 END:VCARD），"
                                        "最后一行（第 10 行 TEL）可能不完整，已忽略")]


def test_card_cut_at_a_line_end_keeps_a_short_last_line() -> None:
    """A line ended by a line break is whole unless it is long enough to have been folded."""
    contacts, problems = read_vcards(_cut_after("TEL;TYPE=CELL:13900001111", 2))
    assert contacts[1].phones == [("mobile", "13900001111")]
    assert problems == [VCardProblem(6, "第 6 行：名片没有结束（缺少 END:VCARD）")]
    long_note = "NOTE:" + "很长的备注" * 20
    data = vcf(*card("FN:A"), "BEGIN:VCARD", "FN:B", "TEL:1", long_note)
    contacts, problems = read_vcards(data)
    assert (contacts[1].full_name, contacts[1].phones, contacts[1].note) == ("B", [("other", "1")], "")
    assert "最后一行（第 8 行 NOTE）可能不完整" in problems[0].message


def test_cut_sample_files_never_give_a_name_the_whole_file_does_not_have() -> None:
    for path in sorted(SAMPLES.glob("*.vcf")):
        data = path.read_bytes()
        whole = {name for c in read_vcards(data)[0]
                 for name in (c.full_name, join_name(c.family_name, c.given_name), c.organization)}
        cuts = set(range(0, len(data), max(7, len(data) // 300)))  # and in every name:
        for line in re.finditer(rb"(?mi)^(?:FN|N|ORG)[;:].*$", data):
            cuts.update(range(line.start(), line.end() + 2))
        for cut in sorted(cuts):
            for c in read_vcards(data[:cut])[0]:
                assert c.full_name in whole and c.organization in whole | {""}, (path.name, cut, c)


@pytest.mark.parametrize("lines, name, organization", [
    (["FN:王\ufffd明", "TEL:1"], "王明", ""),
    (["FN:\ufffd\ufffd", "N:王;小明;;;"], "王小明", ""),
    (["FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E7=8E=8B=E5", "ORG:星辰\ufffd科技"], "王", "星辰科技"),
])
def test_replacement_character_never_lands_in_a_name(lines, name, organization) -> None:
    contacts, problems = read_vcards(vcf(*card(*lines)))
    assert [(c.full_name, c.organization) for c in contacts] == [(name, organization)]
    assert not any("\ufffd" in text for c in contacts
                   for text in (c.full_name, c.family_name, c.given_name, c.organization))
    assert len(problems) == 1 and "无法识别的字符" in problems[0].message


def test_missing_end_before_the_next_card() -> None:
    data = vcf("BEGIN:VCARD", "FN:First", "BEGIN:VCARD", "FN:Second", "END:VCARD")
    contacts, problems = read_vcards(data)
    assert [c.full_name for c in contacts] == ["First", "Second"]
    assert len(problems) == 1 and problems[0].line_no == 1
    assert "缺少 END:VCARD" in problems[0].message


def test_truncated_card_without_data_is_reported_once() -> None:
    contacts, problems = read_vcards(vcf(*card("FN:A", "TEL:1"), "BEGIN:VCARD", "VERSION:2.1"))
    assert len(contacts) == 1
    assert len(problems) == 1 and problems[0].line_no == 6


@pytest.mark.parametrize("seed", range(5))
def test_binary_garbage(seed: int) -> None:
    data = random.Random(seed).randbytes(4096)
    contacts, problems = read_vcards(data)
    assert contacts == []
    assert len(problems) == 1 and "不是有效的 vCard 文件" in problems[0].message


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    b"\xff\xfe\x00\xd8garbage",
    b"PK\x03\x04" + b"\x00:" * 50,
    "姓名,电话\n张三,13800138000\n".encode("gbk"),
])
def test_non_vcard_files(data: bytes) -> None:
    contacts, problems = read_vcards(data)
    assert contacts == [] and len(problems) == 1
    assert "不是有效的 vCard 文件" in problems[0].message


@pytest.mark.parametrize("data", [b"", b"\r\n \r\n", b"\xef\xbb\xbf"])
def test_empty_input(data: bytes) -> None:
    contacts, problems = read_vcards(data)
    assert contacts == []
    assert len(problems) == 1 and "不是有效的 vCard 文件" in problems[0].message


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    contacts, problems = read_vcards(data)
    assert all(isinstance(p, VCardProblem) and "\n" not in p.message for p in problems)


def test_damaged_sample_files_never_raise() -> None:
    files = [p.read_bytes() for p in sorted(SAMPLES.glob("*.vcf"))]
    rnd = random.Random(2024)
    snippets = [b"\r\n", b"=", b"\\", b";", b":", b'"', b"BEGIN:VCARD", b"END:VCARD", b" ",
                b"\xff", b"\x00", b";CHARSET=\x00base64", b";ENCODING=QUOTED-PRINTABLE"]
    for _ in range(500):
        data = bytearray(rnd.choice(files))
        for _ in range(rnd.randint(1, 20)):
            pos = rnd.randrange(len(data) + 1)
            if rnd.random() < 0.4:
                del data[pos:pos + rnd.randint(1, 50)]
            else:
                data[pos:pos] = rnd.choice(snippets) if rnd.random() < 0.7 else rnd.randbytes(20)
        read_vcards(bytes(data))


def test_card_with_only_an_email_is_named_after_it() -> None:
    c = read_one(vcf(*card("EMAIL;PREF;INTERNET:li.lei@example.com", version="2.1")))
    assert c.full_name == "li.lei"
    assert c.emails == ["li.lei@example.com"]


def test_card_with_only_an_organization_is_named_after_it() -> None:
    c = read_one(vcf(*card("ORG:上海某某贸易有限公司;采购部")))
    assert (c.full_name, c.department) == ("上海某某贸易有限公司", "采购部")


def test_card_with_nothing_usable_is_dropped_with_a_problem() -> None:
    data = vcf(*card("FN:Ok", "TEL:1"), *card("NOTE:just a note", "ADR:;;street;;;;"))
    contacts, problems = read_vcards(data)
    assert [c.full_name for c in contacts] == ["Ok"]
    assert len(problems) == 1 and problems[0].line_no == 6
    assert problems[0].message.startswith("第 6 行：") and "\n" not in problems[0].message


def test_reading_10000_cards_keeps_every_card() -> None:
    one = "".join(f"{line}\r\n" for line in card(
        "N:张;三{i};;;", "FN:张三{i}", "ORG:公司;部门", "TEL;TYPE=CELL:1380013{i:04d}",
        "EMAIL;TYPE=INTERNET:a{i}@example.com", "NOTE:hello\\, world"))
    data = "".join(one.format(i=i) for i in range(10_000)).encode()
    contacts, problems = read_vcards(data)
    assert len(contacts) == 10_000 and problems == []
    assert contacts[9999].full_name == "张三9999"
