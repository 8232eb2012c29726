"""Read queries of the public portal: only versions in force today are public."""

from datetime import datetime

from django.db.models import Count, Prefetch, QuerySet
from django.utils import timezone

from motcua.catalog.models import Field, Procedure, ProcedureVersion
from motcua.catalog.selectors import versions_in_force, with_content
from motcua.org.models import Agency
from motcua.worktime.arithmetic import due_at
from motcua.worktime.selectors import calendar_for

from .models import Announcement, SupportSession


def public_versions() -> QuerySet:
    """The versions in force today, with what a list row shows."""
    return versions_in_force().select_related("procedure__agency", "field")


def public_version(procedure_id: int) -> ProcedureVersion | None:
    """The version in force of a procedure, with its documents and fees; None if none is."""
    return with_content(versions_in_force()).filter(procedure_id=procedure_id).first()


def publishing_agencies() -> QuerySet:
    """Agencies with at least one procedure in force."""
    return Agency.objects.filter(pk__in=versions_in_force().values("procedure__agency")).order_by(
        "name"
    )


def public_fields() -> QuerySet:
    """Fields with at least one procedure in force."""
    return (
        Field.objects.filter(pk__in=versions_in_force().values("field"))
        .select_related("agency")
        .order_by("name", "agency__name")
    )


def with_counts(rows: QuerySet, group_by: str) -> list:
    """`rows` (agencies or fields) each with `procedure_count`, its procedures in force.

    One grouped query over the versions in force instead of a correlated count per row.
    """
    counts = dict(versions_in_force().order_by().values_list(group_by).annotate(count=Count("pk")))
    rows = list(rows)
    for row in rows:
        row.procedure_count = counts.get(row.pk, 0)
    return rows


def _published() -> QuerySet:
    return Announcement.objects.filter(published_on__lte=timezone.localdate())


def latest_announcements(count: int) -> QuerySet:
    return _published().select_related("agency")[:count]


def published_announcements() -> QuerySet:
    """Announcements already published, newest first; each procedure carries `in_force`, the
    list of its version in force (empty once retired), for its name and link."""
    procedures = Procedure.objects.prefetch_related(
        Prefetch("versions", queryset=versions_in_force(), to_attr="in_force")
    )
    return (
        _published()
        .select_related("agency")
        .prefetch_related(Prefetch("procedures", queryset=procedures))
    )


def announcements_for(procedure_id: int) -> QuerySet:
    return _published().filter(procedures=procedure_id)


def upcoming_sessions() -> QuerySet:
    """Support sessions not over yet, soonest first."""
    return SupportSession.objects.filter(ends_at__gt=timezone.now()).select_related("agency")


def expected_due(version: ProcedureVersion, now: datetime | None = None) -> datetime | None:
    """When a dossier submitted `now` would be due; None when the time limit is unknown."""
    if version.time_limit_value is None:
        return None
    return due_at(
        calendar_for(version.procedure.agency_id),
        now or timezone.now(),
        version.time_limit_value,
        version.time_limit_unit,
        after_15h_next_day=version.after_15h_next_day,
    )
