"""Two officers acting on one dossier at the same moment: exactly one wins.

Real threads with their own PostgreSQL connections; the row lock taken by every service makes
the second wait, then see the first one's change and refuse.
"""


from motcua.core.testing.concurrency import POSTGRESQL_ONLY, race
from motcua.dossiers import services
from motcua.dossiers.errors import DossierError
from motcua.dossiers.models import DailySequence, Dossier

from .conftest import build_world, vn

pytestmark = POSTGRESQL_ONLY


def refused_or_done(*calls):
    """The calls run together: each returns its dossier or the service's refusal."""
    return race(*calls, expected=(DossierError,))


def test_two_officers_forwarding_the_same_dossier_cannot_both_succeed():
    world = build_world()
    dossier = world.receive()
    seen = dossier.revision
    results = refused_or_done(
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
    results = refused_or_done(
        lambda: services.refuse(dossier, world.head, "Ngành nghề cấm"),
        lambda: services.approve(dossier, world.head, summary="Cấp giấy"),
    )
    assert sum(isinstance(r, Dossier) for r in results) == 1
    dossier.refresh_from_db()
    assert dossier.events.filter(action__in=["refuse", "approve"]).count() == 1


def test_concurrent_intakes_never_share_a_code():
    world = build_world()
    at = vn(2024, 3, 4, 9, 0)
    results = refused_or_done(*[
        (lambda officer=officer: services.receive(officer, world.procedure, world.intake(), at=at))
        for officer in (world.officer, world.officer2) * 3
    ])
    codes = [r.code for r in results]
    assert all(isinstance(r, Dossier) for r in results), results
    assert sorted(codes) == [f"000.00.17.H34-240304-{n:04d}" for n in range(1, 7)]
    assert DailySequence.objects.get().last == 6
