"""What each criterion Motcua computes counts: a numerator and a denominator as querysets, so
that the same definition gives the figure (one COUNT each) and its drill-down list.

A measure function returns None when its source app has no model yet (no data)."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Avg,
    BooleanField,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
)

from motcua.catalog.constants import OnlineLevel
from motcua.catalog.models import ProcessStep, RequiredDocument
from motcua.desk.models import Complaint
from motcua.dossiers.constants import Channel
from motcua.dossiers.models import Attachment
from motcua.feedback.constants import Overall
from motcua.feedback.models import Rating
from motcua.payments.constants import PaymentState
from motcua.payments.models import Payment
from motcua.payments.selectors import charges_a_fee

from ..timeliness import finished_in
from .sources import ON_TIME_766, Context, handled


class Kind:
    """What a drill-down lists."""

    DOSSIER = "dossier"
    PROCEDURE = "procedure"  # procedure versions in force
    COMPLAINT = "complaint"


@dataclass(frozen=True)
class Measure:
    """The denominator's rows and the condition that puts a row in the numerator."""

    kind: str
    denominator: QuerySet
    condition: Q | None = None  # None: every row counts (display-only criteria)
    display: Callable[[], str] | None = None  # display-only criteria (no rate, no points)
    uses_sync_rate: bool = False  # 3.3: the rate is multiplied by 1.4's sync rate

    @property
    def numerator(self) -> QuerySet:
        return (
            self.denominator if self.condition is None else self.denominator.filter(self.condition)
        )

    def counts(self) -> tuple[int, int]:
        """(numerator, denominator) in one aggregate query."""
        if self.condition is None:
            count = self.denominator.count()
            return count, count
        counts = self.denominator.alias(
            in_numerator=ExpressionWrapper(self.condition, output_field=BooleanField()),
        ).aggregate(numerator=Count("pk", filter=Q(in_numerator=True)), denominator=Count("pk"))
        return counts["numerator"], counts["denominator"]


ONLINE_SERVICE = Q(online_level__in=(OnlineLevel.FULL, OnlineLevel.PARTIAL))


def complete_publication(ctx: Context) -> Measure:
    """1.3: the components of Decree 63/2010 Art. 8(2) Motcua holds — name, steps (the
    internal process), method, documents, time limit, target; the agency is always known."""
    complete = (
        ~Q(name="")
        & ~Q(submission="")
        & ~Q(applicants="")
        & Q(time_limit_value__isnull=False)
        & Q(Exists(ProcessStep.objects.filter(version=OuterRef("pk"))))
        & Q(Exists(RequiredDocument.objects.filter(version=OuterRef("pk"))))
    )
    return Measure(Kind.PROCEDURE, ctx.versions(), complete)


def early_or_on_time(ctx: Context) -> Measure:
    dossiers = handled(ctx)
    return Measure(Kind.DOSSIER, dossiers, ON_TIME_766)


def average_time(ctx: Context) -> Measure:
    """2.2, display only: mean calendar time from receipt to result or refusal, in days."""
    finished = ctx.dossiers().filter(finished_in(ctx.period))

    def display() -> str:
        mean = finished.aggregate(
            mean=Avg(
                ExpressionWrapper(F("finished_at") - F("received_at"), output_field=DurationField())
            )
        )["mean"]
        if mean is None:
            return "Chưa có hồ sơ giải quyết trong kỳ"
        days = Decimal(mean.total_seconds() / 86400).quantize(Decimal("0.01"))
        return f"{str(days).replace('.', ',')} ngày (theo lịch) mỗi hồ sơ"

    return Measure(Kind.DOSSIER, finished, display=display)


def online_offered(ctx: Context) -> Measure:
    return Measure(Kind.PROCEDURE, ctx.versions(), ONLINE_SERVICE)


def online_used(ctx: Context) -> Measure:
    services = ctx.versions().filter(ONLINE_SERVICE)
    used = Exists(ctx.received().filter(procedure=OuterRef("procedure"), channel=Channel.ONLINE))
    return Measure(Kind.PROCEDURE, services, Q(used))


def online_share(ctx: Context) -> Measure:
    return Measure(Kind.DOSSIER, ctx.received(), Q(channel=Channel.ONLINE), uses_sync_rate=True)


def paid_online(ctx: Context) -> Measure:
    fee_bearing = ctx.received().filter(charges_a_fee())
    paid = Exists(Payment.objects.filter(dossier=OuterRef("pk"), state=PaymentState.PAID))
    return Measure(Kind.DOSSIER, fee_bearing, Q(paid))


RESULT_FILE = Exists(Attachment.objects.filter(dossier=OuterRef("pk"), kind=Attachment.Kind.RESULT))
DIGITIZED = Exists(
    Attachment.objects.filter(dossier=OuterRef("pk"), digitized=True, kind=Attachment.Kind.DOCUMENT)
)


def electronic_result(ctx: Context) -> Measure:
    return Measure(Kind.DOSSIER, ctx.with_result(), Q(RESULT_FILE))


def digitized(ctx: Context) -> Measure:
    return Measure(Kind.DOSSIER, ctx.with_result(), Q(RESULT_FILE) & Q(DIGITIZED))


def complaints_by_kind(ctx: Context) -> Measure:
    complaints = ctx.complaints()

    def display() -> str:
        labels = dict(complaints.model._meta.get_field("kind").choices)
        counts = complaints.order_by().values("kind").annotate(n=Count("pk")).order_by("kind")
        parts = [f"{labels.get(row['kind'], row['kind'])}: {row['n']}" for row in counts]
        total = sum(row["n"] for row in counts)
        return f"{total} phản ánh, kiến nghị" + (f" ({', '.join(parts)})" if parts else "")

    return Measure(Kind.COMPLAINT, complaints, display=display)


def _complaint_states(ctx: Context):
    at = ctx.at
    answered_then = Q(answered_at__lt=at)
    on_time_answer = answered_then & (Q(due_at__isnull=True) | Q(answered_at__lte=F("due_at")))
    open_not_due = (Q(answered_at__isnull=True) | Q(answered_at__gte=at)) & (
        Q(due_at__isnull=True) | Q(due_at__gte=at)
    )
    return answered_then, on_time_answer, open_not_due


def complaints_on_time(ctx: Context) -> Measure:
    """5.2: answered by their due moment, among those answered or already due at `at`."""
    complaints = ctx.complaints()
    answered_then, on_time_answer, _ = _complaint_states(ctx)
    judged = complaints.filter(answered_then | Q(due_at__lt=ctx.at))
    return Measure(Kind.COMPLAINT, judged, on_time_answer)


def complaints_satisfied(ctx: Context) -> Measure:
    """5.3: not dissatisfied, not overdue, not a repeat (an earlier complaint on the same
    dossier)."""
    complaints = ctx.complaints()
    _, on_time_answer, open_not_due = _complaint_states(ctx)
    earlier = complaints.model.objects.filter(
        dossier=OuterRef("dossier"), received_at__lt=OuterRef("received_at")
    )
    good = (
        (on_time_answer | open_not_due)
        & (Q(applicant_satisfied__isnull=True) | Q(applicant_satisfied=True))
        & (Q(dossier__isnull=True) | ~Q(Exists(earlier)))
    )
    return Measure(Kind.COMPLAINT, complaints, good)


def tthc_satisfaction(ctx: Context) -> Measure:
    """5.4 = 100 % − (late + with a complaint or a "dissatisfied" rating) over 2.1's dossiers.
    A dossier both late and complained about is counted once (the rates are not added)."""
    dossiers = handled(ctx)
    complained = Exists(Complaint.objects.filter(dossier=OuterRef("pk"), received_at__lt=ctx.at))
    dissatisfied = Exists(
        Rating.objects.filter(
            dossier=OuterRef("pk"), overall=Overall.DISSATISFIED, rated_at__lt=ctx.at
        )
    )
    return Measure(Kind.DOSSIER, dossiers, ON_TIME_766 & ~Q(complained) & ~Q(dissatisfied))


MEASURES: dict[str, Callable[[Context], Measure]] = {
    "1.3": complete_publication,
    "2.1": early_or_on_time,
    "2.2": average_time,
    "3.1": online_offered,
    "3.2": online_used,
    "3.3": online_share,
    "3.6": paid_online,
    "4.1": electronic_result,
    "4.2": digitized,
    "5.1": complaints_by_kind,
    "5.2": complaints_on_time,
    "5.3": complaints_satisfied,
    "5.4": tthc_satisfaction,
}

SYNC_RATE = "1.4"  # the manual criterion whose rate multiplies 3.3
