"""A failed send keeps the message with its error; later attempts deliver it once it works."""

from datetime import timedelta
from smtplib import SMTPServerDisconnected

from celery.exceptions import Retry
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
import pytest
import time_machine

from motcua.notifications.constants import Channel, MessageStatus
from motcua.notifications.delivery import retry_delay
from motcua.notifications.models import Message
from motcua.notifications.services import queue_message
from motcua.notifications.tasks import deliver_message
from motcua.notifications.tests.factories import make_pending_message

pytestmark = pytest.mark.django_db

START = "2026-03-02 08:00 +07:00"


class DownMailServer(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise SMTPServerDisconnected("Máy chủ thư ngắt kết nối")


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = f"{__name__}.DownMailServer"


def queue_email(capture):
    with capture(execute=True):
        return queue_message(Channel.EMAIL, "congdan@example.vn", "Kết quả", "Hồ sơ đã có kết quả.")


def sweep(capsys):
    call_command("send_pending_messages")
    return capsys.readouterr().out


@time_machine.travel(START, tick=False)
def test_a_failed_send_keeps_the_message_and_the_sweep_delivers_it_later(
    mail_server_down, settings, capsys, django_capture_on_commit_callbacks
):
    queue_email(django_capture_on_commit_callbacks)
    message = Message.objects.get()
    assert message.status == MessageStatus.PENDING
    assert message.attempts == 1
    assert message.last_error == "SMTPServerDisconnected: Máy chủ thư ngắt kết nối"
    assert message.next_attempt_at == message.created_at + timedelta(seconds=60)

    # Not due yet: the sweep leaves it alone.
    assert sweep(capsys).startswith("Đã gửi: 0;")
    assert Message.objects.get().attempts == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(message.next_attempt_at, tick=False):
        assert sweep(capsys).startswith("Đã gửi: 1;")
        assert sweep(capsys).startswith("Đã gửi: 0;")
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.SENT, 2)
    assert len(mail.outbox) == 1


@time_machine.travel(START, tick=False)
def test_after_the_last_retry_the_message_is_failed_and_still_retried(
    mail_server_down, settings, capsys, django_capture_on_commit_callbacks
):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 3
    queue_email(django_capture_on_commit_callbacks)
    with time_machine.travel("2026-03-02 09:00 +07:00", tick=False):
        sweep(capsys)
    with time_machine.travel("2026-03-02 10:00 +07:00", tick=False):
        assert "gửi lỗi: 1." in sweep(capsys)
    message = Message.objects.get()
    assert (message.status, message.attempts) == (MessageStatus.FAILED, 3)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel("2026-03-02 11:00 +07:00", tick=False):
        sweep(capsys)
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.SENT, 4)
    assert len(mail.outbox) == 1


def test_the_wait_doubles_up_to_the_longest(settings):
    settings.NOTIFICATIONS_RETRY_DELAY, settings.NOTIFICATIONS_RETRY_DELAY_MAX = 60, 3600
    waits = [retry_delay(n).total_seconds() for n in (1, 2, 3, 6, 7, 500)]
    assert waits == [60, 120, 240, 1920, 3600, 3600]


def test_inline_mode_does_not_retry_in_the_callers_request(
    sms_gateway, django_capture_on_commit_callbacks
):
    sms_gateway.down = True
    with django_capture_on_commit_callbacks(execute=True):
        queue_message(Channel.SMS, "0912345678", "", "Nội dung")
    assert Message.objects.get().attempts == 1


@time_machine.travel(START, tick=False)
def test_a_worker_retries_at_the_messages_next_time(sms_gateway, monkeypatch):
    sms_gateway.down = True
    message = make_pending_message()
    planned = {}

    def retry(**options):
        planned.update(options)
        return Retry()

    monkeypatch.setattr(deliver_message, "retry", retry)
    with pytest.raises(Retry):
        deliver_message(message.pk)  # run as a worker runs it: not eager
    assert planned == {"args": (message.pk, 1), "countdown": 60.0}
