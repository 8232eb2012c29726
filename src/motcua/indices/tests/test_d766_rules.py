"""Decision 766 rules worked by hand (vn-rules §8.2).

Criterion 3.6 counts the dossiers that owe a fee for the way they were submitted:
"hồ sơ của TTHC có nghĩa vụ tài chính, trừ hồ sơ có phí bằng 0" (vn-rules §8.2). Worked by hand,
March 2024, procedure W whose 500 000 đ fee is waived online (a counter fee only) and procedure
P with one fee for every channel:

    W online   owes nothing                      not counted
    W counter  owes 500 000 đ, not paid online    counted
    P online   owes 500 000 đ, paid online        counted, paid
    P counter  owes 500 000 đ, not paid online    counted

3.6 = 1 / 3 = 33.33 %; counting W's online dossier, as before, gave 1 / 4."""

from datetime import date
from decimal import Decimal

import pytest

from motcua.catalog import services as catalog
from motcua.catalog.constants import FeeChannel, OnlineLevel, TimeUnit
from motcua.dossiers.tests.conftest import build_world, vn
from motcua.indices.d766.compute import d766_for
from motcua.indices.d766.criteria import MEASURES
from motcua.indices.d766.sources import Context
from motcua.indices.models import D766ManualValue
from motcua.indices.scope import Period
from motcua.org.constants import Role

from .test_d766_data import Builder, pay

pytestmark = pytest.mark.django_db
MARCH = Period(date(2024, 3, 1), date(2024, 3, 31))


def _procedure(w, code: str, applies_to: str):
    version = catalog.create_procedure(
        w.agency,
        name=f"Thủ tục {code}",
        national_code=code,
        time_limit_value=Decimal(3),
        time_limit_unit=TimeUnit.WORKING_DAYS,
        online_level=OnlineLevel.PARTIAL,
    )
    catalog.add_document(version, name="Tờ khai", originals=1)
    catalog.add_fee(version, name="Lệ phí", amount=500000, applies_to=applies_to)
    catalog.add_step(version, name="Tiếp nhận hồ sơ", hours=4, unit=w.counter)
    catalog.add_step(version, name="Thẩm định hồ sơ", hours=12, unit=w.business)
    catalog.add_step(version, name="Phê duyệt", hours=4, unit=w.business, role=Role.UNIT_HEAD)
    catalog.add_step(version, name="Trả kết quả", hours=4, unit=w.counter)
    catalog.publish(version, date(2022, 1, 1))
    return version.procedure


def test_a_dossier_whose_fee_is_waived_for_its_channel_is_not_counted():
    w = build_world()
    b = Builder(w)
    waived_online = _procedure(w, "1.000001", FeeChannel.COUNTER)
    every_channel = _procedure(w, "1.000002", FeeChannel.ALL)
    b.online(waived_online, vn(2024, 3, 4, 8, 0), vn(2024, 3, 4, 9, 0))
    b.counter(waived_online, vn(2024, 3, 4, 9, 30))
    paid = b.online(every_channel, vn(2024, 3, 4, 8, 0), vn(2024, 3, 4, 10, 0))
    pay(paid, vn(2024, 3, 4, 10, 30))
    b.counter(every_channel, vn(2024, 3, 4, 11, 0))
    measure = MEASURES["3.6"](Context.of(w.agency, MARCH, vn(2024, 4, 1, 8, 0)))
    assert measure.counts() == (1, 3)


def test_3_3_is_rounded_once_at_the_end():
    """2 of 3 dossiers online (66.666… %) × the sync rate 1.4 of 2 / 3 (66.666… %) =
    44.444… % → 44.44 %. Rounding each rate first gave 66.67 × 66.67 / 100 = 44.4489 → 44.45."""
    w = build_world()
    b = Builder(w)
    procedure = _procedure(w, "1.000003", FeeChannel.ALL)
    b.online(procedure, vn(2024, 3, 4, 8, 0), vn(2024, 3, 4, 9, 0))
    b.online(procedure, vn(2024, 3, 4, 8, 0), vn(2024, 3, 4, 9, 30))
    b.counter(procedure, vn(2024, 3, 4, 10, 0))
    D766ManualValue.objects.create(
        agency=w.agency, code="1.4", start=MARCH.start, end=MARCH.end, numerator=2, denominator=3
    )
    score = d766_for(w.agency, MARCH, vn(2024, 4, 1, 8, 0))
    online = next(c for g in score.groups for c in g.criteria if c.criterion.code == "3.3")
    assert (online.numerator, online.denominator, online.rate) == (2, 3, Decimal("44.44"))


def test_2_1_subtracts_the_supplement_wait_in_working_time():
    """Received Mon 04/03 09:00, 3 working days → first appointment Thu 07/03 09:00. Supplement
    asked Wed 06/03 16:00, brought Thu 07/03 08:00: 2 working hours waited (16:00–17:00, 07:00–
    08:00), 16 hours of the clock. 766 deadline 07/03 11:00; approved Thu 07/03 15:00 → late.
    Subtracting the clock's 16 hours (deadline Fri 08/03 01:00) called it on time."""
    w = build_world()
    b = Builder(w)
    dossier = b.appraisal(b.counter(w.procedure, vn(2024, 3, 4, 9, 0)), vn(2024, 3, 4, 10, 0))
    dossier = b.supplement(dossier, vn(2024, 3, 6, 16, 0), vn(2024, 3, 7, 8, 0))
    assert dossier.supplements.get().shifted_due_at == vn(2024, 3, 7, 11, 0)
    b.approve(dossier, vn(2024, 3, 7, 14, 0), vn(2024, 3, 7, 15, 0))
    measure = MEASURES["2.1"](Context.of(w.agency, MARCH, vn(2024, 4, 1, 8, 0)))
    assert measure.counts() == (0, 1)
