"""Which days are working days, and which settings make no working week."""

from datetime import date, time, timedelta

import pytest

from motcua.worktime.calendar import WorkingCalendar
from motcua.worktime.errors import InvalidCalendarError, OutOfCalendarError
from motcua.worktime.national import national_year

TUESDAY = date(2023, 10, 31)
SATURDAY = date(2023, 11, 4)
NATIONAL_DAY = date(2024, 9, 2)  # a Monday
SWAPPED_SATURDAY = date(2024, 5, 4)  # worked for Monday 29/4/2024 (Công văn 2450/VPCP-KGVX)


def test_weekdays_work_and_weekends_rest_by_default():
    calendar = WorkingCalendar()
    assert calendar.is_working_day(TUESDAY)
    assert not calendar.is_working_day(SATURDAY)


def test_national_days_off_and_swapped_saturdays_follow_the_package():
    calendar = WorkingCalendar()
    assert not calendar.is_working_day(NATIONAL_DAY)
    assert not calendar.is_working_day(date(2024, 4, 29))
    assert calendar.is_working_day(SWAPPED_SATURDAY)


def test_agency_rows_override_the_national_calendar():
    calendar = WorkingCalendar(
        extra_days_off=frozenset({TUESDAY, SWAPPED_SATURDAY}),
        extra_working_days=frozenset({SATURDAY, NATIONAL_DAY}),
    )
    assert not calendar.is_working_day(TUESDAY)
    assert not calendar.is_working_day(SWAPPED_SATURDAY)
    assert calendar.is_working_day(SATURDAY)
    assert calendar.is_working_day(NATIONAL_DAY)


def test_an_agency_may_leave_the_national_calendar_aside():
    calendar = WorkingCalendar(national_holidays=False)
    assert calendar.is_working_day(NATIONAL_DAY)
    assert not calendar.is_working_day(SWAPPED_SATURDAY)


def test_weekly_days_off_are_a_setting():
    calendar = WorkingCalendar(weekend=frozenset({6}))
    assert calendar.is_working_day(SATURDAY)
    assert not calendar.is_working_day(SATURDAY + timedelta(days=1))


def test_working_periods_are_the_hours_of_working_days_only():
    calendar = WorkingCalendar()
    assert calendar.working_periods(SATURDAY) == []
    assert [(s.time(), e.time()) for s, e in calendar.working_periods(TUESDAY)] == [
        (time(7, 0), time(11, 30)),
        (time(13, 30), time(17, 0)),
    ]


def test_a_working_day_is_eight_hours_by_default_and_follows_the_hours():
    assert WorkingCalendar().day_length == timedelta(hours=8)
    half_days = WorkingCalendar(periods=((time(7, 30), time(11, 30)), (time(13, 0), time(16, 30))))
    assert half_days.day_length == timedelta(hours=7, minutes=30)


def test_working_day_after_skips_weekends_and_tet():
    calendar = WorkingCalendar()
    assert calendar.working_day_after(date(2023, 11, 3)) == date(2023, 11, 6)
    # Tết Giáp Thìn: off from Thursday 8/2 to Wednesday 14/2/2024.
    assert calendar.working_day_after(date(2024, 2, 7)) == date(2024, 2, 15)


@pytest.mark.parametrize(
    "periods, weekend",
    [
        ((), frozenset({5, 6})),
        (((time(11, 30), time(7, 0)),), frozenset({5, 6})),
        (((time(7, 0), time(11, 30)), (time(11, 0), time(17, 0))), frozenset({5, 6})),
        (((time(7, 0), time(17, 0)),), frozenset(range(7))),
        (((time(7, 0), time(17, 0)),), frozenset({7})),
    ],
)
def test_settings_that_make_no_working_week_are_refused(periods, weekend):
    with pytest.raises(InvalidCalendarError):
        WorkingCalendar(periods=periods, weekend=weekend)


def test_a_date_cannot_be_both_a_day_off_and_a_working_day():
    with pytest.raises(InvalidCalendarError):
        WorkingCalendar(
            extra_days_off=frozenset({TUESDAY}), extra_working_days=frozenset({TUESDAY})
        )


def test_a_year_without_working_days_is_an_error_not_an_endless_search():
    year = frozenset(date(2030, 1, 1) + timedelta(days=n) for n in range(400))
    calendar = WorkingCalendar(extra_days_off=year)
    with pytest.raises(OutOfCalendarError):
        calendar.working_day_after(date(2029, 12, 31))


def test_national_year_keeps_only_its_own_swapped_weekend_days():
    assert national_year(2025).working_days == frozenset({date(2025, 4, 26)})
    assert national_year(2023).working_days == frozenset()
