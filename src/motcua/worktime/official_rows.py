"""Official day swaps that the `holidays` package (0.109) lacks, ready to load into an agency.

Checked against the Government's schedules for 2022–2027 (see tests/test_holidays_official.py,
which also fails the day the package learns one of these rows, so that it can be dropped):
every official day off and make-up working day of 2022–2026 is in the package except the New
Year 2026 swap below. No schedule for Tết or National Day 2027 had been announced when this was
written; add its rows here (with their document) once it is.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from motcua.org.models import Agency

from .constants import DayKind
from .models import CalendarDay


@dataclass(frozen=True)
class OfficialRow:
    date: date
    kind: DayKind
    name: str
    source: str


_NEW_YEAR_2026 = "Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ"

OFFICIAL_ROWS = (
    OfficialRow(
        date(2026, 1, 2),
        DayKind.DAY_OFF,
        "Nghỉ Tết Dương lịch 2026 (hoán đổi với thứ Bảy 10/01/2026)",
        _NEW_YEAR_2026,
    ),
    OfficialRow(
        date(2026, 1, 10),
        DayKind.WORKING_DAY,
        "Làm bù cho ngày nghỉ thứ Sáu 02/01/2026",
        _NEW_YEAR_2026,
    ),
)


@transaction.atomic
def load_official_rows(agency: Agency) -> int:
    """Add the official rows `agency` lacks; returns how many were added.

    Idempotent: a date the agency already has a row for is left as the agency set it.
    """
    added = 0
    for row in OFFICIAL_ROWS:
        _, created = CalendarDay.objects.get_or_create(
            agency=agency,
            date=row.date,
            defaults={"kind": row.kind, "name": row.name, "source": row.source},
        )
        added += created
    return added
