"""Errors meant for the user: their message is shown as is (one line, in Chinese first).

Everything else that escapes is a bug; the CLI and the UI report it as such instead of
dressing it up as bad input.
"""

from typing import Any

from .texts import Text


class UserError(Exception):
    """Bad input or data the user can fix; `str(err)` is the message to show.

    Raised as ``UserError("客户“{name}”不存在", name=name)``: the message is a ``Text``, so
    the UI shows it in the user's language (see ``texts.py``); the CLI prints Chinese."""

    def __init__(self, message: str, /, **args: Any) -> None:
        super().__init__(message if isinstance(message, Text) else Text(message, **args))


class DatabaseLocationError(UserError):
    """The database path cannot be used (a folder, read-only, not a SQLite file...)."""


class ValidationError(UserError):
    """A record failed validation; `fields` maps field name → message for the form."""

    def __init__(self, message: str, fields: dict[str, str] | None = None, /,
                 **args: Any) -> None:
        super().__init__(message, **args)
        self.fields = fields or {}
