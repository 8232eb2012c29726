"""Read queries shared by the staff pages, the public API, the dossier lifecycle and reports."""

from datetime import date, datetime

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from motcua.core.text import fold

from .constants import VersionStatus
from .models import Procedure, ProcedureVersion, ProcessStep

UNKNOWN = "unknown"  # the filter value that selects a null online level

# Query words lose the punctuation people type around them ("nhánh," → "nhanh").
_PUNCTUATION = ",;:!?()[]\"'“”"


def as_local_date(on: date | datetime | None) -> date:
    """The day (in Vietnam) of a moment; today when None. Naive datetimes are taken as local."""
    if on is None:
        return timezone.localdate()
    if isinstance(on, datetime):
        return timezone.localdate(on) if timezone.is_aware(on) else on.date()
    return on


def _issued() -> QuerySet:
    """Versions that were ever published: published ones and retired ones."""
    return ProcedureVersion.objects.exclude(status=VersionStatus.DRAFT)


def version_in_force(procedure: Procedure, on: date | datetime | None = None):
    """The version of `procedure` in force at `on` (default: now), or None.

    It is the issued version with the latest effective date on or before that day, unless it
    was retired by then. A retired version never hands the procedure back to its predecessor.
    """
    day = as_local_date(on)
    latest = (
        _issued()
        .filter(procedure=procedure, effective_from__lte=day)
        .order_by("-effective_from")
        .first()
    )
    if latest is None or (latest.retired_from is not None and latest.retired_from <= day):
        return None
    return latest


def versions_in_force(on: date | datetime | None = None) -> QuerySet:
    """Every procedure's version in force at `on`, as one query (the same rule as above)."""
    day = as_local_date(on)
    issued = _issued().filter(effective_from__lte=day)
    superseded = issued.filter(
        procedure=OuterRef("procedure"), effective_from__gt=OuterRef("effective_from")
    )
    return issued.filter(~Exists(superseded)).filter(
        Q(retired_from__isnull=True) | Q(retired_from__gt=day)
    )


def headline_versions(procedures: QuerySet, on: date | datetime | None = None) -> QuerySet:
    """One version per procedure for staff lists: the one in force, else the newest one."""
    in_force = versions_in_force(on).filter(procedure=OuterRef("pk")).values("pk")[:1]
    newest = (
        ProcedureVersion.objects.filter(procedure=OuterRef("pk")).order_by("-number").values("pk")
    )[:1]
    chosen = procedures.annotate(headline=Coalesce(Subquery(in_force), Subquery(newest)))
    return ProcedureVersion.objects.filter(pk__in=chosen.values("headline"))


def search(versions: QuerySet, query: str | None) -> QuerySet:
    """Versions whose codes or name contain every word of `query`, ignoring marks and case."""
    for word in fold(query).split():
        word = word.strip(_PUNCTUATION)
        if word:
            versions = versions.filter(search_text__contains=word)
    return versions


def filter_catalogue(
    versions: QuerySet,
    *,
    query: str | None = None,
    field_id: int | None = None,
    online_level: str | None = None,
) -> QuerySet:
    """The search and filters of the catalogue pages; `online_level` may be UNKNOWN."""
    versions = search(versions, query)
    if field_id:
        versions = versions.filter(field_id=field_id)
    if online_level == UNKNOWN:
        versions = versions.filter(online_level__isnull=True)
    elif online_level:
        versions = versions.filter(online_level=online_level)
    return versions.select_related("procedure", "field").order_by("name", "procedure__local_code")


def with_content(versions: QuerySet) -> QuerySet:
    """Versions with their fees, documents and steps (and the steps' units) loaded."""
    return versions.select_related("procedure__agency", "field").prefetch_related(
        "fees",
        "documents",
        Prefetch("steps", queryset=ProcessStep.objects.select_related("unit")),
    )


def public_version(code: str, agency_code: str | None = None, on=None):
    """The version in force of the procedure with this national or local code, or None.

    A national code wins over a local code. When several agencies publish the code and no
    agency is named, the agency with the smallest identifier is chosen, so the answer is stable.
    """
    versions = with_content(versions_in_force(on))
    if agency_code:
        versions = versions.filter(procedure__agency__code=agency_code)
    versions = versions.order_by("procedure__agency__code")
    return (
        versions.filter(procedure__national_code=code).first()
        or versions.filter(procedure__local_code=code).first()
    )


def version_state(version: ProcedureVersion, on: date | datetime | None = None) -> str:
    """A version's standing on a day, in words for the staff pages."""
    day = as_local_date(on)
    if version.is_draft:
        return "Bản nháp"
    if version.retired_from is not None and version.retired_from <= day:
        return "Hết hiệu lực"
    if version.effective_from > day:
        return "Chưa đến ngày hiệu lực"
    if version_in_force(version.procedure, day) == version:
        return "Đang có hiệu lực"
    return "Đã được thay thế"
