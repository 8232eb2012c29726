"""The local SMS channel keeps each SMS in a table instead of calling a gateway."""

from motcua.notifications.channels.registry import registry
from motcua.notifications.constants import Channel, MessageStatus
from motcua.notifications.models import LocalSms
from motcua.notifications.services import queue_message


def test_the_sms_lands_in_the_local_outbox(agency, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue_message(
            Channel.SMS,
            "+84 912 345 678",
            "",
            "Ho so 000.00.17.H34-260302-0001 da co ket qua.",
            agency=agency,
            topic="dossier.result_ready",
        )
    sms = LocalSms.objects.get()
    assert sms.phone == "0912345678"
    assert sms.text == "Ho so 000.00.17.H34-260302-0001 da co ket qua."
    assert sms.message == message
    message.refresh_from_db()
    assert (message.status, message.plugin) == (MessageStatus.SENT, "sms_local")
    assert sms.created_at <= message.sent_at


def test_the_local_sms_channel_is_healthy(db):
    assert registry.plugin_for(Channel.SMS).check().ok
