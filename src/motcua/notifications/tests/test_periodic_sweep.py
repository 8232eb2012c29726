"""The periodic sweep: Celery beat runs it, and so does `motcua send_pending_messages`."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
import pytest

from motcua.celery import app
from motcua.notifications.constants import MessageStatus
from motcua.notifications.models import Message
from motcua.notifications.tasks import send_pending_messages
from motcua.notifications.tests.factories import make_pending_message

pytestmark = pytest.mark.django_db


def test_beat_runs_the_sweep():
    [entry] = [
        e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == send_pending_messages.name
    ]
    assert entry["schedule"] == settings.NOTIFICATIONS_SWEEP_INTERVAL
    assert send_pending_messages.name in app.tasks


def test_the_sweep_sends_due_messages_whose_task_was_lost(sms_gateway):
    lost = make_pending_message(next_attempt_at=timezone.now() - timedelta(minutes=10))
    later = make_pending_message(next_attempt_at=timezone.now() + timedelta(minutes=10))
    sent = make_pending_message(status=MessageStatus.SENT, attempts=1)
    send_pending_messages.delay()
    assert sms_gateway.sent == [lost.pk]
    assert Message.objects.get(pk=later.pk).attempts == 0
    assert Message.objects.get(pk=sent.pk).attempts == 1


def test_the_sweep_takes_a_limited_batch_oldest_first(sms_gateway):
    now = timezone.now()
    messages = [make_pending_message(next_attempt_at=now - timedelta(minutes=m)) for m in (1, 3, 2)]
    send_pending_messages.delay(limit=2)
    assert sms_gateway.sent == [messages[1].pk, messages[2].pk]
