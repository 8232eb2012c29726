"""Who may read, record and change ratings, and organise surveys: each row run against the page
and against the API endpoint of the same action, which must give the same answer."""

from django.test import Client
from django.urls import reverse
import pytest

from motcua.api.tests.support import ApiClient
from motcua.feedback import campaigns
from motcua.feedback.models import Rating
from motcua.org.tests.cast import make_cast

from .conftest import GOOD, resolved_and_returned, web_rate

ANSWERS = {"index1": "1", "index3": "1", "index4": "1", "index7": "1", "overall": "satisfied"}
BODY = {"index1": 1, "index3": 1, "index4": 1, "index7": 1, "overall": "satisfied"}
SEES, OWN_ONLY, REFUSED = "sees our ratings", "sees only their agency's", "refused"


@pytest.fixture
def scene(world, other_agency):
    return make_cast(world.agency, other_agency), resolved_and_returned(world)


def _page(person) -> Client:
    client = Client()
    client.force_login(person.user)
    return client


def _recorded() -> bool:
    """Whether the action left a rating; the next attempt then starts from none again."""
    made = Rating.objects.exists()
    Rating.objects.all().delete()
    return made


@pytest.mark.parametrize(
    "who, expected",
    [
        ("office", SEES),
        ("director", SEES),
        ("unit_head", SEES),
        ("counter_officer", SEES),
        ("administrator", SEES),
        ("specialist", REFUSED),
        ("clerk", REFUSED),
        ("other_unit_specialist", REFUSED),
        ("other_unit_unit_head", SEES),
        ("other_agency_office", OWN_ONLY),
        ("other_agency_specialist", REFUSED),
    ],
    ids=str,
)
def test_reading_the_ratings(scene, who, expected):
    cast, dossier = scene
    web_rate(dossier, GOOD)
    person = cast[who]
    page = _page(person).get(reverse("feedback:manage"))
    api = ApiClient(Client(), person.user.username).get("/ratings/")
    for response, listing in ((page, page.content.decode()), (api, api.content.decode())):
        if expected == REFUSED:
            assert response.status_code == 403
        else:
            assert response.status_code == 200
            assert (dossier.code in listing) == (expected == SEES)


@pytest.mark.parametrize(
    "who, allowed",
    [
        ("counter_officer", True),
        ("other_agency_counter_officer", False),
        ("office", False),
        ("specialist", False),
        ("director", False),
    ],
    ids=str,
)
def test_rating_at_the_kiosk_with_the_secret(scene, who, allowed):
    cast, dossier = scene
    person = cast[who]
    page = _page(person).post(
        reverse("feedback:kiosk"),
        ANSWERS | {"code": dossier.code, "secret": dossier.tracking_secret},
    )
    assert page.status_code in (302, 200, 403)
    assert _recorded() == allowed
    api = ApiClient(Client(), person.user.username).post(
        f"/ratings/{dossier.code}", BODY | {"secret": dossier.tracking_secret}
    )
    assert (api.status_code == 200) == allowed
    assert _recorded() == allowed


@pytest.mark.parametrize(
    "who, allowed",
    [
        ("counter_officer", True),
        ("office", True),
        ("other_agency_office", False),
        ("specialist", False),
        ("unit_head", False),
        ("director", False),
    ],
    ids=str,
)
def test_typing_in_a_paper_slip(scene, who, allowed):
    cast, dossier = scene
    person = cast[who]
    _page(person).post(reverse("feedback:paper"), ANSWERS | {"code": dossier.code})
    assert _recorded() == allowed
    api = ApiClient(Client(), person.user.username).post(
        f"/ratings/{dossier.code}", BODY | {"channel": "paper"}
    )
    assert (api.status_code == 200) == allowed
    assert _recorded() == allowed


@pytest.mark.parametrize(
    "who, channel, allowed",
    [
        ("counter_officer", "kiosk", False),
        ("office", "paper", False),
        ("counter_officer", "paper", False),
    ],
    ids=str,
)
def test_changing_a_rating_without_the_secret(scene, who, channel, allowed):
    cast, dossier = scene
    person = cast[who]
    web_rate(dossier, GOOD)
    name = "feedback:kiosk" if channel == "kiosk" else "feedback:paper"
    _page(person).post(reverse(name), ANSWERS | {"code": dossier.code})
    assert (Rating.objects.get().overall == "satisfied") == allowed
    api = ApiClient(Client(), person.user.username).post(
        f"/ratings/{dossier.code}", BODY | {"channel": channel}
    )
    assert (api.status_code == 200) == allowed
    assert (Rating.objects.get().overall == "satisfied") == allowed


@pytest.mark.parametrize("secret, allowed", [("right", True), ("wrong", False)], ids=str)
def test_the_applicant_rates_on_the_web_with_the_secret_only(client, scene, secret, allowed):
    _, dossier = scene
    web_rate(dossier, GOOD)
    given = dossier.tracking_secret if secret == "right" else "SAIMABIM"
    response = client.post(reverse("feedback:rate", args=[dossier.code, given]), ANSWERS)
    assert response.status_code == (302 if allowed else 404)
    assert (Rating.objects.get().overall == "satisfied") == allowed
    # The API has no anonymous door to the ratings.
    assert (
        client.post(
            f"/api/v1/ratings/{dossier.code}", BODY, content_type="application/json"
        ).status_code
        == 401
    )


@pytest.mark.parametrize(
    "who, status",
    [
        ("office", 200),
        ("director", 200),
        ("unit_head", 403),
        ("counter_officer", 403),
        ("other_agency_office", 404),
    ],
    ids=str,
)
def test_organising_our_survey_campaign(scene, who, status):
    cast, dossier = scene
    campaign = campaigns.create_campaign(
        cast.agency, "Khảo sát", dossier.returned_at.date(), dossier.returned_at.date(), 1
    )
    page = _page(cast[who]).get(reverse("feedback:campaign_detail", args=[campaign.pk]))
    assert page.status_code == status
