from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from motcua.org.models import Agency, Staff, Unit

from .constants import AssignmentState, Recurrence, ReportState, ScheduleKind, TaskStatus


class Plan(models.Model):
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="plans", verbose_name="Cơ quan"
    )
    number = models.CharField("Số kế hoạch", max_length=60)
    issued_on = models.DateField("Ngày ban hành")
    title = models.CharField("Trích yếu", max_length=500)
    legal_grounds = models.TextField("Căn cứ", blank=True)
    year = models.PositiveSmallIntegerField("Năm thực hiện")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Kế hoạch"
        verbose_name_plural = "Kế hoạch"
        ordering = ["-year", "-issued_on"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="plans_plan_unique_number")
        ]

    def __str__(self) -> str:
        return f"Kế hoạch số {self.number}"


class PlanSection(models.Model):
    """A heading row of the task table ("I NÂNG CAO CHỈ SỐ HÀI LÒNG", "1. Đối với …")."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField("Thứ tự")
    number = models.CharField("Số thứ tự", max_length=20, blank=True)
    title = models.CharField("Tiêu đề", max_length=500)
    level = models.PositiveSmallIntegerField("Cấp", default=1)

    class Meta:
        ordering = ["plan", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "position"], name="plans_section_unique_position"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()


class PlanTask(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    section = models.ForeignKey(
        PlanSection, on_delete=models.CASCADE, null=True, blank=True, related_name="tasks"
    )
    # Sections and tasks share one sequence, so the table reads back in printed order.
    position = models.PositiveSmallIntegerField("Thứ tự")
    # As printed: plans repeat or skip numbers, and those quirks must survive.
    number = models.CharField("Số thứ tự", max_length=20, blank=True)
    content = models.TextField("Nội dung/Nhiệm vụ")
    expected_result = models.TextField("Kết quả/Sản phẩm", blank=True)
    schedule_text = models.CharField("Tiến độ thực hiện", max_length=300, blank=True)
    schedule_kind = models.CharField(
        "Loại tiến độ", max_length=20, choices=ScheduleKind.choices, default=ScheduleKind.FREE_TEXT
    )
    # ISO dates, in order: the concrete due dates the schedule yields in the plan's year.
    due_dates = models.JSONField("Các hạn", default=list, blank=True)
    method = models.TextField("Cách thức thực hiện", blank=True)
    lead_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_plan_tasks",
        verbose_name="Đơn vị chủ trì",
    )
    co_units = models.ManyToManyField(
        Unit, blank=True, related_name="co_plan_tasks", verbose_name="Đơn vị phối hợp"
    )
    completed_on = models.DateField("Ngày hoàn thành", null=True, blank=True)

    class Meta:
        verbose_name = "Nhiệm vụ"
        verbose_name_plural = "Nhiệm vụ"
        ordering = ["plan", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "position"], name="plans_task_unique_position")
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.content[:60]}".strip()

    @property
    def due_list(self) -> list[date]:
        return [date.fromisoformat(day) for day in self.due_dates]

    @property
    def final_due(self) -> date | None:
        return max(self.due_list, default=None)

    def status(self, today: date) -> str:
        """Done (late when after the last due date), overdue, in progress or not started."""
        final = self.final_due
        if self.completed_on:
            late = final is not None and self.completed_on > final
            return TaskStatus.DONE_LATE if late else TaskStatus.DONE
        if final is not None and today > final:
            return TaskStatus.OVERDUE
        # Annotated by selectors to spare one query per task.
        reported = getattr(self, "report_count", None)
        if reported is None:
            reported = self.progress.count()
        return TaskStatus.IN_PROGRESS if reported else TaskStatus.NOT_STARTED


class TaskProgress(models.Model):
    task = models.ForeignKey(PlanTask, on_delete=models.CASCADE, related_name="progress")
    reported_on = models.DateField("Ngày báo cáo")
    report = models.TextField("Kết quả thực hiện")
    completes = models.BooleanField("Đã hoàn thành nhiệm vụ", default=False)
    reporter = models.ForeignKey(
        Staff, on_delete=models.PROTECT, related_name="+", verbose_name="Người báo cáo"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reported_on", "-pk"]


class Evidence(models.Model):
    progress = models.ForeignKey(TaskProgress, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to="plans/evidence/%Y/%m/")
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()


class Assignment(models.Model):
    """A task the Province assigned on its reminder software (phần mềm nhắc việc)."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="assignments")
    source_number = models.CharField("Số văn bản giao", max_length=60)
    source_date = models.DateField("Ngày văn bản giao")
    issuer = models.CharField("Cơ quan giao", max_length=255, default="UBND tỉnh Khánh Hòa")
    content = models.TextField("Nội dung")
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="assignments", verbose_name="Đơn vị thực hiện"
    )
    assignee = models.ForeignKey(
        Staff,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name="Người thực hiện",
    )
    original_deadline = models.DateField("Hạn ban đầu")
    deadline = models.DateField("Hạn xử lý")
    done_on = models.DateField("Ngày hoàn thành", null=True, blank=True)
    result_document = models.CharField("Văn bản kết quả", max_length=255, blank=True)
    result_file = models.FileField("Tệp kết quả", upload_to="plans/results/%Y/%m/", blank=True)
    closed_at = models.DateTimeField("Thời điểm kết thúc", null=True, blank=True)
    closed_by = models.ForeignKey(
        Staff, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Nhiệm vụ được giao"
        verbose_name_plural = "Nhiệm vụ được giao"
        ordering = ["deadline", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "source_number", "content"], name="plans_assignment_unique_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source_number}: {self.content[:60]}"

    @property
    def is_extended(self) -> bool:
        return self.deadline != self.original_deadline

    def state(self, today: date) -> str:
        """Closed: done, or late when closed after its deadline; open: overdue past it,
        extended when its deadline was moved, else open."""
        if self.closed_at:
            closed_on = timezone.localdate(self.closed_at)
            return AssignmentState.LATE if closed_on > self.deadline else AssignmentState.DONE
        if today > self.deadline:
            return AssignmentState.OVERDUE
        return AssignmentState.EXTENDED if self.is_extended else AssignmentState.OPEN


class Extension(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="extensions")
    previous_deadline = models.DateField("Hạn trước")
    new_deadline = models.DateField("Hạn mới")
    reason = models.TextField("Lý do")
    by = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]


def _default_report_reminders() -> list[int]:
    return [5, 1]


class ReportObligation(models.Model):
    """A report the office owes again and again: yearly on a day and month, or monthly on a day."""

    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="report_obligations", verbose_name="Cơ quan"
    )
    code = models.SlugField("Mã", max_length=60)
    name = models.CharField("Tên báo cáo", max_length=300)
    recipient = models.CharField("Nơi nhận", max_length=255)
    recurrence = models.CharField("Định kỳ", max_length=10, choices=Recurrence.choices)
    day = models.PositiveSmallIntegerField("Ngày hạn")
    month = models.PositiveSmallIntegerField(
        "Tháng hạn", null=True, blank=True, help_text="Chỉ với báo cáo hằng năm."
    )
    # Working days before the due date at which the office is reminded.
    remind_days = models.JSONField("Nhắc trước (ngày làm việc)", default=_default_report_reminders)
    # Reports due before this day were not followed here: no reminders for them.
    active_from = models.DateField("Theo dõi từ ngày", default=timezone.localdate)

    class Meta:
        verbose_name = "Báo cáo định kỳ"
        verbose_name_plural = "Báo cáo định kỳ"
        ordering = ["agency", "recurrence", "month", "day"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="plans_obligation_unique_code")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        yearly = self.recurrence == Recurrence.YEARLY
        if yearly and not (self.month and 1 <= self.month <= 12):
            raise ValidationError({"month": "Báo cáo hằng năm cần tháng hạn từ 1 đến 12."})
        if not yearly and self.month:
            raise ValidationError({"month": "Báo cáo hằng tháng không có tháng hạn."})
        if not 1 <= (self.day or 0) <= 31:
            raise ValidationError({"day": "Ngày hạn từ 1 đến 31."})
        if not all(isinstance(n, int) and 0 <= n <= 30 for n in self.remind_days or []):
            raise ValidationError({"remind_days": "Danh sách số ngày làm việc, ví dụ [5, 1]."})


class ReportOccurrence(models.Model):
    """One report owed: its period (1 January, or the 1st of the month, to the nominal due day),
    its due date moved to the working day before when that day is off, and its submission."""

    obligation = models.ForeignKey(
        ReportObligation, on_delete=models.CASCADE, related_name="occurrences"
    )
    period_start = models.DateField("Từ ngày")
    period_end = models.DateField("Đến ngày")
    due_on = models.DateField("Hạn nộp")
    submitted_on = models.DateField("Ngày nộp", null=True, blank=True)
    document_number = models.CharField("Số văn bản", max_length=60, blank=True)
    submitted_by = models.ForeignKey(
        Staff,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="Người ghi nhận",
    )
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "Kỳ báo cáo"
        verbose_name_plural = "Kỳ báo cáo"
        ordering = ["due_on", "obligation"]
        constraints = [
            models.UniqueConstraint(
                fields=["obligation", "period_end"], name="plans_occurrence_unique_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.obligation.name} (hạn {self.due_on:%d/%m/%Y})"

    def state(self, today: date) -> str:
        if self.submitted_on:
            return ReportState.LATE if self.submitted_on > self.due_on else ReportState.SUBMITTED
        return ReportState.OVERDUE if today > self.due_on else ReportState.DUE


# The registers live in their own module; imported here so Django registers them with the app.
from .register_models import Document, Equipment, FacilityRequest, Initiative, InitiativeEvidence  # noqa: E402,F401
