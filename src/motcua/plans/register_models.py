"""The smaller registers the plan names: initiatives (II.2.1), the counter's facilities and
their repair/purchase requests (I.2.2), the document register (II.1.11)."""

from django.db import models

from motcua.org.models import Agency, Staff, Unit

from .constants import Direction, EquipmentCondition, RequestKind, RequestStatus


class Initiative(models.Model):
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="initiatives", verbose_name="Cơ quan"
    )
    year = models.PositiveSmallIntegerField("Năm")
    title = models.CharField("Tên sáng kiến", max_length=500)
    authors = models.CharField("Tác giả", max_length=500)
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name="Đơn vị",
    )
    description = models.TextField("Mô tả, hiệu quả", blank=True)
    decision_number = models.CharField("Số quyết định công nhận", max_length=60, blank=True)
    decision_date = models.DateField("Ngày quyết định công nhận", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Sáng kiến"
        verbose_name_plural = "Sáng kiến"
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_recognised(self) -> bool:
        return bool(self.decision_number)


class InitiativeEvidence(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to="plans/initiatives/%Y/%m/")
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()


class Equipment(models.Model):
    """A piece of the one-stop counter's equipment."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="equipment", verbose_name="Cơ quan"
    )
    name = models.CharField("Tên trang thiết bị", max_length=255)
    quantity = models.PositiveIntegerField("Số lượng", default=1)
    condition = models.CharField(
        "Tình trạng",
        max_length=10,
        choices=EquipmentCondition.choices,
        default=EquipmentCondition.GOOD,
    )
    location = models.CharField("Vị trí", max_length=255, blank=True)

    class Meta:
        verbose_name = "Trang thiết bị Bộ phận Một cửa"
        verbose_name_plural = "Trang thiết bị Bộ phận Một cửa"
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class FacilityRequest(models.Model):
    """A repair or purchase the director approves or rejects, then carried out."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="facility_requests", verbose_name="Cơ quan"
    )
    kind = models.CharField("Loại đề nghị", max_length=10, choices=RequestKind.choices)
    equipment = models.ForeignKey(
        Equipment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name="Trang thiết bị",
    )
    item = models.CharField("Nội dung đề nghị", max_length=300)
    reason = models.TextField("Lý do")
    estimated_cost = models.PositiveBigIntegerField("Dự toán (đồng)", default=0)
    requested_by = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="+", verbose_name="Người đề nghị"
    )
    requested_on = models.DateField("Ngày đề nghị")
    status = models.CharField(
        "Trạng thái", max_length=10, choices=RequestStatus.choices, default=RequestStatus.REQUESTED
    )
    decided_by = models.ForeignKey(
        Staff,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Người duyệt",
    )
    decided_at = models.DateTimeField("Thời điểm duyệt", null=True, blank=True)
    decision_note = models.TextField("Ý kiến của Giám đốc", blank=True)
    done_on = models.DateField("Ngày thực hiện xong", null=True, blank=True)

    class Meta:
        verbose_name = "Đề nghị sửa chữa, mua sắm"
        verbose_name_plural = "Đề nghị sửa chữa, mua sắm"
        ordering = ["-requested_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.item}"


class Document(models.Model):
    """A row of the incoming or outgoing document register."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="documents", verbose_name="Cơ quan"
    )
    direction = models.CharField("Loại", max_length=10, choices=Direction.choices)
    number = models.CharField("Số, ký hiệu", max_length=60)
    issued_on = models.DateField("Ngày văn bản")
    summary = models.TextField("Trích yếu")
    signer = models.CharField("Người ký", max_length=255, blank=True)
    correspondent = models.CharField("Nơi gửi/Nơi nhận", max_length=500)
    is_electronic = models.BooleanField(
        "Văn bản điện tử", default=False, help_text="Bỏ chọn nếu là văn bản giấy."
    )

    class Meta:
        verbose_name = "Văn bản đi, đến"
        verbose_name_plural = "Văn bản đi, đến"
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "direction", "number", "issued_on"],
                name="plans_document_unique_number",
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} ngày {self.issued_on:%d/%m/%Y}"
