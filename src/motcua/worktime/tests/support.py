"""Helpers shared by the worktime tests."""

from datetime import datetime

from motcua.worktime.calendar import WorkingCalendar
from motcua.worktime.clock import VIETNAM
from motcua.worktime.constants import DayKind
from motcua.worktime.official_rows import OFFICIAL_ROWS


def vn(year, month, day, hour=0, minute=0, second=0) -> datetime:
    """A moment on the Vietnamese wall clock."""
    return datetime(year, month, day, hour, minute, second, tzinfo=VIETNAM)


def official_calendar(**changes) -> WorkingCalendar:
    """The default calendar with the national holidays and the official rows loaded."""
    rows = {
        "extra_days_off": frozenset(r.date for r in OFFICIAL_ROWS if r.kind == DayKind.DAY_OFF),
        "extra_working_days": frozenset(
            r.date for r in OFFICIAL_ROWS if r.kind == DayKind.WORKING_DAY
        ),
    }
    return WorkingCalendar(**{**rows, **changes})
