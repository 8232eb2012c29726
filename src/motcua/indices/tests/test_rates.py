"""Rates, targets and gaps, against the month in conftest.py (13 received, 9 finished)."""

from datetime import date
from decimal import Decimal

import time_machine

from motcua.dossiers.tests.conftest import vn
from motcua.indices.constants import TargetKey
from motcua.indices.models import Target
from motcua.indices.rates import ReceivedCounts, indices_for, percent
from motcua.indices.scope import Period, Scope
from motcua.indices.targets import load_demo_targets

MARCH = Period(date(2024, 3, 1), date(2024, 3, 31))
LATER = vn(2024, 6, 1, 9, 0)


DOSSIER_RATES = (
    "on_time",
    "online",
    "online_full",
    "online_partial",
    "supplement",
    "refusal",
    "digitization",
)


def _rates(indices) -> dict:
    """The rates computed from dossiers (the ratings' are in test_rates_satisfaction.py)."""
    return {
        k: (r.numerator, r.denominator, r.value)
        for k, r in indices.rates.items()
        if k in DOSSIER_RATES
    }


def test_percent_rounds_half_up_to_two_decimals_and_has_no_value_without_denominator():
    assert percent(1, 8) == Decimal("12.50")
    assert percent(1, 3) == Decimal("33.33") and percent(2, 3) == Decimal("66.67")
    assert percent(0, 5) == Decimal("0.00")
    assert percent(0, 0) is None


def test_march_rates_for_the_whole_agency(month):
    indices = indices_for(Scope(month.world.agency), MARCH, now=LATER)
    assert indices.received == ReceivedCounts(
        received=13, online=3, online_full=2, online_partial=1, with_supplement=2, digitized=4
    )
    assert (indices.refused, indices.withdrawn) == (1, 1)
    assert _rates(indices) == {
        "on_time": (7, 9, Decimal("77.78")),  # A G I N early + B E F on time
        "online": (3, 13, Decimal("23.08")),  # B K L
        "online_full": (2, 13, Decimal("15.38")),  # B L (P1)
        "online_partial": (1, 13, Decimal("7.69")),  # K (P2)
        "supplement": (2, 13, Decimal("15.38")),  # G M
        "refusal": (1, 9, Decimal("11.11")),  # I, refused then handed back
        "digitization": (4, 13, Decimal("30.77")),  # A C E I
    }
    assert indices.open_at == vn(2024, 4, 1, 0, 0)
    assert all(r.target is None and r.gap is None for r in indices.rates.values())


def test_rates_per_procedure_and_per_officer(month):
    p2 = indices_for(Scope(month.world.agency, procedure=month.p2), MARCH, now=LATER)
    assert _rates(p2) == {
        "on_time": (2, 2, Decimal("100.00")),
        "online": (1, 2, Decimal("50.00")),
        "online_full": (0, 2, Decimal("0.00")),
        "online_partial": (1, 2, Decimal("50.00")),
        "supplement": (0, 2, Decimal("0.00")),
        "refusal": (1, 2, Decimal("50.00")),
        "digitization": (1, 2, Decimal("50.00")),
    }
    officer = indices_for(
        Scope(month.world.agency, officer=month.world.specialist2), MARCH, now=LATER
    )
    assert officer.rates["on_time"].value == Decimal("0.00")  # C and D both late


def test_a_period_without_dossiers_has_no_rates(month):
    indices = indices_for(
        Scope(month.world.agency), Period(date(2024, 1, 1), date(2024, 1, 31)), now=LATER
    )
    assert {r.value for r in indices.rates.values()} == {None}


def test_targets_of_the_year_give_the_gap(month):
    agency = month.world.agency
    with time_machine.travel(vn(2024, 5, 2, 9, 0), tick=False):
        targets = load_demo_targets(agency)
    assert len(targets) == 12  # six for 2022, six for 2024
    Target.objects.filter(agency=agency, year=2024, key=TargetKey.ONLINE).update(value=20)
    with time_machine.travel(vn(2024, 5, 2, 9, 0), tick=False):
        load_demo_targets(agency)  # keeps the office's edit
    indices = indices_for(Scope(agency), MARCH, now=LATER)
    on_time, online = indices.rates["on_time"], indices.rates["online"]
    assert (on_time.target, on_time.gap) == (Decimal(99), Decimal("-21.22"))
    assert (online.target, online.gap) == (Decimal(20), Decimal("3.08"))
    assert indices.rates["refusal"].target is None
    # TTHC and investment satisfaction are rates of the ratings; SIPAS and PAR INDEX are not.
    assert [(t.key, t.target) for t in indices.other_targets] == [
        ("par_index", Decimal(85)),
        ("satisfaction", Decimal(85)),
    ]
    assert indices.rates["tthc_satisfaction"].target == Decimal(90)


def test_the_indices_are_a_few_aggregate_queries_whatever_the_number_of_dossiers(
    month, django_assert_max_num_queries
):
    # received, finished, refused/withdrawn, open, still-running, calendar (2), fields,
    # ratings, targets, the SIPAS answers: 11.
    with django_assert_max_num_queries(11):
        indices_for(Scope(month.world.agency), MARCH, now=LATER)
