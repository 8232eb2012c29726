"""Read queries of dossiers shared by the staff pages, the API, reports and indices."""

from datetime import datetime
from decimal import Decimal
import hmac

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from motcua.core.text import fold
from motcua.org.constants import Role
from motcua.org.models import Staff
from motcua.org.scoping import scope_to_agency
from motcua.worktime import arithmetic

from .constants import OPEN_STATES, State, Timeliness, Worklist
from .links import ref_lookup
from .models import Consultation, Dossier, DossierStep
from .permissions import SIGNING_ROLES, may_sign

WORKING = (State.RECEIVED, State.PROCESSING)
FINISHED_STATES = (State.RESOLVED, State.REFUSED, State.RETURNED)
DUE_SOON_SHARE = Decimal("0.8")  # DIGIT's "approaching": more than 80 % of the time used


def visible_dossiers(user) -> QuerySet:
    """The dossiers a staff user may see: those of their agency (`permissions.may_view` as a
    query; the permission matrix checks the two agree)."""
    return scope_to_agency(Dossier.objects.all(), user)


def _steps_beside(position: str, elsewhere: bool):
    """The same dossier's steps before ("lt") or after ("gt") the outer step; `elsewhere`:
    only those of another unit than the counter (or of no unit)."""
    steps = DossierStep.objects.filter(
        dossier=OuterRef("dossier"), **{f"position__{position}": OuterRef("position")}
    )
    return steps.exclude(unit__is_counter=True) if elsewhere else steps


def is_return_step() -> Q:
    """The counter's return of the result, over DossierStep rows: a counter step other than the
    first after which no other unit works, and which follows another unit's work or ends the
    process. It waits for the applicant to collect the result, so the Circular 01 index of each
    participant's time leaves it out (issue #11, vn-rules §7.2)."""
    return (
        Q(unit__is_counter=True, position__gt=1)
        & ~Exists(_steps_beside("gt", elsewhere=True))
        & (Exists(_steps_beside("lt", elsewhere=True)) | ~Exists(_steps_beside("gt", False)))
    )


def _open_consultation():
    return Exists(Consultation.objects.filter(dossier=OuterRef("pk"), answered_at__isnull=True))


def worklist(staff: Staff, name: str) -> QuerySet:
    """One of the role worklists, sorted by due moment (the most urgent first)."""
    dossiers = Dossier.objects.filter(agency_id=staff.agency_id)
    if name == Worklist.TO_RECEIVE:
        return dossiers.filter(state=State.SUBMITTED).order_by("submitted_at", "pk")
    if name == Worklist.TO_ASSIGN:
        dossiers = dossiers.filter(
            state__in=WORKING, current_unit_id=staff.unit_id, current_assignee__isnull=True
        )
    elif name == Worklist.MY_STEPS:
        dossiers = dossiers.filter(state__in=WORKING, current_assignee=staff)
    elif name == Worklist.WAITING:
        dossiers = dossiers.filter(state=State.AWAITING_SUPPLEMENT)
    elif name == Worklist.CONSULTING:
        dossiers = dossiers.filter(state__in=OPEN_STATES).filter(_open_consultation())
    elif name == Worklist.TO_SIGN:
        signing_roles = [r for r in SIGNING_ROLES if staff.has_role(r)]
        dossiers = dossiers.filter(
            state=State.PROCESSING, current_step__role__in=signing_roles
        ).filter(Q(current_step__unit__isnull=True) | Q(current_step__unit_id=staff.unit_id))
    elif name == Worklist.TO_REGISTER:
        dossiers = dossiers.filter(state=State.RESOLVED, result_number="")
    elif name == Worklist.TO_RETURN:
        dossiers = dossiers.filter(state__in=(State.RESOLVED, State.REFUSED)).exclude(
            state=State.RESOLVED, result_number=""
        )
    elif name == Worklist.ALL_OPEN:
        dossiers = dossiers.filter(state__in=OPEN_STATES)
    else:
        raise ValueError(f"unknown worklist {name!r}")
    return dossiers.order_by("due_at", "pk")


def worklists_for(staff: Staff) -> list[str]:
    """The worklists that matter to the roles a staff member holds, most used first."""
    lists = []
    if staff.has_role(Role.SPECIALIST, Role.UNIT_HEAD, Role.COUNTER_OFFICER):
        lists.append(Worklist.MY_STEPS)
    if staff.has_role(Role.COUNTER_OFFICER):
        lists += [Worklist.TO_RECEIVE, Worklist.TO_RETURN, Worklist.WAITING]
    if staff.has_role(Role.UNIT_HEAD):
        lists.append(Worklist.TO_ASSIGN)
    if may_sign(staff):
        lists.append(Worklist.TO_SIGN)
    if staff.has_role(Role.CLERK):
        lists.append(Worklist.TO_REGISTER)
    lists += [Worklist.CONSULTING, Worklist.ALL_OPEN]
    return list(dict.fromkeys(lists))


def filter_dossiers(
    dossiers: QuerySet,
    *,
    q: str = "",
    procedure=None,
    field=None,
    unit=None,
    channel: str = "",
    state: str = "",
) -> QuerySet:
    """The worklist filters; `q` matches the code, names, ID number or phone, ignoring marks."""
    if procedure:
        dossiers = dossiers.filter(procedure_id=procedure)
    if field:
        dossiers = dossiers.filter(version__field_id=field)
    if unit:
        dossiers = dossiers.filter(current_unit_id=unit)
    if channel:
        dossiers = dossiers.filter(channel=channel)
    if state:
        dossiers = dossiers.filter(state=state)
    query = q.strip()
    if query:
        if "-" in query and query.count(".") >= 3:  # a dossier code
            return dossiers.filter(code=query)
        for word in fold(query).split():
            dossiers = dossiers.filter(search_text__contains=word)
    return dossiers


def timeliness(dossier: Dossier, calendar, now: datetime | None = None) -> Timeliness | None:
    """Early / on time / late for a finished dossier; within / due soon / overdue for an open
    one; None for a dossier never received or ended without a result."""
    if dossier.due_at is None:
        return None
    if dossier.state in FINISHED_STATES and dossier.finished_at is not None:
        finished, due = dossier.finished_at, dossier.due_at
        if finished > due:
            return Timeliness.LATE
        if timezone.localdate(finished) < timezone.localdate(due):
            return Timeliness.EARLY
        return Timeliness.ON_TIME
    if dossier.state not in OPEN_STATES:
        return None
    if dossier.clock_stopped_at is not None:
        return Timeliness.PAUSED
    now = now or timezone.now()
    if now > dossier.due_at:
        return Timeliness.OVERDUE
    # Measured against the legal limit, so restarts, pauses and extensions need no special case.
    limit_hours = dossier.version.time_limit_hours
    remaining = arithmetic.working_time_between(calendar, now, dossier.due_at)
    if limit_hours and Decimal(remaining.total_seconds()) < (
        (1 - DUE_SOON_SHARE) * limit_hours * 3600
    ):
        return Timeliness.DUE_SOON
    return Timeliness.WITHIN


def dossier_by_secret(ref: str, secret: str) -> Dossier | None:
    """The dossier `ref` names if `secret` is exactly its tracking secret (the public links of
    payment and rating carry both); None for an unknown dossier and a wrong secret alike.
    Compared as bytes in constant time: compare_digest refuses non-ASCII text, which anyone
    can type into an address."""
    dossier = Dossier.objects.select_related("agency", "version").filter(**ref_lookup(ref)).first()
    if dossier is None or not hmac.compare_digest(
        dossier.tracking_secret.encode(), secret.encode()
    ):
        return None
    return dossier
