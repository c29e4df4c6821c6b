"""A repeat rule in the user's language. The services describe rules in Chinese
(``describe_rrule``, for the CLI and exports); the UI says the same through the
translator, reading the rule with ``parse_rrule``. A test holds the two to the same
Chinese, so the English is a translation of exactly what the service says."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...services.followups import describe_rrule, parse_rrule

CONTEXT = "RecurrenceText"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def weekday_names() -> list[str]:
    return [_tr(QT_TRANSLATE_NOOP("RecurrenceText", "一")), _tr(QT_TRANSLATE_NOOP("RecurrenceText", "二")), _tr(QT_TRANSLATE_NOOP("RecurrenceText", "三")), _tr(QT_TRANSLATE_NOOP("RecurrenceText", "四")), _tr(QT_TRANSLATE_NOOP("RecurrenceText", "五")), _tr(QT_TRANSLATE_NOOP("RecurrenceText", "六")), _tr(QT_TRANSLATE_NOOP("RecurrenceText", "日"))]


def describe(rule: str | None) -> str:
    """``describe_rrule(rule)``, translated; a rule the editor cannot have written is
    shown as the service describes it."""
    if not rule:
        return _tr(QT_TRANSLATE_NOOP("RecurrenceText", "不重复"))
    parsed = parse_rrule(rule)
    pattern, n = parsed["pattern"], parsed["interval"]
    if pattern in ("daily", "every_n_days"):
        return _tr(QT_TRANSLATE_NOOP("RecurrenceText", "每天")) if n == 1 else _tr(QT_TRANSLATE_NOOP("RecurrenceText", "每 %1 天")).replace("%1", str(n))
    if pattern == "weekdays":
        return _tr(QT_TRANSLATE_NOOP("RecurrenceText", "工作日（周一至周五）"))
    if pattern == "weekly":
        names = _tr(QT_TRANSLATE_NOOP("RecurrenceText", "、")).join(weekday_names()[d] for d in parsed["weekdays"])
        every = _tr(QT_TRANSLATE_NOOP("RecurrenceText", "每周")) if n == 1 else _tr(QT_TRANSLATE_NOOP("RecurrenceText", "每 %1 周")).replace("%1", str(n))
        return _tr(QT_TRANSLATE_NOOP("RecurrenceText", "%1%2")).replace("%1", every).replace("%2", names)
    if pattern == "monthly_last":
        every = _tr(QT_TRANSLATE_NOOP("RecurrenceText", "每月")) if n == 1 else _tr(QT_TRANSLATE_NOOP("RecurrenceText", "每 %1 个月")).replace("%1", str(n))
        return _tr(QT_TRANSLATE_NOOP("RecurrenceText", "%1最后一天")).replace("%1", every)
    if pattern == "monthly" and parsed["month_day"]:
        every = _tr(QT_TRANSLATE_NOOP("RecurrenceText", "每月")) if n == 1 else _tr(QT_TRANSLATE_NOOP("RecurrenceText", "每 %1 个月")).replace("%1", str(n))
        day = str(parsed["month_day"])
        text = _tr(QT_TRANSLATE_NOOP("RecurrenceText", "%1 %2 日（没有这天则为月末）")) if parsed["month_day"] > 28 else _tr(QT_TRANSLATE_NOOP("RecurrenceText", "%1 %2 日"))
        return text.replace("%1", every).replace("%2", day)
    if pattern == "yearly":
        parts = dict(p.split("=", 1) for p in rule.upper().split(";") if "=" in p)
        month, day = parts.get("BYMONTH", ""), parts.get("BYMONTHDAY", "").split(",")[0]
        every = _tr(QT_TRANSLATE_NOOP("RecurrenceText", "每年")) if n == 1 else _tr(QT_TRANSLATE_NOOP("RecurrenceText", "每 %1 年")).replace("%1", str(n))
        if month and day:
            return _tr(QT_TRANSLATE_NOOP("RecurrenceText", "%1 %2 月 %3 日")).replace("%1", every).replace("%2", month).replace("%3", day)
        return every
    return describe_rrule(rule)
