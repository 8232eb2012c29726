from django.db import models


class DeskChannel(models.TextChoices):
    """Where a question or a complaint came in."""

    PORTAL = "portal", "Cổng dịch vụ công"
    EMAIL = "email", "Thư điện tử"
    HOTLINE = "hotline", "Đường dây nóng"
    COUNTER = "counter", "Trực tiếp"
    MAIL = "mail", "Văn bản"


class ComplaintKind(models.TextChoices):
    FEEDBACK = "feedback", "Phản ánh"
    PROPOSAL = "proposal", "Kiến nghị"


class ComplaintState(models.TextChoices):
    RECEIVED = "received", "Mới tiếp nhận"
    ASSIGNED = "assigned", "Đang xử lý"
    ANSWERED = "answered", "Đã trả lời"
    CLOSED = "closed", "Đã kết thúc"


class ComplaintOutcome(models.TextChoices):
    """The finding of the investigation; it goes on the named officer's record."""

    FOUNDED = "founded", "Đúng"
    PARTLY = "partly", "Đúng một phần"
    UNFOUNDED = "unfounded", "Không đúng"


class QuestionTab(models.TextChoices):
    """The tabs of the questions desk worklist."""

    NEW = "new", "Mới, chưa giao"
    ASSIGNED = "assigned", "Đang trả lời"
    OVERDUE = "overdue", "Quá hạn"
    ANSWERED = "answered", "Đã trả lời"
