"""A draft of an online submission: what the applicant typed and the files they uploaded, kept
until they submit it (it becomes a dossier) or it expires."""

import secrets

from django.db import models

from motcua.catalog.models import Procedure, ProcedureVersion, RequiredDocument
from motcua.dossiers.constants import ApplicantKind, ReturnMethod
from motcua.dossiers.models import Dossier
from motcua.org.models import Agency


def new_token() -> str:
    """The draft's secret: in the resume link, and the idempotency key of its submission."""
    return secrets.token_urlsafe(32)


class Draft(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="+"
    )
    procedure = models.ForeignKey(
        Procedure, verbose_name="thủ tục", on_delete=models.PROTECT, related_name="+"
    )
    version = models.ForeignKey(
        ProcedureVersion,
        verbose_name="phiên bản thủ tục",
        on_delete=models.PROTECT,
        related_name="+",
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    # Drafts may be incomplete or wrong: the checks run on review and submission.
    applicant_kind = models.CharField(
        "loại người nộp", max_length=16, choices=ApplicantKind.choices, default=ApplicantKind.PERSON
    )
    applicant_name = models.CharField("người nộp hồ sơ", max_length=255, blank=True)
    applicant_id_number = models.CharField(
        "số định danh / CCCD / mã số thuế", max_length=32, blank=True
    )
    applicant_phone = models.CharField("điện thoại", max_length=20, blank=True)
    applicant_email = models.CharField("thư điện tử", max_length=254, blank=True)
    applicant_address = models.CharField("địa chỉ", max_length=500, blank=True)
    subject = models.CharField("nội dung yêu cầu giải quyết", max_length=1000, blank=True)
    return_method = models.CharField(
        "hình thức nhận kết quả",
        max_length=16,
        choices=ReturnMethod.choices,
        default=ReturnMethod.COUNTER,
    )
    postal_address = models.CharField("địa chỉ nhận qua bưu chính", max_length=500, blank=True)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("lưu lúc", auto_now=True)
    expires_at = models.DateTimeField("hết hạn lúc", db_index=True)
    dossier = models.OneToOneField(
        Dossier,
        verbose_name="hồ sơ đã nộp",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="draft",
    )
    submitted_at = models.DateTimeField("nộp lúc", null=True, blank=True)

    class Meta:
        verbose_name = "hồ sơ nháp trực tuyến"
        verbose_name_plural = "hồ sơ nháp trực tuyến"
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        who = self.applicant_name or "chưa ghi tên"
        return f"Nháp #{self.pk} — {who} — {self.version.name}"

    @property
    def is_submitted(self) -> bool:
        return self.dossier_id is not None


class DraftFile(models.Model):
    """A file uploaded to a draft, for one required document or among the other documents."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="files")
    required = models.ForeignKey(
        RequiredDocument,
        verbose_name="thành phần hồ sơ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    file = models.FileField("tệp", upload_to="drafts/%Y/%m/")
    original_name = models.CharField("tên tệp", max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField("dung lượng (byte)")
    uploaded_at = models.DateTimeField("tải lên lúc")

    class Meta:
        verbose_name = "tệp của hồ sơ nháp"
        verbose_name_plural = "tệp của hồ sơ nháp"
        ordering = ["draft", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name
