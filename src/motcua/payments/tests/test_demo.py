"""The demo payments: paid, failed and abandoned ones for fee-bearing online dossiers."""

from datetime import timedelta

from django.utils import timezone
import pytest

from motcua.dossiers import services as dossiers
from motcua.dossiers.tests.conftest import build_world
from motcua.payments.constants import PaymentState, Verdict
from motcua.payments.demo import load_demo_payments
from motcua.payments.models import CallbackLog, Payment

from .conftest import give_fees, submit_online

pytestmark = pytest.mark.django_db


def test_demo_payments_cover_every_state_and_run_once():
    world = build_world()
    start = timezone.now() - timedelta(days=30)
    give_fees(world, since=timezone.localdate(start))
    for day in range(25):
        dossiers.submit(
            world.procedure,
            world.intake(),
            idempotency_key=f"demo-{day}",
            at=start + timedelta(days=day),
        )
    made = load_demo_payments(world.agency)
    assert made == Payment.objects.count() > 25
    states = set(Payment.objects.values_list("state", flat=True))
    assert states == {PaymentState.PAID, PaymentState.FAILED, PaymentState.ABANDONED}
    assert CallbackLog.objects.filter(verdict=Verdict.REJECTED).count() == 2
    assert CallbackLog.objects.filter(verdict=Verdict.DUPLICATE).exists()
    for dossier in world.agency.dossiers.all():
        assert dossier.payments.filter(state=PaymentState.PAID).count() <= 1
    assert load_demo_payments(world.agency) == 0


def test_dossiers_without_a_known_fee_get_no_payment():
    world = build_world()
    give_fees(world, (("Lệ phí", None),))
    submit_online(world)
    assert load_demo_payments(world.agency) == 0
    assert not Payment.objects.exists()
