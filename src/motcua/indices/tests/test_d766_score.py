"""Decision 766 criteria on the fixed month of test_d766_data.py."""

from datetime import date

import pytest

from motcua.dossiers.tests.conftest import build_world, vn
from motcua.indices.d766.compute import d766_for
from motcua.indices.scope import Period

from .test_d766_data import build_march

MARCH = Period(date(2024, 3, 1), date(2024, 3, 31))
LATER = vn(2024, 6, 1, 9, 0)


@pytest.fixture
def march(db):
    return build_march(build_world())


def test_the_data_set_is_what_the_hand_computation_assumes(march):
    d = march.d
    assert d["E"].due_at == vn(2024, 3, 7, 11, 30)
    assert d["F"].due_at == vn(2024, 3, 11, 9, 0)
    assert d["G"].due_at == vn(2024, 3, 11, 9, 0) and d["G"].supplement_count == 1
    assert d["I"].supplement_count == 2
    assert d["L"].due_at == vn(2024, 4, 2, 9, 0)
    assert d["M"].due_at == vn(2024, 2, 29, 9, 0)


def test_criterion_2_1_follows_the_766_rules(march):
    score = d766_for(march.world.agency, MARCH, now=LATER).criterion("2.1")
    assert (score.numerator, score.denominator) == (8, 13)
