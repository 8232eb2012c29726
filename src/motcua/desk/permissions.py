"""Who may see and act on the desk's questions and complaints. Pages, the services and the lists
ask these predicates; the roles and the refusals live here and nowhere else.

A complaint concerns its complainant (name, e-mail, phone) and often an officer. Only the
office, the director and the unit it is assigned to see it; the officer it names never opens it
and never acts on it, even from inside that unit. The officer's record lists the findings about
them without the complainant."""

from django.db.models import QuerySet

from motcua.org.constants import Role
from motcua.org.permissions import heads_unit, in_agency, in_unit

# They oversee the whole desk: every question and complaint of the agency.
OVERSEERS = (Role.OFFICE, Role.DIRECTOR)
# The questions desk (the hotline and the counter) sends questions to the unit that answers.
QUESTION_ASSIGNERS = (Role.COUNTER_OFFICER, *OVERSEERS)

ANSWER_REFUSAL = "Chỉ đơn vị được giao, Văn phòng hoặc Giám đốc trả lời câu hỏi này."
ASSIGN_QUESTION_REFUSAL = "Chỉ bộ phận tiếp nhận, Văn phòng hoặc Giám đốc giao câu hỏi."
PUBLISH_REFUSAL = (
    "Chỉ Văn phòng, Giám đốc hoặc lãnh đạo đơn vị trả lời được đăng hoặc gỡ câu "
    "hỏi trên mục hỏi đáp."
)
NAMED_REFUSAL = "Cán bộ bị phản ánh không tự xử lý phản ánh về mình."
HANDLE_REFUSAL = "Chỉ đơn vị được giao, Văn phòng hoặc Giám đốc xử lý phản ánh này."
ASSIGN_COMPLAINT_REFUSAL = (
    "Chỉ Văn phòng, Giám đốc hoặc lãnh đạo đơn vị đang xử lý giao phản ánh này."
)
RECORD_REFUSAL = "Chỉ cán bộ đó, lãnh đạo đơn vị, Văn phòng và Giám đốc xem được trang này."


def _oversees(staff, agency_id) -> bool:
    return in_agency(staff, agency_id) and staff.has_role(*OVERSEERS)


# --- questions ------------------------------------------------------------------------------


def may_assign_question(staff, question) -> bool:
    return in_agency(staff, question.agency_id) and staff.has_role(*QUESTION_ASSIGNERS)


def may_answer_question(staff, question) -> bool:
    """The assigned unit's staff, or the office and the director."""
    return _oversees(staff, question.agency_id) or (
        in_agency(staff, question.agency_id) and in_unit(staff, question.unit_id)
    )


def may_publish_question(staff, question) -> bool:
    return _oversees(staff, question.agency_id) or (
        in_agency(staff, question.agency_id) and heads_unit(staff, question.unit_id)
    )


# --- complaints -----------------------------------------------------------------------------


def _named(staff, complaint) -> bool:
    return staff is not None and staff.pk == complaint.officer_id


def may_see_complaint(staff, complaint) -> bool:
    """The office, the director and the assigned unit; never the officer it names."""
    if _named(staff, complaint):
        return False
    return _oversees(staff, complaint.agency_id) or (
        in_agency(staff, complaint.agency_id) and in_unit(staff, complaint.unit_id)
    )


def complaints_visible_to(staff, complaints: QuerySet) -> QuerySet:
    """The rows of `complaints` `staff` may see (`may_see_complaint` as a query), for the
    worklist, its filters and counts."""
    if staff is None:
        return complaints.none()
    complaints = complaints.filter(agency=staff.agency_id).exclude(officer=staff.pk)
    if staff.has_role(*OVERSEERS):
        return complaints
    return complaints.filter(unit=staff.unit_id)


def may_handle_complaint(staff, complaint) -> bool:
    """Investigating, answering and closing: whoever sees it (never the officer named)."""
    return may_see_complaint(staff, complaint)


def may_assign_complaint(staff, complaint) -> bool:
    if _named(staff, complaint):
        return False
    return _oversees(staff, complaint.agency_id) or (
        in_agency(staff, complaint.agency_id) and heads_unit(staff, complaint.unit_id)
    )


def handle_refusal(staff, complaint) -> str:
    return NAMED_REFUSAL if _named(staff, complaint) else HANDLE_REFUSAL


def may_view_officer_record(staff, officer) -> bool:
    """The officer, and the director, the office and the head of the officer's unit."""
    if not in_agency(staff, officer.agency_id):
        return False
    return (
        staff.pk == officer.pk or staff.has_role(*OVERSEERS) or heads_unit(staff, officer.unit_id)
    )
