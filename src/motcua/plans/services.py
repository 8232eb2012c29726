"""Commands on plans and assignments: one transaction each, PlanError (Vietnamese) on refusal."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from motcua.org.models import Agency, Staff, Unit

from .errors import PlanError
from .models import Assignment, Evidence, Extension, Plan, PlanSection, PlanTask, TaskProgress
from .permissions import HANDLE_REFUSAL, REPORT_REFUSAL, may_handle, may_report
from .schedule import parse_schedule
from .uploads import check_evidence


def _required(value: str, label: str) -> str:
    value = (value or "").strip()
    if not value:
        raise PlanError(f"{label} không được để trống.")
    return value


@transaction.atomic
def create_plan(
    agency: Agency, *, number: str, issued_on: date, title: str, year: int, legal_grounds: str = ""
) -> Plan:
    number = _required(number, "Số kế hoạch")
    if Plan.objects.filter(agency=agency, number=number).exists():
        raise PlanError(f"Kế hoạch số {number} đã có.")
    return Plan.objects.create(
        agency=agency,
        number=number,
        issued_on=issued_on,
        title=_required(title, "Trích yếu"),
        year=year,
        legal_grounds=legal_grounds.strip(),
    )


def _next_position(plan: Plan) -> int:
    """Sections and tasks share one sequence: the printed order of the table."""
    taken = [
        *plan.sections.values_list("position", flat=True),
        *plan.tasks.values_list("position", flat=True),
    ]
    return max(taken, default=0) + 1


@transaction.atomic
def add_section(plan: Plan, *, number: str, title: str, level: int = 1) -> PlanSection:
    return PlanSection.objects.create(
        plan=plan,
        position=_next_position(plan),
        number=number,
        title=_required(title, "Tiêu đề"),
        level=level,
    )


@transaction.atomic
def add_task(
    plan: Plan,
    *,
    number: str,
    content: str,
    expected_result: str = "",
    schedule_text: str = "",
    method: str = "",
    lead_unit: Unit | None = None,
    co_units=(),
    section: PlanSection | None = None,
) -> PlanTask:
    """Add a task at the end of the table; its due dates come from the schedule text."""
    units = [lead_unit, *co_units] if lead_unit else list(co_units)
    if any(unit.agency_id != plan.agency_id for unit in units):
        raise PlanError("Đơn vị chủ trì, phối hợp phải thuộc cơ quan ban hành kế hoạch.")
    kind, dues = parse_schedule(schedule_text, plan.year)
    task = PlanTask.objects.create(
        plan=plan,
        section=section,
        position=_next_position(plan),
        number=number.strip(),
        content=_required(content, "Nội dung nhiệm vụ"),
        expected_result=expected_result,
        schedule_text=schedule_text.strip(),
        schedule_kind=kind,
        due_dates=[day.isoformat() for day in dues],
        method=method,
        lead_unit=lead_unit,
    )
    task.co_units.set([unit for unit in co_units if unit != lead_unit])
    return task


@transaction.atomic
def report_progress(
    task: PlanTask,
    reporter: Staff,
    *,
    report: str,
    reported_on: date | None = None,
    completes: bool = False,
    files=(),
) -> TaskProgress:
    """Record what was done, with evidence; `completes` marks the task done on that day."""
    if not may_report(reporter, task):
        raise PlanError(REPORT_REFUSAL)
    if task.completed_on:
        raise PlanError("Nhiệm vụ đã hoàn thành; không báo cáo thêm.")
    reported_on = reported_on or timezone.localdate()
    if reported_on > timezone.localdate():
        raise PlanError("Ngày báo cáo không được sau hôm nay.")
    checked = [(upload, check_evidence(upload)) for upload in files]
    progress = TaskProgress.objects.create(
        task=task,
        reporter=reporter,
        reported_on=reported_on,
        report=_required(report, "Kết quả thực hiện"),
        completes=completes,
    )
    for upload, content_type in checked:
        Evidence.objects.create(
            progress=progress,
            file=upload,
            name=upload.name.rsplit("/", 1)[-1][:255],
            content_type=content_type,
            size=upload.size,
        )
    if completes:
        task.completed_on = reported_on
        task.save(update_fields=["completed_on"])
    return progress


@transaction.atomic
def create_assignment(
    agency: Agency,
    *,
    source_number: str,
    source_date: date,
    content: str,
    unit: Unit,
    deadline: date,
    assignee: Staff | None = None,
    issuer: str = "UBND tỉnh Khánh Hòa",
) -> Assignment:
    if unit.agency_id != agency.pk or (assignee and assignee.agency_id != agency.pk):
        raise PlanError("Đơn vị và người thực hiện phải thuộc cơ quan được giao.")
    if deadline < source_date:
        raise PlanError("Hạn xử lý không được trước ngày văn bản giao.")
    return Assignment.objects.create(
        agency=agency,
        source_number=_required(source_number, "Số văn bản giao"),
        source_date=source_date,
        issuer=_required(issuer, "Cơ quan giao"),
        content=_required(content, "Nội dung"),
        unit=unit,
        assignee=assignee,
        original_deadline=deadline,
        deadline=deadline,
    )


def _locked(assignment: Assignment, staff: Staff) -> Assignment:
    locked = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if not may_handle(staff, locked):
        raise PlanError(HANDLE_REFUSAL)
    if locked.closed_at:
        raise PlanError("Nhiệm vụ đã kết thúc.")
    return locked


@transaction.atomic
def extend_assignment(
    assignment: Assignment, staff: Staff, *, new_deadline: date, reason: str
) -> Assignment:
    """Move the deadline (granted by the issuer); every extension is kept with its reason."""
    locked = _locked(assignment, staff)
    reason = _required(reason, "Lý do gia hạn")
    if new_deadline <= locked.deadline:
        raise PlanError(f"Hạn mới phải sau hạn hiện tại {locked.deadline:%d/%m/%Y}.")
    Extension.objects.create(
        assignment=locked,
        previous_deadline=locked.deadline,
        new_deadline=new_deadline,
        reason=reason,
        by=staff,
    )
    locked.deadline = new_deadline
    locked.save(update_fields=["deadline"])
    return locked


@transaction.atomic
def mark_assignment_done(
    assignment: Assignment,
    staff: Staff,
    *,
    result_document: str,
    done_on: date | None = None,
    result_file=None,
) -> Assignment:
    locked = _locked(assignment, staff)
    done_on = done_on or timezone.localdate()
    if done_on > timezone.localdate():
        raise PlanError("Ngày hoàn thành không được sau hôm nay.")
    if result_file:
        check_evidence(result_file)
        locked.result_file = result_file
    locked.result_document = _required(result_document, "Văn bản kết quả")
    locked.done_on = done_on
    locked.save(update_fields=["result_document", "done_on", "result_file"])
    return locked


@transaction.atomic
def close_assignment(assignment: Assignment, staff: Staff) -> Assignment:
    """End the reminder explicitly, as the Province's software requires once the work is done."""
    locked = _locked(assignment, staff)
    if not locked.done_on:
        raise PlanError("Phải ghi nhận hoàn thành (văn bản kết quả) trước khi kết thúc.")
    locked.closed_at = timezone.now()
    locked.closed_by = staff
    locked.save(update_fields=["closed_at", "closed_by"])
    return locked
