"""Payments left pending become abandoned; the gateway's late word still counts."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
import pytest

from motcua.payments import services, tasks
from motcua.payments.constants import PaymentState, Verdict
from motcua.payments.models import CallbackLog

pytestmark = pytest.mark.django_db


def test_pending_payments_older_than_the_limit_are_abandoned(shop, settings):
    settings.PAYMENT_ABANDON_MINUTES = 30
    now = timezone.now()
    old = services.start_payment(shop.dossier, at=now - timedelta(minutes=31)).payment
    fresh = services.start_payment(shop.dossier, at=now - timedelta(minutes=29)).payment
    assert tasks.mark_abandoned_payments.delay().get() == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert old.state == PaymentState.ABANDONED and "30 phút" in old.failure_reason
    assert fresh.state == PaymentState.PENDING
    assert services.mark_abandoned() == 0  # safe to run twice


def test_the_cron_command_runs_the_job(shop):
    payment = services.start_payment(shop.dossier, at=timezone.now() - timedelta(hours=2)).payment
    call_command("run_payment_jobs")
    payment.refresh_from_db()
    assert payment.state == PaymentState.ABANDONED


def test_a_late_success_for_an_abandoned_payment_still_settles_it(shop):
    from .conftest import gateway_answer

    payment = services.start_payment(shop.dossier, at=timezone.now() - timedelta(hours=2)).payment
    services.mark_abandoned()
    outcome = services.handle_callback("sandbox", gateway_answer(payment), "127.0.0.1")
    payment.refresh_from_db()
    assert outcome.verdict == Verdict.ACCEPTED
    assert payment.state == PaymentState.PAID and payment.failure_reason == ""
    assert "bỏ dở" in CallbackLog.objects.get(payment=payment).reason


def test_the_beat_schedule_runs_the_job():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["payments.mark_abandoned_payments"]
    assert entry["task"] == "motcua.payments.tasks.mark_abandoned_payments"
