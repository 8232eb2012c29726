"""The public rating pages, the counter's kiosk and paper entry, and the office's list."""

from django.core.cache import cache
from django.urls import reverse
import pytest

from motcua.feedback.constants import Overall, RatingChannel
from motcua.feedback.models import Rating

ANSWERS = {
    "index1": "2",
    "index3": "1",
    "index4": "1",
    "index7": "2",
    "overall": Overall.SATISFIED,
    "comment": "Nhanh gọn",
}


def _url(dossier, secret=None):
    return reverse("feedback:rate", args=[dossier.code, secret or dossier.tracking_secret])


def _login(client, staff):
    client.force_login(staff.user)


def test_the_page_asks_the_four_questions_and_records_a_web_rating(client, returned):
    page = client.get(_url(returned)).content.decode()
    assert page.count("<fieldset") == 5 and page.count("<legend") == 5
    assert "Sớm hơn ngày hẹn" in page and "Rất hài lòng" in page
    response = client.post(_url(returned), ANSWERS)
    assert response.status_code == 302
    assert response.url == reverse(
        "feedback:thanks", args=[returned.code, returned.tracking_secret]
    )
    rating = Rating.objects.get()
    assert (rating.channel, rating.index3, rating.overall) == ("web", 1, "satisfied")
    assert "Cảm ơn" in client.get(response.url).content.decode()


def test_changing_shows_the_current_answers_and_replaces_them(client, returned):
    client.post(_url(returned), ANSWERS)
    page = client.get(_url(returned)).content.decode()
    assert 'value="satisfied" id="id_overall_1" checked' in page
    client.post(_url(returned), ANSWERS | {"overall": Overall.DISSATISFIED})
    assert Rating.objects.get().overall == Overall.DISSATISFIED


def test_a_wrong_secret_or_an_unknown_code_is_not_found(client, returned):
    assert client.get(_url(returned, "SAIMABIMAT")).status_code == 404
    assert client.get(reverse("feedback:rate", args=["KHONG-CO", "x"])).status_code == 404
    assert client.post(_url(returned, "SAIMABIMAT"), ANSWERS).status_code == 404
    assert client.get(_url(returned, "mã-bí-mật")).status_code == 404
    assert (
        client.post(
            reverse("feedback:entry"), {"code": returned.code, "secret": "mãbímật"}
        ).status_code
        == 200
    )
    assert not Rating.objects.exists()


def test_a_missing_answer_keeps_the_others_and_says_which(client, returned):
    response = client.post(_url(returned), ANSWERS | {"index4": ""})
    page = response.content.decode()
    assert response.status_code == 200 and "Xin chọn một câu trả lời." in page
    assert 'aria-describedby="id_index4_error"' in page
    assert 'value="2" id="id_index1_0" checked' in page and "Nhanh gọn" in page
    assert not Rating.objects.exists()


def test_an_open_dossier_cannot_be_rated_yet(client, world):
    dossier = world.receive()
    page = client.get(_url(dossier)).content.decode()
    assert "chưa trả kết quả" in page and "<fieldset" not in page


def test_the_entry_page_leads_to_the_rating_page_and_limits_guessing(client, returned):
    cache.clear()
    response = client.post(
        reverse("feedback:entry"),
        {"code": returned.code, "secret": returned.tracking_secret.lower()},
    )
    assert response.url == _url(returned)
    for _ in range(10):
        page = client.post(reverse("feedback:entry"), {"code": returned.code, "secret": "sai"})
        assert "không đúng" in page.content.decode()
    blocked = client.post(
        reverse("feedback:entry"), {"code": returned.code, "secret": returned.tracking_secret}
    )
    assert blocked.status_code == 200 and "quá nhiều lần" in blocked.content.decode()
    cache.clear()


def test_the_kiosk_rates_a_dossier_by_its_code_and_secret_and_resets(client, world, returned):
    _login(client, world.officer)
    response = client.post(
        reverse("feedback:kiosk"),
        ANSWERS | {"code": returned.code, "secret": returned.tracking_secret.lower()},
    )
    assert response.status_code == 302 and response.url == reverse("feedback:kiosk")
    page = client.get(response.url).content.decode()
    assert f"Đã ghi nhận đánh giá hồ sơ {returned.code}" in page
    assert 'name="code" id="id_code" value=""' in page
    assert reverse("dossiers:worklist") not in page  # no staff menu facing the applicant
    rating = Rating.objects.get()
    assert rating.channel == RatingChannel.KIOSK and rating.entered_by is None


def test_the_kiosk_refuses_an_open_or_unknown_dossier(client, world):
    _login(client, world.officer)
    open_dossier = world.receive()
    page = client.post(
        reverse("feedback:kiosk"),
        ANSWERS | {"code": open_dossier.code, "secret": open_dossier.tracking_secret},
    )
    assert "Chỉ đánh giá được hồ sơ đã trả kết quả." in page.content.decode()
    page = client.post(
        reverse("feedback:kiosk"), ANSWERS | {"code": "000.00.99.H34-1", "secret": "ABCDEFGH"}
    )
    assert "Mã hồ sơ hoặc mã bí mật không đúng." in page.content.decode()
    assert not Rating.objects.exists()


def test_the_kiosk_is_for_counter_officers(client, world):
    _login(client, world.specialist)
    assert client.get(reverse("feedback:kiosk")).status_code == 403


def test_a_paper_slip_is_typed_in_by_the_office(client, world, returned):
    _login(client, world.office)
    client.post(reverse("feedback:paper"), ANSWERS | {"code": returned.code})
    rating = Rating.objects.get()
    assert rating.channel == RatingChannel.PAPER and rating.entered_by == world.office


def test_the_office_lists_and_filters_the_ratings(client, world, returned):
    from motcua.feedback import services
    from motcua.feedback.tests.conftest import GOOD

    services.rate(returned, GOOD, RatingChannel.KIOSK)
    _login(client, world.office)
    page = client.get(reverse("feedback:manage")).content.decode()
    assert returned.code in page and "Ngô Thị Hồng" in page and "100,0 %" in page
    filtered = client.get(reverse("feedback:manage"), {"channel": "paper"}).content.decode()
    assert returned.code not in filtered
    filtered = client.get(
        reverse("feedback:manage"), {"overall": Overall.VERY_SATISFIED}
    ).content.decode()
    assert returned.code in filtered


def test_the_counter_poster_carries_a_qr_code_of_the_entry_page(client, world, settings):
    _login(client, world.officer)
    page = client.get(reverse("feedback:poster")).content.decode()
    assert "<svg" in page and f"{settings.SITE_URL}/danh-gia/" in page


@pytest.mark.parametrize(
    "name", ["feedback:kiosk", "feedback:paper", "feedback:manage", "feedback:poster"]
)
def test_staff_pages_need_a_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "next=" in response.url


def test_the_dossier_page_snippet_shows_the_rating_or_its_absence(world, returned):
    from django.template.loader import render_to_string

    from motcua.feedback.tests.conftest import GOOD, web_rate

    assert "chưa đánh giá" in render_to_string(
        "feedback/_dossier_rating.html", {"dossier": returned}
    )
    web_rate(returned, GOOD)
    returned.refresh_from_db()
    html = render_to_string("feedback/_dossier_rating.html", {"dossier": returned})
    assert "Rất hài lòng" in html and "tổng 7/8" in html


def test_guessing_secrets_through_the_link_is_limited_too(client, returned):
    cache.clear()
    for n in range(10):
        assert client.get(_url(returned, f"SAI{n:05d}")).status_code == 404
    blocked = client.get(_url(returned))
    assert blocked.status_code == 429 and "quá nhiều lần" in blocked.content.decode()
    cache.clear()
    assert client.get(_url(returned)).status_code == 200


def test_after_the_window_the_page_shows_the_rating_without_a_form(client, returned, settings):
    from motcua.dossiers.tests.conftest import vn
    from motcua.feedback.tests.conftest import GOOD, web_rate

    settings.MOTCUA_RATING_CHANGE_DAYS = 7
    web_rate(returned, GOOD, at=vn(2024, 3, 5, 10, 0))
    page = client.get(_url(returned)).content.decode()
    assert "Thời hạn sửa đánh giá đã hết" in page and "<fieldset" not in page
    client.post(_url(returned), ANSWERS | {"overall": Overall.DISSATISFIED})
    assert Rating.objects.get().overall == Overall.VERY_SATISFIED


def test_the_admin_locks_the_questionnaire_of_an_open_campaign(client, world, returned):
    from django.contrib.auth.models import Permission

    from motcua.feedback import campaigns

    admin_user = world.office.user
    admin_user.is_staff = True
    admin_user.save()
    admin_user.user_permissions.add(*Permission.objects.filter(content_type__app_label="feedback"))
    campaign = campaigns.create_campaign(
        world.agency, "Khảo sát", returned.returned_at.date(), returned.returned_at.date(), 1
    )
    _login(client, world.office)
    url = reverse("admin:feedback_surveycampaign_change", args=[campaign.pk])
    assert 'name="items-0-text"' in client.get(url).content.decode()
    campaigns.sample(campaign, seed=1)
    campaigns.open_campaign(campaign)
    page = client.get(url).content.decode()
    assert 'name="items-0-text"' not in page and campaign.items.first().text in page
