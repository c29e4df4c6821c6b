"""Small builders shared by the vCard reader/writer tests."""

from __future__ import annotations

from pathlib import Path

from kehubao.exchange.vcard import VCardContact, read_vcards

# Real exports collected by the ez-vcard project (see LICENSE-ez-vcard.txt there).
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "vcard"


def vcf(*lines: str, eol: str = "\r\n", encoding: str = "utf-8") -> bytes:
    return "".join(line + eol for line in lines).encode(encoding)


def card(*body: str, version: str = "3.0") -> list[str]:
    return ["BEGIN:VCARD", f"VERSION:{version}", *body, "END:VCARD"]


def read_one(data: bytes) -> VCardContact:
    contacts, problems = read_vcards(data)
    assert problems == []
    assert len(contacts) == 1
    return contacts[0]
