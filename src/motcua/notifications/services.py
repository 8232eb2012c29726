"""The notification commands other apps call.

`queue_message` is how anything is sent: call it inside the business action's transaction. It
writes the message to the outbox and hands it to the worker only when that transaction commits;
if the action rolls back, no row remains and nothing is sent. The worker side is delivery.py.

Idempotency: a `key` names one notice for good (e.g. "assignment:42:reminder:2026-03-02:email").
Queuing again with a key already in the outbox returns the message that holds it, whatever its
status, and sends nothing more; so a reminder job may run twice, or after a restart, safely.
"""

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from .constants import Channel, MessageStatus
from .errors import NotificationError
from .models import Message
from .recipients import clean_recipient
from .tasks import deliver_message


def queue_message(
    channel: str,
    recipient,
    subject: str,
    body: str,
    *,
    agency=None,
    topic: str = "",
    reference: str = "",
    key: str | None = None,
) -> Message:
    """Put a message in the outbox, to be sent once the caller's transaction commits.

    `recipient`: an e-mail address (Channel.EMAIL), a Vietnamese mobile number (Channel.SMS) or
    a user (Channel.IN_APP). Raises InvalidRecipient or NotificationError, with a Vietnamese
    message, for a recipient, subject or body that cannot be sent.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError(
            "queue_message() must be called inside the caller's transaction.atomic()"
        )
    address, user = clean_recipient(channel, recipient)
    if not body.strip():
        raise NotificationError("Nội dung thông báo không được để trống.")
    if channel == Channel.EMAIL and not subject.strip():
        raise NotificationError("Thư điện tử phải có tiêu đề.")
    fields = {
        "agency": agency,
        "channel": channel,
        "recipient": address,
        "recipient_user": user,
        "subject": subject.strip(),
        "body": body,
        "topic": topic,
        "reference": reference,
        "next_attempt_at": timezone.now(),
    }
    if key:
        # get_or_create retries the read when a concurrent transaction inserts the same key.
        message, created = Message.objects.get_or_create(key=key, defaults=fields)
        if not created:
            return message
    else:
        message = Message.objects.create(**fields)
    _deliver_on_commit(message.pk)
    return message


@transaction.atomic
def resend_failed(messages: QuerySet[Message]) -> int:
    """Try the failed ones among `messages` again now (the admin's "gửi lại"); returns how many."""
    failed = Message.objects.select_for_update().filter(
        pk__in=list(messages.values_list("pk", flat=True)), status=MessageStatus.FAILED
    )
    planned = list(failed.values_list("pk", "attempts"))
    failed.update(next_attempt_at=timezone.now())
    for message_id, attempts in planned:
        _deliver_on_commit(message_id, attempts)
    return len(planned)


def mark_read(user, notification_ids) -> int:
    """Mark some of the user's in-app notifications read; others' notifications are ignored."""
    return user.notifications.filter(pk__in=notification_ids, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def mark_all_read(user) -> int:
    return user.notifications.filter(read_at__isnull=True).update(read_at=timezone.now())


def _deliver_on_commit(message_id: int, attempts: int = 0) -> None:
    # robust: a broker that is down must not fail the caller's committed action; the message
    # stays due in the outbox and the periodic sweep sends it.
    transaction.on_commit(lambda: deliver_message.delay(message_id, attempts), robust=True)
