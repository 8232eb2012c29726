"""/api/v1/ratings: the agency's ratings for staff, and the entry an electronic rating device at
the counter (Decree 61 Art. 29) posts to."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import dossier_by_secret
from motcua.org.permissions import require

from . import kiosk, permissions, services
from .constants import Overall, RatingChannel
from .errors import FeedbackError
from .selectors import officers_of, ratings_of, with_revision_counts

router = Router()  # staff only: the API app mounts it behind staff_auth

Score = Literal[0, 1, 2]


class RatingOut(Schema):
    dossier: str
    channel: str
    index1: int
    index3: int
    index4: int
    index7: int
    overall: str
    comment: str
    rated_at: datetime
    updated_at: datetime
    revisions: int = Field(description="Số lần đã trả lời (lần đầu và mỗi lần sửa).")
    officers: list[str]

    @staticmethod
    def resolve_dossier(rating) -> str:
        return rating.dossier.code

    @staticmethod
    def resolve_revisions(rating) -> int:
        count = getattr(rating, "revision_count", None)
        return rating.revisions.count() if count is None else count

    @staticmethod
    def resolve_officers(rating) -> list[str]:
        return [staff.full_name for staff in officers_of(rating.dossier)]


class RatingFilter(Schema):
    channel: Literal["web", "kiosk", "paper"] | None = None
    overall: Literal["very_satisfied", "satisfied", "dissatisfied"] | None = None
    start: date | None = Field(None, description="Đánh giá từ ngày (YYYY-MM-DD)")
    end: date | None = Field(None, description="Đến ngày (YYYY-MM-DD)")


class RatingIn(Schema):
    index1: Score
    index3: Score
    index4: Score
    index7: Score
    overall: Literal["very_satisfied", "satisfied", "dissatisfied"]
    comment: str = Field("", max_length=2000)
    channel: Literal["kiosk", "paper"] = RatingChannel.KIOSK
    kiosk_token: str = Field(
        "",
        max_length=200,
        description="Mã phiên của hồ sơ vừa trả tại "
        "quầy (GET /ratings/kiosk), do thiết bị tại quầy gửi.",
    )
    secret: str = Field(
        "",
        max_length=16,
        description="Mã bí mật in trên giấy tiếp nhận, khi "
        "không có mã phiên; cần để sửa đánh giá đã có.",
    )


class HandoverOut(Schema):
    dossier: str = Field(description="Mã hồ sơ cán bộ vừa trả kết quả tại quầy.")
    kiosk_token: str = Field(
        description=f"Gửi kèm đánh giá; hết hạn sau {kiosk.KIOSK_HANDOVER_MINUTES} phút."
    )


@router.get("/", response=list[RatingOut], summary="Đánh giá của người dân (cơ quan của cán bộ)")
@paginate
def list_ratings(request, filters: Query[RatingFilter]):
    require(permissions.may_read_ratings(request.auth), permissions.READ_REFUSAL)
    values = {k: v for k, v in filters.dict().items() if v}
    return with_revision_counts(ratings_of(request.auth.agency, **values))


@router.get(
    "/kiosk",
    response=HandoverOut,
    summary="Hồ sơ vừa trả tại quầy, để thiết bị đánh giá tại quầy hỏi ý kiến",
)
def kiosk_handover(request):
    staff = request.auth
    require(permissions.may_run_kiosk(staff), permissions.KIOSK_REFUSAL)
    dossier = kiosk.just_handed_over(staff)
    if dossier is None:
        raise HttpError(404, "Chưa có hồ sơ nào vừa trả kết quả tại quầy.")
    return {"dossier": dossier.code, "kiosk_token": kiosk.issue(staff, dossier)}


def _kiosk_dossier(staff, code: str, payload: RatingIn) -> tuple[Dossier, bool]:
    """The dossier of the kiosk token (it must be `code`), or `code` with its secret."""
    if payload.kiosk_token:
        dossier = kiosk.redeem(payload.kiosk_token, staff)
        if dossier is None or dossier.code != code:
            raise HttpError(403, "Mã phiên đánh giá không hợp lệ hoặc đã hết hạn.")
        return dossier, False
    dossier = dossier_by_secret(code, payload.secret.strip().upper())
    if dossier is None or dossier.agency_id != staff.agency_id:
        raise HttpError(
            403,
            "Thiết bị tại quầy cần mã phiên của hồ sơ vừa trả, hoặc mã bí mật "
            "in trên giấy tiếp nhận.",
        )
    return dossier, True


def _paper_dossier(staff, code: str) -> Dossier:
    dossier = Dossier.objects.filter(agency=staff.agency, code=code).first()
    if dossier is None:
        raise HttpError(404, "Không tìm thấy hồ sơ có mã này tại cơ quan.")
    return dossier


@router.post(
    "/{code}", response=RatingOut, summary="Ghi đánh giá từ thiết bị tại quầy hoặc phiếu giấy"
)
def rate(request, code: str, payload: RatingIn):
    """Thiết bị tại quầy đánh giá hồ sơ vừa trả (kiosk_token) hoặc hồ sơ có mã bí mật; phiếu
    giấy không thay thế đánh giá đã có."""
    staff = request.auth
    if payload.channel == RatingChannel.PAPER:
        require(permissions.may_enter_paper(staff), permissions.PAPER_REFUSAL)
        dossier, with_secret = _paper_dossier(staff, code), False
    else:
        require(permissions.may_run_kiosk(staff), permissions.KIOSK_REFUSAL)
        dossier, with_secret = _kiosk_dossier(staff, code, payload)
    answers = services.Answers(
        payload.index1,
        payload.index3,
        payload.index4,
        payload.index7,
        Overall(payload.overall),
        payload.comment,
    )
    try:
        return services.rate(
            dossier, answers, payload.channel, with_secret=with_secret, staff=staff
        )
    except FeedbackError as error:
        raise HttpError(error.status, error.message) from None
