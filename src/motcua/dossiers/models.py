"""The dossier aggregate: the dossier, its planned steps, documents, attachments, supplement
requests, consultations and its immutable event record."""

from django.db import models
from django.db.models import Q

from motcua.catalog.models import Procedure, ProcedureVersion, ProcessStep, RequiredDocument
from motcua.core.text import fold
from motcua.org.constants import Role
from motcua.org.models import Agency, Staff, Unit

from .constants import Action, ApplicantKind, Channel, ReturnMethod, State
from .errors import ImmutableEvent


class RuleRegime(models.Model):
    """A set of one-stop rules (decree + circular): its forms and code format are data.

    A dossier keeps the regime in force on its receipt date for its whole life; the next decree
    is a new row.
    """

    code = models.CharField("mã", max_length=16, unique=True)
    name = models.CharField("tên", max_length=255)
    effective_from = models.DateField("áp dụng cho hồ sơ tiếp nhận từ ngày", unique=True)
    legal_basis = models.TextField("căn cứ pháp lý")
    # {"receipt": {"number": "01", "title": "Giấy tiếp nhận ..."}, ...}; a kind absent here does
    # not exist in the regime (the 2018 rules have no stop notice).
    forms = models.JSONField("biểu mẫu")
    code_format = models.CharField(
        "dạng mã hồ sơ",
        max_length=64,
        help_text="Ví dụ {agency}-{day:%y%m%d}-{number:04d} (Thông tư 01/2018, Điều 19).",
    )

    class Meta:
        verbose_name = "chế độ quy định"
        verbose_name_plural = "chế độ quy định"
        ordering = ["effective_from"]

    def __str__(self) -> str:
        return self.name

    def form(self, kind: str) -> dict | None:
        return self.forms.get(kind)


class DailySequence(models.Model):
    """The running number of the dossiers an agency received on one day (the code's XXXX)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    day = models.DateField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "day"], name="dossiers_sequence_per_day")
        ]


class SlipSequence(models.Model):
    """The running number of the guidance slips an agency issued in one year (n/yyyy/HDHS)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="dossiers_slip_sequence")
        ]


class GuidanceSlip(models.Model):
    """The guidance given when a dossier is incomplete at the counter: what is missing, listed
    once and completely. No dossier is created."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    number = models.CharField("số phiếu", max_length=32)
    issued_at = models.DateTimeField("lập lúc")
    issued_by = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+")
    version = models.ForeignKey(ProcedureVersion, on_delete=models.PROTECT, related_name="+")
    applicant_name = models.CharField("người được hướng dẫn", max_length=255)
    applicant_phone = models.CharField("điện thoại", max_length=20, blank=True)
    missing = models.JSONField("giấy tờ còn thiếu")  # list of document names
    note = models.TextField("hướng dẫn thêm", blank=True)

    class Meta:
        verbose_name = "phiếu hướng dẫn"
        verbose_name_plural = "phiếu hướng dẫn"
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="guidance_slip_number")
        ]


class Dossier(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="dossiers"
    )
    code = models.CharField("mã hồ sơ", max_length=48, unique=True, null=True, blank=True)
    regime = models.ForeignKey(
        RuleRegime, verbose_name="chế độ quy định", on_delete=models.PROTECT, related_name="+"
    )
    procedure = models.ForeignKey(
        Procedure, verbose_name="thủ tục", on_delete=models.PROTECT, related_name="dossiers"
    )
    version = models.ForeignKey(
        ProcedureVersion,
        verbose_name="phiên bản thủ tục",
        on_delete=models.PROTECT,
        related_name="dossiers",
    )
    channel = models.CharField("kênh tiếp nhận", max_length=1, choices=Channel.choices)
    state = models.CharField("trạng thái", max_length=24, choices=State.choices)
    revision = models.PositiveIntegerField(
        "lần cập nhật", default=0, help_text="Tăng mỗi thao tác; chống hai người cùng thao tác."
    )

    applicant_kind = models.CharField(
        "loại người nộp",
        max_length=16,
        choices=ApplicantKind.choices,
        default=ApplicantKind.PERSON,
    )
    applicant_name = models.CharField("người nộp hồ sơ", max_length=255)
    applicant_id_number = models.CharField(
        "số định danh / CCCD / mã số thuế", max_length=32, blank=True
    )
    applicant_phone = models.CharField("điện thoại", max_length=20, blank=True)
    applicant_email = models.EmailField("thư điện tử", blank=True)
    applicant_address = models.CharField("địa chỉ", max_length=500, blank=True)
    owner_name = models.CharField("chủ hồ sơ", max_length=255, blank=True)
    subject = models.CharField("nội dung yêu cầu giải quyết", max_length=1000)
    sets = models.PositiveSmallIntegerField("số bộ hồ sơ", default=1)
    return_method = models.CharField(
        "hình thức nhận kết quả",
        max_length=16,
        choices=ReturnMethod.choices,
        default=ReturnMethod.COUNTER,
    )
    postal_address = models.CharField("địa chỉ nhận qua bưu chính", max_length=500, blank=True)

    submitted_at = models.DateTimeField("nộp trực tuyến lúc", null=True, blank=True)
    received_at = models.DateTimeField("tiếp nhận lúc", null=True, blank=True, db_index=True)
    received_by = models.ForeignKey(
        Staff,
        verbose_name="người tiếp nhận",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    initial_due_at = models.DateTimeField("hẹn trả ban đầu", null=True, blank=True)
    due_at = models.DateTimeField(
        "hẹn trả kết quả",
        null=True,
        blank=True,
        help_text="Thời hạn theo quy định, đã tính thời gian tạm dừng, bổ sung và gia hạn.",
    )
    apology_due_at = models.DateTimeField(
        "hẹn lại (sau khi xin lỗi)",
        null=True,
        blank=True,
        help_text="Ngày hẹn mới trong văn bản xin lỗi; hồ sơ vẫn tính là trễ hạn.",
    )
    apologized_at = models.DateTimeField("xin lỗi lúc", null=True, blank=True)
    clock_stopped_at = models.DateTimeField(
        "dừng tính thời gian từ",
        null=True,
        blank=True,
        help_text="Chờ bổ sung hoặc tạm dừng: thời hạn không chạy.",
    )
    supplement_count = models.PositiveSmallIntegerField("số lần yêu cầu bổ sung", default=0)
    finished_at = models.DateTimeField("kết thúc xử lý lúc", null=True, blank=True)
    returned_at = models.DateTimeField("trả kết quả lúc", null=True, blank=True)
    current_step = models.ForeignKey(
        "DossierStep",
        verbose_name="bước hiện tại",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Who holds the current step and its unit, copied from it by every service that moves or
    # assigns it, so that the worklists read one indexed table (see bench/).
    current_assignee = models.ForeignKey(
        Staff,
        verbose_name="người đang xử lý",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    current_unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị đang xử lý",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    result_number = models.CharField("số kết quả", max_length=64, blank=True)
    # The year the number was registered in: a result number is unique per agency and year.
    # Empty for a dossier not registered (and for the later of two numbers registered twice
    # before the rule existed, left as they were).
    result_year = models.PositiveSmallIntegerField(
        "năm vào sổ", null=True, blank=True, editable=False
    )
    result_summary = models.TextField("kết quả giải quyết", blank=True)
    tracking_secret = models.CharField("mã tra cứu bí mật", max_length=16, editable=False)
    # A client's key for one submission: the same key again returns the same dossier.
    idempotency_key = models.CharField(max_length=64, null=True, blank=True, editable=False)
    # Folded code, names, ID number and phone, for search that ignores diacritics.
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)

    class Meta:
        verbose_name = "hồ sơ"
        verbose_name_plural = "hồ sơ"
        ordering = ["-received_at"]
        indexes = [
            models.Index(fields=["agency", "state", "due_at"], name="dossier_worklist"),
            models.Index(fields=["agency", "received_at"], name="dossier_received"),
            models.Index(fields=["agency", "finished_at"], name="dossier_finished"),
            models.Index(fields=["current_assignee", "due_at"], name="dossier_holder"),
            models.Index(fields=["current_unit", "due_at"], name="dossier_at_unit"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "idempotency_key"], name="dossier_idempotency_key_per_agency"
            ),
            models.UniqueConstraint(
                fields=["agency", "result_year", "result_number"],
                name="dossier_result_number_per_year",
            ),
        ]

    def __str__(self) -> str:
        return self.code or f"Hồ sơ nộp trực tuyến #{self.pk}"

    def save(self, *args, **kwargs):
        self.search_text = fold(
            " ".join(
                [
                    self.code or "",
                    self.applicant_name,
                    self.owner_name,
                    self.applicant_id_number,
                    self.applicant_phone,
                ]
            )
        )
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    @property
    def is_clock_stopped(self) -> bool:
        return self.clock_stopped_at is not None


class DossierStep(models.Model):
    """One step of the procedure's internal process, planned at receipt, timed when reached."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField("thứ tự")
    process_step = models.ForeignKey(
        ProcessStep, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    name = models.CharField("bước xử lý", max_length=500)
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField("vai trò", max_length=32, choices=Role.choices, blank=True)
    hours = models.DecimalField("thời gian (giờ làm việc)", max_digits=7, decimal_places=2)
    assignee = models.ForeignKey(
        Staff,
        verbose_name="người xử lý",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dossier_steps",
    )
    started_at = models.DateTimeField("bắt đầu", null=True, blank=True)
    due_at = models.DateTimeField("hạn của bước", null=True, blank=True)
    finished_at = models.DateTimeField("kết thúc", null=True, blank=True)

    class Meta:
        verbose_name = "bước xử lý hồ sơ"
        verbose_name_plural = "các bước xử lý hồ sơ"
        ordering = ["dossier", "position"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "position"], name="dossier_step_position")
        ]
        indexes = [
            models.Index(fields=["assignee", "finished_at"], name="dossier_step_assignee"),
            models.Index(fields=["unit", "finished_at"], name="dossier_step_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.name}"


class DossierDocument(models.Model):
    """A document of the dossier as received (the intake checklist matches the paper dossier)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="documents")
    required = models.ForeignKey(
        RequiredDocument, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField("thứ tự")
    name = models.CharField("tên giấy tờ", max_length=1000)
    originals = models.PositiveSmallIntegerField("số bản chính", default=0)
    copies = models.PositiveSmallIntegerField("số bản sao", default=0)

    class Meta:
        verbose_name = "giấy tờ đã nhận"
        verbose_name_plural = "giấy tờ đã nhận"
        ordering = ["dossier", "position"]

    def __str__(self) -> str:
        return self.name


class SupplementRequest(models.Model):
    """A written supplement request (Mẫu 02): what is missing or wrong, and when it came back."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="supplements")
    number = models.PositiveSmallIntegerField("lần")
    items = models.JSONField("giấy tờ cần bổ sung")  # [{"name": ..., "note": ...}]
    reason = models.TextField("lý do")
    requested_at = models.DateTimeField("yêu cầu lúc")
    requested_by = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+")
    answered_at = models.DateTimeField("bổ sung lúc", null=True, blank=True)
    # Decision 766 criterion 2.1 subtracts the applicant's waiting time in working time, as the
    # deadline itself is counted: the first appointment moved by the working time waited.
    shifted_due_at = models.DateTimeField(
        "hạn ban đầu cộng thời gian chờ bổ sung", null=True, blank=True
    )

    class Meta:
        verbose_name = "yêu cầu bổ sung"
        verbose_name_plural = "yêu cầu bổ sung"
        ordering = ["dossier", "number"]
        constraints = [
            models.UniqueConstraint(fields=["dossier", "number"], name="dossier_supplement_number")
        ]


class Consultation(models.Model):
    """A consultation of another agency, with its own deadline, reminders and escalation."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="consultations")
    consulted_agency = models.ForeignKey(
        Agency,
        verbose_name="cơ quan được lấy ý kiến",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    consulted_name = models.CharField("tên cơ quan được lấy ý kiến", max_length=255)
    question = models.TextField("nội dung lấy ý kiến")
    sent_at = models.DateTimeField("gửi lúc")
    sent_by = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+")
    due_at = models.DateTimeField("hạn trả lời")
    answered_at = models.DateTimeField("trả lời lúc", null=True, blank=True)
    answer = models.TextField("nội dung trả lời", blank=True)
    first_reminder_at = models.DateTimeField("đôn đốc lần 1", null=True, blank=True)
    second_reminder_at = models.DateTimeField("đôn đốc lần 2", null=True, blank=True)
    escalated_at = models.DateTimeField("báo cáo UBND tỉnh", null=True, blank=True)

    class Meta:
        verbose_name = "lấy ý kiến"
        verbose_name_plural = "lấy ý kiến"
        ordering = ["dossier", "sent_at"]
        indexes = [models.Index(fields=["answered_at", "due_at"], name="consultation_open")]

    def __str__(self) -> str:
        return f"{self.consulted_name} — {self.dossier}"


class Attachment(models.Model):
    """A file of the dossier: a scanned document, a supplement, the result."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", "Thành phần hồ sơ"
        RESULT = "result", "Kết quả giải quyết"
        OTHER = "other", "Tài liệu khác"

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        DossierDocument,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="attachments",
    )
    kind = models.CharField("loại", max_length=16, choices=Kind.choices, default=Kind.DOCUMENT)
    file = models.FileField("tệp", upload_to="ho-so/%Y/%m/")
    original_name = models.CharField("tên tệp", max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField("dung lượng (byte)")
    digitized = models.BooleanField("đã số hóa", default=True)
    uploaded_at = models.DateTimeField("tải lên lúc")
    uploaded_by = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"
        ordering = ["dossier", "uploaded_at"]


class DossierEvent(models.Model):
    """One action on a dossier. Append-only: the ORM refuses to save an event twice or delete
    it, and database triggers (PostgreSQL and SQLite) refuse UPDATE, DELETE and, on
    PostgreSQL, TRUNCATE in raw SQL too; only the test suite's flush may empty the table."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField("thời điểm")
    action = models.CharField("thao tác", max_length=32, choices=Action.choices)
    actor = models.ForeignKey(
        Staff,
        verbose_name="người thực hiện",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_name = models.CharField("người thực hiện", max_length=255)
    from_state = models.CharField("từ trạng thái", max_length=24, choices=State.choices, blank=True)
    to_state = models.CharField("sang trạng thái", max_length=24, choices=State.choices)
    step = models.ForeignKey(
        DossierStep, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    note = models.TextField("ghi chú", blank=True)
    data = models.JSONField("dữ liệu", default=dict, blank=True)

    class Meta:
        verbose_name = "nhật ký hồ sơ"
        verbose_name_plural = "nhật ký hồ sơ"
        ordering = ["dossier", "at", "pk"]
        indexes = [
            models.Index(fields=["dossier", "at"], name="dossier_event_time"),
            # The indices find refused dossiers without reading every event (see bench/).
            models.Index(
                fields=["dossier"], condition=Q(action="refuse"), name="dossier_event_refusal"
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(actor_name=""), name="dossier_event_has_actor")
        ]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        # The ORM's guard on every database; PostgreSQL's trigger also stops raw SQL.
        if self.pk is not None:
            raise ImmutableEvent("Nhật ký hồ sơ chỉ được ghi thêm, không được sửa.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableEvent("Nhật ký hồ sơ không được xóa.")
