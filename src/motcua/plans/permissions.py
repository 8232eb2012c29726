"""Who may see and do what in the plans and their registers: the agency's management (director
and office) follows every task and assignment of its own agency; a unit those it leads, co-operates
on or was given; every staff member reads the registers, the office keeps them and the director
decides repair and purchase requests. Another agency's rows are "not found" (404), never 403,
so their existence is not confirmed."""

from motcua.org.constants import Role
from motcua.org.permissions import in_agency, in_unit, is_management

# The roles that keep the registers and the report calendar: the Office and its leader.
REGISTER_KEEPERS = (Role.OFFICE, Role.DIRECTOR)
FACILITY_DECIDERS = (Role.DIRECTOR,)

REPORT_REFUSAL = "Chỉ Văn phòng Sở và đơn vị chủ trì, phối hợp được báo cáo nhiệm vụ này."
HANDLE_REFUSAL = "Chỉ Văn phòng Sở và đơn vị được giao xử lý nhiệm vụ này."
OFFICE_REFUSAL = "Chỉ Văn phòng Sở và lãnh đạo Sở dùng trang này."
REGISTER_REFUSAL = "Chỉ Văn phòng Sở được cập nhật sổ này."
DECIDE_REFUSAL = "Chỉ Giám đốc Sở duyệt đề nghị sửa chữa, mua sắm."


def follows_everything(staff) -> bool:
    """The director and the office follow every task and assignment of their agency."""
    return is_management(staff)


def may_view_plan(staff, plan) -> bool:
    return in_agency(staff, plan.agency_id)


def _works_on(staff, task) -> bool:
    return in_unit(staff, task.lead_unit_id) or (
        staff.unit_id is not None and task.co_units.filter(pk=staff.unit_id).exists()
    )


def may_view_task(staff, task) -> bool:
    """The task, its progress reports and their evidence: the agency's management, the lead
    unit and the co-operating units."""
    if not in_agency(staff, task.plan.agency_id):
        return False
    return follows_everything(staff) or _works_on(staff, task)


def may_report(staff, task) -> bool:
    """Whoever follows the task reports its progress."""
    return may_view_task(staff, task)


def may_view_assignment(staff, assignment) -> bool:
    if not in_agency(staff, assignment.agency_id):
        return False
    return follows_everything(staff) or in_unit(staff, assignment.unit_id)


def may_handle(staff, assignment) -> bool:
    """Extend, record as done and close: the office and the unit given the assignment."""
    return may_view_assignment(staff, assignment)


def may_use_report_calendar(staff) -> bool:
    """The report calendar, its drafts and the task-table import: the office and the director."""
    return staff is not None and staff.has_role(*REGISTER_KEEPERS)


def may_use_occurrence(staff, occurrence) -> bool:
    """A report owed (its draft, its submission): the calendar's users of its own agency."""
    return may_use_report_calendar(staff) and in_agency(staff, occurrence.obligation.agency_id)


def may_view_registers(staff, agency_id) -> bool:
    """Initiatives, facilities, documents and staffing are read by every staff member of the
    agency."""
    return in_agency(staff, agency_id)


def may_edit_register(staff, agency_id) -> bool:
    return in_agency(staff, agency_id) and staff.has_role(*REGISTER_KEEPERS)


def may_decide_facility(staff, agency_id) -> bool:
    return in_agency(staff, agency_id) and staff.has_role(*FACILITY_DECIDERS)


def may_download_evidence(staff, evidence) -> bool:
    return may_view_task(staff, evidence.progress.task)


def may_download_result(staff, assignment) -> bool:
    return may_view_assignment(staff, assignment)


def may_download_initiative_evidence(staff, evidence) -> bool:
    return may_view_registers(staff, evidence.initiative.agency_id)
