"""What the public portal publishes besides the catalogue: announcements and support sessions."""

from django.db import models
from django.db.models import F, Q

from motcua.catalog.models import Procedure
from motcua.org.models import Agency


class Announcement(models.Model):
    """News of a new policy or a changed procedure, linked to the procedures it concerns."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="announcements"
    )
    title = models.CharField("tiêu đề", max_length=500)
    body = models.TextField("nội dung")
    published_on = models.DateField(
        "ngày đăng", help_text="Thông báo chỉ hiện trên cổng từ ngày này."
    )
    procedures = models.ManyToManyField(
        Procedure, verbose_name="thủ tục liên quan", blank=True, related_name="announcements"
    )

    class Meta:
        verbose_name = "thông báo"
        verbose_name_plural = "thông báo"
        ordering = ["-published_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def paragraphs(self) -> list[str]:
        return [line for line in self.body.splitlines() if line.strip()]


class SupportSession(models.Model):
    """A session where people get help with their dossiers (e.g. a volunteer Saturday)."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="support_sessions"
    )
    title = models.CharField("tên buổi hỗ trợ", max_length=500)
    place = models.CharField("địa điểm", max_length=500)
    starts_at = models.DateTimeField("bắt đầu")
    ends_at = models.DateTimeField("kết thúc")
    description = models.TextField("nội dung hỗ trợ", blank=True)

    class Meta:
        verbose_name = "buổi hỗ trợ"
        verbose_name_plural = "lịch hỗ trợ"
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="portal_session_ends_after_start",
                violation_error_message="Giờ kết thúc phải sau giờ bắt đầu.",
            )
        ]

    def __str__(self) -> str:
        return self.title
