"""The reports the office owes: their occurrences in a year and their submission.

Occurrences are made on first use (the page, the reminder job), so a recurrence edited in the
admin shapes the years not yet looked at; the ones already made keep their dates."""

import calendar as months
from datetime import date

from django.db import transaction
from django.utils import timezone

from motcua.org.models import Agency, Staff
from motcua.worktime.selectors import calendar_for

from .constants import Recurrence
from .errors import PlanError
from .models import ReportObligation, ReportOccurrence
from .permissions import may_use_occurrence
from .reminders import working_days_before


def _clamped(year: int, month: int, day: int) -> date:
    """Day 31 of a 30-day month, or 29/02 of a common year, is the last day of that month."""
    return date(year, month, min(day, months.monthrange(year, month)[1]))


def periods(obligation: ReportObligation, year: int) -> list[tuple[date, date]]:
    """(start, nominal due day) of each report owed in `year`: since 1 January for a yearly
    report, since the 1st of the month for a monthly one."""
    if obligation.recurrence == Recurrence.MONTHLY:
        return [(date(year, m, 1), _clamped(year, m, obligation.day)) for m in range(1, 13)]
    return [(date(year, 1, 1), _clamped(year, obligation.month, obligation.day))]


def occurrences_for(agency: Agency, year: int) -> list[ReportOccurrence]:
    """Every report `agency` owes in `year`, made if missing, by due date."""
    working = calendar_for(agency)
    for obligation in ReportObligation.objects.filter(agency=agency):
        for start, end in periods(obligation, year):
            ReportOccurrence.objects.get_or_create(
                obligation=obligation,
                period_end=end,
                defaults={"period_start": start, "due_on": working_days_before(working, end, 0)},
            )
    return list(
        ReportOccurrence.objects.filter(
            obligation__agency=agency, period_end__year=year
        ).select_related("obligation", "submitted_by__user")
    )


@transaction.atomic
def record_submission(
    occurrence: ReportOccurrence, staff: Staff, *, submitted_on: date, document_number: str
) -> ReportOccurrence:
    """Record that the report went out (its document number and day); once only."""
    locked = (
        ReportOccurrence.objects.select_for_update()
        .select_related("obligation")
        .get(pk=occurrence.pk)
    )
    if not may_use_occurrence(staff, locked):
        raise PlanError("Chỉ Văn phòng Sở ghi nhận việc nộp báo cáo.")
    if locked.submitted_on:
        raise PlanError(f"Báo cáo đã ghi nhận nộp ngày {locked.submitted_on:%d/%m/%Y}.")
    if submitted_on > timezone.localdate():
        raise PlanError("Ngày nộp không được sau hôm nay.")
    document_number = (document_number or "").strip()
    if not document_number:
        raise PlanError("Số văn bản không được để trống.")
    locked.submitted_on, locked.document_number = submitted_on, document_number
    locked.submitted_by, locked.submitted_at = staff, timezone.now()
    locked.save(update_fields=["submitted_on", "document_number", "submitted_by", "submitted_at"])
    return locked
