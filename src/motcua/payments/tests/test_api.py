"""The staff API lists the agency's payments, filtered by state or dossier."""

import pytest

from motcua.dossiers.links import dossier_ref
from motcua.payments import services
from motcua.payments.gateways import sandbox

from .conftest import gateway_answer

pytestmark = pytest.mark.django_db

URL = "/api/v1/payments/"


def test_staff_list_their_agency_payments(client, shop):
    paid = services.start_payment(shop.dossier).payment
    failed_first = services.start_payment(shop.dossier).payment
    services.handle_callback(
        "sandbox", gateway_answer(failed_first, sandbox.Outcome.FAILED), "127.0.0.1"
    )
    services.handle_callback("sandbox", gateway_answer(paid), "127.0.0.1")
    client.force_login(shop.world.office.user)
    body = client.get(URL).json()
    assert body["count"] == 2
    assert {item["state"] for item in body["items"]} == {"paid", "failed"}
    only_paid = client.get(URL, {"state": "paid"}).json()["items"]
    assert [item["reference"] for item in only_paid] == [paid.reference]
    assert only_paid[0]["dossier"] == dossier_ref(shop.dossier)
    assert only_paid[0]["amount"] == 150_000 and only_paid[0]["state_label"] == "Đã thanh toán"
    assert client.get(URL, {"dossier": dossier_ref(shop.dossier)}).json()["count"] == 2
    assert client.get(URL, {"dossier": "truc-tuyen-999"}).json()["count"] == 0
    assert client.get(URL, {"state": "lost"}).status_code == 400


def test_anonymous_callers_are_refused(client):
    assert client.get(URL).status_code == 401
