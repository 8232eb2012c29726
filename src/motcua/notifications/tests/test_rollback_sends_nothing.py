"""A message queued in an action that rolls back leaves no row and is never sent."""

from django.core import mail
from django.db import transaction
import pytest

from motcua.notifications.constants import Channel
from motcua.notifications.models import LocalSms, Message, Notification
from motcua.notifications.services import queue_message


class ActionFailed(Exception):
    pass


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_action_sends_nothing(agency, officer):
    with pytest.raises(ActionFailed), transaction.atomic():
        queue_message(
            Channel.EMAIL, "congdan@example.vn", "Đã tiếp nhận hồ sơ", "Nội dung", agency=agency
        )
        queue_message(Channel.SMS, "0912345678", "", "Đã tiếp nhận hồ sơ", agency=agency)
        queue_message(Channel.IN_APP, officer.user, "Hồ sơ mới", "Có hồ sơ mới", agency=agency)
        raise ActionFailed
    assert not Message.objects.exists()
    assert mail.outbox == []
    assert not LocalSms.objects.exists()
    assert not Notification.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_savepoint_drops_only_its_own_message(agency):
    with transaction.atomic():
        queue_message(Channel.SMS, "0912345678", "", "Giữ lại", agency=agency)
        with pytest.raises(ActionFailed), transaction.atomic():
            queue_message(Channel.SMS, "0987654321", "", "Bỏ đi", agency=agency)
            raise ActionFailed
    assert list(LocalSms.objects.values_list("text", flat=True)) == ["Giữ lại"]


@pytest.mark.django_db(transaction=True)
def test_queuing_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError, match="inside the caller's transaction"):
        queue_message(Channel.SMS, "0912345678", "", "Nội dung")
    assert not Message.objects.exists()
