"""The tolerant vCard reader on real exports (ez-vcard's collection, see
tests/data/vcard/LICENSE-ez-vcard.txt): every sample reads with the expected names,
numbers, e-mails and notes."""

from __future__ import annotations

from typing import Any

import pytest

from kehubao.exchange.vcard import read_vcards

from .vcard_helpers import SAMPLES

# ----------------------------------------------------------------------- sample files

N = "Ñ"
JOHN_DOE = dict(family_name="Doe", given_name="John", organization="IBM", title="Money Counter")
IBM_PHONES = [("mobile", "905-555-1234"), ("home", "905-666-1234"), ("work", "905-777-1234"),
              ("fax", "905-888-1234"), ("fax", "905-999-1234"), ("pager", "905-111-1234"),
              ("other", "905-222-1234")]  # item2.TEL labelled "AssistantPhone"
SILICON_ALLEY = "Silicon Alley 5, New York, New York, 12345, United States of America"
STREET4 = "Street4, Building 6, Floor 8, New York, 12345, USA"

EXPECTED: dict[str, list[dict[str, Any]]] = {
    "John_Doe_ANDROID.vcf": [
        dict(full_name="john.doe", family_name="", emails=["john.doe@company.com"], phones=[],
             categories=["My Contacts"]),
        dict(full_name="jane.doe", emails=["jane.doe@company.com"], phones=[]),
        dict(full_name=" ".join([N] * 5), family_name=" ".join([N] * 4), given_name="",
             phones=[("mobile", "123456789")], emails=[], organization=""),
        dict(full_name=" ".join([N] * 11), family_name=" ".join([N] * 11),
             phones=[("mobile", "123456"), ("home", "234567"), ("mobile", "3456789"),
                     ("home", "45678901")],
             emails=[], note=(f"{N} " * 7 + N) * 2 + f"{N} " * 4 + N),  # soft breaks glue "ÑÑ"
        dict(full_name=" ".join([N] * 4), family_name=f"{N} {N}", given_name=f"{N} {N} {N}",
             organization=N * 12, department="",
             phones=[("mobile", "123456"), ("work", "123456"), ("fax", "123456")],
             emails=["bob@company.com", N * 14],  # the phone really stored "ÑÑÑ…" as an e-mail
             urls=["www.company.com", "http://www.company.com"]),
        dict(full_name=N * 4, family_name=N * 4, organization=N * 44,  # first of three ORGs
             phones=[("mobile", "55556666")], emails=["henry@company.com"]),
    ],
    "John_Doe_BLACK_BERRY.vcf": [
        dict(full_name="John Doe", family_name="Doe", given_name="john",
             organization="Acme Solutions", phones=[("mobile", "+96123456789")], emails=[],
             note=""),
    ],
    "John_Doe_EVOLUTION.vcf": [
        dict(JOHN_DOE, full_name="Mr. John Richter, James Doe Sr.", department="Accounting Dungeon",
             phones=[("mobile", "905-666-1234"), ("work", "905-555-1234")],
             emails=["john.doe@ibm.com"], urls=["http://www.ibm.com"], nickname="Johny",
             birthday="1980-03-22", categories=["VIP"],
             addresses=["ASB-123, 15 Crescent moon drive, Albaney, New York, 12345, "
                        "United States of America"]),
    ],
    "John_Doe_GMAIL.vcf": [
        dict(JOHN_DOE, full_name="Mr. John Richter, James Doe Sr.", department="",
             phones=[("mobile", "905-555-1234"), ("home", "905-666-1234")],
             emails=["john.doe@ibm.com"], urls=["http://www.ibm.com"], birthday="1980-03-22",
             addresses=["Crescent moon drive, 555-asd, Nice Area, Albaney, New York 12345, "
                        "United States of America"]),
    ],
    "John_Doe_IPHONE.vcf": [
        dict(JOHN_DOE, full_name="Mr. John Richter James Doe Sr.", department="Accounting",
             phones=IBM_PHONES, emails=["john.doe@ibm.com"], urls=["http://www.ibm.com"],
             nickname="Johny", birthday="2012-06-06", addresses=[SILICON_ALLEY, STREET4]),
    ],
    "John_Doe_LOTUS_NOTES.vcf": [
        dict(full_name="Mr. Doe John I Johny", family_name="Doe", given_name="John",
             organization="IBM", department="SUN", title="Generic Accountant",
             phones=[("mobile", "+1 (212) 204-34456"), ("fax", "00-1-212-555-7777")],
             emails=["john.doe@ibm.com", "billy_bob@gmail.com"], nickname="Johny,JayJay",
             urls=["http://www.sun.com"], birthday="1980-05-21"),
    ],
    "John_Doe_MAC_ADDRESS_BOOK.vcf": [
        dict(JOHN_DOE, full_name="Mr. John Richter,James Doe Sr.", department="Accounting",
             phones=[IBM_PHONES[2], IBM_PHONES[1], IBM_PHONES[0], *IBM_PHONES[3:]],
             emails=["john.doe@ibm.com"], urls=["http://www.ibm.com"],
             addresses=[SILICON_ALLEY, STREET4], birthday="2012-06-06"),
    ],
    "John_Doe_MS_OUTLOOK.vcf": [
        dict(JOHN_DOE, full_name="Mr. John Richter James Doe Sr.", department="Accounting",
             phones=[("work", "(905) 555-1234"), ("home", "(905) 666-1234")],
             emails=["john.doe@ibm.cm"],  # sic: the typo is in the export
             urls=["http://www.ibm.com"], birthday="19800322", nickname="Johny",
             addresses=["Cresent moon drive, Albaney, New York, 12345, United States of America",
                        SILICON_ALLEY]),
    ],
    "gmail-list.vcf": [
        dict(full_name="Arnold Smith", family_name="Smith", given_name="Arnold",
             emails=["asmithk@gmail.com"], phones=[], organization=""),
        dict(full_name="Chris Beatle", family_name="Beatle", given_name="Chris",
             emails=["chrisy55d@yahoo.com"], phones=[]),
        dict(full_name="Doug White", family_name="White", given_name="Doug",
             emails=["dwhite@gmail.com"], phones=[]),
    ],
    "outlook-2003.vcf": [
        dict(full_name="John Doe III", family_name="Doe", given_name="John",
             organization="Company, The", department="TheDepartment", title="The Job Title",
             phones=[("work", "BusinessPhone"), ("home", "HomePhone"), ("mobile", "MobilePhone"),
                     ("fax", "BusinessFaxPhone")],
             emails=["jdoe@hotmail.com"], birthday="19800321", nickname="Joey",
             note="This is the note field!!\nSecond line\n\nThird line is empty",
             addresses=["TheOffice, 123 Main St, Austin, TX, 12345, United States of America"]),
    ],
    "outlook-2007.vcf": [
        dict(full_name="Mr. Michael Angstadt Jr.", family_name="Angstadt", given_name="Michael",
             organization="TheCompany", department="TheDepartment", title="TheJobTitle",
             phones=[("work", "(111) 555-1111"), ("home", "(111) 555-2222"),
                     ("mobile", "(111) 555-4444"), ("fax", "(111) 555-3333")],
             emails=["mike.angstadt@gmail.com"], urls=["http://mikeangstadt.name"],
             birthday="19220310", nickname="Mike"),
    ],
    "rfc6350-example.vcf": [
        dict(full_name="Simon Perreault", family_name="Perreault", given_name="Simon",
             organization="Viagenie", department="", title="",
             phones=[("work", "+1-418-656-9254;ext=102"), ("mobile", "+1-418-262-6501")],
             emails=["simon.perreault@viagenie.ca"], urls=["http://nomis80.org"],
             birthday="--0203",
             addresses=["Suite D2-630, 2875 Laurier, Quebec, QC, G1V 2M2, Canada"]),
    ],
    "thunderbird-MoreFunctionsForAddressBook-extension.vcf": [
        dict(full_name="John Doe", family_name="Doe", given_name="John",
             organization="TheOrganization", department="TheDepartment", title="TheTitle",
             phones=[("work", "555-555-1111"), ("home", "555-555-2222"), ("mobile", "555-555-5555"),
                     ("fax", "555-555-3333"), ("pager", "555-555-4444")],
             emails=["doe.john@hotmail.com", "additional-email@company.com",
                     "additional-email1@company.com", "additional-email2@company.com",
                     "additional-email3@company.com"],
             categories=["category1", "category2", "category3"], nickname="Johnny",
             note='This is the notes field.\nSecond Line\n\nFourth Line\n'
                  'You can put anything in the "note" field; even curse words.',
             addresses=["222 Broadway, Suite 100, New York, NY, 98765, USA",
                        "123 Main St, Apt 10, Austin, TX, 12345, USA"]),
    ],
}


def test_every_sample_file_has_expectations() -> None:
    assert {p.name for p in SAMPLES.glob("*.vcf")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_file(name: str) -> None:
    contacts, problems = read_vcards((SAMPLES / name).read_bytes())
    assert problems == []
    assert len(contacts) == len(EXPECTED[name])
    for contact, expected in zip(contacts, EXPECTED[name], strict=True):
        actual = {key: getattr(contact, key) for key in expected}
        assert actual == expected


def test_sample_long_notes_are_unescaped_and_unfolded() -> None:
    for name in ("John_Doe_GMAIL.vcf", "John_Doe_MAC_ADDRESS_BOOK.vcf", "John_Doe_EVOLUTION.vcf"):
        note = read_vcards((SAMPLES / name).read_bytes())[0][0].note
        assert note.startswith('THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND '
                               'CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES, ')
        assert "SERVICES; LOSS OF USE" in note and "\\" not in note
    gmail = read_vcards((SAMPLES / "John_Doe_GMAIL.vcf").read_bytes())[0][0]
    assert gmail.note.endswith("DAMAGE.\nFavotire Color: Blue")


def test_sample_line_numbers_point_at_begin() -> None:
    contacts, _ = read_vcards((SAMPLES / "gmail-list.vcf").read_bytes())
    assert [c.line_no for c in contacts] == [1, 7, 13]
