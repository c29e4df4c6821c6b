"""Deterministic Chinese demo data (`kehubao demo`)."""

from .generator import DemoSummary, generate_demo

__all__ = ["DemoSummary", "generate_demo"]
