from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from motcua.core.text import dong, fold
from motcua.org.constants import Role
from motcua.org.models import Agency, Unit

from .constants import (
    ExecutionLevel,
    FeeChannel,
    OnlineLevel,
    Requirement,
    SupplementClock,
    TimeUnit,
    VersionStatus,
)
from .durations import format_hours, format_number, limit_in_working_hours
from .errors import CatalogError


class Field(models.Model):
    """A field (lĩnh vực) of procedures. Each agency keeps its own list."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="procedure_fields"
    )
    code = models.CharField("mã lĩnh vực", max_length=32, blank=True)
    name = models.CharField("tên lĩnh vực", max_length=255)

    class Meta:
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "name"],
                name="catalog_field_name_per_agency",
                violation_error_message="Cơ quan đã có lĩnh vực cùng tên.",
            ),
            models.UniqueConstraint(
                fields=["agency", "code"],
                condition=~Q(code=""),
                name="catalog_field_code_per_agency",
                violation_error_message="Cơ quan đã có lĩnh vực cùng mã.",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Procedure(models.Model):
    """An administrative procedure as one agency handles it; its content lives in versions."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="procedures"
    )
    # Null, not "", when the national code is not known: the uniqueness only binds real codes.
    national_code = models.CharField(
        "mã thủ tục quốc gia",
        max_length=32,
        null=True,
        blank=True,
        help_text="Mã TTHC trong Cơ sở dữ liệu quốc gia (ví dụ 2.001610); để trống nếu chưa rõ.",
    )
    local_code = models.CharField(
        "mã nội bộ",
        max_length=32,
        help_text="Mã dùng trong cơ quan; mọi thủ tục đều có, kể cả khi chưa rõ mã quốc gia.",
    )
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)

    # Who changed this, when, from what to what: it decides legal outcomes.
    history = HistoricalRecords()

    class Meta:
        verbose_name = "thủ tục hành chính"
        verbose_name_plural = "thủ tục hành chính"
        ordering = ["agency", "local_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "national_code"],
                condition=Q(national_code__isnull=False),
                name="catalog_national_code_per_agency",
                violation_error_message="Cơ quan đã có thủ tục cùng mã quốc gia.",
            ),
            models.UniqueConstraint(
                fields=["agency", "local_code"],
                name="catalog_local_code_per_agency",
                violation_error_message="Cơ quan đã có thủ tục cùng mã nội bộ.",
            ),
        ]

    def __str__(self) -> str:
        return self.national_code or self.local_code

    @property
    def code(self) -> str:
        """The code shown to the public: the national one when known."""
        return self.national_code or self.local_code


class ProcedureVersion(models.Model):
    """One version of a procedure's content. Only drafts change; publishing freezes it."""

    procedure = models.ForeignKey(
        Procedure, verbose_name="thủ tục", on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField("phiên bản")
    status = models.CharField(
        "trạng thái", max_length=16, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    effective_from = models.DateField(
        "hiệu lực từ ngày",
        null=True,
        blank=True,
        help_text="Với bản nháp: ngày dự kiến có hiệu lực, dùng khi công bố.",
    )
    retired_from = models.DateField("hết hiệu lực từ ngày", null=True, blank=True)
    published_at = models.DateTimeField("thời điểm công bố", null=True, blank=True, editable=False)

    name = models.CharField("tên thủ tục", max_length=1000)
    field = models.ForeignKey(
        Field,
        verbose_name="lĩnh vực",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="versions",
    )
    level = models.CharField(
        "cấp thực hiện", max_length=16, choices=ExecutionLevel.choices, blank=True
    )
    online_level = models.CharField(
        "mức độ dịch vụ công trực tuyến",
        max_length=16,
        choices=OnlineLevel.choices,
        null=True,
        blank=True,
        help_text="Để trống nếu chưa rõ.",
    )
    time_limit_value = models.DecimalField(
        "thời hạn giải quyết",
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text="Để trống nếu chưa rõ; khi đó không công bố được.",
    )
    time_limit_unit = models.CharField(
        "đơn vị thời hạn", max_length=16, choices=TimeUnit.choices, blank=True
    )
    result = models.TextField("kết quả thực hiện", blank=True)
    legal_basis = models.TextField("căn cứ pháp lý", blank=True, help_text="Mỗi văn bản một dòng.")
    conditions = models.TextField("yêu cầu, điều kiện thực hiện", blank=True)
    submission = models.TextField("cách thức thực hiện", blank=True)
    applicants = models.TextField("đối tượng thực hiện", blank=True)
    after_15h_next_day = models.BooleanField(
        "nhận sau 15 giờ thì tính từ ngày làm việc tiếp theo", default=False
    )
    supplement_clock = models.CharField(
        "thời hạn khi bổ sung hồ sơ",
        max_length=16,
        choices=SupplementClock.choices,
        default=SupplementClock.RESTART,
    )
    sources = models.TextField("nguồn thông tin", blank=True, help_text="Mỗi nguồn một dòng.")
    notes = models.TextField("ghi chú", blank=True)
    # Folded codes and name, so that search ignores diacritics and case on every database.
    search_text = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField("ngày tạo", auto_now_add=True)

    # Who changed this, when, from what to what: it decides legal outcomes.
    history = HistoricalRecords()

    class Meta:
        verbose_name = "phiên bản thủ tục"
        verbose_name_plural = "phiên bản thủ tục"
        ordering = ["procedure", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "number"],
                name="catalog_version_number_per_procedure",
                violation_error_message="Thủ tục đã có phiên bản số này.",
            ),
            models.UniqueConstraint(
                fields=["procedure"],
                condition=Q(status=VersionStatus.DRAFT),
                name="catalog_one_draft_per_procedure",
                violation_error_message="Mỗi thủ tục chỉ có một bản nháp.",
            ),
            models.CheckConstraint(
                condition=Q(time_limit_value__isnull=True, time_limit_unit="")
                | (Q(time_limit_value__isnull=False) & ~Q(time_limit_unit="")),
                name="catalog_time_limit_value_with_unit",
                violation_error_message="Thời hạn giải quyết cần cả số và đơn vị "
                "(hoặc để trống cả hai).",
            ),
            models.CheckConstraint(
                condition=Q(status=VersionStatus.DRAFT) | Q(effective_from__isnull=False),
                name="catalog_published_has_effective_date",
                violation_error_message="Phiên bản đã công bố phải có ngày hiệu lực.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.procedure} v{self.number}: {self.name}"

    def save(self, *args, **kwargs):
        self.search_text = self.folded_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def folded_search_text(self) -> str:
        procedure = self.procedure
        return fold(f"{procedure.national_code or ''} {procedure.local_code} {self.name}")

    @property
    def is_draft(self) -> bool:
        return self.status == VersionStatus.DRAFT

    @property
    def time_limit_hours(self) -> Decimal | None:
        if self.time_limit_value is None:
            return None
        return limit_in_working_hours(self.time_limit_value, self.time_limit_unit)

    @property
    def time_limit_display(self) -> str:
        if self.time_limit_value is None:
            return "Chưa rõ"
        unit = TimeUnit(self.time_limit_unit).label
        return f"{format_number(self.time_limit_value)} {unit}"

    @property
    def online_level_display(self) -> str:
        return OnlineLevel(self.online_level).label if self.online_level else "Chưa rõ"

    @property
    def legal_basis_lines(self) -> list[str]:
        return [line for line in self.legal_basis.splitlines() if line.strip()]

    @property
    def source_lines(self) -> list[str]:
        return [line for line in self.sources.splitlines() if line.strip()]


class VersionItem(models.Model):
    """A row of a version's content (fee, document, step), frozen with it.

    Subclasses declare `version`, each with its own related name.
    """

    position = models.PositiveSmallIntegerField("thứ tự")

    class Meta:
        abstract = True
        ordering = ["version_id", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "position"],
                name="%(app_label)s_%(class)s_position",
                violation_error_message="Thứ tự đã được dùng trong phiên bản này.",
            )
        ]

    def save(self, *args, **kwargs):
        # The last line of defence behind the services and the read-only admin.
        if not self.version.is_draft:
            raise CatalogError("Phiên bản đã công bố không được sửa; hãy tạo bản nháp mới.")
        super().save(*args, **kwargs)


class Fee(VersionItem):
    version = models.ForeignKey(
        ProcedureVersion, verbose_name="phiên bản", on_delete=models.CASCADE, related_name="fees"
    )
    name = models.CharField("tên phí, lệ phí", max_length=500)
    amount = models.PositiveBigIntegerField(
        "mức thu (đồng)", null=True, blank=True, help_text="0 là miễn; để trống nếu chưa rõ."
    )
    note = models.TextField("ghi chú", blank=True)
    applies_to = models.CharField(
        "áp dụng cho",
        max_length=8,
        choices=FeeChannel.choices,
        default=FeeChannel.ALL,
        help_text="Ví dụ lệ phí được miễn khi nộp trực tuyến: mức thu trực tiếp là một dòng "
        "«nộp trực tiếp», mức thu trực tuyến là một dòng «nộp trực tuyến».",
    )

    # Who changed this, when, from what to what: it decides legal outcomes.
    history = HistoricalRecords()

    class Meta(VersionItem.Meta):
        verbose_name = "phí, lệ phí"
        verbose_name_plural = "phí, lệ phí"

    def __str__(self) -> str:
        return self.name

    @property
    def amount_display(self) -> str:
        if self.amount is None:
            return "Chưa rõ"
        if self.amount == 0:
            return "Miễn"
        return dong(self.amount)


class RequiredDocument(VersionItem):
    version = models.ForeignKey(
        ProcedureVersion,
        verbose_name="phiên bản",
        on_delete=models.CASCADE,
        related_name="documents",
    )
    name = models.CharField("tên giấy tờ", max_length=1000)
    originals = models.PositiveSmallIntegerField("số bản chính", null=True, blank=True)
    copies = models.PositiveSmallIntegerField("số bản sao", null=True, blank=True)
    requirement = models.CharField(
        "yêu cầu", max_length=16, choices=Requirement.choices, default=Requirement.MANDATORY
    )
    condition = models.TextField("trường hợp phải nộp", blank=True)
    note = models.TextField("ghi chú", blank=True)
    template = models.FileField("mẫu đơn, tờ khai", upload_to="catalog/mau-don/%Y/", blank=True)

    # Who changed this, when, from what to what: it decides legal outcomes.
    history = HistoricalRecords()

    class Meta(VersionItem.Meta):
        verbose_name = "thành phần hồ sơ"
        verbose_name_plural = "thành phần hồ sơ"

    def __str__(self) -> str:
        return self.name


class ProcessStep(VersionItem):
    """A step of the internal process (quy trình nội bộ), done by a unit and/or a role."""

    version = models.ForeignKey(
        ProcedureVersion, verbose_name="phiên bản", on_delete=models.CASCADE, related_name="steps"
    )
    name = models.CharField("tên bước", max_length=500)
    unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị thực hiện",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="process_steps",
    )
    role = models.CharField("vai trò thực hiện", max_length=32, choices=Role.choices, blank=True)
    hours = models.DecimalField(
        "thời gian (giờ làm việc)",
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text="8 giờ làm việc là một ngày làm việc.",
    )

    # Who changed this, when, from what to what: it decides legal outcomes.
    history = HistoricalRecords()

    class Meta(VersionItem.Meta):
        verbose_name = "bước xử lý"
        verbose_name_plural = "quy trình nội bộ"
        constraints = VersionItem.Meta.constraints + [
            models.CheckConstraint(
                condition=Q(unit__isnull=False) | ~Q(role=""),
                name="catalog_step_has_unit_or_role",
                violation_error_message="Bước xử lý cần có đơn vị hoặc vai trò thực hiện.",
            ),
            models.CheckConstraint(
                condition=Q(hours__gt=0),
                name="catalog_step_hours_positive",
                violation_error_message="Thời gian của bước phải lớn hơn 0.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.name}"

    @property
    def duration_display(self) -> str:
        return format_hours(self.hours)

    @property
    def performer_display(self) -> str:
        parts = [Role(self.role).label] if self.role else []
        if self.unit_id:
            parts.append(str(self.unit))
        return " — ".join(parts)
