from django.utils import timezone

from motcua.notifications.constants import Channel
from motcua.notifications.models import Message


def make_pending_message(**fields) -> Message:
    """An outbox row as queue_message leaves it, written without handing it to a worker."""
    defaults = {
        "channel": Channel.SMS,
        "recipient": "0912345678",
        "body": "Hồ sơ của ông/bà đã có kết quả.",
        "next_attempt_at": timezone.now(),
    }
    return Message.objects.create(**{**defaults, **fields})
