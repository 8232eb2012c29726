"""Staff see their own agency's payments by state, and the callbacks that were refused."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone
import pytest

from motcua.catalog import services as catalog
from motcua.catalog.constants import TimeUnit
from motcua.dossiers import services as dossiers
from motcua.org.constants import Role
from motcua.org.models import Agency, Unit
from motcua.org.tests.factories import make_staff
from motcua.payments import services
from motcua.payments.gateways import sandbox

from .conftest import gateway_answer

pytestmark = pytest.mark.django_db

URL = "/thanh-toan/quan-ly/"


def other_agency_dossier(world):
    """An online dossier of another agency, with a fee."""
    agency = Agency.objects.create(
        code="000.00.18.H34", name="Sở Tài chính tỉnh Khánh Hòa", level="department"
    )
    unit = Unit.objects.create(agency=agency, code="mot-cua", name="Một cửa", is_counter=True)
    version = catalog.create_procedure(
        agency,
        name="Thủ tục của Sở Tài chính",
        national_code="1.000001",
        time_limit_value=Decimal(1),
        time_limit_unit=TimeUnit.WORKING_DAYS,
    )
    catalog.add_step(version, name="Giải quyết", hours=8, unit=unit)
    catalog.add_fee(version, name="Phí", amount=30_000)
    catalog.publish(version, date(2022, 1, 1))
    dossier = dossiers.submit(version.procedure, world.intake(), idempotency_key="other")
    return dossier, make_staff("taichinh", agency, unit, Role.COUNTER_OFFICER)


@pytest.fixture
def payments(shop):
    dossier = shop.dossier
    now = timezone.now()
    abandoned = services.start_payment(dossier, at=now - timedelta(hours=1)).payment
    services.mark_abandoned()
    failed = services.start_payment(dossier).payment
    services.handle_callback("sandbox", gateway_answer(failed, sandbox.Outcome.FAILED), "10.0.0.1")
    pending = services.start_payment(dossier).payment
    paid = services.start_payment(dossier).payment
    services.handle_callback("sandbox", gateway_answer(paid, amount="1"), "198.51.100.9")
    services.handle_callback("sandbox", gateway_answer(paid), "198.51.100.9")
    return {"paid": paid, "failed": failed, "abandoned": abandoned, "pending": pending}


def test_counts_per_state_and_the_filter(client, shop, payments):
    client.force_login(shop.world.office.user)
    content = client.get(URL).content.decode()
    for label in ("Đã thanh toán", "Thanh toán không thành công", "Bỏ dở", "Đang chờ thanh toán"):
        assert f'{label} <span class="badge text-bg-light">1</span>' in content
    assert 'Tất cả <span class="badge text-bg-light">4</span>' in content
    assert f'href="/ho-so/truc-tuyen-{shop.dossier.pk}/"' in content
    only_paid = client.get(URL, {"trang_thai": "paid"}).content.decode()
    assert payments["paid"].reference in only_paid
    assert payments["abandoned"].reference not in only_paid
    only_abandoned = client.get(URL, {"trang_thai": "abandoned"}).content.decode()
    assert payments["abandoned"].reference in only_abandoned


def test_the_refused_callbacks_are_listed(client, shop, payments):
    client.force_login(shop.world.officer.user)
    content = client.get(URL).content.decode()
    assert "Thông báo thanh toán bị từ chối" in content
    assert "198.51.100.9" in content and "không khớp" in content


def test_another_agency_sees_none_of_it(client, shop, payments):
    dossier, stranger = other_agency_dossier(shop.world)
    theirs = services.start_payment(dossier).payment
    services.handle_callback(
        "sandbox",
        sandbox.signed({**gateway_answer(theirs), "amount": "5"}, "wrong-secret-wrong-secret"),
        "192.0.2.1",
    )
    client.force_login(stranger.user)
    content = client.get(URL).content.decode()
    assert theirs.reference in content and "192.0.2.1" in content
    for payment in payments.values():
        assert payment.reference not in content
    assert "198.51.100.9" not in content
    assert 'Tất cả <span class="badge text-bg-light">1</span>' in content


def test_signed_out_users_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and "/dang-nhap/" in response.url


def test_the_dossier_page_include_lists_the_dossier_payments(shop, payments):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from motcua.payments.selectors import payments_of

    request = RequestFactory().get("/")
    request.user = shop.world.office.user
    html = render_to_string(
        "payments/_dossier_payments.html",
        {"payments": payments_of(shop.dossier), "dossier": shop.dossier},
        request=request,
    )
    assert html.count("<tr>") == 1 + 4  # the heading row and one per payment
    payments["paid"].refresh_from_db()
    assert payments["paid"].gateway_transaction in html and "Bỏ dở" in html
    assert "Chưa có lần thanh toán" in render_to_string(
        "payments/_dossier_payments.html",
        {"payments": [], "dossier": shop.dossier},
        request=request,
    )
