"""Commands and figures of the smaller registers: the office keeps them, the director decides
repair and purchase requests; PlanError (Vietnamese) on refusal."""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone

from motcua.org.models import Agency, Staff, Unit

from .constants import Direction, RequestStatus
from .errors import PlanError
from .permissions import DECIDE_REFUSAL, REGISTER_REFUSAL, may_decide_facility, may_edit_register
from .register_models import Document, FacilityRequest, Initiative, InitiativeEvidence
from .uploads import check_evidence


def _check_editor(staff: Staff | None, agency_id: int) -> None:
    if not may_edit_register(staff, agency_id):
        raise PlanError(REGISTER_REFUSAL)


def save_row(staff: Staff, row):
    """Save a register row (new or edited) the office filled in, bound to the office's agency."""
    if row.pk is None:
        row.agency_id = staff.agency_id
    _check_editor(staff, row.agency_id)
    unit = getattr(row, "unit", None)
    if unit is not None and unit.agency_id != row.agency_id:
        raise PlanError("Đơn vị phải thuộc cơ quan.")
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        raise PlanError("Trùng với một dòng đã có trong sổ.") from None
    return row


@transaction.atomic
def add_initiative_evidence(initiative: Initiative, staff: Staff, files) -> int:
    """Attach evidence files (checked by their first bytes); returns how many were attached."""
    _check_editor(staff, initiative.agency_id)
    checked = [(upload, check_evidence(upload)) for upload in files]
    for upload, content_type in checked:
        InitiativeEvidence.objects.create(
            initiative=initiative,
            file=upload,
            name=upload.name.rsplit("/", 1)[-1][:255],
            content_type=content_type,
            size=upload.size,
        )
    return len(checked)


@transaction.atomic
def request_facility(
    staff: Staff, *, kind: str, item: str, reason: str, estimated_cost: int = 0, equipment=None
) -> FacilityRequest:
    _check_editor(staff, staff.agency_id)
    if equipment is not None and equipment.agency_id != staff.agency_id:
        raise PlanError("Trang thiết bị không thuộc cơ quan.")
    if not item.strip() or not reason.strip():
        raise PlanError("Cần ghi nội dung và lý do đề nghị.")
    return FacilityRequest.objects.create(
        agency_id=staff.agency_id,
        kind=kind,
        equipment=equipment,
        item=item.strip(),
        reason=reason.strip(),
        estimated_cost=estimated_cost,
        requested_by=staff,
        requested_on=timezone.localdate(),
    )


def _locked_request(request: FacilityRequest, expected: str) -> FacilityRequest:
    locked = FacilityRequest.objects.select_for_update().get(pk=request.pk)
    if locked.status != expected:
        raise PlanError(f"Đề nghị đang ở trạng thái \u201c{locked.get_status_display()}\u201d.")
    return locked


@transaction.atomic
def decide_facility(
    request: FacilityRequest, director: Staff, *, approve: bool, note: str = ""
) -> FacilityRequest:
    """The director approves, or rejects with a note saying why."""
    if not may_decide_facility(director, request.agency_id):
        raise PlanError(DECIDE_REFUSAL)
    locked = _locked_request(request, RequestStatus.REQUESTED)
    if not approve and not note.strip():
        raise PlanError("Không duyệt thì cần ghi ý kiến.")
    locked.status = RequestStatus.APPROVED if approve else RequestStatus.REJECTED
    locked.decided_by, locked.decided_at = director, timezone.now()
    locked.decision_note = note.strip()
    locked.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    return locked


@transaction.atomic
def complete_facility(
    request: FacilityRequest, staff: Staff, done_on: date | None = None
) -> FacilityRequest:
    _check_editor(staff, request.agency_id)
    locked = _locked_request(request, RequestStatus.APPROVED)
    locked.status, locked.done_on = RequestStatus.DONE, done_on or timezone.localdate()
    locked.save(update_fields=["status", "done_on"])
    return locked


@dataclass(frozen=True)
class Share:
    numerator: int
    denominator: int

    @property
    def percent(self) -> float | None:
        return 100 * self.numerator / self.denominator if self.denominator else None


def electronic_share(agency: Agency | int, year: int) -> Share:
    """Electronic outgoing documents of the year out of all outgoing ones (criterion II.1.11)."""
    rows = Document.objects.filter(
        agency=agency, direction=Direction.OUTGOING, issued_on__year=year
    )
    return Share(rows.filter(is_electronic=True).count(), rows.count())


@dataclass(frozen=True)
class StaffingRow:
    unit: Unit
    quota: int
    in_post: int

    @property
    def difference(self) -> int:
        """Positive: posts still to fill; negative: staff above the quota."""
        return self.quota - self.in_post

    @property
    def excess(self) -> int:
        return -self.difference


def staffing_table(agency: Agency | int) -> list[StaffingRow]:
    """Each unit's staff quota against the staff in post (criterion II.1.10)."""
    units = Unit.objects.filter(agency=agency).annotate(in_post=Count("staff"))
    return [StaffingRow(unit, unit.staff_quota, unit.in_post) for unit in units]
