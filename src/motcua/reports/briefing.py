"""The monthly briefing (plan item I.2.1): per unit and per officer, the dossiers received,
finished early / on time / late, open and overdue, with supplements, refusals and consultations
answered late, the applicants' ratings and the complaints; then the month's reform-plan
progress. Counts come from `indices_for`, so the briefing and the indices page never disagree.

Complaints of an officer are those naming them; of a unit, those naming one of its officers,
and those naming nobody that the unit was given to handle."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Count, F, Q

from motcua.desk.models import Complaint
from motcua.dossiers.models import Consultation
from motcua.indices.constants import TargetKey
from motcua.indices.rates import indices_for
from motcua.indices.scope import Period, Scope
from motcua.org.models import Agency, Staff, Unit
from motcua.plans.report_draft import (
    AssignmentFigures,
    PlanFigures,
    assignment_figures,
    plan_figures,
)

COLUMNS = [
    "Tiếp nhận",
    "Trước hạn",
    "Đúng hạn",
    "Trễ hạn",
    "Đang giải quyết",
    "Quá hạn",
    "Phải bổ sung",
    "Từ chối",
    "Lấy ý kiến trả lời trễ",
    "Lượt đánh giá",
    "Tỷ lệ hài lòng (%)",
    "Phản ánh, kiến nghị nhận",
    "Phản ánh quá hạn trả lời",
]


@dataclass(frozen=True)
class Line:
    label: str
    received: int
    early: int
    on_time: int
    late: int
    open: int
    overdue: int
    supplements: int
    refusals: int
    consultations_late: int
    ratings: int
    satisfaction: Decimal | None  # %, None without ratings
    complaints: int
    complaints_overdue: int

    def values(self) -> list:
        return [
            self.received,
            self.early,
            self.on_time,
            self.late,
            self.open,
            self.overdue,
            self.supplements,
            self.refusals,
            self.consultations_late,
            self.ratings,
            self.satisfaction,
            self.complaints,
            self.complaints_overdue,
        ]


@dataclass(frozen=True)
class Briefing:
    agency: Agency
    period: Period
    total: Line
    units: list[Line]
    officers: list[Line]
    plans: list[PlanFigures]
    assignments: AssignmentFigures


def consultations_late(scope: Scope, period: Period) -> int:
    """Consultations of the scope's dossiers answered in the period after their due time."""
    return Consultation.objects.filter(
        dossier__in=scope.dossiers(),
        answered_at__gte=period.since,
        answered_at__lt=period.until,
        answered_at__gt=F("due_at"),
    ).count()


def complaints_of(scope: Scope) -> Q:
    if scope.officer is not None:
        return Q(officer=scope.officer)
    if scope.unit is not None:
        return Q(officer__unit=scope.unit) | Q(officer__isnull=True, unit=scope.unit)
    return Q()


def complaint_counts(scope: Scope, period: Period, at: datetime) -> tuple[int, int]:
    """Complaints received in the period, and those past their answer deadline at `at` (the
    period's end, or now) without an answer then: one query."""
    unanswered = Q(answered_at__isnull=True) | Q(answered_at__gt=at)
    counts = Complaint.objects.filter(complaints_of(scope), agency=scope.agency).aggregate(
        received=Count("pk", filter=Q(received_at__gte=period.since, received_at__lt=period.until)),
        overdue=Count("pk", filter=Q(received_at__lt=at, due_at__lt=at) & unanswered),
    )
    return counts["received"], counts["overdue"]


def line(label: str, scope: Scope, period: Period, now: datetime | None = None) -> Line:
    indices = indices_for(scope, period, now)
    complaints, complaints_overdue = complaint_counts(scope, period, indices.open_at)
    return Line(
        label=label,
        received=indices.received.received,
        early=indices.finished.early,
        on_time=indices.finished.on_time,
        late=indices.finished.late,
        open=indices.open.open,
        overdue=indices.open.overdue,
        supplements=indices.received.with_supplement,
        refusals=indices.refused,
        consultations_late=consultations_late(scope, period),
        ratings=indices.ratings.ratings,
        satisfaction=indices.rates[TargetKey.TTHC_SATISFACTION].value,
        complaints=complaints,
        complaints_overdue=complaints_overdue,
    )


def officers_of(agency: Agency, period: Period):
    """The agency's staff who had handled a step by the period's end."""
    return (
        Staff.objects.filter(agency=agency, dossier_steps__started_at__lt=period.until)
        .distinct()
        .select_related("user", "unit")
    )


def build_briefing(
    agency: Agency,
    period: Period,
    now: datetime | None = None,
    progress: Callable[[int], None] = lambda percent: None,
) -> Briefing:
    units = list(Unit.objects.filter(agency=agency))
    officers = sorted(officers_of(agency, period), key=lambda s: (s.unit.name, s.full_name))
    steps, done = len(units) + len(officers) + 1, 0

    def measured(label, scope):
        nonlocal done
        result = line(label, scope, period, now)
        done += 1
        progress(done * 90 // steps)
        return result

    return Briefing(
        agency=agency,
        period=period,
        total=measured("Toàn cơ quan", Scope(agency)),
        units=[measured(unit.name, Scope(agency, unit=unit)) for unit in units],
        officers=[
            measured(f"{s.full_name} ({s.unit.name})", Scope(agency, officer=s)) for s in officers
        ],
        plans=plan_figures(agency, period.end),
        assignments=assignment_figures(agency, period.start, period.end),
    )
