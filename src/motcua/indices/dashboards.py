"""Reads for the dashboards: monthly trends (one grouped query per index, whatever the number
of months), units and officers ranked, and the dossiers due soon or overdue right now."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, DateField, F, Q, QuerySet
from django.db.models.functions import TruncMonth

from motcua.dossiers.constants import Channel
from motcua.dossiers.models import Dossier, DossierStep
from motcua.dossiers.selectors import WORKING
from motcua.feedback.constants import SATISFIED_OVERALL
from motcua.feedback.models import Rating
from motcua.org.models import Agency, Staff, Unit

from .rates import percent, received_in
from .scope import VN, Period, Scope
from .timeliness import LATE, due_soon, finished_in

URGENT_SHOWN = 20


@dataclass(frozen=True)
class MonthPoint:
    month: date  # the first day of the month
    numerator: int
    denominator: int

    @property
    def value(self):
        return percent(self.numerator, self.denominator)

    @property
    def label(self) -> str:
        """Short enough for twelve bars side by side."""
        return f"{self.month:%m/%y}"


def last_months(today: date, count: int = 12) -> list[date]:
    """The first days of the `count` months ending with today's, oldest first."""
    months, year, month = [], today.year, today.month
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def months_period(months: list[date], today: date) -> Period:
    return Period(months[0], today)


def _series(rows, months: list[date], numerator: str, denominator: str) -> list[MonthPoint]:
    by_month = {row["month"]: row for row in rows}
    return [
        MonthPoint(
            m, by_month.get(m, {}).get(numerator, 0), by_month.get(m, {}).get(denominator, 0)
        )
        for m in months
    ]


def _by_month(queryset: QuerySet, moment: str) -> QuerySet:
    return (
        queryset.annotate(month=TruncMonth(moment, tzinfo=VN, output_field=DateField()))
        .values("month")
        .order_by()
    )


def on_time_trend(scope: Scope, months: list[date], today: date) -> list[MonthPoint]:
    """(early + on time) ÷ finished, by the month of finishing: one query."""
    rows = _by_month(
        scope.dossiers().filter(finished_in(months_period(months, today))), "finished_at"
    ).annotate(finished=Count("pk"), late=Count("pk", filter=LATE))
    return [
        MonthPoint(p.month, p.denominator - p.numerator, p.denominator)
        for p in _series(rows, months, "late", "finished")
    ]


def online_trend(scope: Scope, months: list[date], today: date) -> list[MonthPoint]:
    """Online ÷ received, by the month of receipt: one query."""
    rows = _by_month(
        scope.dossiers().filter(received_in(months_period(months, today))), "received_at"
    ).annotate(received=Count("pk"), online=Count("pk", filter=Q(channel=Channel.ONLINE)))
    return _series(rows, months, "online", "received")


def satisfaction_trend(scope: Scope, months: list[date], today: date) -> list[MonthPoint]:
    """(Very satisfied + satisfied) ÷ ratings, by the month of rating: one query."""
    period = months_period(months, today)
    ratings = Rating.objects.filter(
        agency=scope.agency, rated_at__gte=period.since, rated_at__lt=period.until
    )
    if scope.narrowed:
        ratings = ratings.filter(dossier__in=scope.dossiers())
    rows = _by_month(ratings, "rated_at").annotate(
        ratings=Count("pk"), satisfied=Count("pk", filter=Q(overall__in=SATISFIED_OVERALL))
    )
    return _series(rows, months, "satisfied", "ratings")


@dataclass(frozen=True)
class Ranked:
    label: str
    code: str
    finished: int
    late: int
    overdue_now: int

    @property
    def on_time(self):
        return percent(self.finished - self.late, self.finished)


def _finished_by(agency: Agency, period: Period, holder: str) -> dict:
    """Finished and late dossiers in the period per unit or officer that handled a step of
    them (the `Scope` rule): one grouped query over the steps."""
    finished = Dossier.objects.filter(finished_in(period), agency=agency)
    rows = (
        DossierStep.objects.filter(started_at__isnull=False, dossier__in=finished)
        .values(holder)
        .order_by()
        .annotate(
            finished=Count("dossier", distinct=True),
            late=Count(
                "dossier", distinct=True, filter=Q(dossier__finished_at__gt=F("dossier__due_at"))
            ),
        )
    )
    return {row[holder]: row for row in rows}


def overdue_now(dossiers: QuerySet, now: datetime) -> QuerySet:
    """Dossiers being worked on (not paused: neither suspended nor awaiting a supplement)
    past their due moment, the longest overdue first."""
    return dossiers.filter(
        state__in=WORKING, due_at__lt=now, clock_stopped_at__isnull=True
    ).order_by("due_at", "pk")


def _overdue_by(agency: Agency, now: datetime, holder: str) -> dict:
    """Overdue dossiers per current holder (unit or officer of the step they wait at)."""
    rows = (
        overdue_now(Dossier.objects.filter(agency=agency), now)
        .values(holder)
        .order_by()
        .annotate(n=Count("pk"))
    )
    return {row[holder]: row["n"] for row in rows}


def _ranked(rows: list[Ranked]) -> list[Ranked]:
    """Best on-time rate first, then the most finished; those with nothing finished last."""
    return sorted(rows, key=lambda r: (r.on_time is None, -(r.on_time or 0), -r.finished, r.label))


def unit_ranking(agency: Agency, period: Period, now: datetime) -> list[Ranked]:
    finished = _finished_by(agency, period, "unit")
    overdue = _overdue_by(agency, now, "current_unit")
    return _ranked(
        [
            Ranked(
                unit.name,
                unit.code,
                finished.get(unit.pk, {}).get("finished", 0),
                finished.get(unit.pk, {}).get("late", 0),
                overdue.get(unit.pk, 0),
            )
            for unit in Unit.objects.filter(agency=agency)
            if unit.pk in finished or unit.pk in overdue
        ]
    )


def officer_ranking(
    agency: Agency, period: Period, now: datetime, unit: Unit | None = None
) -> list[Ranked]:
    finished = _finished_by(agency, period, "assignee")
    overdue = _overdue_by(agency, now, "current_assignee")
    staff = Staff.objects.filter(agency=agency, pk__in=set(finished) | set(overdue))
    if unit is not None:
        staff = staff.filter(unit=unit)
    return _ranked(
        [
            Ranked(
                person.full_name,
                person.user.username,
                finished.get(person.pk, {}).get("finished", 0),
                finished.get(person.pk, {}).get("late", 0),
                overdue.get(person.pk, 0),
            )
            for person in staff.select_related("user")
        ]
    )


@dataclass(frozen=True)
class Urgent:
    overdue: list[Dossier]
    overdue_count: int
    due_soon: list[Dossier]
    due_soon_count: int


def urgent(dossiers: QuerySet, calendar, now: datetime) -> Urgent:
    """The dossiers overdue now and those due soon (less than 20 % of the legal limit left,
    in working time), the most urgent first: the first URGENT_SHOWN of each, with the counts."""
    related = ("current_unit", "current_assignee__user")
    overdue = overdue_now(dossiers, now).select_related(*related)
    soon = (
        dossiers.filter(state__in=WORKING, due_at__gte=now, clock_stopped_at__isnull=True)
        .filter(due_soon(calendar, now))
        .select_related(*related)
        .order_by("due_at", "pk")
    )
    return Urgent(
        overdue=list(overdue[:URGENT_SHOWN]),
        overdue_count=overdue.count(),
        due_soon=list(soon[:URGENT_SHOWN]),
        due_soon_count=soon.count(),
    )
