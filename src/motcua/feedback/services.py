"""The applicant's rating of a returned dossier: one per dossier, changeable for a few days by
the holder of the tracking secret, every set of answers kept."""

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
from .models import Rating, RatingRevision


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


def _refuse_replacing(rating: Rating, channel: str) -> None:
    """A rating already given is changed only by the holder of the dossier's secret: never by
    a paper slip typed by staff, nor by a kiosk that did not ask for the secret."""
    when = f"{timezone.localtime(rating.rated_at):%H:%M %d/%m/%Y}"
    if channel == RatingChannel.PAPER:
        raise NotAllowed(
            f"Hồ sơ đã được đánh giá lúc {when}; phiếu giấy không thay thế đánh "
            "giá đã có. Người dân sửa đánh giá bằng mã bí mật in trên giấy tiếp "
            "nhận."
        )
    raise NotAllowed(
        f"Hồ sơ đã được đánh giá lúc {when}; muốn sửa đánh giá, xin nhập mã bí "
        "mật in trên giấy tiếp nhận."
    )


def _record_revision(
    rating: Rating,
    answers: Answers,
    channel: str,
    *,
    with_secret: bool,
    staff: Staff | None,
    at: datetime,
) -> RatingRevision:
    number = rating.revisions.count() + 1
    return RatingRevision.objects.create(
        rating=rating,
        number=number,
        channel=channel,
        with_secret=with_secret,
        staff=staff,
        recorded_at=at,
        comment=answers.comment.strip(),
        overall=answers.overall,
        **{f: getattr(answers, f) for f in INDEX_FIELDS},
    )


def _check_staff(dossier: Dossier, channel: str, staff: Staff | None) -> None:
    if staff is not None and staff.agency_id != dossier.agency_id:
        raise Forbidden("Hồ sơ không thuộc cơ quan của bạn.")
    if channel == RatingChannel.PAPER and staff is None:
        raise InvalidAnswers("Phiếu giấy phải ghi người nhập phiếu.")


@transaction.atomic
def rate(
    dossier: Dossier,
    answers: Answers,
    channel: str,
    *,
    with_secret: bool = False,
    staff: Staff | None = None,
    at: datetime | None = None,
) -> Rating:
    """Record the applicant's answers for a returned dossier.

    The first answers make the rating. A change, within MOTCUA_RATING_CHANGE_DAYS of the first,
    needs `with_secret` (the caller checked the tracking secret on the receipt): the dossier
    code is sequential and anyone can type it, so a kiosk or a paper slip never silently
    replaces what the applicant said. Every set of answers is kept as a revision. `staff` is
    the officer through whose session the answers came (kiosk) or who typed the slip (paper).
    The dossier row is locked, so two submissions at once end as one rating."""
    if channel not in RatingChannel.values:
        raise InvalidAnswers("Hình thức đánh giá không hợp lệ.")
    _check(answers)
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    _check_staff(dossier, channel, staff)
    # A refused dossier also ends RETURNED, once its refusal is handed over.
    if dossier.state != State.RETURNED:
        raise NotAllowed("Chỉ đánh giá được hồ sơ đã trả kết quả.")
    at = at or timezone.now()
    with_secret = with_secret and channel != RatingChannel.PAPER
    values = {f: getattr(answers, f) for f in INDEX_FIELDS} | {
        "overall": answers.overall,
        "comment": answers.comment.strip(),
        "channel": channel,
        "entered_by": staff if channel == RatingChannel.PAPER else None,
        "updated_at": at,
    }
    rating = Rating.objects.filter(dossier=dossier).first()
    if rating is None:
        rating = Rating.objects.create(
            agency_id=dossier.agency_id,
            dossier=dossier,
            version_id=dossier.version_id,
            rated_at=at,
            **values,
        )
    else:
        if not with_secret:
            _refuse_replacing(rating, channel)
        if at > change_deadline(rating):
            raise NotAllowed(
                f"Hồ sơ đã được đánh giá lúc {timezone.localtime(rating.rated_at):%H:%M %d/%m/%Y}"
                f"; chỉ được sửa đánh giá trong {settings.MOTCUA_RATING_CHANGE_DAYS} ngày sau "
                "đó."
            )
        for name, value in values.items():
            setattr(rating, name, value)
        rating.save()
    _record_revision(rating, answers, channel, with_secret=with_secret, staff=staff, at=at)
    return rating
