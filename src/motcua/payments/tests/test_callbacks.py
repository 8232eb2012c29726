"""The callback handler trusts only signed, fresh, matching, first-time news from the gateway."""

from datetime import timedelta
import logging

from django.conf import settings
from django.utils import timezone
import pytest

from motcua.payments import services
from motcua.payments.constants import Channel, PaymentState, Verdict
from motcua.payments.gateways import sandbox
from motcua.payments.models import CallbackLog, Payment

from .conftest import TOTAL, gateway_answer


@pytest.fixture
def payment(shop) -> Payment:
    return services.start_payment(shop.dossier).payment


def handle(params, **kwargs):
    return services.handle_callback("sandbox", params, "203.0.113.7", **kwargs)


def refused_log(payment) -> CallbackLog:
    return CallbackLog.objects.get(payment=payment, verdict=Verdict.REJECTED)


def test_a_signed_success_settles_the_payment(payment):
    params = gateway_answer(payment)
    outcome = handle(params)
    payment.refresh_from_db()
    assert outcome.verdict == Verdict.ACCEPTED
    assert payment.state == PaymentState.PAID and payment.amount == TOTAL
    assert payment.gateway_transaction == params["transaction"]
    assert payment.settled_at is not None
    entry = CallbackLog.objects.get(payment=payment)
    assert entry.verdict == Verdict.ACCEPTED and entry.params == params
    assert entry.client_ip == "203.0.113.7" and entry.agency_id == payment.agency_id


def test_a_forged_signature_is_refused_and_logged(payment, caplog):
    params = gateway_answer(payment, secret="not-the-shared-secret-at-all")
    with caplog.at_level(logging.WARNING, logger="motcua.payments"):
        outcome = handle(params)
    payment.refresh_from_db()
    assert outcome.refused
    assert payment.state == PaymentState.PENDING and payment.gateway_transaction is None
    assert refused_log(payment).reason == "Chữ ký của thông báo thanh toán không hợp lệ."
    assert "Refused sandbox payment callback" in caplog.text


def test_a_tampered_amount_breaks_the_signature(payment):
    params = {**gateway_answer(payment), "amount": "1000"}
    assert handle(params).refused
    payment.refresh_from_db()
    assert payment.state == PaymentState.PENDING
    assert "Chữ ký" in refused_log(payment).reason


def test_a_signed_wrong_amount_is_refused(payment):
    outcome = handle(gateway_answer(payment, amount="1000"))
    payment.refresh_from_db()
    assert outcome.refused and payment.state == PaymentState.PENDING
    assert "không khớp" in refused_log(payment).reason


def test_a_replayed_old_callback_is_refused_and_logged(payment, caplog):
    old = gateway_answer(payment, at=timezone.now() - timedelta(hours=2))
    with caplog.at_level(logging.WARNING, logger="motcua.payments"):
        outcome = handle(old)
    payment.refresh_from_db()
    assert outcome.refused and payment.state == PaymentState.PENDING
    assert "phát lại" in refused_log(payment).reason
    assert "Refused" in caplog.text


def test_a_transaction_already_used_by_another_payment_is_refused(shop, payment):
    first = gateway_answer(payment)
    handle(first)
    other = Payment.objects.create(
        agency=payment.agency,
        dossier=payment.dossier,
        amount=payment.amount,
        gateway="sandbox",
        reference="TT-OTHER",
        created_at=timezone.now(),
    )
    replay = sandbox.signed(
        {**gateway_answer(other), "transaction": first["transaction"]},
        settings.PAYMENT_SANDBOX_SECRET,
    )
    outcome = handle(replay)
    other.refresh_from_db()
    assert outcome.refused and other.state == PaymentState.PENDING
    assert "đã dùng cho giao dịch khác" in refused_log(other).reason


def test_a_different_outcome_after_settlement_is_refused(payment):
    handle(gateway_answer(payment, sandbox.Outcome.FAILED))
    outcome = handle(gateway_answer(payment, sandbox.Outcome.SUCCESS))
    payment.refresh_from_db()
    assert outcome.refused and payment.state == PaymentState.FAILED
    assert "kết quả khác" in refused_log(payment).reason


def test_the_notification_after_the_return_is_a_harmless_duplicate(payment, caplog):
    params = gateway_answer(payment)
    handle(params, channel=Channel.RETURN)
    payment.refresh_from_db()
    settled_at = payment.settled_at
    with caplog.at_level(logging.WARNING, logger="motcua.payments"):
        outcome = handle(params, channel=Channel.NOTIFY)
    payment.refresh_from_db()
    assert outcome.verdict == Verdict.DUPLICATE and not outcome.refused
    assert payment.state == PaymentState.PAID and payment.settled_at == settled_at
    assert list(
        CallbackLog.objects.filter(payment=payment).values_list("channel", "verdict").order_by("pk")
    ) == [(Channel.RETURN, Verdict.ACCEPTED), (Channel.NOTIFY, Verdict.DUPLICATE)]
    assert "Refused" not in caplog.text


def test_an_unknown_reference_is_refused_and_logged_without_a_payment(db):
    params = sandbox.answer(
        {"reference": "TT-NONE", "amount": "5"},
        sandbox.Outcome.SUCCESS,
        settings.PAYMENT_SANDBOX_SECRET,
    )
    outcome = handle(params)
    assert outcome.refused
    entry = CallbackLog.objects.get()
    assert entry.payment is None and "TT-NONE" in entry.reason


def test_a_second_payment_of_a_paid_dossier_is_not_counted(shop, payment):
    handle(gateway_answer(payment))
    late = Payment.objects.create(
        agency=payment.agency,
        dossier=payment.dossier,
        amount=payment.amount,
        gateway="sandbox",
        reference="TT-LATE",
        created_at=timezone.now(),
    )
    outcome = handle(gateway_answer(late))
    late.refresh_from_db()
    assert outcome.refused and late.state == PaymentState.FAILED
    assert "hoàn trả" in late.failure_reason
    assert Payment.objects.filter(dossier=shop.dossier, state=PaymentState.PAID).count() == 1


def test_a_junk_callback_is_logged_bounded(db):
    junk = {f"k{i}": "x" * 5000 for i in range(200)}
    assert handle(junk).refused
    entry = CallbackLog.objects.get()
    assert len(entry.params) == 50 and len(entry.params["k0"]) == 1000
