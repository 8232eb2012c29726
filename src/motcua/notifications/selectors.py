from django.db.models import QuerySet

from .models import Notification


def notifications_for(user) -> QuerySet[Notification]:
    """A staff member's in-app notifications, newest first, read and unread."""
    return Notification.objects.filter(user=user).select_related("message")


def unread_for(user) -> QuerySet[Notification]:
    return notifications_for(user).filter(read_at__isnull=True)
