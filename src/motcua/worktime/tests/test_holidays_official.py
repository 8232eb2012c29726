"""The national calendar against the official schedules for civil servants, 2022–2027.

For each year: the weekdays that were days off and the weekend days that were worked, exactly,
from the Government's announcements; the calendar under test is the `holidays` package plus the
official rows of `official_rows`. Compensatory days (nghỉ bù) follow Labour Code Art. 111(3):
a holiday on a weekend is made up on the next working day.
"""

from datetime import date, timedelta

import pytest

from motcua.worktime.calendar import WorkingCalendar
from motcua.worktime.constants import DayKind
from motcua.worktime.official_rows import OFFICIAL_ROWS

from .support import official_calendar


def d(day_month: str, year: int) -> date:
    day, month = map(int, day_month.split("/"))
    return date(year, month, day)


# year: (weekdays off, weekend days worked)
OFFICIAL = {
    # Công văn 245/VPCP-KGVX (11/01/2022): Tết 31/1–4/2, Quốc khánh 1/9–2/9.
    # Nghỉ bù: 1/1 (Sat) → 3/1; Giỗ Tổ 10/4 (Sun) → 11/4; 30/4 (Sat), 1/5 (Sun) → 2/5, 3/5.
    2022: (
        "3/1 31/1 1/2 2/2 3/2 4/2 11/4 2/5 3/5 1/9 2/9",
        "",
    ),
    # Công văn 8056/VPCP-KGVX (01/12/2022): Tết 20/1–26/1, Quốc khánh 1/9–4/9.
    # Nghỉ bù: 1/1 (Sun) → 2/1; Giỗ Tổ 29/4 (Sat), 30/4 (Sun) → 2/5, 3/5.
    2023: (
        "2/1 20/1 23/1 24/1 25/1 26/1 1/5 2/5 3/5 1/9 4/9",
        "",
    ),
    # Công văn 8662/VPCP-KGVX (2023): Tết 8/2–14/2, Quốc khánh 31/8–3/9.
    # Công văn 2450/VPCP-KGVX (2024): 29/4 off, Saturday 4/5 worked.
    2024: (
        "1/1 8/2 9/2 12/2 13/2 14/2 18/4 29/4 30/4 1/5 2/9 3/9",
        "4/5",
    ),
    # Công văn 8726/VPCP-KGVX (26/11/2024) and Thông báo 6150/TB-BLĐTBXH: Tết 25/1–2/2,
    # 30/4–4/5 with Friday 2/5 swapped for Saturday 26/4, Quốc khánh 30/8–2/9.
    2025: (
        "1/1 27/1 28/1 29/1 30/1 31/1 7/4 30/4 1/5 2/5 1/9 2/9",
        "26/4",
    ),
    # Công văn 12729/VPCP-KGVX (25/12/2025): 1/1–4/1, Friday 2/1 swapped for Saturday 10/1.
    # The Prime Minister's decision conveyed by the Government Office in October 2025 (its number
    # was not found; reported by the press on 13/10/2025): Tết 14/2–22/2; Quốc khánh 29/8–2/9
    # with Monday 31/8 swapped for Saturday 22/8. Nghỉ bù: Giỗ Tổ 26/4 (Sun) → 27/4.
    # 24/11 Ngày Văn hóa Việt Nam (Resolution 80-NQ/TW), as the package has it; the amendment of
    # Labour Code Art. 112 that makes it a paid holiday was not found.
    2026: (
        "1/1 2/1 16/2 17/2 18/2 19/2 20/2 27/4 30/4 1/5 31/8 1/9 2/9 24/11",
        "10/1 22/8",
    ),
}


def days_of(year: int):
    day = date(year, 1, 1)
    while day.year == year:
        yield day
        day += timedelta(days=1)


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_weekdays_off_are_exactly_the_official_ones(year):
    calendar = official_calendar()
    expected = {d(text, year) for text in OFFICIAL[year][0].split()}
    off = {day for day in days_of(year) if day.weekday() < 5 and not calendar.is_working_day(day)}
    assert sorted(off) == sorted(expected)


@pytest.mark.parametrize("year", sorted(OFFICIAL))
def test_weekend_days_worked_are_exactly_the_official_ones(year):
    calendar = official_calendar()
    expected = {d(text, year) for text in OFFICIAL[year][1].split()}
    worked = {day for day in days_of(year) if day.weekday() >= 5 and calendar.is_working_day(day)}
    assert worked == expected


def test_2027_days_off_fixed_by_the_labour_code():
    # No schedule for Tết or National Day 2027 had been announced; only what the law fixes.
    calendar = official_calendar()
    fixed = [
        date(2027, 1, 1),
        date(2027, 2, 8),  # 3rd day of Tết Đinh Mùi (1st day: Saturday 6/2)
        date(2027, 4, 16),  # Giỗ Tổ Hùng Vương, 10/3 lunar
        date(2027, 4, 30),
        date(2027, 5, 3),  # nghỉ bù for 1/5 (Saturday)
        date(2027, 9, 2),
    ]
    assert [day for day in fixed if calendar.is_working_day(day)] == []


@pytest.mark.parametrize("row", OFFICIAL_ROWS, ids=lambda row: row.date.isoformat())
def test_each_official_row_is_one_the_package_lacks(row):
    # Fails the day `holidays` learns the row: then drop it from official_rows.
    package_alone = WorkingCalendar()
    assert package_alone.is_working_day(row.date) != (row.kind == DayKind.WORKING_DAY)
    assert row.name and row.source
