"""Deadline arithmetic on a `WorkingCalendar`: pure functions, no database, no HTTP.

Every function takes and returns timezone-aware datetimes (any zone in, Asia/Ho_Chi_Minh out)
and refuses naive ones with `NaiveDatetimeError`; durations that are negative or longer than
`MAX_DAYS` working days raise `InvalidDurationError`.

Boundary convention
-------------------
Working time is the union of the worked periods of the working days, by default
[07:00, 11:30] and [13:30, 17:00].

* A moment is *in working time* when a worked period holds it, both ends included
  (`within_working_hours`): 07:00 and 17:00 are, 12:00 and 17:01 are not.
* The *next working moment* of t is t itself when a period holds t before its end, else the start
  of the next period: 06:00 → 07:00, 11:30 → 13:30, 17:00 → 07:00 of the next working day.
  Every time limit counts from there (Decision 2: the receipt snapped to the next working moment).
* Adding a duration returns the earliest moment at which that much working time has passed since
  the snapped start, so a duration that ends exactly at a closing time returns that closing time:
  16:00 plus one hour is 17:00 of the same day, not 07:00 of the next one; 10:30 plus one hour is
  11:30, not 13:30. Adding zero returns the snapped start.
* A limit of whole working days is the exception (Decision 2: "the appointment keeps the clock
  time"): of the moments with that much working time, the one at the snapped receipt's clock
  time. Received 21:00 Monday, 1 working day: counted from 07:00 Tuesday, due 07:00 Wednesday
  (not 17:00 Tuesday, which has the same working time); snapped to 13:30, due at 13:30.

What follows, and the property tests check: a result is always in working time;
`working_time_between(s, add_working_time(s, d)) == d`; results never decrease when the start or
the duration grows.

A working day counts as one day length of working time (8 hours by default), so a limit in
working days keeps the clock time of the snapped receipt: received 09:32 on Friday 27/10/2023,
5 working days → 09:32 on Friday 03/11/2023; received 07:00, due 07:00. Fractions of a day are
kept as working time (0.5 day = 4 hours), with the earliest moment as for hours.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction

from .calendar import WorkingCalendar
from .clock import to_aware, to_local
from .constants import TimeUnit
from .errors import InvalidDurationError

Number = int | float | Decimal | Fraction

# A limit longer than this is a typing error, not a procedure (the longest known is 35 days).
MAX_DAYS = 1000
# Decree 61/2018 Art. 18 and many procedures: a dossier received after 15:00 counts from the
# next working day. It applies only where the procedure says so (`after_15h_next_day`).
LATE_RECEIPT_CUTOFF = time(15, 0)

_MICROSECOND = timedelta(microseconds=1)
_LONGEST = timedelta.max // _MICROSECOND


def next_working_moment(calendar: WorkingCalendar, moment: datetime) -> datetime:
    """`moment` if it is a working moment, else the start of the next worked period."""
    return to_aware(_next_working_moment(calendar, to_local(moment)))


def within_working_hours(calendar: WorkingCalendar, moment: datetime) -> bool:
    """Whether a worked period holds `moment`, opening and closing times included."""
    local = to_local(moment)
    return any(start <= local <= end for start, end in calendar.working_periods(local.date()))


def counting_start(
    calendar: WorkingCalendar, received_at: datetime, *, after_15h_next_day: bool = False
) -> datetime:
    """The moment a time limit starts counting for a dossier received at `received_at`.

    The next working moment; or, with `after_15h_next_day` and a receipt after 15:00, the
    opening of the next working day.
    """
    return to_aware(_counting_start(calendar, to_local(received_at), after_15h_next_day))


def add_working_time(calendar: WorkingCalendar, start: datetime, duration: timedelta) -> datetime:
    """The moment `duration` of working time after `start` (snapped to a working moment)."""
    _check_working_time(calendar, duration)
    return to_aware(_add(calendar, _next_working_moment(calendar, to_local(start)), duration))


def add_working_hours(
    calendar: WorkingCalendar, start: datetime, hours: Number, *, after_15h_next_day: bool = False
) -> datetime:
    """The due moment of a limit of `hours` working hours (decimals allowed: 0.5 = 30 minutes)."""
    return _add_limit(calendar, start, _times(timedelta(hours=1), hours), after_15h_next_day)


def add_working_days(
    calendar: WorkingCalendar, start: datetime, days: Number, *, after_15h_next_day: bool = False
) -> datetime:
    """The due moment of a limit of `days` working days, one day length of working time each;
    for whole days, at the clock time of the counting start (see the module's convention)."""
    due = _add_limit(calendar, start, _times(calendar.day_length, days), after_15h_next_day)
    if _exact(days).denominator == 1 and _ends_a_period(calendar, to_local(due)):
        # The same working time has passed at the next opening, the receipt's clock time.
        return to_aware(_next_working_moment(calendar, to_local(due)))
    return due


def add_calendar_days(
    calendar: WorkingCalendar, start: datetime, days: Number, *, after_15h_next_day: bool = False
) -> datetime:
    """The due moment of a limit of `days` (a whole number) calendar days, ending on a working day.

    The clock time of the counting start is kept; when the end date is not a working day, the
    appointment moves to the opening of the next working day (keeping the clock time there could
    put a later receipt before an earlier one).
    """
    exact = _exact(days)
    if exact.denominator != 1:
        raise InvalidDurationError("Thời hạn tính theo ngày phải là một số nguyên.")
    if not 0 <= exact <= MAX_DAYS:
        raise InvalidDurationError(f"Thời hạn phải từ 0 đến {MAX_DAYS} ngày.")
    begin = _counting_start(calendar, to_local(start), after_15h_next_day)
    return to_aware(_next_working_moment(calendar, begin + timedelta(days=int(exact))))


def due_at(
    calendar: WorkingCalendar,
    received_at: datetime,
    amount: Number,
    unit: str,
    *,
    after_15h_next_day: bool = False,
) -> datetime:
    """The appointment for a dossier received at `received_at` with a limit of `amount` `unit`s.

    `unit` is a `TimeUnit` value: working days, working hours or calendar days.
    """
    if unit == TimeUnit.WORKING_DAYS:
        add = add_working_days
    elif unit == TimeUnit.WORKING_HOURS:
        add = add_working_hours
    elif unit == TimeUnit.CALENDAR_DAYS:
        add = add_calendar_days
    else:
        raise ValueError(f"unknown time unit: {unit!r}")
    return add(calendar, received_at, amount, after_15h_next_day=after_15h_next_day)


def working_time_between(calendar: WorkingCalendar, start: datetime, end: datetime) -> timedelta:
    """The working time from `start` to `end`; negative when `end` comes first."""
    begin, finish = to_local(start), to_local(end)
    if finish < begin:
        return -_working_time_between(calendar, finish, begin)
    return _working_time_between(calendar, begin, finish)


# The helpers below work on naive Vietnamese wall-clock datetimes.


def _next_working_moment(calendar: WorkingCalendar, local: datetime) -> datetime:
    for start, end in calendar.working_periods(local.date()):
        if local < end:
            return max(start, local)
    return datetime.combine(calendar.working_day_after(local.date()), calendar.opening)


def _ends_a_period(calendar: WorkingCalendar, local: datetime) -> bool:
    return any(local == end for _, end in calendar.working_periods(local.date()))


def _counting_start(
    calendar: WorkingCalendar, local: datetime, after_15h_next_day: bool
) -> datetime:
    if after_15h_next_day and local.time() > LATE_RECEIPT_CUTOFF:
        return datetime.combine(calendar.working_day_after(local.date()), calendar.opening)
    return _next_working_moment(calendar, local)


def _add(calendar: WorkingCalendar, start: datetime, duration: timedelta) -> datetime:
    """Walk `duration` of working time forward from the working moment `start`."""
    remaining = duration
    day = start.date()
    while True:
        for period_start, period_end in calendar.working_periods(day):
            begin = max(period_start, start)
            if begin >= period_end:
                continue
            if remaining <= period_end - begin:  # `<=`: a limit ending at closing time stays there
                return begin + remaining
            remaining -= period_end - begin
        day = calendar.working_day_after(day)


def _add_limit(
    calendar: WorkingCalendar, start: datetime, duration: timedelta, after_15h_next_day: bool
) -> datetime:
    _check_working_time(calendar, duration)
    begin = _counting_start(calendar, to_local(start), after_15h_next_day)
    return to_aware(_add(calendar, begin, duration))


def _working_time_between(
    calendar: WorkingCalendar, begin: datetime, finish: datetime
) -> timedelta:
    total = timedelta()
    day = begin.date()
    while day <= finish.date():
        for period_start, period_end in calendar.working_periods(day):
            overlap = min(period_end, finish) - max(period_start, begin)
            if overlap > timedelta():
                total += overlap
        day += timedelta(days=1)
    return total


def _exact(amount: Number) -> Fraction:
    """`amount` as an exact fraction (0.1 hour is then 6 minutes, not 5:59.999999)."""
    if isinstance(amount, bool) or not isinstance(amount, Number):
        raise InvalidDurationError("Thời hạn phải là một số.")
    try:
        return Fraction(amount)
    except (ValueError, OverflowError):  # NaN, infinity
        raise InvalidDurationError("Thời hạn phải là một số hữu hạn.") from None


def _times(unit: timedelta, amount: Number) -> timedelta:
    """`amount` × `unit`, rounded to the microsecond."""
    microseconds = round(_exact(amount) * (unit // _MICROSECOND))
    # Clamped so that an enormous amount is refused as too long rather than overflowing.
    return _MICROSECOND * max(-_LONGEST, min(_LONGEST, microseconds))


def _check_working_time(calendar: WorkingCalendar, duration: timedelta) -> None:
    if duration < timedelta():
        raise InvalidDurationError("Thời hạn không được âm.")
    if duration > MAX_DAYS * calendar.day_length:
        raise InvalidDurationError(
            f"Thời hạn quá dài: tối đa {MAX_DAYS} ngày làm việc "
            f"({MAX_DAYS * calendar.day_length / timedelta(hours=1):g} giờ làm việc)."
        )
