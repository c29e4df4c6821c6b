"""Objection-handling scripts (异议处理话术): the library, its starter set, the quick
panel's matcher and ranking, use tracking, and sharing a library as JSON or XLSX.

The functions other code calls are re-exported here."""

from .builtin import (
    StarterResult,
    adopt_builtin_offer,
    apply_starter_library,
    dismiss_builtin_offer,
    offered_content,
)
from .content import ReplyContent, ScriptContent, content_of, parse_item, plain_text
from .editing import (
    create_script,
    delete_scripts,
    duplicate_script,
    get_script,
    restore_scripts,
    set_archived,
    update_script,
)
from .listing import (
    ContactLine,
    Library,
    ScriptDetail,
    ScriptRow,
    contact_line,
    library_rows,
    script_detail,
)
from .matcher import ScriptIndex, ScriptMatch, build_index, library_index, search_scripts
from .sharing import ImportResult, export_library, import_library, read_library
from .usage import (
    MIN_SEGMENT_TRIALS,
    Person,
    Tally,
    UsageStats,
    person_of,
    record_script_use,
    segment_stats,
    set_reply_outcome,
    usage_stats,
    wilson_lower_bound,
)

__all__ = [
    "ContactLine", "Library", "ScriptDetail", "ScriptRow", "contact_line", "library_rows",
    "script_detail",
    "ImportResult", "MIN_SEGMENT_TRIALS", "Person", "ReplyContent", "ScriptContent", "ScriptIndex",
    "ScriptMatch", "StarterResult", "Tally", "UsageStats", "adopt_builtin_offer",
    "apply_starter_library", "build_index", "content_of", "create_script", "delete_scripts",
    "dismiss_builtin_offer", "duplicate_script", "export_library", "get_script",
    "import_library", "library_index",
    "offered_content", "parse_item", "person_of", "plain_text", "read_library", "record_script_use",
    "restore_scripts", "search_scripts", "segment_stats", "set_archived", "set_reply_outcome",
    "update_script", "usage_stats", "wilson_lower_bound",
]
