"""Two officers acting on one dossier at the same moment: exactly one wins.

Real threads with their own PostgreSQL connections; the row lock taken by every service makes
the second wait, then see the first one's change and refuse.
"""

from concurrent.futures import ThreadPoolExecutor
import threading

from django.db import connection
import pytest

from motcua.dossiers import services
from motcua.dossiers.errors import DossierError
from motcua.dossiers.models import DailySequence, Dossier

from .conftest import build_world, vn

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="row locks across connections need PostgreSQL"),
]


def _race(*calls):
    """Run the calls at the same moment in threads; return their results or errors."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        try:
            return call()
        except DossierError as error:
            return error
        finally:
            connection.close()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def test_two_officers_forwarding_the_same_dossier_cannot_both_succeed():
    world = build_world()
    dossier = world.receive()
    seen = dossier.revision
    results = _race(
        lambda: services.forward(dossier, world.officer, expected_revision=seen),
        lambda: services.forward(dossier, world.officer2, expected_revision=seen),
    )
    winners = [r for r in results if isinstance(r, Dossier)]
    losers = [r for r in results if isinstance(r, DossierError)]
    assert len(winners) == 1 and len(losers) == 1
    assert losers[0].status == 409
    dossier.refresh_from_db()
    assert dossier.current_step.position == 2
    assert dossier.events.filter(action="forward").count() == 1


def test_conflicting_actions_without_a_revision_still_cannot_both_win():
    world = build_world()
    dossier = services.forward(world.receive(), world.officer, at=vn(2024, 3, 4, 10, 0))
    results = _race(
        lambda: services.refuse(dossier, world.head, "Ngành nghề cấm"),
        lambda: services.approve(dossier, world.head, summary="Cấp giấy"),
    )
    assert sum(isinstance(r, Dossier) for r in results) == 1
    dossier.refresh_from_db()
    assert dossier.events.filter(action__in=["refuse", "approve"]).count() == 1


def test_concurrent_intakes_never_share_a_code():
    world = build_world()
    at = vn(2024, 3, 4, 9, 0)
    results = _race(*[
        (lambda officer=officer: services.receive(officer, world.procedure, world.intake(), at=at))
        for officer in (world.officer, world.officer2) * 3
    ])
    codes = [r.code for r in results]
    assert all(isinstance(r, Dossier) for r in results), results
    assert sorted(codes) == [f"000.00.17.H34-240304-{n:04d}" for n in range(1, 7)]
    assert DailySequence.objects.get().last == 6
