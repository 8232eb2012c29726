"""Satisfaction rates from the applicants' ratings, on the fixed month (conftest.py).

Ratings (index 1, 3, 4, 7 points; overall), by hand:

    A  P1  06/03  2 2 2 2  very satisfied
    B  P1  08/03  1 2 1 2  satisfied
    C  P1  08/03  0 1 1 0  dissatisfied     (Bùi Văn Long's, late)
    I  P2  05/03  2 2 0 1  dissatisfied     (investment field)
    N  P2  04/03  2 2 2 2  very satisfied   (investment field)
    E  P1  02/04  2 1 2 2  satisfied        (April: outside March)

March: 5 ratings, 3 satisfied → 60 %; points index 1: 7/10, index 3: 9/10, index 4: 6/10,
index 7: 7/10; investment: I and N, 1 of 2 satisfied → 50 %.
"""

from datetime import date
from decimal import Decimal

import pytest
import time_machine

from motcua.dossiers import services
from motcua.dossiers.tests.conftest import vn
from motcua.feedback.constants import Overall, RatingChannel
from motcua.feedback.services import Answers, rate
from motcua.indices.rates import indices_for
from motcua.indices.scope import Period, Scope
from motcua.indices.targets import load_demo_targets

MARCH = Period(date(2024, 3, 1), date(2024, 3, 31))
LATER = vn(2024, 6, 1, 9, 0)
RATINGS = {
    "A": ((2, 2, 2, 2), Overall.VERY_SATISFIED, vn(2024, 3, 6, 10, 0)),
    "B": ((1, 2, 1, 2), Overall.SATISFIED, vn(2024, 3, 8, 10, 0)),
    "C": ((0, 1, 1, 0), Overall.DISSATISFIED, vn(2024, 3, 8, 11, 0)),
    "I": ((2, 2, 0, 1), Overall.DISSATISFIED, vn(2024, 3, 5, 11, 0)),
    "N": ((2, 2, 2, 2), Overall.VERY_SATISFIED, vn(2024, 3, 4, 8, 0)),
    "E": ((2, 1, 2, 2), Overall.SATISFIED, vn(2024, 4, 2, 10, 0)),
}


@pytest.fixture
def rated(month):
    w = month.world
    returned_on = {
        "B": vn(2024, 3, 7, 9, 0),
        "C": vn(2024, 3, 7, 14, 0),
        "N": vn(2024, 3, 1, 14, 0),
        "E": vn(2024, 3, 7, 14, 0),
    }
    for key, at in returned_on.items():
        dossier = services.register_result(month.dossiers[key], w.clerk, f"{key}/GCN", at=at)
        month.dossiers[key] = services.return_result(dossier, w.officer, at=at)
    for key, ((i1, i3, i4, i7), overall, at) in RATINGS.items():
        rate(month.dossiers[key], Answers(i1, i3, i4, i7, overall), RatingChannel.WEB, at=at)
    return month


def _values(indices, *keys):
    return [
        (indices.rates[k].numerator, indices.rates[k].denominator, indices.rates[k].value)
        for k in keys
    ]


def test_march_satisfaction_overall_per_criterion_and_investment(rated):
    indices = indices_for(Scope(rated.world.agency), MARCH, now=LATER)
    assert (indices.ratings.ratings, indices.ratings.satisfied) == (5, 3)
    assert _values(
        indices,
        "tthc_satisfaction",
        "satisfaction_index1",
        "satisfaction_index3",
        "satisfaction_index4",
        "satisfaction_index7",
        "investment_satisfaction",
    ) == [
        (3, 5, Decimal("60.00")),
        (7, 10, Decimal("70.00")),
        (9, 10, Decimal("90.00")),
        (6, 10, Decimal("60.00")),
        (7, 10, Decimal("70.00")),
        (1, 2, Decimal("50.00")),
    ]
    assert indices.rates["satisfaction_index4"].label.startswith("Chỉ số 4: Số lượng cơ quan")


def test_scopes_narrow_the_ratings_to_their_dossiers(rated):
    agency = rated.world.agency
    officer = indices_for(Scope(agency, officer=rated.world.specialist2), MARCH, now=LATER)
    assert _values(officer, "tthc_satisfaction") == [(0, 1, Decimal("0.00"))]  # C
    field = indices_for(Scope(agency, field=rated.investment), MARCH, now=LATER)
    assert _values(field, "tthc_satisfaction", "investment_satisfaction") == [
        (1, 2, Decimal("50.00")),
        (1, 2, Decimal("50.00")),
    ]
    april = indices_for(Scope(agency), Period(date(2024, 4, 1), date(2024, 4, 30)), now=LATER)
    assert _values(april, "tthc_satisfaction", "satisfaction_index3") == [
        (1, 1, Decimal("100.00")),
        (1, 2, Decimal("50.00")),
    ]  # E


def test_satisfaction_targets_give_the_gap(rated):
    with time_machine.travel(vn(2024, 5, 2, 9, 0), tick=False):
        load_demo_targets(rated.world.agency)
    indices = indices_for(Scope(rated.world.agency), MARCH, now=LATER)
    tthc, investment = indices.rates["tthc_satisfaction"], indices.rates["investment_satisfaction"]
    assert (tthc.target, tthc.gap) == (Decimal(90), Decimal("-30.00"))
    assert (investment.target, investment.gap) == (Decimal(85), Decimal("-35.00"))


def test_the_investment_fields_are_a_setting_matched_by_code_or_name(rated, settings):
    settings.MOTCUA_INVESTMENT_FIELDS = ["ĐẦU TƯ"]  # the name, in capitals
    indices = indices_for(Scope(rated.world.agency), MARCH, now=LATER)
    assert _values(indices, "investment_satisfaction") == [(1, 2, Decimal("50.00"))]
    settings.MOTCUA_INVESTMENT_FIELDS = ["xay-dung"]
    indices = indices_for(Scope(rated.world.agency), MARCH, now=LATER)
    assert _values(indices, "investment_satisfaction") == [(0, 0, None)]
