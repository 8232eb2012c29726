"""EARLY compares the finishing moment with the first moment of the due day in Vietnam: the
database computes that moment the same way on PostgreSQL and SQLite."""

import pytest

from motcua.dossiers.models import Dossier
from motcua.dossiers.tests.conftest import build_world, vn
from motcua.indices.timeliness import EARLY, StartOfDay

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "due, day_start",
    [
        (vn(2024, 3, 6, 9, 30), vn(2024, 3, 6)),
        (vn(2024, 3, 6, 0, 30), vn(2024, 3, 6)),  # the previous day in UTC
        (vn(2024, 3, 6, 23, 59), vn(2024, 3, 6)),
    ],
)
def test_the_start_of_the_due_day_in_vietnam(due, day_start):
    dossier = build_world().receive()
    Dossier.objects.filter(pk=dossier.pk).update(due_at=due)
    assert Dossier.objects.annotate(start=StartOfDay("due_at")).get().start == day_start


@pytest.mark.parametrize(
    "finished, early",
    [
        (vn(2024, 3, 5, 23, 59, 59), True),
        (vn(2024, 3, 6, 0, 0), False),  # on the due day: on time, not early
        (vn(2024, 3, 6, 8, 0), False),
    ],
)
def test_early_means_finished_before_the_due_day(finished, early):
    dossier = build_world().receive()
    Dossier.objects.filter(pk=dossier.pk).update(due_at=vn(2024, 3, 6, 9, 30), finished_at=finished)
    assert Dossier.objects.filter(EARLY).exists() is early
