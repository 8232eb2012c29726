"""In-app notifications: a staff member's own list, unread until marked read."""

from motcua.notifications.constants import Channel, MessageStatus
from motcua.notifications.delivery import send_message
from motcua.notifications.models import Notification
from motcua.notifications.selectors import notifications_for, unread_for
from motcua.notifications.services import mark_all_read, mark_read, queue_message
from motcua.notifications.tests.factories import make_pending_message
from motcua.org.tests.factories import make_staff


def notify(user, subject, capture):
    with capture(execute=True):
        return queue_message(Channel.IN_APP, user, subject, f"{subject}: chi tiết")


def test_a_staff_member_sees_only_their_unread_notifications(
    officer, agency, counter_unit, django_capture_on_commit_callbacks
):
    colleague = make_staff("dongnghiep", agency, counter_unit)
    first = notify(officer.user, "Nhắc việc: báo cáo tháng", django_capture_on_commit_callbacks)
    second = notify(officer.user, "Hồ sơ sắp đến hạn", django_capture_on_commit_callbacks)
    notify(colleague.user, "Việc của người khác", django_capture_on_commit_callbacks)

    assert first.recipient == "canbo"
    assert [n.message for n in unread_for(officer.user)] == [second, first]
    assert unread_for(officer.user).first().message.subject == "Hồ sơ sắp đến hạn"


def test_marking_read(officer, agency, counter_unit, django_capture_on_commit_callbacks):
    colleague = make_staff("dongnghiep", agency, counter_unit)
    notify(officer.user, "Một", django_capture_on_commit_callbacks)
    notify(officer.user, "Hai", django_capture_on_commit_callbacks)
    notify(colleague.user, "Của đồng nghiệp", django_capture_on_commit_callbacks)
    mine = list(unread_for(officer.user))
    theirs = unread_for(colleague.user).get()

    # Someone else's notification is ignored, not marked.
    assert mark_read(officer.user, [mine[0].pk, theirs.pk]) == 1
    assert list(unread_for(officer.user)) == [mine[1]]
    assert unread_for(colleague.user).count() == 1
    assert mark_read(officer.user, [mine[0].pk]) == 0  # already read

    assert mark_all_read(officer.user) == 1
    assert not unread_for(officer.user).exists()
    assert notifications_for(officer.user).count() == 2
    assert all(n.read_at for n in notifications_for(officer.user))


def test_a_deleted_account_is_recorded_as_a_failure(officer):
    message = make_pending_message(
        channel=Channel.IN_APP, recipient="dabixoa", recipient_user=None, body="Nội dung"
    )
    message = send_message(message.pk)
    assert message.status == MessageStatus.PENDING
    assert "“dabixoa” không còn tồn tại" in message.last_error
    assert not Notification.objects.exists()
