"""Demo ratings and one closed SIPAS-style campaign for the demo Department, made through the
services. Loading twice changes nothing."""

from datetime import date, datetime, timedelta
import random

from django.db import transaction
from django.utils import timezone

from motcua.dossiers.constants import State
from motcua.dossiers.models import Dossier
from motcua.org.constants import Role
from motcua.org.models import Agency, Staff

from . import campaigns, services
from .constants import SCORES, Overall, RatingChannel, SurveyChannel
from .models import Rating, SurveyCampaign

SEED = 2640
RATED_SHARE = 0.6
CHANNELS = [(RatingChannel.WEB, 5), (RatingChannel.KIOSK, 3), (RatingChannel.PAPER, 2)]
CAMPAIGN_NAME = "Khảo sát sự hài lòng quý {quarter}/{year} (dữ liệu minh họa)"


def _index1(dossier: Dossier) -> int:
    """What the applicant saw: the result before, on or after the appointment day."""
    finished = timezone.localdate(dossier.finished_at or dossier.returned_at)
    due = timezone.localdate(dossier.due_at) if dossier.due_at else finished
    return 2 if finished < due else 1 if finished == due else 0


def _answers(rng: random.Random, dossier: Dossier) -> services.Answers:
    on_time = _index1(dossier)
    trips = dossier.supplement_count
    unhappy = on_time == 0 and rng.random() < 0.5 or rng.random() < 0.06
    index3 = 2 if trips == 0 else 1 if trips == 1 else 0
    index4 = rng.choices(SCORES, weights=[6, 3, 1])[0]
    index7 = 0 if unhappy and rng.random() < 0.4 else min(on_time, 2) or 1
    if unhappy:
        overall = Overall.DISSATISFIED
    else:
        overall = Overall.VERY_SATISFIED if rng.random() < 0.5 else Overall.SATISFIED
    comment = rng.choice(
        [
            "",
            "",
            "",
            "Cán bộ hướng dẫn tận tình.",
            "Thủ tục nhanh gọn.",
            "Nên có thêm chỗ ngồi chờ.",
        ]
    )
    if overall == Overall.DISSATISFIED:
        comment = rng.choice(
            [
                "Phải đi lại nhiều lần.",
                "Trả kết quả chậm so với giấy hẹn.",
                "Hướng dẫn chưa rõ ràng.",
            ]
        )
    return services.Answers(on_time, index3, index4, index7, overall, comment)


def _capped(moment: datetime, now: datetime) -> datetime:
    return min(moment, now)


def load_demo_ratings(department: Agency, *, now: datetime | None = None) -> int:
    """Rate about 60 % of the returned dossiers (mostly satisfied, some not, mixed channels),
    and run one campaign over the last full quarter. Returns the ratings made."""
    now = now or timezone.now()
    made = 0
    if not Rating.objects.filter(agency=department).exists():
        made = _rate(department, now)
    if not SurveyCampaign.objects.filter(agency=department).exists():
        _campaign(department, now)
    return made


def _rate(department: Agency, now: datetime) -> int:
    rng = random.Random(SEED)
    clerks = list(
        Staff.objects.filter(
            agency=department, user__groups__name__in=[Role.COUNTER_OFFICER, Role.OFFICE]
        )
        .distinct()
        .order_by("pk")
    )
    channels = [c for c, weight in CHANNELS for _ in range(weight)]
    made = 0
    returned = Dossier.objects.filter(agency=department, state=State.RETURNED).order_by("pk")
    for dossier in returned:
        if rng.random() >= RATED_SHARE:
            continue
        channel = rng.choice(channels)
        if channel == RatingChannel.PAPER and not clerks:
            channel = RatingChannel.WEB
        at = _capped(dossier.returned_at + timedelta(minutes=rng.randrange(2, 60 * 48)), now)
        services.rate(
            dossier,
            _answers(rng, dossier),
            channel,
            staff=rng.choice(clerks) if channel == RatingChannel.PAPER else None,
            with_secret=channel == RatingChannel.WEB,
            at=at,
        )
        made += 1
    return made


def _last_quarter(today: date) -> tuple[int, int, date, date]:
    quarter = (today.month - 1) // 3  # the one before the current, 0 = last year's fourth
    year = today.year if quarter else today.year - 1
    quarter = quarter or 4
    start = date(year, 3 * quarter - 2, 1)
    end = date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1) - timedelta(days=1)
    return quarter, year, start, end


@transaction.atomic
def _campaign(department: Agency, now: datetime) -> SurveyCampaign | None:
    quarter, year, start, end = _last_quarter(timezone.localdate(now))
    campaign = campaigns.create_campaign(
        department,
        CAMPAIGN_NAME.format(quarter=["I", "II", "III", "IV"][quarter - 1], year=year),
        start,
        end,
        sample_size=40,
    )
    if not campaigns.population(campaign).exists():
        campaign.delete()
        return None
    rng = random.Random(SEED)
    campaigns.sample(campaign, seed=SEED)
    campaigns.open_campaign(campaign)
    invited_at = _capped(
        timezone.make_aware(datetime.combine(end + timedelta(days=3), datetime.min.time())), now
    )
    campaigns.invite(campaign, at=invited_at)
    office = Staff.objects.filter(agency=department, user__groups__name=Role.OFFICE).first()
    choices = list(campaign.choices.all())
    items = list(campaign.items.all())
    for respondent in campaign.respondents.select_related("dossier"):
        if rng.random() >= 0.7:
            continue
        # Mostly the two satisfied levels, sometimes neutral, rarely worse; some items skipped.
        picks = {
            item.pk: rng.choices(choices, weights=[1, 3, 8, 45, 43])[0].pk
            for item in items
            if rng.random() < 0.95
        }
        # Those not invited (no address, no mobile) and some of the others answer on paper.
        on_paper = respondent.invited_at is None or rng.random() < 0.3
        campaigns.answer(
            respondent,
            picks or {items[0].pk: choices[-1].pk},
            SurveyChannel.PAPER if on_paper and office else SurveyChannel.WEB,
            entered_by=office if on_paper else None,
            at=_capped(invited_at + timedelta(days=rng.randrange(1, 10)), now),
        )
    return campaigns.close_campaign(campaign)
