"""Fictional addresses (the demo's) are never sent through a channel that reaches people: the
outbox withholds them and says so; the same message to a real address goes out."""

from django.core.mail.backends.base import BaseEmailBackend
import pytest

from motcua.notifications.constants import Channel, MessageStatus
from motcua.notifications.models import Message
from motcua.notifications.reach import delivering_channels, fictional_phone, is_fictional
from motcua.notifications.services import queue_message

pytestmark = pytest.mark.django_db
delivered = []


class RealMailServer(BaseEmailBackend):
    """Stands for SMTP: a backend outside the list of those that deliver nothing."""

    def send_messages(self, email_messages):
        delivered.extend(to for message in email_messages for to in message.to)
        return len(email_messages)


@pytest.fixture
def real_mail(settings):
    settings.EMAIL_BACKEND = f"{__name__}.RealMailServer"
    delivered.clear()


def _queue(capture, address):
    with capture(execute=True):
        queue_message(Channel.EMAIL, address, "Đã tiếp nhận hồ sơ", "Hồ sơ đã được tiếp nhận.")
    return Message.objects.get(recipient=address)


def test_a_demo_address_is_withheld_on_a_delivering_channel_and_a_real_one_is_sent(
    real_mail, django_capture_on_commit_callbacks
):
    assert delivering_channels() == [Channel.EMAIL]
    demo = _queue(django_capture_on_commit_callbacks, "nguoinop12@example.com")
    real = _queue(django_capture_on_commit_callbacks, "congdan@khanhhoa.gov.vn")
    assert delivered == ["congdan@khanhhoa.gov.vn"]
    assert (demo.status, demo.sent_at, demo.next_attempt_at) == (MessageStatus.WITHHELD, None, None)
    assert "dữ liệu mẫu" in demo.last_error
    assert real.status == MessageStatus.SENT


def test_the_file_mail_of_development_writes_demo_messages_as_usual(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path
    assert delivering_channels() == []
    assert _queue(django_capture_on_commit_callbacks, "a@example.com").status == MessageStatus.SENT
    assert list(tmp_path.iterdir())


@pytest.mark.parametrize(
    ("channel", "address", "fictional"),
    [
        (Channel.EMAIL, "a@example.com", True),
        (Channel.EMAIL, "a@mail.example.org", True),
        (Channel.EMAIL, "a@may.invalid", True),
        (Channel.EMAIL, "a@x.test", True),
        (Channel.EMAIL, "a@example.vn", False),
        (Channel.EMAIL, "a@notexample.com", False),
        (Channel.SMS, fictional_phone(123), True),
        (Channel.SMS, "0912345678", False),
        (Channel.SMS, "0321234567", False),
    ],
)
def test_which_addresses_are_fiction(channel, address, fictional):
    assert is_fictional(channel, address) is fictional
