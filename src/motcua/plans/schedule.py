"""Turn a schedule as a plan prints it ("Từ Quý I", "Trước 15/12", "Tháng 6, Tháng 12",
"Trong năm 2022", "Từ Tháng 01"…) into a kind and the concrete due dates of the plan's year.

A quarter or month is due on its last day; a task "from" a quarter or month is due at the end of
each one from there on, so its progress is followed all year; "all year" is due on 31/12; a
condition ("Sau khi Bộ … công bố …") yields no date and is followed by hand."""

import calendar
from datetime import date
import re

from .constants import ScheduleKind

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_QUARTER = re.compile(r"qu[ýy]\s+(IV|III|II|I|[1-4])\b", re.IGNORECASE)
_MONTH = re.compile(r"th[áa]ng\s+(\d{1,2})\b", re.IGNORECASE)
_DAY = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\b")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _quarter(token: str) -> int:
    return _ROMAN.get(token.upper()) or int(token)


def _date(year: int, month: int, day: int) -> date | None:
    """A date that does not exist ("31/02") is no due date: the schedule stays text."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_schedule(text: str, year: int) -> tuple[str, list[date]]:
    """The kind of `text` and its due dates in `year`, in order."""
    lowered = " ".join(text.lower().split())
    starting = lowered.startswith("từ ")
    if "hằng tháng" in lowered or "hàng tháng" in lowered:
        return ScheduleKind.MONTHLY, [_month_end(year, m) for m in range(1, 13)]
    if quarter := _QUARTER.search(text):
        first = _quarter(quarter.group(1))
        last = 4 if starting else first
        return ScheduleKind.QUARTER, [_month_end(year, 3 * q) for q in range(first, last + 1)]
    days = [_date(int(y or year), int(m), int(d)) for d, m, y in _DAY.findall(text)]
    if days := sorted(day for day in days if day):
        return ScheduleKind.DATE, days
    months = [int(m) for m in _MONTH.findall(text) if 1 <= int(m) <= 12]
    if months:
        if starting:
            return ScheduleKind.MONTHLY, [_month_end(year, m) for m in range(months[0], 13)]
        return ScheduleKind.DATE, [_month_end(year, m) for m in months]
    if "trong năm" in lowered or "thường xuyên" in lowered or "cả năm" in lowered:
        return ScheduleKind.ALL_YEAR, [date(year, 12, 31)]
    return ScheduleKind.FREE_TEXT, []
