"""Deadline arithmetic on worked examples, at every boundary of the working day."""

from datetime import UTC, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest

from motcua.worktime.arithmetic import (
    add_calendar_days,
    add_working_days,
    add_working_hours,
    add_working_time,
    counting_start,
    due_at,
    next_working_moment,
    within_working_hours,
    working_time_between,
)
from motcua.worktime.calendar import WorkingCalendar
from motcua.worktime.constants import TimeUnit
from motcua.worktime.errors import InvalidDurationError, NaiveDatetimeError, OutOfCalendarError

from .support import official_calendar, vn

CALENDAR = official_calendar()
HOUR = timedelta(hours=1)


def test_the_worked_example_of_decision_2():
    # Received 09:32 on Friday 27/10/2023, 5 working days: due 09:32 on Friday 03/11/2023.
    assert add_working_days(CALENDAR, vn(2023, 10, 27, 9, 32), 5) == vn(2023, 11, 3, 9, 32)


@pytest.mark.parametrize(
    "moment, expected",
    [
        (vn(2023, 10, 31, 6, 0), vn(2023, 10, 31, 7, 0)),  # before opening
        (vn(2023, 10, 31, 7, 0), vn(2023, 10, 31, 7, 0)),  # at opening
        (vn(2023, 10, 31, 9, 32), vn(2023, 10, 31, 9, 32)),  # working
        (vn(2023, 10, 31, 11, 30), vn(2023, 10, 31, 13, 30)),  # morning closing
        (vn(2023, 10, 31, 12, 0), vn(2023, 10, 31, 13, 30)),  # lunch
        (vn(2023, 10, 31, 17, 0), vn(2023, 11, 1, 7, 0)),  # closing
        (vn(2023, 11, 3, 20, 0), vn(2023, 11, 6, 7, 0)),  # Friday evening
        (vn(2023, 11, 4, 10, 0), vn(2023, 11, 6, 7, 0)),  # Saturday
        (vn(2023, 9, 1, 10, 0), vn(2023, 9, 5, 7, 0)),  # National Day, off 1/9–4/9/2023
    ],
)
def test_next_working_moment(moment, expected):
    assert next_working_moment(CALENDAR, moment) == expected


@pytest.mark.parametrize(
    "moment, inside",
    [
        (vn(2023, 10, 31, 7, 0), True),
        (vn(2023, 10, 31, 11, 30), True),
        (vn(2023, 10, 31, 12, 0), False),
        (vn(2023, 10, 31, 17, 0), True),
        (vn(2023, 10, 31, 17, 0, 1), False),
        (vn(2023, 11, 4, 10, 0), False),
    ],
)
def test_working_hours_include_opening_and_closing_times(moment, inside):
    assert within_working_hours(CALENDAR, moment) is inside


@pytest.mark.parametrize(
    "start, duration, expected",
    [
        (vn(2023, 10, 31, 16, 0), HOUR, vn(2023, 10, 31, 17, 0)),  # ends at closing: stays
        (vn(2023, 10, 31, 10, 30), HOUR, vn(2023, 10, 31, 11, 30)),  # ends at morning closing
        (vn(2023, 10, 31, 10, 30), HOUR + timedelta(seconds=1), vn(2023, 10, 31, 13, 30, 1)),
        (vn(2023, 10, 31, 17, 0), timedelta(0), vn(2023, 11, 1, 7, 0)),  # zero: snapped start
        (vn(2023, 10, 31, 17, 0), HOUR, vn(2023, 11, 1, 8, 0)),
        (vn(2023, 10, 31, 7, 0), 8 * HOUR, vn(2023, 10, 31, 17, 0)),  # a full day ends that day
        (vn(2023, 11, 3, 16, 30), HOUR, vn(2023, 11, 6, 7, 30)),  # over the weekend
    ],
)
def test_add_working_time_boundaries(start, duration, expected):
    assert add_working_time(CALENDAR, start, duration) == expected


@pytest.mark.parametrize(
    "received, days, expected",
    [
        # Whole days keep the clock time of the snapped receipt (Decision 2): lunch counts
        # from 13:30 and is due at 13:30; before opening or after closing, at 07:00.
        (vn(2023, 10, 31, 12, 10), 2, vn(2023, 11, 2, 13, 30)),
        (vn(2023, 10, 31, 13, 40), 2, vn(2023, 11, 2, 13, 40)),
        (vn(2023, 10, 31, 5, 0), 1, vn(2023, 11, 1, 7, 0)),  # before opening, 1 day
        (vn(2023, 10, 30, 21, 0), 1, vn(2023, 11, 1, 7, 0)),  # 21:00 Monday, 1 day
        (vn(2023, 10, 30, 9, 0), Decimal("0.5"), vn(2023, 10, 30, 15, 0)),  # half a day = 4 h
        (vn(2023, 10, 30, 9, 0), Decimal("1.25"), vn(2023, 10, 31, 11, 0)),
        (vn(2023, 10, 30, 9, 0), 0, vn(2023, 10, 30, 9, 0)),
    ],
)
def test_add_working_days_keeps_the_clock_of_the_snapped_receipt(received, days, expected):
    assert add_working_days(CALENDAR, received, days) == expected


@pytest.mark.parametrize(
    "hours, expected",
    [
        (4, vn(2023, 10, 30, 15, 0)),
        (Decimal("0.1"), vn(2023, 10, 30, 9, 6)),  # exact: not 09:05:59.999
        (0.1, vn(2023, 10, 30, 9, 6)),
        (Fraction(1, 3), vn(2023, 10, 30, 9, 20)),
    ],
)
def test_add_working_hours_takes_decimals(hours, expected):
    assert add_working_hours(CALENDAR, vn(2023, 10, 30, 9, 0), hours) == expected


@pytest.mark.parametrize(
    "received, expected_start",
    [
        (vn(2023, 10, 31, 15, 0), vn(2023, 10, 31, 15, 0)),  # at 15:00 sharp: not after
        (vn(2023, 10, 31, 15, 0, 1), vn(2023, 11, 1, 7, 0)),
        (vn(2023, 11, 3, 16, 0), vn(2023, 11, 6, 7, 0)),  # Friday → Monday
        (vn(2023, 11, 4, 16, 0), vn(2023, 11, 6, 7, 0)),  # Saturday → Monday
        (vn(2023, 8, 31, 15, 30), vn(2023, 9, 5, 7, 0)),  # eve of National Day 2023
    ],
)
def test_received_after_15h_counts_from_the_next_working_day(received, expected_start):
    assert counting_start(CALENDAR, received, after_15h_next_day=True) == expected_start


def test_the_15h_rule_applies_only_when_the_procedure_asks():
    received = vn(2023, 10, 31, 15, 30)
    assert add_working_days(CALENDAR, received, 1) == vn(2023, 11, 1, 15, 30)
    assert add_working_days(CALENDAR, received, 1, after_15h_next_day=True) == vn(2023, 11, 2, 7)
    assert add_working_hours(CALENDAR, received, 2, after_15h_next_day=True) == vn(2023, 11, 1, 9)


@pytest.mark.parametrize(
    "received, days, expected",
    [
        (vn(2023, 10, 30, 9, 0), 15, vn(2023, 11, 14, 9, 0)),  # ends on a Tuesday: kept
        (vn(2023, 10, 30, 9, 0), 5, vn(2023, 11, 6, 7, 0)),  # ends on a Saturday: Monday opening
        (vn(2023, 10, 27, 18, 0), 1, vn(2023, 10, 31, 7, 0)),  # counts from Monday 07:00
        (vn(2024, 2, 1, 10, 0), 7, vn(2024, 2, 15, 7, 0)),  # ends in Tết Giáp Thìn
        (vn(2023, 10, 30, 9, 0), Decimal(15), vn(2023, 11, 14, 9, 0)),  # a catalogue Decimal
    ],
)
def test_a_limit_in_calendar_days_ends_on_a_working_day(received, days, expected):
    assert add_calendar_days(CALENDAR, received, days) == expected


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (vn(2023, 10, 31, 10, 0), vn(2023, 10, 31, 14, 0), 2 * HOUR),  # lunch not counted
        (vn(2023, 10, 31, 14, 0), vn(2023, 10, 31, 10, 0), -2 * HOUR),
        (vn(2023, 10, 27, 16, 0), vn(2023, 10, 30, 8, 0), 2 * HOUR),  # weekend not counted
        (vn(2024, 2, 7, 16, 0), vn(2024, 2, 15, 8, 0), 2 * HOUR),  # Tết not counted
        (vn(2023, 10, 31, 18, 0), vn(2023, 11, 1, 6, 0), timedelta(0)),
    ],
)
def test_working_time_between(start, end, expected):
    assert working_time_between(CALENDAR, start, end) == expected


def test_any_time_zone_in_vietnamese_time_out():
    received_utc = datetime(2023, 10, 27, 2, 32, tzinfo=UTC)
    due = add_working_days(CALENDAR, received_utc, 5)
    assert due == vn(2023, 11, 3, 9, 32)
    assert due.utcoffset() == timedelta(hours=7)
    received_new_york = datetime(2023, 10, 26, 22, 32, tzinfo=ZoneInfo("America/New_York"))
    assert add_working_days(CALENDAR, received_new_york, 5) == vn(2023, 11, 3, 9, 32)


@pytest.mark.parametrize(
    "compute",
    [
        lambda moment: next_working_moment(CALENDAR, moment),
        lambda moment: within_working_hours(CALENDAR, moment),
        lambda moment: add_working_days(CALENDAR, moment, 1),
        lambda moment: add_calendar_days(CALENDAR, moment, 1),
        lambda moment: working_time_between(CALENDAR, vn(2023, 10, 27), moment),
    ],
)
def test_naive_datetimes_are_refused(compute):
    with pytest.raises(NaiveDatetimeError):
        compute(datetime(2023, 10, 27, 9, 32))


@pytest.mark.parametrize(
    "compute",
    [
        lambda: add_working_time(CALENDAR, vn(2023, 10, 27), -timedelta(seconds=1)),
        lambda: add_working_days(CALENDAR, vn(2023, 10, 27), -1),
        lambda: add_working_days(CALENDAR, vn(2023, 10, 27), Decimal("1000.01")),
        lambda: add_working_hours(CALENDAR, vn(2023, 10, 27), 8000.5),
        lambda: add_working_hours(CALENDAR, vn(2023, 10, 27), 10**400),
        lambda: add_working_days(CALENDAR, vn(2023, 10, 27), float("nan")),
        lambda: add_working_days(CALENDAR, vn(2023, 10, 27), float("inf")),
        lambda: add_working_days(CALENDAR, vn(2023, 10, 27), "5"),
        lambda: add_working_days(CALENDAR, vn(2023, 10, 27), True),
        lambda: add_calendar_days(CALENDAR, vn(2023, 10, 27), 1001),
        lambda: add_calendar_days(CALENDAR, vn(2023, 10, 27), -1),
        lambda: add_calendar_days(CALENDAR, vn(2023, 10, 27), 1.5),
        lambda: add_calendar_days(CALENDAR, vn(2023, 10, 27), "15"),
    ],
)
def test_absurd_durations_are_refused(compute):
    with pytest.raises(InvalidDurationError):
        compute()


def test_the_longest_limits_are_accepted():
    start = vn(2023, 10, 27, 9, 32)
    longest = add_working_days(CALENDAR, start, 1000)
    assert add_working_hours(CALENDAR, start, 8000) == longest
    assert working_time_between(CALENDAR, start, longest) == 8000 * HOUR
    assert add_calendar_days(CALENDAR, start, 1000) > start


@pytest.mark.parametrize("year", [1994, 2096])
def test_moments_outside_the_known_years_are_refused(year):
    with pytest.raises(OutOfCalendarError):
        add_working_days(CALENDAR, vn(year, 6, 1, 9, 0), 1)


@pytest.mark.parametrize(
    "unit, amount, expected",
    [
        (TimeUnit.WORKING_DAYS, 5, vn(2023, 11, 3, 9, 32)),
        (TimeUnit.WORKING_HOURS, 4, vn(2023, 10, 27, 15, 32)),
        (TimeUnit.CALENDAR_DAYS, 4, vn(2023, 10, 31, 9, 32)),
        ("working_days", Decimal("0.5"), vn(2023, 10, 27, 15, 32)),
    ],
)
def test_due_at_dispatches_on_the_unit(unit, amount, expected):
    assert due_at(CALENDAR, vn(2023, 10, 27, 9, 32), amount, unit) == expected


def test_due_at_refuses_an_unknown_unit():
    with pytest.raises(ValueError):
        due_at(CALENDAR, vn(2023, 10, 27, 9, 32), 5, "months")


def test_other_working_hours():
    calendar = WorkingCalendar(periods=((time(8, 0), time(12, 0)), (time(13, 0), time(17, 0))))
    assert next_working_moment(calendar, vn(2023, 10, 31, 12, 30)) == vn(2023, 10, 31, 13, 0)
    assert add_working_days(calendar, vn(2023, 10, 31, 12, 30), 1) == vn(2023, 11, 1, 13, 0)
    assert add_working_days(calendar, vn(2023, 10, 31, 13, 30), 1) == vn(2023, 11, 1, 13, 30)
    one_shift = WorkingCalendar(periods=((time(7, 30), time(16, 30)),))
    assert add_working_days(one_shift, vn(2023, 10, 31, 8, 0), 1) == vn(2023, 11, 1, 8, 0)
    assert add_working_hours(one_shift, vn(2023, 10, 31, 8, 0), 9) == vn(2023, 11, 1, 8, 0)
