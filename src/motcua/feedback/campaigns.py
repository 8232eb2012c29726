"""SIPAS-style survey campaigns: build the questionnaire, draw the sample from the returned
dossiers of the period, invite, and record each respondent's answers once."""

from collections import defaultdict
from datetime import date, datetime, timedelta
import random
import secrets

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone

from motcua.dossiers.constants import State
from motcua.dossiers.models import Dossier
from motcua.notifications.constants import Channel as MessageChannel
from motcua.notifications.errors import InvalidRecipient
from motcua.notifications.recipients import normalize_phone
from motcua.notifications.services import queue_message
from motcua.org.models import Agency, Staff

from .constants import (
    DEFAULT_SCALE,
    ILLUSTRATIVE_ITEMS,
    CampaignState,
    SurveyChannel,
    SurveyElement,
)
from .errors import Forbidden, InvalidAnswers, NotAllowed
from .models import SurveyAnswer, SurveyCampaign, SurveyChoice, SurveyItem, SurveyRespondent
from .selectors import day_start


def _locked(campaign: SurveyCampaign) -> SurveyCampaign:
    return SurveyCampaign.objects.select_for_update().get(pk=campaign.pk)


def _draft(campaign: SurveyCampaign) -> SurveyCampaign:
    campaign = _locked(campaign)
    if campaign.state != CampaignState.DRAFT:
        raise NotAllowed("Chỉ sửa được đợt khảo sát đang soạn.")
    return campaign


@transaction.atomic
def create_campaign(
    agency: Agency, name: str, starts_on: date, ends_on: date, sample_size: int
) -> SurveyCampaign:
    """A draft campaign with a copy of the illustrative questionnaire and scale."""
    if not name.strip():
        raise InvalidAnswers("Cần tên đợt khảo sát.")
    if ends_on < starts_on:
        raise InvalidAnswers("Ngày kết thúc phải sau ngày bắt đầu.")
    if sample_size < 1:
        raise InvalidAnswers("Cỡ mẫu phải từ 1 trở lên.")
    campaign = SurveyCampaign.objects.create(
        agency=agency,
        name=name.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        sample_size=sample_size,
    )
    SurveyItem.objects.bulk_create(
        SurveyItem(campaign=campaign, element=element, text=text, position=n)
        for n, (element, text) in enumerate(ILLUSTRATIVE_ITEMS, 1)
    )
    SurveyChoice.objects.bulk_create(
        SurveyChoice(campaign=campaign, label=label, satisfied=satisfied, position=n)
        for n, (label, satisfied) in enumerate(DEFAULT_SCALE, 1)
    )
    return campaign


def _item_values(element: str, text: str) -> tuple[str, str]:
    if element not in SurveyElement.values:
        raise InvalidAnswers("Yếu tố không hợp lệ.")
    if not text.strip():
        raise InvalidAnswers("Cần nội dung câu hỏi.")
    return element, text.strip()


@transaction.atomic
def add_item(campaign: SurveyCampaign, element: str, text: str) -> SurveyItem:
    campaign = _draft(campaign)
    element, text = _item_values(element, text)
    last = campaign.items.aggregate(last=Max("position"))["last"] or 0
    campaign.illustrative = False
    campaign.save(update_fields=["illustrative"])
    return SurveyItem.objects.create(
        campaign=campaign, element=element, text=text, position=last + 1
    )


@transaction.atomic
def update_item(item: SurveyItem, element: str, text: str) -> SurveyItem:
    campaign = _draft(item.campaign)
    item.element, item.text = _item_values(element, text)
    item.save(update_fields=["element", "text"])
    campaign.illustrative = False
    campaign.save(update_fields=["illustrative"])
    return item


@transaction.atomic
def remove_item(item: SurveyItem) -> None:
    campaign = _draft(item.campaign)
    item.delete()
    campaign.illustrative = False
    campaign.save(update_fields=["illustrative"])


def population(campaign: SurveyCampaign):
    """The agency's dossiers whose result was returned within the campaign's period."""
    return Dossier.objects.filter(
        agency_id=campaign.agency_id,
        state=State.RETURNED,
        returned_at__gte=day_start(campaign.starts_on),
        returned_at__lt=day_start(campaign.ends_on + timedelta(days=1)),
    )


def _allocate(strata: dict[int, list[int]], size: int) -> dict[int, int]:
    """Proportional allocation by largest remainder; ties go to the lower procedure id."""
    total = sum(len(ids) for ids in strata.values())
    quotas = {key: size * len(ids) / total for key, ids in strata.items()}
    counts = {key: int(q) for key, q in quotas.items()}
    left = size - sum(counts.values())
    for key in sorted(quotas, key=lambda k: (counts[k] - quotas[k], k))[:left]:
        counts[key] += 1
    return counts


@transaction.atomic
def sample(campaign: SurveyCampaign, seed: int) -> list[SurveyRespondent]:
    """Draw the campaign's respondents: a random sample of the period's returned dossiers,
    stratified by procedure in proportion to its dossiers. The same seed over the same
    dossiers draws the same sample; drawing again replaces the previous draw."""
    campaign = _draft(campaign)
    strata: dict[int, list[int]] = defaultdict(list)
    for pk, procedure_id in population(campaign).order_by("pk").values_list("pk", "procedure_id"):
        strata[procedure_id].append(pk)
    if not strata:
        raise NotAllowed("Không có hồ sơ nào được trả kết quả trong khoảng thời gian khảo sát.")
    rng = random.Random(seed)
    size = min(campaign.sample_size, sum(len(ids) for ids in strata.values()))
    chosen = []
    for procedure_id, count in sorted(_allocate(strata, size).items()):
        chosen.extend(rng.sample(strata[procedure_id], count))
    campaign.respondents.all().delete()
    campaign.seed = seed
    campaign.save(update_fields=["seed"])
    return SurveyRespondent.objects.bulk_create(
        SurveyRespondent(campaign=campaign, dossier_id=pk, token=secrets.token_urlsafe(16))
        for pk in sorted(chosen)
    )


@transaction.atomic
def open_campaign(campaign: SurveyCampaign) -> SurveyCampaign:
    campaign = _draft(campaign)
    if not campaign.items.exists():
        raise NotAllowed("Đợt khảo sát chưa có câu hỏi nào.")
    if not campaign.choices.filter(satisfied=True).exists():
        raise NotAllowed("Thang trả lời chưa có mức nào tính là hài lòng.")
    if not campaign.respondents.exists():
        raise NotAllowed("Cần chọn mẫu người được khảo sát trước khi mở khảo sát.")
    campaign.state = CampaignState.OPEN
    campaign.save(update_fields=["state"])
    return campaign


@transaction.atomic
def close_campaign(campaign: SurveyCampaign) -> SurveyCampaign:
    campaign = _locked(campaign)
    if campaign.state != CampaignState.OPEN:
        raise NotAllowed("Chỉ kết thúc được đợt khảo sát đang mở.")
    campaign.state = CampaignState.CLOSED
    campaign.save(update_fields=["state"])
    return campaign


def survey_url(respondent: SurveyRespondent) -> str:
    path = reverse("feedback:survey", kwargs={"token": respondent.token})
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _mobile(phone: str) -> str | None:
    try:
        return normalize_phone(phone) if phone else None
    except InvalidRecipient:  # a landline takes no SMS
        return None


@transaction.atomic
def invite(campaign: SurveyCampaign, at: datetime | None = None) -> int:
    """Send the personal link, by e-mail and SMS, to every sampled applicant not invited yet
    who left an address or a mobile number; the others are surveyed on paper. Returns how many
    were invited."""
    campaign = _locked(campaign)
    if campaign.state != CampaignState.OPEN:
        raise NotAllowed("Chỉ gửi lời mời khi đợt khảo sát đang mở.")
    at = at or timezone.now()
    pending = (
        campaign.respondents.select_for_update()
        .select_related("dossier")
        .filter(invited_at__isnull=True, responded_at__isnull=True)
    )
    invited = 0
    for respondent in pending:
        dossier = respondent.dossier
        recipients = [
            (MessageChannel.EMAIL, dossier.applicant_email),
            (MessageChannel.SMS, _mobile(dossier.applicant_phone)),
        ]
        recipients = [(channel, to) for channel, to in recipients if to]
        if not recipients:
            continue
        for channel, to in recipients:
            queue_message(
                channel,
                to,
                f"Mời tham gia khảo sát sự hài lòng: {campaign.name}",
                f"{campaign.agency.name} mời Ông/Bà cho biết mức độ hài lòng về việc giải quyết "
                f"hồ sơ {dossier.code}. Phiếu khảo sát (khoảng 3 phút): {survey_url(respondent)}",
                agency=campaign.agency,
                topic="feedback.survey_invitation",
                reference=dossier.code or "",
                key=f"survey:{respondent.pk}:invite:{channel}",
            )
        respondent.invited_at = at
        respondent.save(update_fields=["invited_at"])
        invited += 1
    return invited


@transaction.atomic
def answer(
    respondent: SurveyRespondent,
    choices: dict[int, int],
    channel: str,
    entered_by: Staff | None = None,
    at: datetime | None = None,
) -> SurveyRespondent:
    """Record one questionnaire: {item id: choice id}. A respondent answers once."""
    respondent = (
        SurveyRespondent.objects.select_for_update()
        .select_related("campaign")
        .get(pk=respondent.pk)
    )
    campaign = respondent.campaign
    if channel not in SurveyChannel.values:
        raise InvalidAnswers("Hình thức trả lời không hợp lệ.")
    if channel == SurveyChannel.PAPER and (
        entered_by is None or entered_by.agency_id != campaign.agency_id
    ):
        raise Forbidden("Phiếu giấy do cán bộ của cơ quan tổ chức khảo sát nhập.")
    if respondent.responded_at is not None:
        raise NotAllowed("Phiếu khảo sát này đã được trả lời.")
    if campaign.state != CampaignState.OPEN:
        raise NotAllowed("Đợt khảo sát không còn nhận trả lời.")
    items = set(campaign.items.values_list("pk", flat=True))
    options = set(campaign.choices.values_list("pk", flat=True))
    if not set(choices) <= items or not set(choices.values()) <= options:
        raise InvalidAnswers("Câu trả lời không thuộc phiếu khảo sát này.")
    if not choices:
        raise InvalidAnswers("Xin trả lời ít nhất một câu hỏi.")
    SurveyAnswer.objects.bulk_create(
        SurveyAnswer(respondent=respondent, item_id=item, choice_id=choice)
        for item, choice in sorted(choices.items())
    )
    respondent.responded_at = at or timezone.now()
    respondent.channel = channel
    respondent.entered_by = entered_by if channel == SurveyChannel.PAPER else None
    respondent.save(update_fields=["responded_at", "channel", "entered_by"])
    return respondent
