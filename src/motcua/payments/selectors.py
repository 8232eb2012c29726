"""Read queries of online payment shared by the pages, the demo and other apps."""

from django.db.models import Count, Exists, OuterRef, Q, Sum

from motcua.catalog.constants import FeeChannel
from motcua.catalog.models import Fee
from motcua.dossiers.constants import Channel, State

from .constants import PaymentState, Verdict
from .models import CallbackLog, Payment

UNKNOWN_FEE = "Phí chưa xác định, nộp tại Bộ phận Một cửa"
# Dossiers no longer being resolved: nothing is paid for them.
CLOSED_STATES = (State.NOT_ACCEPTED, State.REFUSED, State.WITHDRAWN, State.CANCELLED)
CLOSED = "Hồ sơ không còn được giải quyết nên không thanh toán trực tuyến"


def applicable_fees(dossier):
    """The fees of the dossier's procedure version for the way it was submitted: a fee waived
    online is not charged to an online dossier."""
    channel = FeeChannel.ONLINE if dossier.channel == Channel.ONLINE else FeeChannel.COUNTER
    return dossier.version.fees.filter(applies_to__in=[FeeChannel.ALL, channel])


def charges_a_fee() -> Q:
    """`applicable_fees` as a condition on Dossier rows: some fee above zero for the way the
    dossier was submitted (an online dossier of a procedure whose fee is waived online pays
    nothing, so Decision 766 criterion 3.6 does not count it)."""

    def above_zero(*applies_to):
        return Exists(
            Fee.objects.filter(version=OuterRef("version"), amount__gt=0, applies_to__in=applies_to)
        )

    online = Q(channel=Channel.ONLINE)
    return (
        above_zero(FeeChannel.ALL)
        | (online & above_zero(FeeChannel.ONLINE))
        | (~online & above_zero(FeeChannel.COUNTER))
    )


def total_fees(dossier) -> int | None:
    """What the applicable fees add up to, or None when any amount is unknown."""
    amounts = [fee.amount for fee in applicable_fees(dossier)]
    if any(amount is None for amount in amounts):
        return None
    return sum(amounts)


def amount_paid(dossier) -> int:
    return (
        Payment.objects.filter(dossier=dossier, state=PaymentState.PAID).aggregate(
            total=Sum("amount")
        )["total"]
        or 0
    )


def amount_due(dossier) -> int | None:
    """What is left to pay online: None when a fee is unknown (then online payment is not
    offered, see UNKNOWN_FEE), 0 when nothing is owed."""
    total = total_fees(dossier)
    if total is None:
        return None
    return max(total - amount_paid(dossier), 0)


def payments_of(dossier) -> list[Payment]:
    return list(Payment.objects.filter(dossier=dossier).order_by("-created_at", "-pk"))


def agency_payments(agency, state: str = ""):
    payments = (
        Payment.objects.filter(agency=agency)
        .select_related("dossier")
        .order_by("-created_at", "-pk")
    )
    return payments.filter(state=state) if state else payments


def state_counts(agency) -> dict[str, int]:
    """Number of payments of the agency in each state, every state present."""
    counts = dict(
        Payment.objects.filter(agency=agency)
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    return {state: counts.get(state, 0) for state in PaymentState.values}


def refused_callbacks(agency, limit: int = 50) -> list[CallbackLog]:
    return list(
        CallbackLog.objects.filter(agency=agency, verdict=Verdict.REJECTED)
        .select_related("payment")
        .order_by("-received_at", "-pk")[:limit]
    )


def paid_online(dossiers):
    """The dossiers of the queryset with an online payment received (Decision 766 criterion
    3.6: "hồ sơ thanh toán trực tuyến")."""
    return dossiers.filter(payments__state=PaymentState.PAID).distinct()
