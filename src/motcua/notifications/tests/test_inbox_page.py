from django.db import transaction

from motcua.notifications.constants import Channel
from motcua.notifications.services import queue_message
from motcua.org.constants import Role
from motcua.org.tests.factories import make_staff


def test_staff_read_their_notifications_and_mark_them_read(
    client, agency, counter_unit, django_capture_on_commit_callbacks
):
    officer = make_staff("motcua", agency, counter_unit, Role.COUNTER_OFFICER)
    other = make_staff("khac", agency, counter_unit, Role.COUNTER_OFFICER)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        queue_message(Channel.IN_APP, officer.user, "Sắp đến hạn: HS-1", "Hồ sơ HS-1 hẹn trả…")
        queue_message(Channel.IN_APP, other.user, "Của người khác", "Không phải của bạn")
    client.force_login(officer.user)
    html = client.get("/thong-bao/").content.decode()
    assert "Sắp đến hạn: HS-1" in html and "Của người khác" not in html
    assert '1<span class="visually-hidden"> chưa đọc</span>' in html
    client.post("/thong-bao/da-doc/")
    assert "chưa đọc</span></span>" not in client.get("/thong-bao/").content.decode()
