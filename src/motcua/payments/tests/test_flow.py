"""The applicant's way through the test client: start page → sandbox bank → return page."""

from django.urls import reverse
import pytest

from motcua.dossiers.links import tracking_url
from motcua.payments.constants import Channel, PaymentState, Verdict
from motcua.payments.links import payment_url
from motcua.payments.models import CallbackLog, Payment

from .conftest import TOTAL, query, start_path

pytestmark = pytest.mark.django_db


def to_bank(client, dossier):
    """Press "Thanh toán trực tuyến": the redirect to the sandbox bank's page."""
    response = client.post(start_path(dossier))
    assert response.status_code == 302
    assert response.url.startswith(reverse("payments:sandbox") + "?")
    return response.url


def answer_bank(client, bank_url, choice):
    """Open the bank page and press one of its buttons; follow back to our return page."""
    page = client.get(bank_url)
    assert page.status_code == 200
    return client.post(
        reverse("payments:sandbox"), {**query(bank_url), "choice": choice}, follow=True
    )


def test_the_start_page_shows_the_fees_and_the_amount_due(client, shop):
    assert payment_url(shop.dossier) == "http://127.0.0.1:9" + start_path(shop.dossier)
    response = client.get(start_path(shop.dossier))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Lệ phí đăng ký doanh nghiệp" in content and "50.000 đồng" in content
    assert "Số tiền cần thanh toán: <strong>150.000 đồng</strong>" in content


def test_a_wrong_secret_is_the_same_404_as_an_unknown_dossier(client, shop):
    path = start_path(shop.dossier)
    wrong = path.replace(shop.dossier.tracking_secret, "00000000")
    assert client.get(wrong).status_code == 404
    assert client.post(wrong).status_code == 404
    assert client.get("/thanh-toan/truc-tuyen-999999/00000000/").status_code == 404
    assert client.get(path.replace(shop.dossier.tracking_secret, "mã-sai")).status_code == 404
    assert not Payment.objects.exists()


def test_paying_in_the_sandbox_marks_the_payment_paid(client, shop):
    bank_url = to_bank(client, shop.dossier)
    payment = Payment.objects.get()
    assert payment.state == PaymentState.PENDING and payment.amount == TOTAL
    page = client.get(bank_url).content.decode()
    assert "Cổng thanh toán thử nghiệm" in page
    assert payment.reference in page and "150.000 đồng" in page
    assert shop.world.agency.name in page

    response = answer_bank(client, bank_url, "pay")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Đã thanh toán" in content
    assert tracking_url(shop.dossier).replace("&", "&amp;") in content
    payment.refresh_from_db()
    assert payment.state == PaymentState.PAID and payment.gateway_transaction.startswith("SB")
    # The return settled it; the notification could not reach the (unreachable) site.
    assert list(CallbackLog.objects.values_list("channel", "verdict")) == [
        (Channel.RETURN, Verdict.ACCEPTED)
    ]
    again = client.get(start_path(shop.dossier)).content.decode()
    assert "không còn khoản phí" in again


def test_a_failed_payment_says_so_and_can_be_retried(client, shop):
    response = answer_bank(client, to_bank(client, shop.dossier), "fail")
    content = response.content.decode()
    assert "Thanh toán không thành công" in content and "không đủ số dư" in content
    assert "Thanh toán lại" in content
    assert Payment.objects.get().state == PaymentState.FAILED


def test_a_cancelled_payment_says_so(client, shop):
    response = answer_bank(client, to_bank(client, shop.dossier), "cancel")
    assert "Bạn đã hủy thanh toán" in response.content.decode()
    payment = Payment.objects.get()
    assert payment.state == PaymentState.FAILED
    assert payment.failure_reason == "Người thanh toán đã hủy giao dịch"


def test_a_tampered_bank_request_is_refused_by_the_sandbox(client, shop):
    params = query(to_bank(client, shop.dossier))
    params["amount"] = "1000"
    response = client.get(reverse("payments:sandbox"), params)
    assert response.status_code == 400
    assert "sai chữ ký" in response.content.decode()
    response = client.post(reverse("payments:sandbox"), {**params, "choice": "pay"})
    assert response.status_code == 400


def test_a_forged_return_shows_no_tracking_link(client, shop):
    params = query(to_bank(client, shop.dossier))
    forged = {
        "reference": params["reference"],
        "amount": params["amount"],
        "transaction": "SB1",
        "response_code": "00",
        "timestamp": "20260101000000",
        "signature": "0" * 64,
    }
    response = client.get(reverse("payments:return", args=["sandbox"]), forged)
    assert response.status_code == 400
    content = response.content.decode()
    assert "Không xác nhận được kết quả thanh toán" in content
    assert shop.dossier.tracking_secret not in content
    assert Payment.objects.get().state == PaymentState.PENDING


def test_the_notify_endpoint_answers_like_a_gateway_expects(client, shop):
    bank_url = to_bank(client, shop.dossier)
    back = client.post(reverse("payments:sandbox"), {**query(bank_url), "choice": "pay"})
    signed = query(back.url)
    notify = reverse("payments:callback", args=["sandbox"])
    first = client.post(notify, signed)  # no CSRF token: gateways have none
    assert first.status_code == 200 and first.json()["code"] == "00"
    duplicate = client.post(notify, signed)
    assert duplicate.status_code == 200 and duplicate.json()["code"] == "00"
    forged = client.post(notify, {**signed, "response_code": "24"})
    assert forged.status_code == 400 and forged.json()["code"] == "97"
    assert list(CallbackLog.objects.order_by("pk").values_list("verdict", flat=True)) == [
        Verdict.ACCEPTED,
        Verdict.DUPLICATE,
        Verdict.REJECTED,
    ]
    assert client.post(reverse("payments:callback", args=["khong-co"]), signed).status_code == 404
    assert Payment.objects.get().state == PaymentState.PAID


def test_nothing_to_pay_is_refused_politely(client, db):
    from motcua.dossiers.tests.conftest import build_world

    from .conftest import submit_online

    dossier = submit_online(build_world())  # its procedure charges no fee
    response = client.post(start_path(dossier))
    assert response.status_code == 409
    assert "không còn khoản phí" in response.content.decode()
    assert not Payment.objects.exists()


def test_a_dossier_no_longer_resolved_cannot_be_paid(client, shop):
    from motcua.dossiers import services as dossiers

    dossiers.reject_online(shop.dossier, shop.world.officer, "Hồ sơ điện tử thiếu chữ ký số")
    page = client.get(start_path(shop.dossier)).content.decode()
    assert "Hồ sơ không còn được giải quyết nên không thanh toán trực tuyến." in page
    assert "Thanh toán trực tuyến</button>" not in page
    assert client.post(start_path(shop.dossier)).status_code == 409
    assert not Payment.objects.exists()


def test_the_sandbox_bank_is_closed_when_another_gateway_is_chosen(client, shop, settings):
    bank_url = to_bank(client, shop.dossier)
    settings.PAYMENT_GATEWAY = "vnpay"
    assert client.get(bank_url).status_code == 404
