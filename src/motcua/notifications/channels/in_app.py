"""Notifications shown in the app to a staff member: one Notification row per message."""

from django.db import DatabaseError

from ..constants import Channel
from ..errors import InvalidRecipient
from ..models import Notification
from .base import BaseChannel, CheckResult
from .registry import register


@register
class InAppChannel(BaseChannel):
    id = "in_app"
    label = "Thông báo trong phần mềm"
    channel = Channel.IN_APP

    def send(self, message) -> None:
        if message.recipient_user_id is None:  # the account was deleted after queuing
            raise InvalidRecipient(f"Tài khoản “{message.recipient}” không còn tồn tại.")
        Notification.objects.create(user_id=message.recipient_user_id, message=message)

    def check(self) -> CheckResult:
        try:
            Notification.objects.exists()
        except DatabaseError as exc:
            return CheckResult(False, f"Không đọc được bảng thông báo trong phần mềm: {exc}")
        return CheckResult(True)
