"""An applicant in a real browser pays a submitted dossier's fees in the sandbox gateway."""

import pytest

from motcua.core.testing.browser import screenshot_path
from motcua.dossiers.links import tracking_url
from motcua.dossiers.tests.conftest import build_world
from motcua.payments.constants import Channel, PaymentState, Verdict
from motcua.payments.models import Payment

from .conftest import give_fees, start_path, submit_online

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_paying_a_submitted_dossier_in_the_sandbox(page, live_server, settings):
    settings.SITE_URL = live_server.url  # the gateway sends the browser and its notice here
    world = build_world()
    give_fees(world)
    dossier = submit_online(world)

    page.goto(start_path(dossier))
    assert page.get_by_text("Số tiền cần thanh toán: 150.000 đồng").is_visible()
    page.get_by_role("button", name="Thanh toán trực tuyến").click()

    page.wait_for_url("**/thanh-toan/sandbox/**")
    assert page.get_by_text("Cổng thanh toán thử nghiệm").first.is_visible()
    assert page.get_by_text("150.000 đồng").is_visible()
    assert page.get_by_text(world.agency.name).is_visible()
    page.screenshot(path=screenshot_path("payment-sandbox"), full_page=True)
    page.get_by_role("button", name="Thanh toán", exact=True).click()

    page.wait_for_url("**/thanh-toan/ket-qua/sandbox/**")
    assert page.get_by_text("Đã thanh toán", exact=True).is_visible()
    payment = Payment.objects.get(dossier=dossier)
    assert payment.state == PaymentState.PAID
    # The bank's notification arrived over HTTP first; the browser's return was a duplicate.
    assert list(payment.callbacks.order_by("pk").values_list("channel", "verdict")) == [
        (Channel.NOTIFY, Verdict.ACCEPTED),
        (Channel.RETURN, Verdict.DUPLICATE),
    ]
    link = page.get_by_role("link", name="Xem tình trạng hồ sơ")
    assert link.get_attribute("href") == tracking_url(dossier)
    assert link.get_attribute("href").startswith(live_server.url)
