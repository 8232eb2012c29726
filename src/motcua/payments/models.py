from django.db import models
from django.db.models import Q

from motcua.org.models import Agency

from .constants import Channel, PaymentState, Verdict


class Payment(models.Model):
    """One attempt to pay a dossier's fees online through a gateway."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="payments"
    )
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        verbose_name="hồ sơ",
        on_delete=models.PROTECT,
        related_name="payments",
    )
    amount = models.PositiveBigIntegerField("số tiền (đồng)")
    state = models.CharField(
        "trạng thái", max_length=16, choices=PaymentState.choices, default=PaymentState.PENDING
    )
    gateway = models.CharField("cổng thanh toán", max_length=32)
    reference = models.CharField("mã giao dịch của Motcua", max_length=40, unique=True)
    gateway_transaction = models.CharField(
        "mã giao dịch của cổng", max_length=64, unique=True, null=True, blank=True
    )
    created_at = models.DateTimeField("tạo lúc", db_index=True)
    settled_at = models.DateTimeField("có kết quả lúc", null=True, blank=True)
    failure_reason = models.CharField("lý do không thành công", max_length=500, blank=True)

    class Meta:
        verbose_name = "giao dịch thanh toán"
        verbose_name_plural = "giao dịch thanh toán"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["agency", "state", "created_at"])]
        constraints = [
            # The service checks under a lock first; this is the last line of defence.
            models.UniqueConstraint(
                fields=["dossier"],
                condition=Q(state=PaymentState.PAID),
                name="payments_one_paid_payment_per_dossier",
            ),
        ]

    def __str__(self) -> str:
        return self.reference


class CallbackLog(models.Model):
    """Every callback received from a gateway, accepted or not, exactly as it came."""

    agency = models.ForeignKey(
        Agency,
        verbose_name="cơ quan",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text="Trống khi thông báo không chỉ tới giao dịch nào.",
    )
    payment = models.ForeignKey(
        Payment,
        verbose_name="giao dịch",
        on_delete=models.PROTECT,
        related_name="callbacks",
        null=True,
        blank=True,
    )
    gateway = models.CharField("cổng thanh toán", max_length=32)
    channel = models.CharField("đường nhận", max_length=8, choices=Channel.choices)
    received_at = models.DateTimeField("nhận lúc", db_index=True)
    params = models.JSONField("tham số nhận được")
    client_ip = models.CharField("địa chỉ gửi", max_length=64, blank=True)
    verdict = models.CharField("kết luận", max_length=16, choices=Verdict.choices)
    reason = models.CharField("lý do", max_length=500, blank=True)

    class Meta:
        verbose_name = "thông báo từ cổng thanh toán"
        verbose_name_plural = "thông báo từ cổng thanh toán"
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["agency", "verdict", "received_at"])]

    def __str__(self) -> str:
        return f"{self.gateway} {self.received_at:%d/%m/%Y %H:%M} {self.get_verdict_display()}"
