from datetime import date

import pytest

from motcua.plans.constants import ScheduleKind
from motcua.plans.schedule import parse_schedule


@pytest.mark.parametrize(
    "text, kind, dues",
    [
        ("Quý II", ScheduleKind.QUARTER, [date(2022, 6, 30)]),
        ("Trong Quý I/2022", ScheduleKind.QUARTER, [date(2022, 3, 31)]),
        (
            "Từ Quý I",
            ScheduleKind.QUARTER,
            [date(2022, 3, 31), date(2022, 6, 30), date(2022, 9, 30), date(2022, 12, 31)],
        ),
        ("Trước 15/12", ScheduleKind.DATE, [date(2022, 12, 15)]),
        ("Tháng 6, Tháng 12", ScheduleKind.DATE, [date(2022, 6, 30), date(2022, 12, 31)]),
        ("Trong năm 2022", ScheduleKind.ALL_YEAR, [date(2022, 12, 31)]),
        ("Thường xuyên", ScheduleKind.ALL_YEAR, [date(2022, 12, 31)]),
        (
            "Hằng tháng",
            ScheduleKind.MONTHLY,
            [
                date(2022, m, 28 if m == 2 else 30 if m in (4, 6, 9, 11) else 31)
                for m in range(1, 13)
            ],
        ),
        ("Sau khi Bộ Kế hoạch và Đầu tư công bố thủ tục hành chính", ScheduleKind.FREE_TEXT, []),
    ],
)
def test_a_schedule_yields_its_kind_and_due_dates(text, kind, dues):
    assert parse_schedule(text, 2022) == (kind, dues)


def test_from_a_month_is_due_at_the_end_of_each_month_from_there():
    kind, dues = parse_schedule("Từ Tháng 01", 2022)
    assert kind == ScheduleKind.MONTHLY
    assert (dues[0], dues[-1], len(dues)) == (date(2022, 1, 31), date(2022, 12, 31), 12)


@pytest.mark.parametrize("text", ["Trước 31/02", "Tháng 13", "Ngày 45/15/2022"])
def test_a_date_that_does_not_exist_leaves_the_schedule_as_text(text):
    assert parse_schedule(text, 2022) == (ScheduleKind.FREE_TEXT, [])
