"""On a production deployment the sandbox bank settles nothing unless the deployment is a
training one; online payment can be switched off, and then no page offers or takes it."""

from django.core.checks import run_checks
from django.template import Context, Template
from django.urls import reverse
import pytest

from motcua.payments import services
from motcua.payments.models import Payment

from .conftest import gateway_answer, query, start_path

pytestmark = pytest.mark.django_db

OFFER = Template("{% load payments_tags %}{% payment_offer dossier %}")
OFF_WORDS = "Thanh toán trực tuyến không được cung cấp"


@pytest.fixture
def production(settings):
    settings.DEPLOYMENT_KIND = "production"
    settings.TRAINING_DEPLOYMENT = False
    return settings


def check_ids():
    return {message.id for message in run_checks()}


def test_the_sandbox_gateway_is_an_error_of_the_system_check_in_production(production):
    assert "payments.E002" in check_ids()


def test_the_sandbox_gateway_passes_the_check_in_training_or_outside_production(settings):
    assert "payments.E002" not in check_ids()
    settings.DEPLOYMENT_KIND = "production"
    settings.TRAINING_DEPLOYMENT = True
    assert "payments.E002" not in check_ids()


def test_the_sandbox_gateway_passes_the_check_when_online_payment_is_off(production):
    production.ONLINE_PAYMENT_ENABLED = False
    assert "payments.E002" not in check_ids()


def test_in_production_the_applicant_cannot_pay_in_the_sandbox(client, shop, production):
    """Before: an anonymous applicant "paid" in the sandbox and the fee showed as paid."""
    html = OFFER.render(Context({"dossier": shop.dossier}))
    assert "Thanh toán phí trực tuyến" not in html
    response = client.post(start_path(shop.dossier))
    assert response.status_code == 404
    assert OFF_WORDS in response.content.decode()
    assert not Payment.objects.exists()


def test_in_production_a_sandbox_callback_settles_nothing(client, shop, settings):
    payment = services.start_payment(shop.dossier).payment
    settings.DEPLOYMENT_KIND = "production"
    answer = gateway_answer(payment)
    back = client.get(reverse("payments:return", args=["sandbox"]), answer)
    notified = client.post(reverse("payments:callback", args=["sandbox"]), answer)
    assert (back.status_code, notified.status_code) == (404, 404)
    payment.refresh_from_db()
    assert payment.state == "pending"


def test_in_production_the_sandbox_bank_page_is_closed(client, shop, settings):
    bank_url = client.post(start_path(shop.dossier)).url
    settings.DEPLOYMENT_KIND = "production"
    assert client.get(bank_url).status_code == 404
    response = client.post(reverse("payments:sandbox"), {**query(bank_url), "choice": "pay"})
    assert response.status_code == 404


def test_a_training_deployment_pays_in_the_sandbox_under_a_training_banner(
    client, shop, production
):
    production.TRAINING_DEPLOYMENT = True
    bank_url = client.post(start_path(shop.dossier)).url
    page = client.get(bank_url)
    assert page.status_code == 200
    assert "Bản đào tạo — không có giá trị pháp lý" in page.content.decode()


def test_switched_off_online_payment_is_offered_nowhere_and_its_pages_answer_404(
    client, shop, settings
):
    settings.ONLINE_PAYMENT_ENABLED = False
    assert "Thanh toán phí trực tuyến" not in OFFER.render(Context({"dossier": shop.dossier}))
    for response in (client.get(start_path(shop.dossier)), client.post(start_path(shop.dossier))):
        assert response.status_code == 404
        assert OFF_WORDS in response.content.decode()
    assert client.get(reverse("payments:sandbox")).status_code == 404
    assert not Payment.objects.exists()
