"""Only the holder of the tracking secret changes a rating; the kiosk rates the dossier its
officer has just handed over; a paper slip never replaces a rating; every set of answers is kept,
and the current one is what the officers' Circular 01 scores read."""

import time

from django.urls import reverse
import pytest

from motcua.api.tests.support import ApiClient
from motcua.feedback import kiosk
from motcua.feedback.constants import Overall, RatingChannel
from motcua.feedback.models import Rating, RatingRevision
from motcua.indices.evaluation.compute import citizen_indices

from .conftest import BAD, GOOD, returned_now, web_rate

ANSWERS = {
    "index1": "0",
    "index3": "0",
    "index4": "0",
    "index7": "0",
    "overall": Overall.DISSATISFIED,
    "comment": "Ghi đè",
}
API_BODY = {"index1": 0, "index3": 0, "index4": 0, "index7": 0, "overall": "dissatisfied"}


def _answers(rating):
    rating.refresh_from_db()
    return rating.index1, rating.overall, rating.comment


def test_typing_a_rated_dossier_code_at_the_kiosk_does_not_replace_the_rating(
    client, world, returned
):
    rating = web_rate(returned, GOOD)
    client.force_login(world.officer.user)
    page = client.post(reverse("feedback:kiosk"), ANSWERS | {"code": returned.code})
    assert page.status_code == 200
    assert "mã bí mật" in page.content.decode()
    assert _answers(rating) == (2, Overall.VERY_SATISFIED, GOOD.comment)


def test_the_kiosk_api_without_the_token_or_secret_does_not_replace_the_rating(
    client, world, returned
):
    rating = web_rate(returned, GOOD)
    response = ApiClient(client, world.officer.user.username).post(
        f"/ratings/{returned.code}", API_BODY
    )
    assert response.status_code == 403
    assert _answers(rating) == (2, Overall.VERY_SATISFIED, GOOD.comment)


def test_a_paper_slip_never_replaces_a_rating(client, world, returned):
    rating = web_rate(returned, GOOD)
    client.force_login(world.office.user)
    page = client.post(reverse("feedback:paper"), ANSWERS | {"code": returned.code})
    assert "phiếu giấy không thay thế đánh giá đã có" in page.content.decode()
    response = ApiClient(client, world.office.user.username).post(
        f"/ratings/{returned.code}", API_BODY | {"channel": "paper"}
    )
    assert response.status_code == 409
    assert _answers(rating) == (2, Overall.VERY_SATISFIED, GOOD.comment)


def test_the_holder_of_the_secret_changes_the_rating_and_both_answers_are_kept(client, returned):
    web_rate(returned, GOOD)
    url = reverse("feedback:rate", args=[returned.code, returned.tracking_secret])
    assert client.post(url, ANSWERS).status_code == 302
    first, second = RatingRevision.objects.order_by("number")
    assert (first.number, first.overall, first.comment) == (1, Overall.VERY_SATISFIED, GOOD.comment)
    assert (second.number, second.overall, second.with_secret) == (2, Overall.DISSATISFIED, True)
    assert Rating.objects.get().overall == Overall.DISSATISFIED


def test_the_kiosk_offers_the_dossier_its_officer_just_handed_over(client, world):
    dossier = returned_now(world, world.officer)
    client.force_login(world.officer.user)
    page = client.get(reverse("feedback:kiosk")).content.decode()
    assert f"Hồ sơ vừa nhận kết quả: <strong>{dossier.code}</strong>" in page
    assert 'name="code"' not in page
    token = kiosk.issue(world.officer, dossier)
    response = client.post(reverse("feedback:kiosk"), ANSWERS | {"token": token})
    assert response.status_code == 302
    revision = RatingRevision.objects.get()
    assert (revision.channel, revision.staff, revision.with_secret) == (
        RatingChannel.KIOSK,
        world.officer,
        False,
    )
    # Once rated, the kiosk offers it no more, and its token cannot replace the answers.
    assert 'name="code"' in client.get(reverse("feedback:kiosk")).content.decode()
    page = client.post(
        reverse("feedback:kiosk"), {**ANSWERS, "overall": "satisfied", "token": token}
    )
    assert "mã bí mật" in page.content.decode()
    assert Rating.objects.get().overall == Overall.DISSATISFIED


def test_another_officers_kiosk_is_not_offered_the_dossier(client, world):
    dossier = returned_now(world, world.officer)
    client.force_login(world.officer2.user)
    page = client.get(reverse("feedback:kiosk")).content.decode()
    assert dossier.code not in page
    token = kiosk.issue(world.officer, dossier)
    client.post(reverse("feedback:kiosk"), ANSWERS | {"token": token})
    assert not Rating.objects.exists()


def test_a_kiosk_token_expires_with_the_handover_window(client, world, monkeypatch):
    dossier = returned_now(world, world.officer)
    token = kiosk.issue(world.officer, dossier)
    later = time.time() + kiosk.KIOSK_HANDOVER_MINUTES * 60 + 1
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    assert kiosk.redeem(token, world.officer) is None


def test_the_kiosk_device_gets_the_handover_token_from_the_api(client, world):
    api = ApiClient(client, world.officer.user.username)
    assert api.get("/ratings/kiosk").status_code == 404
    dossier = returned_now(world, world.officer)
    handover = api.get("/ratings/kiosk").json()
    assert handover["dossier"] == dossier.code
    response = api.post(
        f"/ratings/{dossier.code}", API_BODY | {"kiosk_token": handover["kiosk_token"]}
    )
    assert response.status_code == 200 and response.json()["revisions"] == 1
    again = api.post(
        f"/ratings/{dossier.code}",
        API_BODY | {"kiosk_token": handover["kiosk_token"], "overall": "satisfied"},
    )
    assert again.status_code == 409
    assert (
        ApiClient(client, world.specialist.user.username).get("/ratings/kiosk").status_code == 403
    )


def test_the_circular_01_indices_read_the_current_answers_only(returned):
    web_rate(returned, GOOD)
    web_rate(returned, BAD)
    scores = citizen_indices(Rating.objects.all())
    assert RatingRevision.objects.count() == 2
    assert {n: (score.points, score.dossiers) for n, score in scores.items()} == {
        1: (0, 1),
        3: (0, 1),
        4: (0, 1),
        7: (0, 1),
    }


@pytest.mark.parametrize("channel", [RatingChannel.KIOSK, RatingChannel.PAPER])
def test_a_first_rating_from_the_counter_is_one_revision(world, returned, channel):
    from motcua.feedback import services

    services.rate(returned, GOOD, channel, staff=world.officer)
    assert RatingRevision.objects.get().staff == world.officer


def test_a_forged_or_stale_token_asks_for_the_code_and_secret(client, world):
    returned_now(world, world.officer)
    client.force_login(world.officer.user)
    page = client.post(reverse("feedback:kiosk"), ANSWERS | {"token": "gia-mao"}).content.decode()
    assert "Đã hết thời gian đánh giá hồ sơ vừa trả" in page and 'name="secret"' in page
    assert not Rating.objects.exists()


def test_the_admin_shows_every_revision_of_a_rating_read_only(client, world, returned):
    rating = web_rate(returned, GOOD)
    client.post(reverse("feedback:rate", args=[returned.code, returned.tracking_secret]), ANSWERS)
    office = world.office.user
    office.is_staff = True
    office.save()
    client.force_login(office)
    page = client.get(reverse("admin:feedback_rating_change", args=[rating.pk])).content.decode()
    assert GOOD.comment in page and "Ghi đè" in page  # the first answers and the second
    assert 'name="revisions-0-comment"' not in page  # shown, not editable
