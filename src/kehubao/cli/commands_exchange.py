"""`import` and `export` of contact lists."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Registered once the exchange services exist (see issue: import and export)."""
