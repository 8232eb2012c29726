"""Who may see which figures, asked alike by the dashboards, the Decision 766 and evaluation pages
and their drill-downs, the scorecards and GET /api/v1/indices: the agency's leaders (office,
director, administrator) see the whole agency; a unit head their unit and its officers; every
staff member their own figures. The 766 score and the Circular 01 evaluation are the leaders'
and the unit heads'. Another agency is never seen (the API answers it "not found")."""

from motcua.org.constants import Role
from motcua.org.models import Staff
from motcua.org.permissions import heads_unit, in_agency

# Who sees the whole agency's figures and rankings.
LEADERS = (Role.OFFICE, Role.DIRECTOR, Role.ADMINISTRATOR)
# Who reads the Decision 766 score and the Circular 01 evaluation (a unit head: its officers).
QUALITY_READERS = (*LEADERS, Role.UNIT_HEAD)
SCORECARD_READERS = LEADERS
SCORECARD_EDITORS = (Role.OFFICE, Role.ADMINISTRATOR)

AGENCY_REFUSAL = "Chỉ Văn phòng và lãnh đạo được xem chỉ số."
UNIT_REFUSAL = "Chỉ lãnh đạo Sở, Văn phòng và trưởng đơn vị được xem."
D766_REFUSAL = "Chỉ Văn phòng và lãnh đạo được xem Bộ chỉ số theo Quyết định 766."
EVALUATION_REFUSAL = "Chỉ Văn phòng và lãnh đạo được xem kết quả đánh giá."
SCORECARD_REFUSAL = "Chỉ Văn phòng và lãnh đạo được xem bộ chỉ số."
SCORING_REFUSAL = "Chỉ Văn phòng và Quản trị được chấm điểm."


def is_leader(staff) -> bool:
    return staff is not None and staff.has_role(*LEADERS)


def is_unit_head(staff) -> bool:
    return staff is not None and staff.has_role(Role.UNIT_HEAD)


def may_view_agency(staff, agency_id) -> bool:
    """The whole agency's figures, its unit and officer rankings."""
    return in_agency(staff, agency_id) and is_leader(staff)


def may_view_unit(staff, unit) -> bool:
    """A unit's figures and its officers' ranking: the leaders, and the unit's own head."""
    return in_agency(staff, unit.agency_id) and (is_leader(staff) or heads_unit(staff, unit.pk))


def may_pick_unit(staff) -> bool:
    """The leaders open any unit's page; a unit head only their own."""
    return is_leader(staff)


def may_view_officer(staff, officer) -> bool:
    """An officer's own figures: themselves, their unit's head and the agency's leaders."""
    if staff is None or officer is None:
        return False
    if staff.pk == officer.pk:
        return True
    return in_agency(staff, officer.agency_id) and (
        is_leader(staff) or heads_unit(staff, officer.unit_id)
    )


def may_view_scope(staff, scope) -> bool:
    """The API's scope: an officer's figures, else a unit's, else the whole agency's; a field,
    procedure or channel only narrows what the caller may already see."""
    if not in_agency(staff, scope.agency.pk):
        return False
    if scope.officer is not None:
        return may_view_officer(staff, scope.officer)
    if scope.unit is not None:
        return may_view_unit(staff, scope.unit)
    return may_view_agency(staff, scope.agency.pk)


def scope_refusal(scope) -> str:
    return UNIT_REFUSAL if scope.unit is not None and scope.officer is None else AGENCY_REFUSAL


def may_view_d766(staff) -> bool:
    return staff is not None and staff.has_role(*QUALITY_READERS)


def may_view_evaluation(staff) -> bool:
    return staff is not None and staff.has_role(*QUALITY_READERS)


def graded_officers(staff):
    """The officers `staff` sees graded in the evaluation: all (None) for the leaders; a unit
    head's unit; anyone else, themselves."""
    if is_leader(staff):
        return None
    if is_unit_head(staff):
        return Staff.objects.filter(agency=staff.agency_id, unit=staff.unit_id)
    return Staff.objects.filter(pk=staff.pk)


def may_view_scorecards(staff) -> bool:
    return staff is not None and staff.has_role(*SCORECARD_READERS)


def may_edit_scorecards(staff) -> bool:
    return staff is not None and staff.has_role(*SCORECARD_EDITORS)
