"""Time limits in working hours, and durations in Vietnamese."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, strategies as st

from motcua.catalog.constants import TimeUnit
from motcua.catalog.durations import (
    format_hours,
    format_number,
    limit_in_working_hours,
    working_days_within,
)


def test_durations_show_days_when_a_whole_number_of_days():
    assert format_hours(Decimal(8)) == "1 ngày làm việc"
    assert format_hours(Decimal("24.00")) == "3 ngày làm việc"
    assert format_hours(Decimal(4)) == "4 giờ làm việc"
    assert format_hours(Decimal(12)) == "12 giờ làm việc"
    assert format_hours(Decimal("1.5")) == "1,5 giờ làm việc"


def test_numbers_use_a_decimal_comma_without_useless_zeros():
    assert [format_number(Decimal(x)) for x in ("3.00", "10.50", "100")] == ["3", "10,5", "100"]


def test_limits_in_working_hours():
    assert limit_in_working_hours(Decimal(3), TimeUnit.WORKING_DAYS) == 24
    assert limit_in_working_hours(Decimal("10.5"), TimeUnit.WORKING_DAYS) == 84
    assert limit_in_working_hours(Decimal(6), TimeUnit.WORKING_HOURS) == 6
    assert limit_in_working_hours(Decimal(15), TimeUnit.CALENDAR_DAYS) == 80
    assert limit_in_working_hours(Decimal(7), TimeUnit.CALENDAR_DAYS) == 40


@given(st.integers(min_value=0, max_value=400))
def test_calendar_days_hold_at_least_that_many_working_days_whatever_the_start(days):
    def weekdays_from(start):
        return sum((start + timedelta(n)).weekday() < 5 for n in range(days))

    counts = [weekdays_from(date(2024, 1, 1) + timedelta(start)) for start in range(7)]
    assert working_days_within(days) == min(counts)
