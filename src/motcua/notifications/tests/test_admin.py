"""The outbox and the local SMS outbox in the admin: read-only, scoped to the agency, resend."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
import pytest

from motcua.notifications.constants import Channel, MessageStatus
from motcua.notifications.delivery import send_message
from motcua.notifications.models import LocalSms, Message
from motcua.notifications.tests.factories import make_pending_message
from motcua.org.constants import Role
from motcua.org.tests.factories import make_staff

MESSAGES_URL = "/quan-tri/notifications/message/"
SMS_URL = "/quan-tri/notifications/localsms/"


@pytest.fixture
def admin_client_of_agency(client, administrator):
    # The role's permissions come from motcua.org.roles.ROLE_ADMIN_APPS; given here directly.
    administrator.user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="notifications",
            codename__in=["view_message", "view_localsms", "resend_message"],
        )
    )
    client.force_login(administrator.user)
    return client


@pytest.fixture
def outbox(agency, other_agency):
    return {
        "ours": make_pending_message(
            agency=agency,
            recipient="0912345678",
            reference="HS-OURS",
            status=MessageStatus.FAILED,
            attempts=5,
            last_error="ConnectionError: Cổng SMS không trả lời",
        ),
        "theirs": make_pending_message(
            agency=other_agency, recipient="0987654321", reference="HS-THEIRS"
        ),
        "nobodys": make_pending_message(recipient="0977777777", reference="HS-NOBODY"),
    }


def test_an_administrator_sees_only_their_agency_messages(admin_client_of_agency, outbox):
    html = admin_client_of_agency.get(MESSAGES_URL).content.decode()
    assert "HS-OURS" in html
    assert "HS-THEIRS" not in html
    assert "HS-NOBODY" not in html
    assert (
        admin_client_of_agency.get(f"{MESSAGES_URL}{outbox['theirs'].pk}/change/").status_code
        == 302
    )  # not found → index


def test_the_superuser_sees_every_message(client, outbox):
    client.force_login(get_user_model().objects.create_superuser("vanhanh", password="x"))
    html = client.get(MESSAGES_URL).content.decode()
    assert all(ref in html for ref in ("HS-OURS", "HS-THEIRS", "HS-NOBODY"))


def test_search_and_filters(admin_client_of_agency, agency, outbox):
    make_pending_message(
        agency=agency,
        channel=Channel.EMAIL,
        recipient="an@example.vn",
        subject="Tiêu đề",
        reference="HS-EMAIL",
        topic="dossier.received",
    )
    assert (
        "HS-EMAIL"
        not in admin_client_of_agency.get(MESSAGES_URL, {"q": "0912345678"}).content.decode()
    )
    html = admin_client_of_agency.get(MESSAGES_URL, {"q": "HS-EMAIL"}).content.decode()
    assert "HS-EMAIL" in html and "HS-OURS" not in html
    html = admin_client_of_agency.get(MESSAGES_URL, {"status__exact": "failed"}).content.decode()
    assert "HS-OURS" in html and "HS-EMAIL" not in html
    html = admin_client_of_agency.get(
        MESSAGES_URL, {"channel__exact": "email", "topic__exact": "dossier.received"}
    ).content.decode()
    assert "HS-EMAIL" in html and "HS-OURS" not in html


def test_a_message_is_read_only(admin_client_of_agency, outbox):
    url = f"{MESSAGES_URL}{outbox['ours'].pk}/change/"
    html = admin_client_of_agency.get(url).content.decode()
    assert "Cổng SMS không trả lời" in html
    assert 'name="_save"' not in html
    admin_client_of_agency.post(url, {"body": "Sửa đổi"})
    assert Message.objects.get(pk=outbox["ours"].pk).body != "Sửa đổi"
    assert admin_client_of_agency.get(f"{MESSAGES_URL}add/").status_code == 403


def test_resend_sends_the_failed_ones_again(
    admin_client_of_agency, agency, outbox, django_capture_on_commit_callbacks
):
    sent = make_pending_message(
        agency=agency,
        channel=Channel.EMAIL,
        recipient="an@example.vn",
        subject="Đã gửi",
        status=MessageStatus.SENT,
        attempts=1,
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client_of_agency.post(
            MESSAGES_URL,
            {
                "action": "resend",
                "_selected_action": [outbox["ours"].pk, sent.pk],
            },
            follow=True,
        )
    assert "Đã chuyển 1 thông báo gửi lỗi đi gửi lại." in response.content.decode()
    ours = Message.objects.get(pk=outbox["ours"].pk)
    assert (ours.status, ours.attempts) == (MessageStatus.SENT, 6)
    assert LocalSms.objects.get().message == ours
    assert mail.outbox == []  # the message already sent was not sent again


def test_resend_needs_its_permission(client, agency, counter_unit, outbox):
    # A staff member of the agency who may only read the outbox (not an administrator).
    reader = make_staff("doc.hop.thu", agency, counter_unit, Role.OFFICE, is_staff=True)
    reader.user.user_permissions.add(Permission.objects.get(codename="view_message"))
    client.force_login(reader.user)
    html = client.get(MESSAGES_URL).content.decode()
    assert "HS-OURS" in html
    assert 'value="resend"' not in html


def test_the_local_sms_outbox_is_scoped_to_the_agency(admin_client_of_agency, outbox):
    for message in outbox.values():
        send_message(message.pk)
    html = admin_client_of_agency.get(SMS_URL).content.decode()
    assert "0912345678" in html
    assert "0987654321" not in html and "0977777777" not in html
    assert admin_client_of_agency.get(f"{SMS_URL}add/").status_code == 403
