"""A report built in the background: requested from a page, built by a Celery task that
reports its progress, downloaded when done."""

from django.db import models

from motcua.org.models import Agency, Staff

from .constants import Kind, Status


class ReportJob(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("loại báo cáo", max_length=32, choices=Kind.choices)
    # ISO dates {"start": "2024-03-01", "end": "2024-03-31"}: JSON keeps the job replayable.
    parameters = models.JSONField("tham số", default=dict)
    requested_by = models.ForeignKey(
        Staff, verbose_name="người yêu cầu", on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        "trạng thái", max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField("tiến độ (%)", default=0)
    file = models.FileField("tệp", upload_to="bao-cao/%Y/%m/", blank=True)
    error = models.TextField("lỗi", blank=True)
    created_at = models.DateTimeField("yêu cầu lúc", auto_now_add=True)
    finished_at = models.DateTimeField("xong lúc", null=True, blank=True)

    class Meta:
        verbose_name = "báo cáo"
        verbose_name_plural = "báo cáo"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_running(self) -> bool:
        return self.status in (Status.QUEUED, Status.RUNNING)
