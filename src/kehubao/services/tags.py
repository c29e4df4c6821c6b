"""How a line of text becomes tags, one rule for the edit dialog, the bulk tag prompt and
the importer: split on any list separator people type (，,；;、/|, new lines, and
Google's ":::"), trim, drop empties and repeats, keep the order."""

from __future__ import annotations

import re

TAG_SEPARATORS = re.compile(r"\s*:::\s*|[,，;；、/|\n]+")


def split_tags(text: str | None) -> list[str]:
    tags: list[str] = []
    for piece in TAG_SEPARATORS.split(text or ""):
        tag = piece.strip()
        if tag and tag not in tags:
            tags.append(tag)
    return tags
