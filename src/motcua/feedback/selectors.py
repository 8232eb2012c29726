"""Reads shared by the pages, the API and the indices."""

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from motcua.dossiers.models import Dossier, DossierStep
from motcua.org.models import Staff

from .models import Rating


def officers_of(dossier: Dossier) -> QuerySet[Staff]:
    """The staff who handled the dossier: who received it and every step's assignee."""
    return (
        Staff.objects.filter(Q(pk=dossier.received_by_id) | Q(dossier_steps__dossier=dossier))
        .distinct()
        .order_by("pk")
    )


def officers_by_dossier(dossiers) -> dict[int, list[Staff]]:
    """`officers_of` for a page of dossiers in two queries: {dossier id: [staff]}."""
    pairs = {(d.pk, d.received_by_id) for d in dossiers if d.received_by_id}
    pairs |= set(
        DossierStep.objects.filter(
            dossier__in=[d.pk for d in dossiers], assignee__isnull=False
        ).values_list("dossier_id", "assignee_id")
    )
    staff = Staff.objects.select_related("user").in_bulk({pk for _, pk in pairs})
    officers: dict[int, list[Staff]] = {d.pk: [] for d in dossiers}
    for dossier_id, staff_id in sorted(pairs):
        officers[dossier_id].append(staff[staff_id])
    return officers


def day_start(day: date) -> datetime:
    """The first moment of a day in Vietnam, for filters over stored UTC moments."""
    return timezone.make_aware(datetime.combine(day, time.min))


def with_revision_counts(ratings: QuerySet[Rating]) -> QuerySet[Rating]:
    """Each rating with `revision_count`: how many times its answers were given."""
    return ratings.annotate(revision_count=Count("revisions")).order_by("-rated_at", "-pk")


def ratings_of(
    agency,
    *,
    channel: str = "",
    overall: str = "",
    start: date | None = None,
    end: date | None = None,
) -> QuerySet[Rating]:
    ratings = Rating.objects.filter(agency=agency).select_related(
        "dossier", "dossier__version", "entered_by"
    )
    if channel:
        ratings = ratings.filter(channel=channel)
    if overall:
        ratings = ratings.filter(overall=overall)
    if start:
        ratings = ratings.filter(rated_at__gte=day_start(start))
    if end:
        ratings = ratings.filter(rated_at__lt=day_start(end + timedelta(days=1)))
    return ratings
