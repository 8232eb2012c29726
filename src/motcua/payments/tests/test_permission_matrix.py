"""Who sees the money: the staff list of payments (page and API), a dossier's payments on its
page, and the applicant's payment page behind the tracking secret."""

from django.template.loader import render_to_string
from django.test import Client, RequestFactory
import pytest

from motcua.api.tests.support import ApiClient
from motcua.org.tests.cast import make_cast
from motcua.payments import services
from motcua.payments.selectors import payments_of

from .conftest import start_path

pytestmark = pytest.mark.django_db

SEES, OWN_ONLY, REFUSED = "sees our payments", "sees only their agency's", "refused"


@pytest.fixture
def scene(shop, other_agency):
    payment = services.start_payment(shop.dossier).payment
    return make_cast(shop.world.agency, other_agency), shop.dossier, payment


@pytest.mark.parametrize(
    "who, expected",
    [
        ("counter_officer", SEES),
        ("office", SEES),
        ("director", SEES),
        ("specialist", REFUSED),
        ("unit_head", REFUSED),
        ("clerk", REFUSED),
        ("administrator", REFUSED),
        ("other_unit_unit_head", REFUSED),
        ("other_agency_office", OWN_ONLY),
        ("other_agency_specialist", REFUSED),
    ],
    ids=str,
)
def test_the_list_of_payments_page_and_api(scene, who, expected):
    cast, _, payment = scene
    person = cast[who]
    page_client = Client()
    page_client.force_login(person.user)
    page = page_client.get("/thanh-toan/quan-ly/")
    api = ApiClient(Client(), person.user.username).get("/payments/")
    for response in (page, api):
        if expected == REFUSED:
            assert response.status_code == 403
        else:
            assert response.status_code == 200
            assert (payment.reference in response.content.decode()) == (expected == SEES)


@pytest.mark.parametrize(
    "who, shown",
    [
        ("counter_officer", True),
        ("office", True),
        ("director", True),
        ("specialist", False),
        ("unit_head", False),
        ("clerk", False),
        ("other_agency_office", False),
    ],
    ids=str,
)
def test_the_payments_table_of_the_dossier_page(scene, who, shown):
    cast, dossier, payment = scene
    request = RequestFactory().get("/")
    request.user = cast[who].user
    html = render_to_string(
        "payments/_dossier_payments.html",
        {"payments": payments_of(dossier), "dossier": dossier},
        request=request,
    )
    assert (payment.reference in html) == shown


@pytest.mark.parametrize("secret, status", [("right", 200), ("wrong", 404)], ids=str)
def test_the_applicant_pays_with_the_secret_only(client, scene, secret, status):
    _, dossier, _ = scene
    path = start_path(dossier)
    if secret == "wrong":
        path = path.replace(dossier.tracking_secret, "SAIMABIM")
    assert client.get(path).status_code == status
    # No anonymous door to the payments in the API.
    assert client.get("/api/v1/payments/").status_code == 401
