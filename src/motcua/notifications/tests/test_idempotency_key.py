"""Queuing twice with the same key gives one message and one send: reminders never repeat."""

from django.core import mail
from django.db import transaction
import pytest

from motcua.notifications.constants import Channel
from motcua.notifications.models import Message
from motcua.notifications.services import queue_message

pytestmark = pytest.mark.django_db

KEY = "assignment:42:reminder:2026-03-02:email"


def remind(key=KEY, subject="Nhắc việc: báo cáo tháng 3"):
    return queue_message(
        Channel.EMAIL,
        "truongphong@khanhhoa.gov.vn",
        subject,
        "Hạn nộp 05/3.",
        topic="assignment.reminder",
        reference="NV-42",
        key=key,
    )


def test_the_same_key_twice_in_one_action(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = remind()
        second = remind(subject="Nội dung khác, cùng khóa")
    assert first == second
    assert Message.objects.count() == 1
    assert [m.subject for m in mail.outbox] == ["Nhắc việc: báo cáo tháng 3"]


@pytest.mark.django_db(transaction=True)
def test_the_same_key_after_a_restart_of_the_job():
    with transaction.atomic():
        first = remind()
    with transaction.atomic():  # the job runs again, e.g. after a restart
        again = remind()
    assert again == first
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_key_whose_action_rolled_back_is_free_again():
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        remind()
        raise ZeroDivisionError  # the action fails after queuing
    with transaction.atomic():
        remind()
    assert len(mail.outbox) == 1


def test_other_keys_and_no_key_are_separate_messages(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        remind()
        remind(key="assignment:42:reminder:2026-03-04:email")
        remind(key=None)
        remind(key="")
    assert Message.objects.count() == 4
    assert len(mail.outbox) == 4
