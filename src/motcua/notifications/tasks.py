from celery import shared_task
from django.utils import timezone

from .constants import MessageStatus
from .delivery import send_due_messages, send_message


@shared_task(bind=True, max_retries=None, ignore_result=True)
def deliver_message(self, message_id: int, attempts: int = 0) -> None:
    """Send one message (queued on commit by services.queue_message).

    `attempts` is the count the message had when this run was planned: if another run or the
    sweep has attempted it since, this one stands down. The message row, not Celery, counts the
    attempts and decides when to give up (max_retries=None)."""
    message = send_message(message_id, attempts=attempts)
    if message is None or message.status != MessageStatus.PENDING:
        return
    if self.request.is_eager:
        # Inline mode (no broker): do not hold up the caller's request with retries; the
        # periodic `send_pending_messages` picks the message up at its next time.
        return
    countdown = max(0.0, (message.next_attempt_at - timezone.now()).total_seconds())
    raise self.retry(args=(message_id, message.attempts), countdown=countdown)


@shared_task(ignore_result=True)
def send_pending_messages(limit: int = 500) -> None:
    """The periodic sweep (Celery beat): messages whose task was lost, and failed ones."""
    send_due_messages(limit)
