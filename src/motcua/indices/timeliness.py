"""Timeliness counts for a scope and a period, by Decision 5 (vn-rules, decisions at the top).

Finished dossiers (a result or a refusal, finished in the period) are early, on time or late by
comparing `finished_at` with `due_at` in SQL. `due_at` already holds the pauses, supplement
restarts and extensions; the apology never moves it, so an apologised dossier past `due_at` stays
late. Open dossiers are judged at the reference moment: the period end, or now when the period
has not ended.

A past period is judged with today's `due_at`: an extension, a pause or a supplement restart
decided after the period end moves it, and no stored fact gives the deadline as it stood then.
Supplement waits are read from their requests, so they are seen as they were.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, DateTimeField, F, Func, Q, QuerySet
from django.utils import timezone

from motcua.catalog.durations import limit_in_working_hours
from motcua.catalog.models import ProcedureVersion
from motcua.dossiers.models import SupplementRequest
from motcua.dossiers.selectors import DUE_SOON_SHARE, FINISHED_STATES
from motcua.worktime import arithmetic

from .scope import VN, Period


@dataclass(frozen=True)
class FinishedCounts:
    finished: int
    early: int
    on_time: int
    late: int


@dataclass(frozen=True)
class OpenCounts:
    open: int
    within: int
    due_soon: int
    overdue: int
    paused: int


def finished_in(period: Period) -> Q:
    """Processing ended in the period with a result or a refusal (withdrawn and cancelled
    dossiers end processing too, but without a result to judge)."""
    return Q(state__in=FINISHED_STATES, finished_at__gte=period.since, finished_at__lt=period.until)


class StartOfDay(Func):
    """The first moment, in Vietnam, of a moment's day. Comparing `finished_at` with it is
    "finished before the due day" with one time-zone conversion per dossier instead of two
    (bench/: a tenth of the year's indices at a million dossiers)."""

    output_field = DateTimeField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(
            compiler,
            connection,
            template=f"date_trunc('day', %(expressions)s, '{VN.key}')",
            **extra_context,
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite keeps UTC text; Vietnam's offset has been a fixed +7 hours since 1975.
        hours = int(VN.utcoffset(datetime(2000, 1, 1)).total_seconds() // 3600)
        return self.as_sql(
            compiler,
            connection,
            template=f"datetime(%(expressions)s, "
            f"'{hours:+d} hours', 'start of day', '{-hours:+d} hours')",
            **extra_context,
        )


LATE = Q(finished_at__gt=F("due_at"))
EARLY = Q(finished_at__lt=StartOfDay("due_at"))


def finished_filters(period: Period) -> dict[str, Q]:
    """The counts of FinishedCounts (but on time) as filters over the dossiers."""
    finished = finished_in(period)
    return {"finished": finished, "late": finished & LATE, "early": finished & EARLY}


def finished_of(counts: dict) -> FinishedCounts:
    return FinishedCounts(
        finished=counts["finished"],
        early=counts["early"],
        late=counts["late"],
        on_time=counts["finished"] - counts["early"] - counts["late"],
    )


def finished_counts(dossiers: QuerySet, period: Period) -> FinishedCounts:
    """One query: the dossiers finished in the period, early / on time / late."""
    return finished_of(
        dossiers.filter(finished_in(period)).aggregate(
            **{key: Count("pk", filter=q) for key, q in finished_filters(period).items()}
        )
    )


def reference_moment(period: Period, now: datetime | None = None) -> datetime:
    """Where open dossiers are judged: the period end, or now if the period is still running."""
    return min(period.until, now or timezone.now())


def open_filters(period: Period, calendar, now: datetime | None = None) -> dict[str, Q]:
    """Dossiers received and not yet finished at the reference moment: paused (waiting for a
    supplement then, or suspended then and still), overdue, due soon (more than 80 % of the
    legal limit used, in working time) or within time (the rest)."""
    at = reference_moment(period, now)
    open_then = Q(received_at__lt=at) & (Q(finished_at__isnull=True) | Q(finished_at__gte=at))
    paused = Q(clock_stopped_at__lte=at) | awaiting_supplement(at)
    return {
        "open": open_then,
        "paused": open_then & paused,
        "overdue": open_then & ~paused & Q(due_at__lt=at),
        "due_soon": open_then & ~paused & Q(due_at__gte=at) & due_soon(calendar, at),
    }


def open_of(counts: dict) -> OpenCounts:
    within = counts["open"] - counts["paused"] - counts["overdue"] - counts["due_soon"]
    return OpenCounts(
        within=within, **{k: counts[k] for k in ("open", "paused", "overdue", "due_soon")}
    )


def open_counts(
    dossiers: QuerySet, period: Period, calendar, now: datetime | None = None
) -> OpenCounts:
    """One query: the dossiers open at the reference moment, by state of their clock."""
    filters = open_filters(period, calendar, now)
    return open_of(
        dossiers.filter(filters["open"]).aggregate(
            **{key: Count("pk", filter=q) for key, q in filters.items()}
        )
    )


def due_soon(calendar, at: datetime) -> Q:
    """Due soon at `at`, for a dossier not yet overdue, as a filter: less than 20 % of its
    legal limit left in working time. The working time left grows with `due_at`, so for each
    legal limit in the catalogue (a few dozen) the moment when 20 % of it is left is computed
    once, and a dossier is due soon when due before that moment: no dossier is loaded."""
    limits = (
        ProcedureVersion.objects.filter(time_limit_value__isnull=False)
        .values_list("time_limit_value", "time_limit_unit")
        .order_by()
        .distinct()
    )
    soon = Q(pk__in=[])
    for value, unit in limits:
        hours = limit_in_working_hours(value, unit)
        if hours:
            threshold = arithmetic.add_working_hours(calendar, at, (1 - DUE_SOON_SHARE) * hours)
            soon |= Q(
                version__time_limit_value=value, version__time_limit_unit=unit, due_at__lt=threshold
            )
    return soon


def awaiting_supplement(at: datetime) -> Q:
    """A supplement request asked and not yet answered at `at`: the record keeps both moments,
    so a past period sees the wait even after the answer came. A list of such dossiers, hashed
    once, not a look-up per dossier."""
    return Q(
        pk__in=SupplementRequest.objects.filter(requested_at__lte=at)
        .filter(Q(answered_at__isnull=True) | Q(answered_at__gt=at))
        .values("dossier_id")
    )
