"""The sandbox's server-to-server notification travels over real HTTP to a running server."""

from django.urls import reverse
import pytest

from motcua.payments import services
from motcua.payments.constants import Channel, PaymentState, Verdict
from motcua.payments.models import CallbackLog
from motcua.payments.tasks import deliver_sandbox_notification

from .conftest import gateway_answer, query

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_bank_notifies_before_the_browser_returns(client, shop, live_server, settings):
    settings.SITE_URL = live_server.url
    bank_url = services.start_payment(shop.dossier).redirect_url
    response = client.post(reverse("payments:sandbox"), {**query(bank_url), "choice": "pay"})
    # The notification was delivered (inline here) before the browser was sent back.
    assert response.url.startswith(f"{live_server.url}/thanh-toan/ket-qua/sandbox/?")
    entry = CallbackLog.objects.get()
    assert (entry.channel, entry.verdict) == (Channel.NOTIFY, Verdict.ACCEPTED)
    assert entry.client_ip == "127.0.0.1"
    assert shop.dossier.payments.get().state == PaymentState.PAID
    back = client.get(response.url)
    assert "Đã thanh toán" in back.content.decode()
    assert CallbackLog.objects.order_by("-pk").first().verdict == Verdict.DUPLICATE


def test_a_refused_notification_is_not_retried(shop, live_server, settings):
    settings.SITE_URL = live_server.url
    payment = services.start_payment(shop.dossier).payment
    notify_url = live_server.url + reverse("payments:callback", args=["sandbox"])
    status = deliver_sandbox_notification.delay(
        notify_url, gateway_answer(payment, amount="7")
    ).get()
    assert status == 400
    assert CallbackLog.objects.get().verdict == Verdict.REJECTED
