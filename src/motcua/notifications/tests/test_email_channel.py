"""The e-mail channel hands the message to Django's mail backend, as it is."""

from django.core import mail
from django.core.management import CommandError, call_command
import pytest

from motcua.notifications.channels.registry import registry
from motcua.notifications.constants import Channel
from motcua.notifications.services import queue_message

pytestmark = pytest.mark.django_db


def test_the_email_lands_in_the_mail_backend(agency, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue_message(
            Channel.EMAIL,
            " Nguyen.An@KhanhHoa.gov.vn ",
            "Hồ sơ cần bổ sung",
            "Kính gửi ông Nguyễn Văn An,\nHồ sơ cần bổ sung bản sao CCCD.",
            agency=agency,
        )
    [email] = mail.outbox
    assert email.to == ["Nguyen.An@khanhhoa.gov.vn"]
    assert email.subject == "Hồ sơ cần bổ sung"
    assert email.body == "Kính gửi ông Nguyễn Văn An,\nHồ sơ cần bổ sung bản sao CCCD."
    assert email.from_email == "motcua@localhost"
    assert email.extra_headers["X-Motcua-Message"] == str(message.pk)


def test_the_sender_is_an_option_of_the_plugin(settings, django_capture_on_commit_callbacks):
    settings.NOTIFICATIONS_CHANNEL_OPTIONS = {"email": {"from_email": "motcua@khanhhoa.gov.vn"}}
    with django_capture_on_commit_callbacks(execute=True):
        queue_message(Channel.EMAIL, "congdan@example.vn", "Tiêu đề", "Nội dung")
    assert mail.outbox[0].from_email == "motcua@khanhhoa.gov.vn"


def test_the_health_check_reaches_the_mail_server(settings):
    assert registry.plugin_for(Channel.EMAIL).check().ok
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # nothing listens there
    result = registry.plugin_for(Channel.EMAIL).check()
    assert not result.ok
    assert "Không kết nối được máy chủ thư" in result.problem


def test_the_channel_check_command_reports_a_broken_channel(settings, capsys):
    call_command("check_notification_channels")
    assert capsys.readouterr().out.count(": tốt") == 3
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # nothing listens there
    with pytest.raises(CommandError, match="1 kênh thông báo không gửi được"):
        call_command("check_notification_channels")
