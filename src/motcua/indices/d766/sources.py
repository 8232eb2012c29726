"""The facts the Decision 766 criteria read, as querysets: dossiers handled in a period with
their 766 end and deadline, the catalogue in force, and the complaints of the period."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import (
    Case,
    Count,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from motcua.catalog.constants import SupplementClock
from motcua.catalog.selectors import versions_in_force
from motcua.desk.models import Complaint
from motcua.dossiers.constants import Action, State
from motcua.dossiers.models import Dossier, DossierEvent, SupplementRequest
from motcua.org.models import Agency

from ..scope import Period
from ..timeliness import reference_moment


@dataclass(frozen=True)
class Context:
    """An agency and a period; `at` is where open dossiers are judged (the period end, or now
    while the period runs)."""

    agency: Agency
    period: Period
    at: datetime

    @classmethod
    def of(cls, agency: Agency, period: Period, now: datetime | None = None) -> "Context":
        return cls(agency, period, reference_moment(period, now))

    def dossiers(self) -> QuerySet:
        return Dossier.objects.filter(agency=self.agency)

    def received(self) -> QuerySet:
        return self.dossiers().filter(
            received_at__gte=self.period.since, received_at__lt=self.period.until
        )

    def with_result(self) -> QuerySet:
        """Dossiers whose processing ended with a result (not a refusal) in the period."""
        refused = DossierEvent.objects.filter(dossier=OuterRef("pk"), action=Action.REFUSE)
        return self.dossiers().filter(
            Q(state=State.RESOLVED) | Q(state=State.RETURNED) & ~Q(Exists(refused)),
            finished_at__gte=self.period.since,
            finished_at__lt=self.period.until,
        )

    def versions(self) -> QuerySet:
        """The agency's procedures, as their versions in force on the period's last day."""
        return versions_in_force(self.period.end).filter(procedure__agency=self.agency)

    def complaints(self) -> QuerySet:
        return Complaint.objects.filter(
            agency=self.agency,
            received_at__gte=self.period.since,
            received_at__lt=self.period.until,
        )


def handled(ctx: Context) -> QuerySet:
    """Criterion 2.1's denominator: dossiers received before the period end and not finished
    before it began (received or processed in the period), cancelled ones (entry errors)
    left out; annotated with their 766 end and deadline."""
    dossiers = (
        ctx.dossiers()
        .filter(received_at__lt=ctx.period.until)
        .exclude(state=State.CANCELLED)
        .filter(Q(finished_at__isnull=True) | Q(finished_at__gte=ctx.period.since))
    )
    return with_766_times(dossiers, ctx.at)


def with_766_times(dossiers: QuerySet, at: datetime) -> QuerySet:
    """The rule of vn-rules §4 for criterion 2.1, in SQL:

    - end: the first terminal moment (a result, a refusal or a withdrawal) before `at`;
      a single supplement request unanswered at `at` ends processing at the request; a dossier
      still open ends at `at`;
    - deadline: `due_at` (pauses and extensions included; an apology never moves it), except
      that when the one supplement was answered and the procedure restarts its clock, the
      766 rule subtracts the applicant's waiting time instead: the initial appointment moved
      by the wait in working time (`SupplementRequest.shifted_due_at`);
    - more than one supplement request before `at` is late whatever the times.
    """
    requests = SupplementRequest.objects.filter(dossier=OuterRef("pk"), requested_at__lt=at)
    first = requests.order_by("number")
    # Most dossiers never had a supplement request: CASE spares them the three subqueries.
    none = Q(supplement_count=0)
    annotated = dossiers.annotate(
        requests_766=Case(
            When(none, then=Value(0)),
            default=Coalesce(
                Subquery(
                    requests.order_by().values("dossier").annotate(n=Count("pk")).values("n")[:1]
                ),
                0,
            ),
        ),
        requested_766=Case(
            When(none, then=Value(None, output_field=DateTimeField())),
            default=Subquery(first.values("requested_at")[:1]),
        ),
        answered_766=Case(
            When(none, then=Value(None, output_field=DateTimeField())),
            default=Subquery(first.filter(answered_at__lt=at).values("answered_at")[:1]),
        ),
    )
    return annotated.annotate(
        end_766=Case(
            When(Q(requests_766=1, answered_766__isnull=True), then=F("requested_766")),
            When(finished_at__lt=at, then=F("finished_at")),
            default=Value(at, output_field=DateTimeField()),
            output_field=DateTimeField(),
        ),
        deadline_766=Case(
            When(
                Q(
                    requests_766=1,
                    answered_766__isnull=False,
                    version__supplement_clock=SupplementClock.RESTART,
                ),
                # The wait in working time, stored when the supplement came back; rows
                # answered before that was stored fall back to the wait in calendar time.
                then=Coalesce(
                    Subquery(first.filter(answered_at__lt=at).values("shifted_due_at")[:1]),
                    ExpressionWrapper(
                        F("initial_due_at") + (F("answered_766") - F("requested_766")),
                        output_field=DateTimeField(),
                    ),
                ),
            ),
            default=F("due_at"),
            output_field=DateTimeField(),
        ),
    )


ON_TIME_766 = Q(requests_766__lte=1, end_766__lte=F("deadline_766"))
