from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from motcua.org.models import Agency

from .constants import TargetKey
from .d766.constants import Group as D766Group, Source as D766Source
from .scorecards.constants import LEVEL_LABELS, ScorecardKind, vn_number


class Target(models.Model):
    """A plan's minimum for one index in one year: the dashboards show it beside the actual."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="index_targets"
    )
    year = models.PositiveSmallIntegerField("năm")
    key = models.CharField("chỉ số", max_length=32, choices=TargetKey.choices)
    value = models.DecimalField("chỉ tiêu (%, tối thiểu)", max_digits=5, decimal_places=2)
    source = models.TextField("căn cứ", blank=True, help_text="Kế hoạch, mục giao chỉ tiêu.")

    # Who changed this, when, from what to what: it decides legal outcomes.
    history = HistoricalRecords()

    class Meta:
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"
        ordering = ["agency", "-year", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "key"], name="indices_target_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_key_display()} {self.year}: ≥ {self.value} %"


# --- PAR INDEX and PCI scorecards (see indices/scorecards/) ---


class Scorecard(models.Model):
    """One year's criteria tree of one index for one agency. For PCI the figures are the
    province's, kept per agency so each Department sees and marks its own remit."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="scorecards"
    )
    kind = models.CharField("bộ chỉ số", max_length=3, choices=ScorecardKind.choices)
    year = models.PositiveSmallIntegerField("năm")
    source = models.TextField(
        "nguồn", blank=True, help_text="Văn bản ban hành bộ tiêu chí, kết quả công bố."
    )

    class Meta:
        verbose_name = "bộ chỉ số năm"
        verbose_name_plural = "bộ chỉ số năm"
        ordering = ["agency", "kind", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "kind", "year"], name="indices_scorecard_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.year}"


class ScorecardNode(models.Model):
    """A field, criterion or sub-criterion (PCI: a sub-index) with its maximum and scores."""

    scorecard = models.ForeignKey(
        Scorecard, verbose_name="bộ chỉ số", on_delete=models.CASCADE, related_name="nodes"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="thuộc",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    code = models.CharField("mã", max_length=20, help_text="Như in trong văn bản, ví dụ 1.2.3.")
    name = models.CharField("tên", max_length=500)
    level = models.PositiveSmallIntegerField("cấp", choices=sorted(LEVEL_LABELS.items()))
    position = models.PositiveIntegerField("thứ tự", default=0)
    max_points = models.DecimalField("điểm tối đa", max_digits=7, decimal_places=2)
    self_score = models.DecimalField(
        "điểm tự chấm", max_digits=7, decimal_places=2, null=True, blank=True
    )
    self_note = models.TextField("giải trình tự chấm", blank=True)
    official_score = models.DecimalField(
        "điểm thẩm định / công bố", max_digits=7, decimal_places=2, null=True, blank=True
    )
    rank = models.PositiveSmallIntegerField(
        "thứ hạng", null=True, blank=True, help_text="PCI: thứ hạng của tỉnh (1 là tốt nhất)."
    )
    in_remit = models.BooleanField("thuộc phạm vi của Sở", default=False)

    class Meta:
        verbose_name = "tiêu chí"
        verbose_name_plural = "tiêu chí"
        ordering = ["scorecard", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["scorecard", "code"], name="indices_scorecard_node_code"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"

    def clean(self):
        for field in ("self_score", "official_score"):
            score = getattr(self, field)
            if (
                score is not None
                and self.max_points is not None
                and not (0 <= score <= self.max_points)
            ):
                raise ValidationError({field: f"Điểm phải từ 0 đến {vn_number(self.max_points)}."})


class ScorecardEvidence(models.Model):
    """A supporting document (tài liệu kiểm chứng) for one node's self-assessment."""

    node = models.ForeignKey(
        ScorecardNode, verbose_name="tiêu chí", on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField("tệp", upload_to="chi-so/minh-chung/%Y/")
    name = models.CharField("tên tệp", max_length=255)
    uploaded_by = models.ForeignKey(
        "org.Staff",
        verbose_name="người tải lên",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField("thời điểm tải lên", auto_now_add=True)

    class Meta:
        verbose_name = "tài liệu kiểm chứng"
        verbose_name_plural = "tài liệu kiểm chứng"
        ordering = ["node", "uploaded_at"]

    def __str__(self) -> str:
        return self.name


# --- Decision 766 (see indices/d766/) ---


class D766Criterion(models.Model):
    """One criterion of one year's Decision 766 point table (vn-rules decision 8)."""

    year = models.PositiveSmallIntegerField("năm")
    code = models.CharField("mã", max_length=8, help_text="Ví dụ 2.1.")
    group = models.PositiveSmallIntegerField("nhóm", choices=D766Group.choices)
    position = models.PositiveSmallIntegerField("thứ tự", default=0)
    name = models.CharField("tên tiêu chí", max_length=500)
    max_points = models.DecimalField(
        "điểm tối đa", max_digits=5, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    threshold = models.DecimalField(
        "ngưỡng đủ điểm (%)",
        max_digits=5,
        decimal_places=2,
        default=Decimal(100),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal(100))],
        help_text="Tỷ lệ đạt điểm tối đa; dưới ngưỡng: điểm = tỷ lệ × điểm tối đa ÷ ngưỡng.",
    )
    source = models.CharField("nguồn số liệu", max_length=8, choices=D766Source.choices)
    formula = models.TextField("công thức")
    source_note = models.TextField("căn cứ, giả định", blank=True)

    # Who changed this, when, from what to what: it decides legal outcomes.
    history = HistoricalRecords()

    class Meta:
        verbose_name = "tiêu chí Quyết định 766"
        verbose_name_plural = "tiêu chí Quyết định 766"
        ordering = ["-year", "position"]
        constraints = [
            models.UniqueConstraint(fields=["year", "code"], name="indices_d766_criterion_code")
        ]

    def __str__(self) -> str:
        return f"{self.year} — {self.code}. {self.name}"


class D766ManualValue(models.Model):
    """A figure Motcua does not hold (national-database dates, portal sync, re-use of data),
    entered by the office for one criterion and one period."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="d766_values"
    )
    code = models.CharField("mã tiêu chí", max_length=8, help_text="Ví dụ 1.4.")
    start = models.DateField("từ ngày")
    end = models.DateField("đến ngày (tính cả ngày này)")
    numerator = models.PositiveIntegerField("tử số")
    denominator = models.PositiveIntegerField("mẫu số")
    note = models.TextField("nguồn số liệu, ghi chú", blank=True)
    entered_by = models.ForeignKey(
        "org.Staff",
        verbose_name="người nhập",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField("nhập lúc", auto_now=True)

    # Who changed this, when, from what to what: it decides legal outcomes.
    history = HistoricalRecords()

    class Meta:
        verbose_name = "số liệu nhập tay (766)"
        verbose_name_plural = "số liệu nhập tay (766)"
        ordering = ["agency", "-start", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "code", "start", "end"], name="indices_d766_value_per_period"
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.code} {self.start:%d/%m/%Y}–{self.end:%d/%m/%Y}: "
            f"{self.numerator}/{self.denominator}"
        )

    def clean(self):
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = "Ngày kết thúc phải không trước ngày bắt đầu."
        if self.denominator is not None and self.numerator is not None:
            if self.denominator == 0:
                errors["denominator"] = "Mẫu số phải lớn hơn 0."
            elif self.numerator > self.denominator:
                errors["numerator"] = "Tử số không được lớn hơn mẫu số."
        if errors:
            raise ValidationError(errors)
