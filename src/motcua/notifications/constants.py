from django.db import models


class Channel(models.TextChoices):
    """How a message reaches its recipient. Settings choose the plugin that serves each one."""

    EMAIL = "email", "Thư điện tử"
    SMS = "sms", "Tin nhắn SMS"
    IN_APP = "in_app", "Thông báo trong phần mềm"


class MessageStatus(models.TextChoices):
    PENDING = "pending", "Chờ gửi"
    SENT = "sent", "Đã gửi"
    # The automatic retries are used up; the periodic sweep still tries it (see delivery.py).
    FAILED = "failed", "Gửi lỗi"
    # A fictional address (demo data, notifications/reach.py) on a channel that reaches people.
    WITHHELD = "withheld", "Không gửi (địa chỉ mẫu)"
