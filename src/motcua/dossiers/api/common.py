"""The dossier router, how a URL names a dossier, the error answers, and finding what a request
names, always inside the caller's agency."""

from datetime import datetime

from django.utils import timezone
from ninja import Field, P, Path, Router, Schema

from motcua.catalog.models import Procedure
from motcua.org.models import Staff

from ..errors import InvalidInput, NotFound
from ..links import ref_lookup
from ..models import Dossier
from ..selectors import visible_dossiers

router = Router()  # staff only: the API app mounts it behind staff_auth

# How a URL names a dossier that has no code yet (an online submission not yet received); the
# staff pages use the same form.
DossierRef = Path[
    str,
    P(
        description="Mã hồ sơ, ví dụ 000.00.17.H34-240304-0001; hồ sơ nộp trực tuyến chưa tiếp "
        "nhận (chưa có mã) là truc-tuyen-<số>, như trường `ref`."
    ),
]

# ---------------------------------------------------------------------------------------------
# What the API answers


class RefusalOut(Schema):
    detail: str = Field(description="Lý do, bằng tiếng Việt, hiển thị được cho người dùng.")


class BadRequestOut(RefusalOut):
    errors: list[dict] | None = Field(
        None, description="Lỗi kiểm tra tham số: chi tiết từng trường (theo pydantic)."
    )
    missing: list[str] | None = Field(
        None, description="Hồ sơ chưa đầy đủ: tên các giấy tờ bắt buộc còn thiếu."
    )


ERRORS = {
    400: BadRequestOut,
    401: RefusalOut,  # no token, an unknown or revoked one
    403: RefusalOut,  # not a staff member, or a role that may not take the action
    404: RefusalOut,  # no such dossier in the caller's agency
    409: RefusalOut,  # not in this state, or someone acted since (expected_revision)
}


def error_responses(*statuses: int) -> dict:
    return {status: ERRORS[status] for status in statuses}


# ---------------------------------------------------------------------------------------------
# Finding what a request names, always inside the caller's agency


def dossier_or_404(staff: Staff, ref: str) -> Dossier:
    dossier = visible_dossiers(staff.user).filter(**ref_lookup(ref)).first()
    if dossier is None:
        raise NotFound(f"Không tìm thấy hồ sơ «{ref}».")
    return dossier


def procedure_of(staff: Staff, code: str) -> Procedure:
    procedures = Procedure.objects.filter(agency_id=staff.agency_id)
    # A national code wins over another procedure's local code written the same way.
    procedure = (
        procedures.filter(national_code=code).first() or procedures.filter(local_code=code).first()
    )
    if procedure is None:
        raise InvalidInput(f"Cơ quan của bạn không có thủ tục mã «{code}».")
    return procedure


def colleague(staff: Staff, username: str) -> Staff:
    colleague = (
        Staff.objects.select_related("user", "unit")
        .filter(agency_id=staff.agency_id, user__username=username)
        .first()
    )
    if colleague is None:
        raise InvalidInput(f"Cơ quan của bạn không có cán bộ «{username}».")
    return colleague


def vietnam_time(moment: datetime) -> datetime:
    """A moment written without offset is Vietnam time, as on every form and counter."""
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment
