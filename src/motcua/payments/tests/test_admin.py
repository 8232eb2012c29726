"""The admin shows payments and the callback log read-only, scoped to the agency."""

import pytest

from motcua.payments import services
from motcua.payments.models import CallbackLog, Payment

from .conftest import gateway_answer

pytestmark = pytest.mark.django_db


def test_the_operator_reads_payments_and_callbacks(admin_client, shop):
    payment = services.start_payment(shop.dossier).payment
    services.handle_callback("sandbox", gateway_answer(payment), "127.0.0.1")
    listing = admin_client.get("/quan-tri/payments/payment/").content.decode()
    assert payment.reference in listing
    change = admin_client.get(f"/quan-tri/payments/payment/{payment.pk}/change/")
    assert change.status_code == 200 and 'name="_save"' not in change.content.decode()
    assert admin_client.get("/quan-tri/payments/payment/add/").status_code == 403
    entry = CallbackLog.objects.get()
    assert admin_client.get("/quan-tri/payments/callbacklog/").status_code == 200
    assert (
        admin_client.post(
            f"/quan-tri/payments/callbacklog/{entry.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    assert Payment.objects.count() == 1 and CallbackLog.objects.count() == 1
