"""Follow-ups: the interaction log, planned and recurring follow-ups, automatic
reminders (birthdays, dormant customers, payments, holidays), the today page, the
timeline and the .ics export. Plain functions taking a Session, for the UI and the CLI.
"""

from .calendar import CalendarDay, CalendarItem, CalendarRange, calendar_range, month_grid, week_of
from .clock import Clock, local_now
from .follow_ups import (
    SNOOZE_CHOICES,
    FollowUpForm,
    cancel,
    complete,
    create_follow_up,
    delete_follow_ups,
    effective_due,
    follow_up_form,
    get_follow_up,
    move_to_working_day,
    reschedule,
    restore_follow_ups,
    snooze,
    snooze_time,
    update_follow_up,
)
from .ics import follow_ups_to_ics
from .interactions import (
    LogForm,
    delete_interactions,
    get_interaction,
    log_form,
    log_interaction,
    restore_interactions,
    update_interaction,
)
from .recurrence import build_rrule, describe_rrule, next_occurrence, parse_rrule
from .reminders import (
    DEFAULT_SETTINGS,
    Generated,
    generate_if_stale,
    generate_reminders,
    reminder_settings,
    save_reminder_settings,
)
from .timeline import TimelineEntry, TimelinePage, timeline
from .today import GROUPS, TodayData, TodayRow, due_between, today_counts, today_data

__all__ = [
    "CalendarDay", "CalendarItem", "CalendarRange", "calendar_range", "month_grid", "week_of",
    "DEFAULT_SETTINGS", "FollowUpForm", "GROUPS", "follow_up_form", "parse_rrule", "SNOOZE_CHOICES", "Clock", "Generated", "TimelineEntry",
    "TimelinePage", "TodayData", "TodayRow", "build_rrule", "cancel", "complete",
    "create_follow_up", "delete_follow_ups", "delete_interactions", "describe_rrule", "due_between",
    "effective_due", "follow_ups_to_ics", "generate_if_stale", "generate_reminders", "get_follow_up",
    "get_interaction", "local_now", "LogForm", "log_form", "log_interaction", "move_to_working_day",
    "next_occurrence", "reminder_settings", "reschedule", "restore_follow_ups",
    "restore_interactions", "save_reminder_settings", "snooze", "snooze_time", "timeline",
    "today_counts", "today_data", "update_follow_up", "update_interaction",
]
