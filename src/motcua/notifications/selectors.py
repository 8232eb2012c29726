from django.db.models import QuerySet

from .models import Message, Notification


def notifications_for(user) -> QuerySet[Notification]:
    """A staff member's in-app notifications, newest first, read and unread."""
    return Notification.objects.filter(user=user).select_related("message")


def unread_for(user) -> QuerySet[Notification]:
    return notifications_for(user).filter(read_at__isnull=True)


def messages_about(reference: str) -> QuerySet[Message]:
    """The messages sent about one thing (a dossier code…), newest first. Pages for staff scope
    it with motcua.org.scoping.scope_to_agency."""
    return Message.objects.filter(reference=reference)
