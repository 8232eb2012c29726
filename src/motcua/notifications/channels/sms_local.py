"""SMS kept in a local table (LocalSms) that the administrator reads in the admin: the demo and
the agencies without an SMS contract use it; a gateway plugin implements the same interface."""

from django.db import DatabaseError

from ..constants import Channel
from ..models import LocalSms
from .base import BaseChannel, CheckResult
from .registry import register


@register
class LocalSmsChannel(BaseChannel):
    id = "sms_local"
    label = "SMS lưu trong hộp thư nội bộ, không qua nhà mạng"
    channel = Channel.SMS
    simulator = True

    def send(self, message) -> None:
        LocalSms.objects.create(message=message, phone=message.recipient, text=message.body)

    def check(self) -> CheckResult:
        try:
            LocalSms.objects.exists()
        except DatabaseError as exc:
            return CheckResult(False, f"Không đọc được bảng tin nhắn SMS nội bộ: {exc}")
        return CheckResult(True)
