"""Recipients are checked when queued, with a Vietnamese message a user can act on."""

from hypothesis import given, strategies as st
import pytest

from motcua.notifications.constants import Channel
from motcua.notifications.errors import InvalidRecipient, NotificationError
from motcua.notifications.models import Message
from motcua.notifications.recipients import normalize_email, normalize_phone
from motcua.notifications.services import queue_message


@pytest.mark.parametrize(
    "written",
    [
        "0912345678",
        "+84912345678",
        "84912345678",
        "0912 345 678",
        "091.234.5678",
        "091-234-5678",
        "+84 91 234 56 78",
        "(+84) 912345678",
    ],
)
def test_vietnamese_mobile_numbers_are_accepted_in_their_usual_forms(written):
    assert normalize_phone(written) == "0912345678"


@pytest.mark.parametrize(
    "written",
    [
        "",
        "abc",
        "091234567",
        "09123456789",
        "0212345678",
        "02583822123",
        "0112345678",
        "+1 202 555 0100",
        "+840912345678",
        "0912345678x",
    ],
)
def test_other_numbers_are_refused(written):
    with pytest.raises(InvalidRecipient, match="Số điện thoại di động không hợp lệ"):
        normalize_phone(written)


@given(
    prefix=st.sampled_from("35789"),
    rest=st.text("0123456789", min_size=8, max_size=8),
    form=st.sampled_from(["0", "+84", "84", "+84 "]),
)
def test_every_written_form_of_a_mobile_number_gives_the_same_number(prefix, rest, form):
    assert normalize_phone(f"{form}{prefix}{rest}") == f"0{prefix}{rest}"


def test_email_addresses():
    assert normalize_email(" Nguyen.An@KhanhHoa.GOV.vn ") == "Nguyen.An@khanhhoa.gov.vn"
    for written in ["", "nguyenvanan", "an@", "@khanhhoa.gov.vn", "nguyen van an@khanhhoa.gov.vn"]:
        with pytest.raises(InvalidRecipient, match="Địa chỉ thư điện tử không hợp lệ"):
            normalize_email(written)


def test_in_app_messages_go_to_a_user(db):
    with pytest.raises(InvalidRecipient, match="phải gửi tới một tài khoản người dùng"):
        queue_message(Channel.IN_APP, "canbo", "Tiêu đề", "Nội dung")


@pytest.mark.parametrize(
    "channel, recipient, subject, body, refusal",
    [
        (Channel.SMS, "0912 34", "", "Nội dung", "Số điện thoại di động không hợp lệ"),
        (Channel.EMAIL, "congdan@", "Tiêu đề", "Nội dung", "Địa chỉ thư điện tử không hợp lệ"),
        (Channel.EMAIL, "congdan@example.vn", " ", "Nội dung", "Thư điện tử phải có tiêu đề"),
        (Channel.SMS, "0912345678", "", "  ", "Nội dung thông báo không được để trống"),
        ("fax", "0912345678", "", "Nội dung", "Kênh thông báo không tồn tại"),
    ],
)
def test_a_refused_message_is_not_queued(db, channel, recipient, subject, body, refusal):
    with pytest.raises(NotificationError, match=refusal) as refused:
        queue_message(channel, recipient, subject, body)
    assert refusal in refused.value.message
    assert not Message.objects.exists()
