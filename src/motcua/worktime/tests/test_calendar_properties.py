"""The three promises of the boundary convention, on random calendars, starts and durations.

1. A due moment never falls in non-working time.
2. Measuring from the start to `add(start, d)` gives back d.
3. Due moments never go back when the start or the duration grows.

Starts are drawn in 2022–2027 in several time zones, often right on a boundary (openings,
closings, lunch, 15:00); calendars carry the national holidays, the official rows and random
agency rows (extra days off, worked weekend days), with the default or other working hours.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st

from motcua.worktime.arithmetic import (
    add_calendar_days,
    add_working_days,
    add_working_time,
    counting_start,
    next_working_moment,
    within_working_hours,
    working_time_between,
)
from motcua.worktime.calendar import DEFAULT_PERIODS
from motcua.worktime.clock import VIETNAM

from .support import official_calendar

EXAMPLES = settings(max_examples=150, deadline=None)

BOUNDARY_TIMES = [
    time(0, 0),
    time(6, 59, 59),
    time(7, 0),
    time(11, 30),
    time(12, 0),
    time(13, 30),
    time(15, 0),
    time(15, 0, 1),
    time(17, 0),
    time(17, 0, 1),
    time(8, 0),
    time(12, 0),
    time(13, 0),
    time(16, 30),
    time(23, 59, 59),
]
ZONES = [VIETNAM, VIETNAM, UTC, ZoneInfo("Europe/Paris"), ZoneInfo("America/New_York")]
FIRST, LAST = date(2022, 1, 1), date(2027, 12, 31)

days_in_range = st.dates(min_value=FIRST, max_value=LAST)


@st.composite
def calendars(draw):
    rows = draw(st.frozensets(days_in_range, max_size=30))
    worked = draw(st.frozensets(days_in_range, max_size=10)) - rows
    periods = draw(
        st.sampled_from(
            [
                DEFAULT_PERIODS,
                ((time(8, 0), time(12, 0)), (time(13, 0), time(17, 0))),
                ((time(7, 30), time(16, 30)),),
            ]
        )
    )
    base = official_calendar()
    return official_calendar(
        periods=periods,
        weekend=draw(st.sampled_from([frozenset({5, 6}), frozenset({6})])),
        extra_days_off=(base.extra_days_off | rows) - worked,
        extra_working_days=(base.extra_working_days | worked) - rows,
    )


@st.composite
def moments(draw):
    """An aware moment in 2022–2027, on a boundary of the day half of the time."""
    day = draw(days_in_range)
    clock = draw(st.one_of(st.sampled_from(BOUNDARY_TIMES), st.times()))
    local = datetime.combine(day, clock, tzinfo=VIETNAM)
    return local.astimezone(draw(st.sampled_from(ZONES)))


# Up to 60 working days, often in whole half-hours so that results land on boundaries.
durations = st.one_of(
    st.integers(0, 60 * 16).map(lambda n: n * timedelta(minutes=30)),
    st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=480)),
)
day_counts = st.integers(0, 60)
flags = st.booleans()


@EXAMPLES
@given(calendars(), moments(), durations, day_counts, flags)
def test_due_moments_are_always_in_working_time(calendar, start, duration, days, flag):
    for due in (
        next_working_moment(calendar, start),
        counting_start(calendar, start, after_15h_next_day=flag),
        add_working_time(calendar, start, duration),
        add_working_days(calendar, start, days, after_15h_next_day=flag),
        add_calendar_days(calendar, start, days, after_15h_next_day=flag),
    ):
        assert within_working_hours(calendar, due), due
        assert due.utcoffset() == timedelta(hours=7)


@EXAMPLES
@given(calendars(), moments(), durations, day_counts, flags)
def test_measuring_what_was_added_gives_it_back(calendar, start, duration, days, flag):
    assert (
        working_time_between(calendar, start, add_working_time(calendar, start, duration))
        == duration
    )
    begin = counting_start(calendar, start, after_15h_next_day=flag)
    due = add_working_days(calendar, start, days, after_15h_next_day=flag)
    assert working_time_between(calendar, begin, due) == days * calendar.day_length


@EXAMPLES
@given(calendars(), moments(), moments(), durations, day_counts, flags)
def test_a_later_start_is_never_due_earlier(calendar, first, second, duration, days, flag):
    early, late = sorted([first, second])
    assert add_working_time(calendar, early, duration) <= add_working_time(calendar, late, duration)
    assert add_working_days(calendar, early, days, after_15h_next_day=flag) <= add_working_days(
        calendar, late, days, after_15h_next_day=flag
    )
    assert add_calendar_days(calendar, early, days, after_15h_next_day=flag) <= add_calendar_days(
        calendar, late, days, after_15h_next_day=flag
    )


@EXAMPLES
@given(calendars(), moments(), durations, durations, day_counts, day_counts, flags)
def test_a_longer_limit_is_never_due_earlier(calendar, start, one, other, n, m, flag):
    shorter, longer = sorted([one, other])
    assert add_working_time(calendar, start, shorter) <= add_working_time(calendar, start, longer)
    fewer, more = sorted([n, m])
    assert add_working_days(calendar, start, fewer, after_15h_next_day=flag) <= add_working_days(
        calendar, start, more, after_15h_next_day=flag
    )
    assert add_calendar_days(calendar, start, fewer, after_15h_next_day=flag) <= add_calendar_days(
        calendar, start, more, after_15h_next_day=flag
    )
