"""Two officers acting on one dossier at the same moment: exactly one wins.

Real threads with their own PostgreSQL connections; the row lock taken by every service makes
the second wait, then see the first one's change and refuse.
"""

from django.test import Client

from motcua.api.tests.support import ApiClient
from motcua.core.testing.concurrency import POSTGRESQL_ONLY, race
from motcua.dossiers import services
from motcua.dossiers.errors import DossierError, DuplicateNumber
from motcua.dossiers.models import DailySequence, Dossier, GuidanceSlip
from motcua.org.constants import Role
from motcua.org.tests.factories import make_staff

from .conftest import build_world, vn

pytestmark = POSTGRESQL_ONLY


def refused_or_done(*calls):
    """The calls run together: each returns its dossier or the service's refusal."""
    return race(*calls, expected=(DossierError,))


def test_two_holders_forwarding_the_same_dossier_cannot_both_succeed():
    world = build_world()
    dossier = world.receive()  # the counter step is the receiving officer's
    seen = dossier.revision
    counter_head = make_staff("truongbp", world.agency, world.counter, Role.UNIT_HEAD)
    results = refused_or_done(
        lambda: services.forward(dossier, world.officer, expected_revision=seen),
        lambda: services.forward(dossier, counter_head, expected_revision=seen),
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
    results = refused_or_done(
        *[
            (
                lambda officer=officer: services.receive(
                    officer, world.procedure, world.intake(), at=at
                )
            )
            for officer in (world.officer, world.officer2) * 3
        ]
    )
    codes = [r.code for r in results]
    assert all(isinstance(r, Dossier) for r in results), results
    assert sorted(codes) == [f"000.00.17.H34-240304-{n:04d}" for n in range(1, 7)]
    assert DailySequence.objects.get().last == 6


def _resolved(world):
    dossier = services.forward(world.receive(), world.officer, assignee=world.specialist)
    dossier = services.forward(services.forward(dossier, world.specialist), world.head)
    return services.approve(dossier, world.director)


def test_two_clerks_registering_one_number_at_once_give_it_once():
    world = build_world()
    first, second = _resolved(world), _resolved(world)
    results = refused_or_done(
        lambda: services.register_result(first, world.clerk, "77/GCN"),
        lambda: services.register_result(second, world.clerk, "77/GCN"),
    )
    assert sorted(type(r).__name__ for r in results) == ["Dossier", "DuplicateNumber"]
    refusal = next(r for r in results if isinstance(r, DuplicateNumber))
    assert refusal.status == 409 and "77/GCN" in refusal.message
    assert Dossier.objects.filter(result_number="77/GCN").count() == 1


def test_guidance_slips_issued_at_once_each_get_their_own_number():
    world = build_world()
    missing = world.documents(all_mandatory=False)
    results = race(
        *[
            (
                lambda officer=officer: services.issue_guidance_slip(
                    officer, world.procedure, "Trần Văn Bình", missing, at=vn(2024, 3, 4, 9, 0)
                )
            )
            for officer in (world.officer, world.officer2) * 3
        ]
    )
    assert all(isinstance(r, GuidanceSlip) for r in results), results
    assert sorted(r.number for r in results) == [f"{n}/2024/HDHS" for n in range(1, 7)]


def test_twenty_parallel_intakes_with_one_key_all_answer_the_one_dossier():
    world = build_world()
    headers = ApiClient(Client(), world.officer.user.username).headers
    documents = [{"required_id": d.required_id, "originals": 1} for d in world.documents()]
    body = {
        "procedure": "2.001610",
        "applicant": {"name": "Nguyễn Thị Hoa"},
        "documents": documents,
        "idempotency_key": "may-dem-1",
    }

    def post():
        response = Client().post(
            "/api/v1/dossiers", body, content_type="application/json", headers=headers
        )
        return response.status_code, response.json()

    answers = race(*[post] * 20)
    assert [status for status, _ in answers] == [201] * 20
    assert len({answer["code"] for _, answer in answers}) == 1
    assert Dossier.objects.count() == 1 and DailySequence.objects.get().last >= 1
