"""The applicant is invited to pay where they look: the tracking page (and the submission's
done page, through the same tag); once paid, the invitation becomes a receipt line."""

from django.template import Context, Template
import pytest

from motcua.payments import services

from .conftest import TOTAL, gateway_answer, start_path

pytestmark = pytest.mark.django_db

OFFER = Template("{% load payments_tags %}{% payment_offer dossier %}")


def test_an_unpaid_dossier_offers_the_amount_and_the_link(shop):
    html = OFFER.render(Context({"dossier": shop.dossier}))
    assert "còn phải nộp 150.000 đồng" in html
    assert f'href="{start_path(shop.dossier)}"' in html


def test_a_paid_dossier_says_so_and_offers_nothing_more(shop):
    payment = services.start_payment(shop.dossier).payment
    services.handle_callback("sandbox", gateway_answer(payment), "127.0.0.1")
    html = OFFER.render(Context({"dossier": shop.dossier}))
    assert f"Đã thanh toán trực tuyến {TOTAL:,} đồng".replace(",", ".") in html
    assert "Thanh toán phí trực tuyến" not in html


def test_the_tracking_page_carries_the_offer(client, shop):
    dossier = shop.dossier
    client.post("/tra-cuu/", {"ma": f"truc-tuyen-{dossier.pk}", "k": dossier.tracking_secret})
    page = client.get(f"/tra-cuu/ho-so/truc-tuyen-{dossier.pk}/")
    assert "Thanh toán phí trực tuyến" in page.content.decode()
