"""Errors meant for the user: their message is shown as is (one line, in Chinese first).

Everything else that escapes is a bug; the CLI and the UI report it as such instead of
dressing it up as bad input.
"""


class UserError(Exception):
    """Bad input or data the user can fix; `str(err)` is the message to show."""


class DatabaseLocationError(UserError):
    """The database path cannot be used (a folder, read-only, not a SQLite file...)."""


class ValidationError(UserError):
    """A record failed validation; `fields` maps field name → message for the form."""

    def __init__(self, message: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.fields = fields or {}
