"""Objection-handling scripts (异议处理话术): the library, its starter set, the quick
panel's matcher and ranking, use tracking, and sharing a library as JSON or XLSX.

The functions other code calls are re-exported here.

Names load with their module on first use (kehubao/lazy.py).
"""

from ...lazy import lazy_exports

_EXPORTS = {
    "StarterResult": "builtin",
    "adopt_builtin_offer": "builtin",
    "apply_starter_library": "builtin",
    "dismiss_builtin_offer": "builtin",
    "offered_content": "builtin",
    "ReplyContent": "content",
    "ScriptContent": "content",
    "content_of": "content",
    "parse_item": "content",
    "plain_text": "content",
    "create_script": "editing",
    "delete_scripts": "editing",
    "duplicate_script": "editing",
    "get_script": "editing",
    "restore_scripts": "editing",
    "set_archived": "editing",
    "update_script": "editing",
    "ContactLine": "listing",
    "Library": "listing",
    "ScriptDetail": "listing",
    "ScriptRow": "listing",
    "contact_line": "listing",
    "library_rows": "listing",
    "script_detail": "listing",
    "ScriptIndex": "matcher",
    "ScriptMatch": "matcher",
    "build_index": "matcher",
    "library_index": "matcher",
    "search_scripts": "matcher",
    "ImportResult": "sharing",
    "export_library": "sharing",
    "import_library": "sharing",
    "read_library": "sharing",
    "MIN_SEGMENT_TRIALS": "usage",
    "Person": "usage",
    "Tally": "usage",
    "UsageStats": "usage",
    "person_of": "usage",
    "record_script_use": "usage",
    "segment_stats": "usage",
    "set_reply_outcome": "usage",
    "usage_stats": "usage",
    "wilson_lower_bound": "usage",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS, globals())
