"""/api/v1/ratings: the agency's ratings for staff, and the entry an electronic rating device at
the counter (Decree 61 Art. 29) posts to."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from motcua.api.auth import staff_auth
from motcua.dossiers.models import Dossier

from . import services
from .constants import Overall, RatingChannel
from .errors import FeedbackError
from .selectors import officers_of, ratings_of

router = Router(auth=staff_auth)

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
    officers: list[str]

    @staticmethod
    def resolve_dossier(rating) -> str:
        return rating.dossier.code

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


@router.get("/", response=list[RatingOut], summary="Đánh giá của người dân (cơ quan của cán bộ)")
@paginate
def list_ratings(request, filters: Query[RatingFilter]):
    values = {k: v for k, v in filters.dict().items() if v}
    return ratings_of(request.auth.agency, **values)


@router.post("/{code}", response=RatingOut,
             summary="Ghi đánh giá từ thiết bị tại quầy hoặc phiếu giấy")
def rate(request, code: str, payload: RatingIn):
    staff = request.auth
    dossier = Dossier.objects.filter(agency=staff.agency, code=code).first()
    if dossier is None:
        raise HttpError(404, "Không tìm thấy hồ sơ có mã này tại cơ quan.")
    answers = services.Answers(payload.index1, payload.index3, payload.index4, payload.index7,
                               Overall(payload.overall), payload.comment)
    try:
        return services.rate(dossier, answers, payload.channel,
                             entered_by=staff if payload.channel == RatingChannel.PAPER else None)
    except FeedbackError as error:
        raise HttpError(error.status, error.message) from None
