from django.conf import settings
from django.db import models
from django.utils import timezone

from motcua.org.models import Agency

from .constants import Channel, MessageStatus


class Message(models.Model):
    """One message in the outbox. Written in the caller's transaction, sent after it commits.

    The row is never deleted by sending: it is the record of what was said to whom, and a send
    that fails stays here until a retry delivers it.
    """

    agency = models.ForeignKey(
        Agency,
        verbose_name="cơ quan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="messages",
    )
    channel = models.CharField("kênh", max_length=16, choices=Channel.choices)
    plugin = models.CharField(
        "phần mềm gửi",
        max_length=64,
        blank=True,
        help_text="Mã của plugin đã thực hiện lần gửi gần nhất.",
    )
    recipient = models.CharField(
        "người nhận",
        max_length=254,
        help_text="Địa chỉ thư điện tử, số điện thoại di động hoặc tên đăng nhập.",
    )
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản nhận",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.CharField("tiêu đề", max_length=255, blank=True)
    body = models.TextField("nội dung")
    topic = models.CharField(
        "loại thông báo",
        max_length=64,
        blank=True,
        db_index=True,
        help_text="Ví dụ: dossier.received, assignment.reminder.",
    )
    reference = models.CharField(
        "đối tượng liên quan",
        max_length=64,
        blank=True,
        db_index=True,
        help_text="Ví dụ: mã hồ sơ, để liệt kê các thông báo của một hồ sơ.",
    )
    key = models.CharField(
        "khóa chống gửi trùng",
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        help_text="Xếp hàng hai lần với cùng một khóa chỉ tạo và gửi một thông báo.",
    )
    status = models.CharField(
        "trạng thái", max_length=16, choices=MessageStatus.choices, default=MessageStatus.PENDING
    )
    attempts = models.PositiveIntegerField("số lần đã gửi", default=0)
    last_error = models.TextField("lỗi gần nhất", blank=True)
    created_at = models.DateTimeField("thời điểm tạo", default=timezone.now, editable=False)
    next_attempt_at = models.DateTimeField("lần gửi tiếp theo", null=True, blank=True)
    sent_at = models.DateTimeField("thời điểm gửi", null=True, blank=True)

    class Meta:
        verbose_name = "thông báo đi"
        verbose_name_plural = "hộp thư đi"
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The sweep's query: unsent messages whose time has come.
            models.Index(fields=["status", "next_attempt_at"], name="notif_message_due"),
        ]
        permissions = [("resend_message", "Có thể gửi lại thông báo")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.recipient}: {self.subject or self.body[:40]}"


class Notification(models.Model):
    """A message delivered in the app to a staff member's own list (read or unread)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    message = models.OneToOneField(
        Message, verbose_name="thông báo", on_delete=models.CASCADE, related_name="notification"
    )
    created_at = models.DateTimeField("thời điểm nhận", default=timezone.now, editable=False)
    read_at = models.DateTimeField("thời điểm đọc", null=True, blank=True)

    class Meta:
        verbose_name = "thông báo trong phần mềm"
        verbose_name_plural = "thông báo trong phần mềm"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"], name="notif_notification_unread")]

    def __str__(self) -> str:
        return str(self.message)


class LocalSms(models.Model):
    """An SMS written by the local SMS channel instead of a gateway: what would have been sent."""

    message = models.OneToOneField(
        Message, verbose_name="thông báo", on_delete=models.CASCADE, related_name="local_sms"
    )
    phone = models.CharField("số điện thoại", max_length=16, db_index=True)
    text = models.TextField("nội dung tin nhắn")
    created_at = models.DateTimeField("thời điểm gửi", default=timezone.now, editable=False)

    class Meta:
        verbose_name = "tin nhắn SMS (hộp thư nội bộ)"
        verbose_name_plural = "tin nhắn SMS (hộp thư nội bộ)"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.phone}: {self.text[:40]}"
