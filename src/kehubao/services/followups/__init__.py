"""Follow-ups: the interaction log, planned and recurring follow-ups, automatic
reminders (birthdays, dormant customers, payments, holidays), the today page, the
timeline and the .ics export. Plain functions taking a Session, for the UI and the CLI.

Names load with their module on first use (kehubao/lazy.py).
"""

from ...lazy import lazy_exports

_EXPORTS = {
    "Clock": "clock",
    "local_now": "clock",
    "SNOOZE_CHOICES": "follow_ups",
    "FollowUpForm": "follow_ups",
    "follow_up_form": "follow_ups",
    "cancel": "follow_ups",
    "complete": "follow_ups",
    "create_follow_up": "follow_ups",
    "delete_follow_ups": "follow_ups",
    "effective_due": "follow_ups",
    "get_follow_up": "follow_ups",
    "move_to_working_day": "follow_ups",
    "reschedule": "follow_ups",
    "restore_follow_ups": "follow_ups",
    "snooze": "follow_ups",
    "snooze_time": "follow_ups",
    "update_follow_up": "follow_ups",
    "follow_ups_to_ics": "ics",
    "LogForm": "interactions",
    "delete_interactions": "interactions",
    "get_interaction": "interactions",
    "log_form": "interactions",
    "log_interaction": "interactions",
    "restore_interactions": "interactions",
    "update_interaction": "interactions",
    "CalendarDay": "calendar",
    "CalendarItem": "calendar",
    "CalendarRange": "calendar",
    "calendar_range": "calendar",
    "month_grid": "calendar",
    "week_of": "calendar",
    "parse_rrule": "recurrence",
    "build_rrule": "recurrence",
    "describe_rrule": "recurrence",
    "next_occurrence": "recurrence",
    "DEFAULT_SETTINGS": "reminders",
    "Generated": "reminders",
    "generate_if_stale": "reminders",
    "generate_reminders": "reminders",
    "reminder_settings": "reminders",
    "save_reminder_settings": "reminders",
    "TimelineEntry": "timeline",
    "TimelinePage": "timeline",
    "timeline": "timeline",
    "GROUPS": "today",
    "TodayData": "today",
    "TodayRow": "today",
    "due_between": "today",
    "today_counts": "today",
    "today_data": "today",
}
__all__ = sorted(_EXPORTS)
__getattr__ = lazy_exports(__name__, _EXPORTS, globals())
