"""Questions to the desk (published as the FAQ once answered) and complaints followed by code."""

from django.db import models
from django.db.models import Q

from motcua.org.models import Agency, Staff, Unit

from .constants import ComplaintKind, ComplaintOutcome, ComplaintState, DeskChannel


class Question(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="questions"
    )
    code = models.CharField("mã câu hỏi", max_length=24, unique=True)
    channel = models.CharField("kênh tiếp nhận", max_length=16, choices=DeskChannel.choices)
    asked_at = models.DateTimeField("thời điểm hỏi")
    # Private: never shown on the public FAQ.
    asker_name = models.CharField("người hỏi", max_length=255)
    asker_email = models.EmailField("thư điện tử người hỏi", blank=True)
    asker_phone = models.CharField("điện thoại người hỏi", max_length=32, blank=True)
    subject = models.CharField("tiêu đề", max_length=500)
    body = models.TextField("nội dung câu hỏi")
    procedures = models.ManyToManyField(
        "catalog.Procedure",
        verbose_name="thủ tục liên quan",
        blank=True,
        related_name="questions",
    )
    entered_by = models.ForeignKey(
        Staff,
        verbose_name="cán bộ nhập",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Cán bộ trực đường dây nóng nhập câu hỏi qua điện thoại.",
    )
    message_id = models.CharField(
        "Message-ID của thư",
        max_length=500,
        null=True,
        blank=True,
        unique=True,
        help_text="Thư điện tử đã nhận thành câu hỏi; mỗi thư chỉ một lần.",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị trả lời",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions",
    )
    assigned_at = models.DateTimeField("thời điểm giao", null=True, blank=True)
    due_at = models.DateTimeField("hạn trả lời", null=True, blank=True)
    answer = models.TextField("nội dung trả lời", blank=True)
    answered_at = models.DateTimeField("thời điểm trả lời", null=True, blank=True)
    answered_by = models.ForeignKey(
        Staff,
        verbose_name="người trả lời",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="answered_questions",
    )
    published = models.BooleanField("đăng công khai", default=False)
    published_at = models.DateTimeField("thời điểm đăng", null=True, blank=True)
    search_text = models.TextField("nội dung tìm kiếm", blank=True, editable=False)

    class Meta:
        verbose_name = "câu hỏi"
        verbose_name_plural = "câu hỏi"
        ordering = ["-asked_at"]
        indexes = [models.Index(fields=["agency", "published"], name="desk_question_published")]
        constraints = [
            models.CheckConstraint(
                condition=Q(published=False) | Q(answered_at__isnull=False),
                name="desk_question_published_answered",
                violation_error_message="Chỉ câu hỏi đã trả lời mới được đăng công khai.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.subject}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None


class Complaint(models.Model):
    """Phản ánh, kiến nghị: from any channel, answered within the deadline, followed by code."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="complaints"
    )
    code = models.CharField("mã phản ánh", max_length=24, unique=True)
    secret = models.CharField("mã bí mật", max_length=16, editable=False)
    kind = models.CharField(
        "loại", max_length=16, choices=ComplaintKind.choices, default=ComplaintKind.FEEDBACK
    )
    channel = models.CharField("kênh tiếp nhận", max_length=16, choices=DeskChannel.choices)
    received_at = models.DateTimeField("thời điểm tiếp nhận")
    # Private: shown to staff only.
    complainant_name = models.CharField("người phản ánh", max_length=255)
    complainant_email = models.EmailField("thư điện tử", blank=True)
    complainant_phone = models.CharField("điện thoại", max_length=32, blank=True)
    subject = models.CharField("tiêu đề", max_length=500)
    body = models.TextField("nội dung")
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name="hồ sơ liên quan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    officer_named = models.CharField(
        "cán bộ được nêu (theo lời người phản ánh)", max_length=255, blank=True
    )
    officer = models.ForeignKey(
        Staff,
        verbose_name="cán bộ bị phản ánh",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    entered_by = models.ForeignKey(
        Staff,
        verbose_name="cán bộ nhập",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị xử lý",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    assigned_at = models.DateTimeField("thời điểm giao", null=True, blank=True)
    due_at = models.DateTimeField("hạn trả lời", null=True, blank=True)
    answered_at = models.DateTimeField("thời điểm trả lời", null=True, blank=True)
    answered_by = models.ForeignKey(
        Staff,
        verbose_name="người trả lời",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="answered_complaints",
    )
    answer = models.TextField("nội dung trả lời", blank=True)
    outcome = models.CharField(
        "kết quả xác minh", max_length=16, blank=True, choices=ComplaintOutcome.choices
    )
    applicant_satisfied = models.BooleanField(
        "người phản ánh hài lòng",
        null=True,
        blank=True,
        help_text="Người phản ánh bấm «Hài lòng» hoặc «Không hài lòng» sau khi có trả lời.",
    )
    state = models.CharField(
        "trạng thái", max_length=16, choices=ComplaintState.choices, default=ComplaintState.RECEIVED
    )
    closed_at = models.DateTimeField("thời điểm kết thúc", null=True, blank=True)

    class Meta:
        verbose_name = "phản ánh, kiến nghị"
        verbose_name_plural = "phản ánh, kiến nghị"
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["agency", "state", "due_at"], name="desk_complaint_open")]

    def __str__(self) -> str:
        return f"{self.code} {self.subject}"


class ComplaintNote(models.Model):
    """A step of the investigation, written by the staff handling the complaint."""

    complaint = models.ForeignKey(
        Complaint, verbose_name="phản ánh", on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        Staff, verbose_name="người ghi", on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField("thời điểm ghi")
    text = models.TextField("nội dung xác minh")

    class Meta:
        verbose_name = "ghi chép xác minh"
        verbose_name_plural = "ghi chép xác minh"
        ordering = ["written_at", "pk"]
