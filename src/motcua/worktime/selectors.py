"""Read queries of the working calendar, shared by the API, the dossier lifecycle and reports."""

from motcua.org.models import Agency

from .calendar import WorkingCalendar
from .constants import DayKind
from .models import CalendarDay, WorkSchedule


def calendar_for(agency: Agency | int) -> WorkingCalendar:
    """The working calendar of `agency` (an Agency or its id), read fresh from the database.

    Two queries: the agency's settings (defaults when it has none) and its calendar rows. The
    national holidays are computed once per year per process (`national.national_year`).
    """
    schedule = WorkSchedule.objects.filter(agency=agency).first() or WorkSchedule()
    rows = list(CalendarDay.objects.filter(agency=agency).values_list("date", "kind"))
    days_off = frozenset(day for day, kind in rows if kind == DayKind.DAY_OFF)
    working_days = frozenset(day for day, kind in rows if kind == DayKind.WORKING_DAY)
    return WorkingCalendar(
        periods=schedule.periods,
        weekend=frozenset(schedule.weekend_days),
        national_holidays=schedule.national_holidays,
        extra_days_off=days_off,
        extra_working_days=working_days,
    )
