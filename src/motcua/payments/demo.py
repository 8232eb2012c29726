"""Online payments for the demo Department's online dossiers, made through the services with
callbacks signed by the sandbox gateway, as if applicants had paid over the past year."""

from datetime import timedelta
import random

from django.conf import settings
from django.db import transaction

from motcua.dossiers.constants import Channel as DossierChannel
from motcua.dossiers.models import Dossier

from . import selectors, services
from .constants import Channel
from .gateways import sandbox
from .models import Payment

DEMO_PAYMENTS = 60


def _callback(payment, code, at, *, channel=Channel.RETURN, **changes):
    params = {"reference": payment.reference, "amount": str(payment.amount), **changes}
    answer = sandbox.answer(params, code, settings.PAYMENT_SANDBOX_SECRET, at=at)
    return services.handle_callback("sandbox", answer, "127.0.0.1", channel=channel, now=at)


@transaction.atomic
def load_demo_payments(department, *, seed: int = 766) -> int:
    """Paid, failed then paid, failed, and abandoned payments for online dossiers of procedures
    with known non-zero fees, and two refused callbacks. Does nothing when the agency already
    has payments, so the demo loader can run again. Returns the number of payments made."""
    if Payment.objects.filter(agency=department).exists():
        return 0
    rng = random.Random(seed)
    candidates = (
        Dossier.objects.filter(
            agency=department, channel=DossierChannel.ONLINE, submitted_at__isnull=False
        )
        .exclude(state__in=selectors.CLOSED_STATES)
        .select_related("version")
        .prefetch_related("version__fees")
        .order_by("submitted_at")
    )
    dossiers = [d for d in candidates if selectors.amount_due(d)][-DEMO_PAYMENTS:]
    for dossier in dossiers:
        at = dossier.submitted_at + timedelta(minutes=rng.randint(2, 20))
        story = rng.random()
        payment = services.start_payment(dossier, at=at).payment
        if story < 0.1:
            continue  # left on the gateway's page: abandoned below
        paid_at = at + timedelta(minutes=rng.randint(1, 5))
        if story < 0.3:
            _callback(
                payment, rng.choice([sandbox.Outcome.FAILED, sandbox.Outcome.CANCELLED]), paid_at
            )
            if story < 0.2:
                continue  # gave up: paid at the counter instead
            at = paid_at + timedelta(minutes=rng.randint(1, 10))
            payment = services.start_payment(dossier, at=at).payment
            paid_at = at + timedelta(minutes=rng.randint(1, 5))
        answer = _callback(payment, sandbox.Outcome.SUCCESS, paid_at, channel=Channel.NOTIFY)
        if answer.payment and rng.random() < 0.5:  # the browser came back after the notice
            _callback_replay(answer.verified, payment, paid_at + timedelta(seconds=3))
    if dossiers:
        _refused_examples(dossiers[-1])
    services.mark_abandoned()
    return Payment.objects.filter(agency=department).count()


def _callback_replay(verified, payment, at):
    """The same signed result again, as the browser's return after the IPN: a duplicate."""
    params = {
        "reference": payment.reference,
        "amount": str(payment.amount),
        "transaction": verified.transaction_id,
        "response_code": verified.response_code,
        "timestamp": sandbox.stamp(verified.timestamp),
    }
    services.handle_callback(
        "sandbox",
        sandbox.signed(params, settings.PAYMENT_SANDBOX_SECRET),
        "127.0.0.1",
        channel=Channel.RETURN,
        now=at,
    )


def _refused_examples(dossier):
    """What staff must see refused: a forged success and an old notice replayed."""
    payment = dossier.payments.order_by("-created_at").first()
    at = payment.created_at + timedelta(minutes=1)
    forged = {
        "reference": payment.reference,
        "amount": str(payment.amount),
        "transaction": "SB000000000001",
        "response_code": sandbox.Outcome.SUCCESS,
        "timestamp": sandbox.stamp(at),
        "signature": "0" * 64,
    }
    services.handle_callback("sandbox", forged, "203.0.113.66", now=at)
    old = sandbox.answer(
        {"reference": payment.reference, "amount": str(payment.amount)},
        sandbox.Outcome.SUCCESS,
        settings.PAYMENT_SANDBOX_SECRET,
        at=at - timedelta(days=2),
    )
    services.handle_callback("sandbox", old, "203.0.113.66", now=at)
