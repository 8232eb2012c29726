"""The working calendar of one agency: which days are working days and which hours are worked.

A `WorkingCalendar` is an immutable value built from the agency's settings, the national holidays
and the agency's own calendar rows (`selectors.calendar_for` builds it from the database). The
deadline arithmetic in `arithmetic` runs on it without touching the database.

Which day is a working day, in order of precedence:
1. the agency's row for that date (a day off, or a working day such as a make-up Saturday);
2. when the agency follows the national calendar: the national days off, and the weekend days
   the Government swapped into working days;
3. otherwise every day but the weekly days off.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from .errors import InvalidCalendarError, OutOfCalendarError
from .national import national_year

# Decision 2 of the project's rules: 07:00–11:30 and 13:30–17:00, Monday to Friday.
MORNING = (time(7, 0), time(11, 30))
AFTERNOON = (time(13, 30), time(17, 0))
DEFAULT_PERIODS = (MORNING, AFTERNOON)
DEFAULT_WEEKEND = frozenset({5, 6})  # Saturday, Sunday as numbered by date.weekday()

# No agency goes a whole year without a working day; a longer search means a broken calendar.
_LONGEST_BREAK = timedelta(days=366)

Period = tuple[time, time]


def validate_periods(periods: tuple[Period, ...]) -> None:
    """Raise `InvalidCalendarError` unless `periods` are worked periods in order in one day."""
    if not periods:
        raise InvalidCalendarError("Cần ít nhất một buổi làm việc trong ngày.")
    previous_end = None
    for start, end in periods:
        if not start < end:
            raise InvalidCalendarError(
                f"Giờ bắt đầu ({start:%H:%M}) phải trước giờ kết thúc ({end:%H:%M})."
            )
        if previous_end is not None and start < previous_end:
            raise InvalidCalendarError(
                "Các buổi làm việc phải nối tiếp nhau, không chồng lên nhau."
            )
        previous_end = end


def validate_weekend(weekend: frozenset[int]) -> None:
    """Raise `InvalidCalendarError` unless `weekend` leaves at least one working weekday."""
    if not weekend <= set(range(7)):
        raise InvalidCalendarError("Ngày nghỉ hằng tuần phải là các ngày từ Thứ Hai đến Chủ nhật.")
    if len(weekend) == 7:
        raise InvalidCalendarError("Phải có ít nhất một ngày làm việc trong tuần.")


@dataclass(frozen=True)
class WorkingCalendar:
    """An agency's working hours, weekly days off, national holidays switch and own rows."""

    periods: tuple[Period, ...] = DEFAULT_PERIODS
    weekend: frozenset[int] = DEFAULT_WEEKEND
    national_holidays: bool = True
    extra_days_off: frozenset[date] = frozenset()
    extra_working_days: frozenset[date] = frozenset()

    def __post_init__(self):
        validate_periods(self.periods)
        validate_weekend(self.weekend)
        if self.extra_days_off & self.extra_working_days:
            raise InvalidCalendarError("Một ngày không thể vừa là ngày nghỉ vừa là ngày làm việc.")

    @property
    def day_length(self) -> timedelta:
        """The working time of one working day (8 hours by default)."""
        return sum(
            (
                datetime.combine(date.min, end) - datetime.combine(date.min, start)
                for start, end in self.periods
            ),
            timedelta(),
        )

    @property
    def opening(self) -> time:
        """The start of the first worked period of a working day."""
        return self.periods[0][0]

    def is_working_day(self, day: date) -> bool:
        """Whether `day` is worked, by the precedence in the module docstring."""
        if day in self.extra_days_off:
            return False
        if day in self.extra_working_days:
            return True
        if self.national_holidays:
            national = national_year(day.year)
            if day in national.days_off:
                return False
            if day in national.working_days:
                return True
        return day.weekday() not in self.weekend

    def working_periods(self, day: date) -> list[tuple[datetime, datetime]]:
        """The worked intervals of `day` as local wall-clock datetimes; none on a day off."""
        if not self.is_working_day(day):
            return []
        return [
            (datetime.combine(day, start), datetime.combine(day, end))
            for start, end in self.periods
        ]

    def working_day_after(self, day: date) -> date:
        """The first working day strictly after `day`."""
        candidate = day + timedelta(days=1)
        while not self.is_working_day(candidate):
            if candidate - day > _LONGEST_BREAK:
                raise OutOfCalendarError(
                    "Lịch làm việc không có ngày làm việc nào trong một năm sau ngày "
                    f"{day:%d/%m/%Y}."
                )
            candidate += timedelta(days=1)
        return candidate
