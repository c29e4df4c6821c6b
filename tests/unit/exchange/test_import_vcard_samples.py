"""The vCard files real phones and mail programs export (tests/data/vcard) import with
the names, companies, numbers and e-mails a salesperson expects."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import (
    VCARD_DIR,
    all_contacts,
    by_name,
    import_file,
    index_problems,
    stored_customers,
    table_counts,
)

# --------------------------------------------------------------- 10. vCard sample files

# file → [(customer name, contact name, e-mail)], plus numbers that must be stored
VCARD_SAMPLES: dict[str, list[tuple[str, str, str | None]]] = {
    "gmail-list.vcf": [("Arnold Smith", "Arnold Smith", "asmithk@gmail.com"),
                       ("Chris Beatle", "Chris Beatle", "chrisy55d@yahoo.com"),
                       ("Doug White", "Doug White", "dwhite@gmail.com")],
    "John_Doe_IPHONE.vcf": [("IBM", "Mr. John Richter James Doe Sr.", "john.doe@ibm.com")],
    "John_Doe_ANDROID.vcf": [("john.doe", "john.doe", "john.doe@company.com"),
                             ("jane.doe", "jane.doe", "jane.doe@company.com"),
                             ("Ñ Ñ Ñ Ñ Ñ", "Ñ Ñ Ñ Ñ Ñ", None),
                             (" ".join("Ñ" * 11), " ".join("Ñ" * 11), None),
                             ("Ñ" * 12, "Ñ Ñ Ñ Ñ", "bob@company.com"),
                             ("Ñ" * 44, "ÑÑÑÑ", "henry@company.com")],
    "John_Doe_BLACK_BERRY.vcf": [("Acme Solutions", "John Doe", None)],
    "John_Doe_EVOLUTION.vcf": [("IBM", "Mr. John Richter, James Doe Sr.", "john.doe@ibm.com")],
    "John_Doe_GMAIL.vcf": [("IBM", "Mr. John Richter, James Doe Sr.", "john.doe@ibm.com")],
    "John_Doe_LOTUS_NOTES.vcf": [("IBM", "Mr. Doe John I Johny", "john.doe@ibm.com")],
    "John_Doe_MAC_ADDRESS_BOOK.vcf": [("IBM", "Mr. John Richter,James Doe Sr.",
                                       "john.doe@ibm.com")],
    "John_Doe_MS_OUTLOOK.vcf": [("IBM", "Mr. John Richter James Doe Sr.", "john.doe@ibm.cm")],
    "outlook-2003.vcf": [("Company, The", "John Doe III", "jdoe@hotmail.com")],
    "outlook-2007.vcf": [("TheCompany", "Mr. Michael Angstadt Jr.", "mike.angstadt@gmail.com")],
    "rfc6350-example.vcf": [("Viagenie", "Simon Perreault", "simon.perreault@viagenie.ca")],
    "thunderbird-MoreFunctionsForAddressBook-extension.vcf": [
        ("TheOrganization", "John Doe", "doe.john@hotmail.com")],
}
# (file, contact, attribute, value) for numbers the importer understands
VCARD_NUMBERS = [
    # numbers typed CELL stay mobiles, even foreign ones
    ("John_Doe_BLACK_BERRY.vcf", "John Doe", "mobile", "+961 23 456 789"),
    ("rfc6350-example.vcf", "Simon Perreault", "mobile", "+1 418-262-6501"),
    ("John_Doe_IPHONE.vcf", "Mr. John Richter James Doe Sr.", "mobile", "905-555-1234"),
    ("John_Doe_ANDROID.vcf", "ÑÑÑÑ", "phone", "55556666"),
]


def test_every_vcard_sample_has_expectations():
    assert {p.name for p in VCARD_DIR.glob("*.vcf")} == set(VCARD_SAMPLES)


@pytest.mark.parametrize("name", sorted(VCARD_SAMPLES))
def test_vcard_sample_imports_with_expected_names_and_emails(db, name):
    summary = import_file(db, VCARD_DIR / name)

    assert summary.errors == []
    assert summary.rows == len(VCARD_SAMPLES[name])
    got = sorted((company, c.name, c.email) for company, c in all_contacts(db))
    assert got == sorted(VCARD_SAMPLES[name])
    kinds = {c.customer.name: c.customer.kind for c in stored_customers(db)}
    for company, person, _email in VCARD_SAMPLES[name]:
        assert kinds[company] == ("person" if company == person else "company")
    assert index_problems(db) == []


@pytest.mark.parametrize(("name", "person", "attribute", "value"), VCARD_NUMBERS)
def test_vcard_sample_numbers_are_stored(db, name, person, attribute, value):
    import_file(db, VCARD_DIR / name)
    contact = next(c for _company, c in all_contacts(db) if c.name == person)
    assert getattr(contact, attribute) == value


def test_iphone_sample_keeps_foreign_numbers_and_details_on_the_contact(db):
    import_file(db, VCARD_DIR / "John_Doe_IPHONE.vcf")

    ibm = by_name(db)["IBM"]
    john = ibm.contact("Mr. John Richter James Doe Sr.")
    assert (john.title, john.department, john.birthday) == ("Money Counter", "Accounting",
                                                            date(2012, 6, 6))
    # North-American numbers without +1 are not Chinese numbers: kept as typed, the
    # mobile on the contact, the rest (and the faxes) in the notes — none lost.
    assert (john.mobile, john.phone) == ("905-555-1234", "905-666-1234")
    notes = ibm.customer.notes.splitlines()
    assert "传真：905-888-1234" in notes and "其他电话：905-777-1234" in notes


@pytest.mark.parametrize("name", sorted(VCARD_SAMPLES))
def test_importing_a_vcard_sample_twice_skips_the_second_time(db, name):
    first = import_file(db, VCARD_DIR / name)
    before = table_counts(db)

    second = import_file(db, VCARD_DIR / name)

    assert second.skipped == first.rows
    assert second.created == second.contacts_added == second.merged == 0
    after = table_counts(db)
    assert (after["customer"], after["contact"]) == (before["customer"], before["contact"])
