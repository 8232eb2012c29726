from datetime import date

from django.db import models
from django.utils import timezone

from motcua.org.models import Agency, Staff, Unit

from .constants import AssignmentState, ScheduleKind, TaskStatus


class Plan(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="plans",
                               verbose_name="Cơ quan")
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
        constraints = [models.UniqueConstraint(fields=["agency", "number"],
                                               name="plans_plan_unique_number")]

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
        constraints = [models.UniqueConstraint(fields=["plan", "position"],
                                               name="plans_section_unique_position")]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()


class PlanTask(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    section = models.ForeignKey(PlanSection, on_delete=models.CASCADE, null=True, blank=True,
                                related_name="tasks")
    # Sections and tasks share one sequence, so the table reads back in printed order.
    position = models.PositiveSmallIntegerField("Thứ tự")
    # As printed: plans repeat or skip numbers, and those quirks must survive.
    number = models.CharField("Số thứ tự", max_length=20, blank=True)
    content = models.TextField("Nội dung/Nhiệm vụ")
    expected_result = models.TextField("Kết quả/Sản phẩm", blank=True)
    schedule_text = models.CharField("Tiến độ thực hiện", max_length=300, blank=True)
    schedule_kind = models.CharField("Loại tiến độ", max_length=20, choices=ScheduleKind.choices,
                                     default=ScheduleKind.FREE_TEXT)
    # ISO dates, in order: the concrete due dates the schedule yields in the plan's year.
    due_dates = models.JSONField("Các hạn", default=list, blank=True)
    method = models.TextField("Cách thức thực hiện", blank=True)
    lead_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="led_plan_tasks", verbose_name="Đơn vị chủ trì")
    co_units = models.ManyToManyField(Unit, blank=True, related_name="co_plan_tasks",
                                      verbose_name="Đơn vị phối hợp")
    completed_on = models.DateField("Ngày hoàn thành", null=True, blank=True)

    class Meta:
        verbose_name = "Nhiệm vụ"
        verbose_name_plural = "Nhiệm vụ"
        ordering = ["plan", "position"]
        constraints = [models.UniqueConstraint(fields=["plan", "position"],
                                               name="plans_task_unique_position")]

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
    reporter = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+",
                                 verbose_name="Người báo cáo")
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
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="assignments",
                             verbose_name="Đơn vị thực hiện")
    assignee = models.ForeignKey(Staff, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="assignments", verbose_name="Người thực hiện")
    original_deadline = models.DateField("Hạn ban đầu")
    deadline = models.DateField("Hạn xử lý")
    done_on = models.DateField("Ngày hoàn thành", null=True, blank=True)
    result_document = models.CharField("Văn bản kết quả", max_length=255, blank=True)
    result_file = models.FileField("Tệp kết quả", upload_to="plans/results/%Y/%m/", blank=True)
    closed_at = models.DateTimeField("Thời điểm kết thúc", null=True, blank=True)
    closed_by = models.ForeignKey(Staff, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Nhiệm vụ được giao"
        verbose_name_plural = "Nhiệm vụ được giao"
        ordering = ["deadline", "pk"]
        constraints = [models.UniqueConstraint(fields=["agency", "source_number", "content"],
                                               name="plans_assignment_unique_source")]

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
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE,
                                   related_name="extensions")
    previous_deadline = models.DateField("Hạn trước")
    new_deadline = models.DateField("Hạn mới")
    reason = models.TextField("Lý do")
    by = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]

