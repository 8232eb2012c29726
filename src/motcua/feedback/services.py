"""The applicant's rating of a returned dossier: one per dossier, changeable for a few days."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from motcua.dossiers.constants import State
from motcua.dossiers.models import Dossier
from motcua.org.models import Staff

from .constants import CITIZEN_QUESTIONS, INDEX_FIELDS, Overall, RatingChannel
from .errors import Forbidden, InvalidAnswers, NotAllowed
from .models import Rating


@dataclass(frozen=True)
class Answers:
    index1: int
    index3: int
    index4: int
    index7: int
    overall: str
    comment: str = ""


def _check(answers: Answers) -> None:
    for field in INDEX_FIELDS:
        if getattr(answers, field) not in (0, 1, 2):
            number = CITIZEN_QUESTIONS[field]["number"]
            raise InvalidAnswers(f"Chưa chọn câu trả lời hợp lệ cho chỉ số {number}.")
    if answers.overall not in Overall.values:
        raise InvalidAnswers("Chưa chọn mức độ hài lòng chung.")


def change_deadline(rating: Rating) -> datetime:
    return rating.rated_at + timedelta(days=settings.MOTCUA_RATING_CHANGE_DAYS)


@transaction.atomic
def rate(dossier: Dossier, answers: Answers, channel: str, entered_by: Staff | None = None,
         at: datetime | None = None) -> Rating:
    """Record the applicant's answers for a returned dossier, or replace them within
    MOTCUA_RATING_CHANGE_DAYS of the first rating. The dossier row is locked, so two
    submissions at once end as one rating whatever their order."""
    if channel not in RatingChannel.values:
        raise InvalidAnswers("Hình thức đánh giá không hợp lệ.")
    _check(answers)
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    if entered_by is not None and entered_by.agency_id != dossier.agency_id:
        raise Forbidden("Hồ sơ không thuộc cơ quan của bạn.")
    if channel == RatingChannel.PAPER and entered_by is None:
        raise InvalidAnswers("Phiếu giấy phải ghi người nhập phiếu.")
    # A refused dossier also ends RETURNED, once its refusal is handed over.
    if dossier.state != State.RETURNED:
        raise NotAllowed("Chỉ đánh giá được hồ sơ đã trả kết quả.")
    at = at or timezone.now()
    values = {f: getattr(answers, f) for f in INDEX_FIELDS} | {
        "overall": answers.overall, "comment": answers.comment.strip(), "channel": channel,
        "entered_by": entered_by, "updated_at": at,
    }
    rating = Rating.objects.filter(dossier=dossier).first()
    if rating is None:
        return Rating.objects.create(agency_id=dossier.agency_id, dossier=dossier,
                                     version_id=dossier.version_id, rated_at=at, **values)
    if at > change_deadline(rating):
        raise NotAllowed(
            f"Hồ sơ đã được đánh giá lúc {timezone.localtime(rating.rated_at):%H:%M %d/%m/%Y}; "
            f"chỉ được sửa đánh giá trong {settings.MOTCUA_RATING_CHANGE_DAYS} ngày sau đó.")
    for name, value in values.items():
        setattr(rating, name, value)
    rating.save()
    return rating
