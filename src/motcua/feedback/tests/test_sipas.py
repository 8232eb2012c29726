"""SIPAS-style campaigns: the sample, the invitations, answering once, and the indices."""

from datetime import date
from decimal import Decimal

from django.test import Client
from django.urls import reverse
import pytest

from motcua.catalog import services as catalog
from motcua.catalog.constants import TimeUnit
from motcua.dossiers.tests.conftest import vn
from motcua.feedback import campaigns
from motcua.feedback.constants import CampaignState, SurveyChannel, SurveyElement
from motcua.feedback.errors import NotAllowed
from motcua.feedback.models import SurveyChoice, SurveyItem
from motcua.feedback.sipas import campaign_results, period_overall_percent
from motcua.indices.models import Target
from motcua.indices.rates import indices_for
from motcua.indices.scope import Period, Scope
from motcua.notifications.models import Message

from .conftest import refused_and_returned, resolved_and_returned


def _campaign(world, size=3, start=date(2024, 3, 1), end=date(2024, 3, 31)):
    return campaigns.create_campaign(world.agency, "Khảo sát quý I/2024", start, end, size)


@pytest.fixture
def march(world):
    """Returned dossiers: four in March (two of them refusals), one in April."""
    inside = [resolved_and_returned(world, at=vn(2024, 3, day, 9, 0)) for day in (4, 11)]
    inside += [refused_and_returned(world, at=vn(2024, 3, day, 9, 0)) for day in (5, 12)]
    outside = resolved_and_returned(world, at=vn(2024, 4, 1, 9, 0))
    return inside, outside


def test_a_campaign_starts_from_the_illustrative_questionnaire(world):
    campaign = _campaign(world)
    assert campaign.state == CampaignState.DRAFT and campaign.illustrative
    assert {item.element for item in campaign.items.all()} == set(SurveyElement.values)
    assert [(c.label, c.satisfied) for c in campaign.choices.all()][-2:] == [
        ("Hài lòng", True),
        ("Rất hài lòng", True),
    ]
    campaigns.add_item(campaign, SurveyElement.RESULT, "Kết quả được gửi qua bưu chính")
    campaign.refresh_from_db()
    assert campaign.items.count() == 11 and not campaign.illustrative


def test_the_sample_is_reproducible_and_within_the_period(world, march):
    inside, outside = march
    campaign = _campaign(world)
    first = [r.dossier_id for r in campaigns.sample(campaign, seed=7)]
    assert len(first) == 3 and set(first) <= {d.pk for d in inside}
    assert outside.pk not in first
    again = [r.dossier_id for r in campaigns.sample(campaign, seed=7)]
    assert again == first and campaign.respondents.count() == 3
    draws = {tuple(r.dossier_id for r in campaigns.sample(campaign, seed=s)) for s in range(12)}
    assert len(draws) > 1  # the seed matters


def test_the_sample_is_stratified_by_procedure(world, march):
    other = catalog.create_procedure(
        world.agency,
        name="Đăng ký hộ kinh doanh",
        national_code="2.000720",
        time_limit_value=2,
        time_limit_unit=TimeUnit.WORKING_DAYS,
    )
    catalog.add_step(other, name="Tiếp nhận hồ sơ", hours=4, unit=world.counter)
    catalog.add_step(other, name="Thẩm định hồ sơ", hours=8, unit=world.business)
    catalog.add_step(other, name="Trả kết quả", hours=4, unit=world.counter)
    catalog.publish(other, date(2022, 1, 1))
    world.procedure = other.procedure
    extra = [
        refused_and_returned(world, at=vn(2024, 3, 6, 9, 0)),
        refused_and_returned(world, at=vn(2024, 3, 7, 9, 0)),
    ]
    campaign = _campaign(world, size=3)
    chosen = campaigns.sample(campaign, seed=1)
    # 4 dossiers of the first procedure and 2 of the other: 2 + 1.
    assert sum(r.dossier_id in {d.pk for d in extra} for r in chosen) == 1


def test_invitations_go_by_email_and_sms_once(world, march):
    from motcua.dossiers.services import ApplicantData

    landline = resolved_and_returned(
        world,
        at=vn(2024, 3, 18, 9, 0),
        applicant=ApplicantData(
            name="Trần Văn Bình", phone="02583822222", address="1 Yersin, Nha Trang"
        ),
    )
    campaign = _campaign(world, size=5)
    campaigns.sample(campaign, seed=3)
    with pytest.raises(NotAllowed, match="đang mở"):
        campaigns.invite(campaign)
    campaigns.open_campaign(campaign)
    assert campaigns.invite(campaign) == 4
    assert campaigns.invite(campaign) == 0
    sent = Message.objects.filter(topic="feedback.survey_invitation")
    assert sorted(sent.values_list("channel", flat=True)) == ["email"] * 4 + ["sms"] * 4
    assert campaign.respondents.get(dossier=landline).invited_at is None  # on paper
    token = campaign.respondents.first().token
    assert sent.filter(body__contains=f"/danh-gia/khao-sat/{token}/").count() == 2


def test_the_web_questionnaire_is_answered_once(client, world, march):
    campaign = _campaign(world, size=1)
    respondent = campaigns.sample(campaign, seed=3)[0]
    url = reverse("feedback:survey", args=[respondent.token])
    assert "không nhận trả lời" in client.get(url).content.decode()
    campaigns.open_campaign(campaign)
    items = list(campaign.items.all())
    top = campaign.choices.get(label="Rất hài lòng")
    response = client.post(url, {f"item_{items[0].pk}": top.pk, f"item_{items[4].pk}": top.pk})
    assert response.status_code == 302
    assert "Cảm ơn Ông/Bà đã trả lời" in client.get(url).content.decode()
    respondent.refresh_from_db()
    assert respondent.channel == SurveyChannel.WEB and respondent.answers.count() == 2
    client.post(url, {f"item_{items[1].pk}": top.pk})
    assert respondent.answers.count() == 2
    with pytest.raises(NotAllowed, match="đã được trả lời"):
        campaigns.answer(respondent, {items[1].pk: top.pk}, SurveyChannel.WEB)
    assert client.get(reverse("feedback:survey", args=["khong-co"])).status_code == 404


def test_an_empty_questionnaire_is_refused(client, world, march):
    campaign = _campaign(world, size=1)
    respondent = campaigns.sample(campaign, seed=3)[0]
    campaigns.open_campaign(campaign)
    page = client.post(reverse("feedback:survey", args=[respondent.token]), {})
    assert "ít nhất một câu hỏi" in page.content.decode()


def test_the_office_types_in_a_paper_questionnaire(client, world, march):
    campaign = _campaign(world, size=1)
    respondent = campaigns.sample(campaign, seed=3)[0]
    campaigns.open_campaign(campaign)
    client.force_login(world.office.user)
    item = campaign.items.first()
    choice = campaign.choices.first()
    url = reverse("feedback:paper_questionnaire", args=[campaign.pk, respondent.pk])
    assert client.post(url, {f"item_{item.pk}": choice.pk}).status_code == 302
    respondent.refresh_from_db()
    assert respondent.channel == SurveyChannel.PAPER and respondent.entered_by == world.office
    assert client.get(reverse("feedback:campaign_detail", args=[campaign.pk])).status_code == 200


def test_campaign_pages_are_for_the_office_and_the_director(client, world):
    client.force_login(world.officer.user)
    assert client.get(reverse("feedback:campaign_list")).status_code == 403
    client.force_login(world.director.user)
    response = client.post(
        reverse("feedback:campaign_list"),
        {
            "name": "Khảo sát 2024",
            "starts_on": "2024-01-01",
            "ends_on": "2024-12-31",
            "sample_size": "50",
        },
    )
    assert response.status_code == 302


def test_the_indices_computed_by_hand(world, march):
    """Two items of "access", one of "officials"; three respondents answer:

    access:    A1: very satisfied, satisfied, neutral   A2: dissatisfied, very satisfied
               → 3 satisfied of 5 answers = 0.6
    officials: O1: satisfied, very dissatisfied, satisfied → 2 of 3 = 0.6667
    The other three elements have no items: left out. Overall = (0.6 + 0.6667) / 2 = 0.6333.
    """
    campaign = _campaign(world, size=4)
    SurveyItem.objects.filter(campaign=campaign).delete()
    a1 = SurveyItem.objects.create(campaign=campaign, element="access", text="A1", position=1)
    a2 = SurveyItem.objects.create(campaign=campaign, element="access", text="A2", position=2)
    o1 = SurveyItem.objects.create(campaign=campaign, element="officials", text="O1", position=3)
    one, two, three, four = campaigns.sample(campaign, seed=5)
    campaigns.open_campaign(campaign)
    s = {c.label: c.pk for c in SurveyChoice.objects.filter(campaign=campaign)}
    campaigns.answer(
        one,
        {a1.pk: s["Rất hài lòng"], a2.pk: s["Không hài lòng"], o1.pk: s["Hài lòng"]},
        SurveyChannel.WEB,
    )
    campaigns.answer(
        two,
        {a1.pk: s["Hài lòng"], a2.pk: s["Rất hài lòng"], o1.pk: s["Rất không hài lòng"]},
        SurveyChannel.WEB,
    )
    campaigns.answer(
        three,
        {a1.pk: s["Bình thường"], o1.pk: s["Hài lòng"]},
        SurveyChannel.PAPER,
        entered_by=world.office,
    )
    results = campaign_results(campaign)
    by = {e.element: e for e in results.elements}
    assert (by["access"].answers, by["access"].satisfied) == (5, 3)
    assert by["access"].index == pytest.approx(0.6)
    assert by["officials"].index == pytest.approx(2 / 3)
    assert [e.element for e in results.without_answers] == ["procedure", "result", "feedback"]
    assert results.overall_percent == pytest.approx(100 * (0.6 + 2 / 3) / 2)
    # The indices read the same figure as the SIPAS actual of any period the campaign ends in.
    ends = campaign.ends_on
    assert period_overall_percent(world.agency, ends, ends) == pytest.approx(63.33, abs=0.01)
    Target.objects.create(agency=world.agency, year=ends.year, key="satisfaction", value=85)
    year = Period(date(ends.year, 1, 1), date(ends.year, 12, 31))
    sipas = {t.key: t for t in indices_for(Scope(world.agency), year).other_targets}
    assert sipas["satisfaction"].actual == Decimal("63.33")
    assert sipas["satisfaction"].gap == Decimal("-21.67")
    assert (
        period_overall_percent(
            world.agency, ends.replace(year=ends.year + 1), ends.replace(year=ends.year + 1)
        )
        is None
    )
    assert (results.sampled, results.invited, results.responded) == (4, 0, 3)
    assert results.response_rate == pytest.approx(0.75)
    client = Client()
    client.force_login(world.office.user)
    page = client.get(reverse("feedback:campaign_detail", args=[campaign.pk])).content.decode()
    assert "60,0 %" in page and "66,7 %" in page and "63,3 %" in page
    assert "không tính: Thủ tục hành chính; Kết quả dịch vụ;" in page
    campaigns.close_campaign(campaign)
    with pytest.raises(NotAllowed, match="không còn nhận"):
        campaigns.answer(four, {a1.pk: s["Hài lòng"]}, SurveyChannel.WEB)


def test_the_office_runs_a_campaign_from_its_page(client, world, march):
    campaign = _campaign(world, size=2)
    client.force_login(world.office.user)

    def post(name, data=None, **kwargs):
        response = client.post(
            reverse(f"feedback:{name}", kwargs={"pk": campaign.pk, **kwargs}),
            data or {},
            follow=True,
        )
        assert response.status_code == 200
        return response.content.decode()

    post("item_add", {"new-element": "result", "new-text": "Kết quả gửi qua bưu chính đúng hẹn"})
    item = campaign.items.get(text="Kết quả gửi qua bưu chính đúng hẹn")
    post(
        "item_save",
        {f"i{item.pk}-element": "access", f"i{item.pk}-text": "Nơi gửi xe"},
        item_pk=item.pk,
    )
    item.refresh_from_db()
    assert (item.element, item.text) == ("access", "Nơi gửi xe")
    post("item_save", {"remove": "1"}, item_pk=item.pk)
    assert not campaign.items.filter(pk=item.pk).exists()
    assert "Cần chọn mẫu" in post("campaign_action", action="open")
    post("campaign_action", {"seed": "42"}, action="sample")
    assert campaign.respondents.count() == 2
    post("campaign_action", action="open")
    page = post("campaign_action", action="invite")
    assert "Đã gửi lời mời tới 2 người" in page
    assert "Chỉ sửa được đợt khảo sát đang soạn" in post(
        "item_add", {"new-element": "result", "new-text": "Câu hỏi muộn"}
    )
    page = post("campaign_action", action="close")
    assert "Đã kết thúc" in page and "chưa có câu trả lời" in page
