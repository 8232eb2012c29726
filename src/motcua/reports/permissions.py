"""Who may order which report and open which job: the office and the director order every
report of their agency; a unit head only the statistics (counts by field and procedure, no
names), since the register names every applicant of the agency and the briefing ranks the
officers of every unit. A job, its page and its file are its requester's: another user's or
another agency's job is "not found"."""

from motcua.org.constants import Role
from motcua.org.permissions import in_agency, is_management

from .constants import Kind

# Who opens the reports page at all.
REPORT_USERS = (Role.OFFICE, Role.DIRECTOR, Role.UNIT_HEAD)
# The reports that name people across the whole agency: its management's only.
MANAGEMENT_KINDS = (Kind.REGISTER_XLSX, Kind.BRIEFING_XLSX, Kind.BRIEFING_DOCX)

USE_REFUSAL = "Chỉ Văn phòng, Giám đốc và lãnh đạo phòng được lập báo cáo."
ORDER_REFUSAL = "Chỉ Văn phòng và Giám đốc được lập báo cáo này."


def may_use_reports(staff) -> bool:
    return staff is not None and staff.has_role(*REPORT_USERS)


def may_order(staff, kind: str) -> bool:
    if not may_use_reports(staff):
        return False
    return kind not in MANAGEMENT_KINDS or is_management(staff)


def orderable_kinds(staff) -> list[tuple[str, str]]:
    """The (value, label) choices of the kinds `staff` may order."""
    return [(kind.value, kind.label) for kind in Kind if may_order(staff, kind)]


def may_view_job(staff, job) -> bool:
    """The job's page and file: its requester, in the job's agency."""
    return (
        may_use_reports(staff)
        and in_agency(staff, job.agency_id)
        and job.requested_by_id == staff.pk
    )
