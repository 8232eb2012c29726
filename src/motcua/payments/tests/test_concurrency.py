"""Callbacks arriving at the same moment on their own PostgreSQL connections: the row locks make
them settle one after the other, so a dossier is never paid twice."""

from motcua.core.testing.concurrency import POSTGRESQL_ONLY, race
from motcua.dossiers.tests.conftest import build_world
from motcua.payments import services
from motcua.payments.constants import Channel, PaymentState, Verdict

from .conftest import gateway_answer, give_fees, submit_online

pytestmark = POSTGRESQL_ONLY


def _dossier():
    world = build_world()
    give_fees(world)
    return submit_online(world)


def test_the_return_and_the_notification_together_settle_once():
    payment = services.start_payment(_dossier()).payment
    params = gateway_answer(payment)
    outcomes = race(
        *[
            (
                lambda channel=channel: services.handle_callback(
                    "sandbox", params, "127.0.0.1", channel=channel
                )
            )
            for channel in (Channel.RETURN, Channel.NOTIFY) * 2
        ]
    )
    assert sorted(o.verdict for o in outcomes) == [Verdict.ACCEPTED] + [Verdict.DUPLICATE] * 3
    payment.refresh_from_db()
    assert payment.state == PaymentState.PAID


def test_two_payments_of_one_dossier_succeeding_together_count_once():
    dossier = _dossier()
    first = services.start_payment(dossier).payment
    second = services.start_payment(dossier).payment
    outcomes = race(
        lambda: services.handle_callback("sandbox", gateway_answer(first), "127.0.0.1"),
        lambda: services.handle_callback("sandbox", gateway_answer(second), "127.0.0.1"),
    )
    assert sorted(o.verdict for o in outcomes) == [Verdict.ACCEPTED, Verdict.REJECTED]
    states = sorted(dossier.payments.values_list("state", flat=True))
    assert states == [PaymentState.FAILED, PaymentState.PAID]
    loser = dossier.payments.get(state=PaymentState.FAILED)
    assert "hoàn trả" in loser.failure_reason
