"""Sending queued messages: the worker side of the outbox (called by tasks.py and the command).

Every attempt is one transaction: lock the message row, send it through the plugin the settings
choose for its channel, record the outcome. The lock is taken with SKIP LOCKED on PostgreSQL, so a
second worker reaching the same message passes it by; on SQLite the IMMEDIATE transactions run one
after another and the second one finds the message sent. Either way a message is sent once.

After a failed attempt the message keeps the error, counts the attempt and gets its next time
(the delay doubles from NOTIFICATIONS_RETRY_DELAY up to NOTIFICATIONS_RETRY_DELAY_MAX). After
NOTIFICATIONS_MAX_ATTEMPTS it is marked failed, and the periodic sweep still retries it: a message
is never dropped.
"""

from collections import Counter
from datetime import timedelta
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .channels.registry import registry
from .constants import MessageStatus
from .models import Message
from .reach import is_fictional, reaches_people

logger = logging.getLogger(__name__)

UNSENT = [MessageStatus.PENDING, MessageStatus.FAILED]


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failed attempt."""
    first, longest = settings.NOTIFICATIONS_RETRY_DELAY, settings.NOTIFICATIONS_RETRY_DELAY_MAX
    return timedelta(seconds=min(first * 2 ** min(attempts - 1, 32), longest))


def send_message(
    message_id: int, *, attempts: int | None = None, only_due: bool = False
) -> Message | None:
    """Try to send one message now. Returns the message after the attempt, or None when there
    was nothing to do: already sent, locked by another worker, not due yet (`only_due`), or
    attempted by someone else since the caller planned this attempt (`attempts` differs)."""
    with transaction.atomic():
        unsent = Message.objects.filter(pk=message_id, status__in=UNSENT)
        if attempts is not None:
            unsent = unsent.filter(attempts=attempts)
        if only_due:
            unsent = unsent.filter(next_attempt_at__lte=timezone.now())
        message = unsent.select_for_update(skip_locked=True).first()
        if message is None:
            return None
        message.attempts += 1
        try:
            # A savepoint: a plugin's half-done writes are undone, the record of the failure stays.
            with transaction.atomic():
                plugin = registry.plugin_for(message.channel)
                message.plugin = plugin.id
                withheld = reaches_people(plugin) and is_fictional(
                    message.channel, message.recipient
                )
                if not withheld:
                    plugin.send(message)
        except Exception as exc:  # whatever a plugin raises, the message must survive it
            _record_failure(message, exc)
        else:
            if withheld:
                _record_withheld(message)
            else:
                _record_sent(message)
        message.save(
            update_fields=[
                "status",
                "attempts",
                "plugin",
                "last_error",
                "sent_at",
                "next_attempt_at",
            ]
        )
    return message


def _record_sent(message: Message) -> None:
    message.status = MessageStatus.SENT
    message.sent_at = timezone.now()
    message.next_attempt_at = None
    logger.info(
        "notification_sent id=%s channel=%s plugin=%s attempts=%s",
        message.pk,
        message.channel,
        message.plugin,
        message.attempts,
    )


def _record_withheld(message: Message) -> None:
    message.status = MessageStatus.WITHHELD
    message.next_attempt_at = None
    message.last_error = "Địa chỉ dành cho dữ liệu mẫu: không gửi ra ngoài."
    logger.info(
        "notification_withheld id=%s channel=%s plugin=%s",
        message.pk,
        message.channel,
        message.plugin,
    )


def _record_failure(message: Message, exc: Exception) -> None:
    message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    message.next_attempt_at = timezone.now() + retry_delay(message.attempts)
    gave_up = message.attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS
    message.status = MessageStatus.FAILED if gave_up else MessageStatus.PENDING
    logger.warning(
        "notification_send_failed id=%s channel=%s attempts=%s error=%s",
        message.pk,
        message.channel,
        message.attempts,
        message.last_error,
    )


def send_due_messages(limit: int = 500) -> Counter:
    """Send the unsent messages whose time has come, oldest first, one transaction each.

    Returns how many ended in each status (sent, pending: will be retried, failed)."""
    due = (
        Message.objects.filter(status__in=UNSENT, next_attempt_at__lte=timezone.now())
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    outcome = Counter()
    for message_id in list(due):
        message = send_message(message_id, only_due=True)
        if message is not None:
            outcome[message.status] += 1
    return outcome
