"""A message is sent once the caller's transaction commits, and not before."""

from django.core import mail
from django.db import transaction
from kombu.exceptions import OperationalError
import pytest

from motcua.notifications.constants import Channel, MessageStatus
from motcua.notifications.models import Message
from motcua.notifications.services import queue_message
from motcua.notifications.tasks import deliver_message


@pytest.mark.django_db(transaction=True)
def test_the_message_is_sent_when_the_action_commits(agency):
    with transaction.atomic():
        message = queue_message(
            Channel.EMAIL,
            "congdan@example.vn",
            "Đã tiếp nhận hồ sơ",
            "Hồ sơ đã được tiếp nhận.",
            agency=agency,
            topic="dossier.received",
            reference="000.00.17.H34-260302-0001",
        )
        assert mail.outbox == []
        assert message.status == MessageStatus.PENDING
    assert len(mail.outbox) == 1
    message = Message.objects.get()
    assert message.status == MessageStatus.SENT
    assert message.attempts == 1
    assert message.plugin == "email"
    assert message.sent_at is not None
    assert message.next_attempt_at is None
    assert (message.agency, message.topic, message.reference) == (
        agency,
        "dossier.received",
        "000.00.17.H34-260302-0001",
    )


@pytest.mark.django_db(transaction=True)
def test_a_broker_that_is_down_does_not_undo_the_action(monkeypatch):
    def broker_down(*args):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(deliver_message, "delay", broker_down)
    with transaction.atomic():
        queue_message(Channel.SMS, "0912345678", "", "Hồ sơ đã được tiếp nhận.")
    # Committed and still due: the periodic sweep will send it.
    message = Message.objects.get()
    assert (message.status, message.attempts) == (MessageStatus.PENDING, 0)
