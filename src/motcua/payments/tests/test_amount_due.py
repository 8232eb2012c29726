"""What is left to pay: the version's fees, unknown when any fee is unknown, less what was paid."""

from django.utils import timezone
import pytest

from motcua.catalog.constants import FeeChannel
from motcua.dossiers.tests.conftest import build_world
from motcua.payments import selectors, services
from motcua.payments.errors import NothingToPay
from motcua.payments.models import Payment

from .conftest import TOTAL, gateway_answer, give_fees, start_path, submit_online

pytestmark = pytest.mark.django_db


def dossier_with(fees):
    world = build_world()
    give_fees(world, fees)
    return submit_online(world)


def test_the_sum_of_the_fees_is_due(shop):
    assert selectors.amount_due(shop.dossier) == TOTAL == 150_000


def test_an_unknown_fee_makes_the_amount_unknown_and_online_payment_unavailable(client):
    dossier = dossier_with((("Lệ phí", 50_000), ("Phí thẩm định", None)))
    assert selectors.amount_due(dossier) is None
    with pytest.raises(NothingToPay, match="Phí chưa xác định, nộp tại Bộ phận Một cửa"):
        services.start_payment(dossier)
    page = client.get(start_path(dossier)).content.decode()
    assert "Phí chưa xác định, nộp tại Bộ phận Một cửa" in page
    assert "Thanh toán trực tuyến</button>" not in page


def test_a_procedure_whose_fees_are_zero_owes_nothing():
    assert selectors.amount_due(dossier_with((("Lệ phí", 0),))) == 0


def test_a_procedure_without_fees_owes_nothing():
    assert selectors.amount_due(submit_online(build_world())) == 0


def test_what_was_paid_is_no_longer_due(shop):
    payment = services.start_payment(shop.dossier).payment
    assert selectors.amount_due(shop.dossier) == TOTAL  # pending money is not paid money
    services.handle_callback("sandbox", gateway_answer(payment), "127.0.0.1")
    assert selectors.amount_due(shop.dossier) == 0
    with pytest.raises(NothingToPay):
        services.start_payment(shop.dossier)


def test_a_payment_recorded_for_part_of_the_fees_leaves_the_rest_due(shop):
    Payment.objects.create(
        agency=shop.dossier.agency,
        dossier=shop.dossier,
        amount=50_000,
        state="paid",
        gateway="sandbox",
        reference="TT-PART",
        created_at=timezone.now(),
    )
    assert selectors.amount_due(shop.dossier) == 100_000
    assert services.start_payment(shop.dossier).payment.amount == 100_000


def test_paid_online_counts_dossiers_with_a_paid_payment(shop):
    from motcua.dossiers.models import Dossier

    payment = services.start_payment(shop.dossier).payment
    assert selectors.paid_online(Dossier.objects.all()).count() == 0
    services.handle_callback("sandbox", gateway_answer(payment), "127.0.0.1")
    assert list(selectors.paid_online(Dossier.objects.all())) == [shop.dossier]


def test_an_online_dossier_is_not_charged_the_fee_waived_online(db):
    world = build_world()
    give_fees(
        world,
        (
            ("Lệ phí đăng ký doanh nghiệp", 50_000, FeeChannel.COUNTER),
            ("Lệ phí đăng ký doanh nghiệp — nộp qua mạng điện tử", 0, FeeChannel.ONLINE),
            ("Phí công bố nội dung đăng ký doanh nghiệp", 100_000, FeeChannel.ALL),
        ),
    )
    online = submit_online(world)
    assert selectors.amount_due(online) == 100_000
    assert [fee.name for fee in selectors.applicable_fees(online)] == [
        "Lệ phí đăng ký doanh nghiệp — nộp qua mạng điện tử",
        "Phí công bố nội dung đăng ký doanh nghiệp",
    ]
    now = timezone.now()
    at_the_counter = world.receive(at=now, documents=world.documents(at=now))
    assert selectors.amount_due(at_the_counter) == 150_000
