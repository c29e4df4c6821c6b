"""Command-line interface (see main.py for the contract)."""

from .main import main

__all__ = ["main"]
