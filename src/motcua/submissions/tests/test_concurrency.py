"""Two submissions of one draft at the same moment (a double click reaching two workers): one
dossier. Real threads with their own PostgreSQL connections, as in dossiers' concurrency tests."""

from django.test import Client

from motcua.catalog.selectors import version_in_force
from motcua.core.testing.concurrency import POSTGRESQL_ONLY, race
from motcua.dossiers.models import Attachment, Dossier
from motcua.notifications.models import Message
from motcua.submissions import services
from motcua.submissions.services import DraftFields, Upload

from .conftest import build_online_world, pdf

pytestmark = POSTGRESQL_ONLY


def _ready_draft():
    world = build_online_world()
    request, copy, _ = version_in_force(world.procedure).documents.all()
    draft, _ = services.start_draft(
        world.procedure,
        DraftFields(
            applicant_name="Nguyễn Thị Hoa",
            applicant_id_number="056190001234",
            applicant_phone="0912345678",
            applicant_email="hoa@example.vn",
            applicant_address="Nha Trang",
        ),
        [Upload(pdf("de-nghi.pdf"), request.pk), Upload(pdf("cccd.pdf"), copy.pk)],
    )
    return draft


def test_two_simultaneous_submit_requests_make_one_dossier():
    draft = _ready_draft()
    url = f"/nop-ho-so/nhap/{draft.token}/nop/"
    responses = race(
        *[(lambda: Client().post(url, {"idempotency_key": draft.token})) for _ in range(4)]
    )
    assert {r.status_code for r in responses} == {302}
    assert {r["Location"] for r in responses} == {f"/nop-ho-so/nhap/{draft.token}/da-nop/"}
    assert Dossier.objects.count() == 1
    assert Attachment.objects.count() == 2
    assert Message.objects.filter(topic="submissions.submitted").count() == 1


def test_two_simultaneous_service_calls_return_the_same_dossier():
    draft = _ready_draft()
    results = race(lambda: services.submit_draft(draft), lambda: services.submit_draft(draft))
    assert results[0].pk == results[1].pk
    assert Dossier.objects.count() == 1


def test_two_simultaneous_api_requests_with_one_key_make_one_dossier():
    world = build_online_world()
    request, copy, _ = version_in_force(world.procedure).documents.all()
    data = {
        "procedure": "2.001610",
        "applicant_name": "Nguyễn Thị Hoa",
        "applicant_email": "hoa@example.vn",
    }

    def post():
        files = {f"document_{request.pk}": pdf("a.pdf"), f"document_{copy.pk}": pdf("b.pdf")}
        return Client().post(
            "/api/v1/submissions", {**data, **files}, headers={"Idempotency-Key": "cung-mot-khoa"}
        )

    responses = race(post, post, post)
    assert sorted(r.status_code for r in responses) == [200, 200, 201]
    assert len({r.json()["ref"] for r in responses}) == 1
    assert Dossier.objects.count() == 1
    assert Attachment.objects.count() == 2
