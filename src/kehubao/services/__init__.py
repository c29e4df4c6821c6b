"""Use cases of 客户宝: plain functions taking a Session, shared by the UI and the CLI.

Importing this package installs the session hooks every write relies on: the operation
journal (undo), and the refresh of the figures cached on customers and of the search
index, which run inside each committing transaction.
"""

from . import figures, journal, tracking  # noqa: F401  (session event listeners)
from .search import index as _search_index  # noqa: F401  (pre-commit index refresh)
