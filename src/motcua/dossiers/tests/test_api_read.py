"""Reading dossiers through the API: one dossier, the filtered and paginated list, the
worklists, the record, and the OpenAPI schema."""

import pytest
import time_machine

from motcua.api.tests.support import ApiClient
from motcua.core.testing.files import PDF
from motcua.dossiers import services
from motcua.dossiers.constants import Action, Channel
from motcua.dossiers.lifecycle import TRANSITIONS
from motcua.dossiers.services import ApplicantData
from motcua.dossiers.tasks import remind_late_consultations
from motcua.org.constants import Role
from motcua.org.models import Unit
from motcua.org.tests.factories import make_staff

from .conftest import vn


@pytest.fixture(autouse=True)
def tuesday_afternoon():
    with time_machine.travel(vn(2024, 3, 5, 14, 0), tick=False):
        yield


@pytest.fixture
def stranger(client, other_agency):
    """A counter officer of another department."""
    unit = Unit.objects.create(agency=other_agency, code="mot-cua", name="Một cửa", is_counter=True)
    make_staff("la", other_agency, unit, Role.COUNTER_OFFICER)
    return ApiClient(client, "la")


def _as(client, staff) -> ApiClient:
    return ApiClient(client, staff.user.username)


def _codes(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["code"] for item in response.json()["items"]]


def test_the_dossier_with_its_steps_documents_and_allowed_actions(world, client):
    dossier = services.forward(
        world.receive(at=vn(2024, 3, 4, 9, 0)), world.officer, at=vn(2024, 3, 4, 10, 0)
    )
    response = _as(client, world.head).get(f"/dossiers/{dossier.code}")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["state"] == "processing" and body["national_status"] == 4
    assert body["revision"] == 2
    assert body["current_step"] == {
        "position": 2,
        "name": "Thẩm định hồ sơ",
        "unit": {"code": "dang-ky-kinh-doanh", "name": "Phòng Đăng ký kinh doanh"},
        "role": None,
        "hours": 8.0,
        "assignee": None,
        "started_at": "2024-03-04T10:00:00+07:00",
        "due_at": "2024-03-05T10:00:00+07:00",
        "finished_at": None,
    }
    assert [s["name"] for s in body["steps"]][-1] == "Trả kết quả"
    assert body["steps"][0]["finished_at"] == "2024-03-04T10:00:00+07:00"
    assert len(body["documents"]) == 3
    assert body["supplements"] == body["consultations"] == body["attachments"] == []
    # The unit head of the step's unit; extending and cancelling are the director's.
    actions = {a["action"] for a in body["allowed_actions"]}
    assert {"assign", "forward", "refuse", "suspend", "request_supplement"} <= actions
    assert not actions & {"extend", "cancel", "accept", "return_result"}
    labels = {a["action"]: a["label"] for a in body["allowed_actions"]}
    assert labels["assign"] == "Phân công xử lý"
    # A specialist of the unit may only claim or attach until the step is assigned.
    specialist = _as(client, world.specialist).get(f"/dossiers/{dossier.code}").json()
    assert {"assign", "refuse"}.isdisjoint(a["action"] for a in specialist["allowed_actions"])


def test_an_online_submission_without_a_code_is_named_by_its_ref(world, client):
    submitted = services.submit(world.procedure, world.intake(), idempotency_key="portal-1")
    response = _as(client, world.officer).get(f"/dossiers/truc-tuyen-{submitted.pk}")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["code"], body["ref"]) == (None, f"truc-tuyen-{submitted.pk}")
    assert (body["state"], body["national_status"], body["channel"]) == ("submitted", 1, "2")
    assert body["timeliness"] is None and body["submitted_at"] == "2024-03-05T14:00:00+07:00"


@pytest.mark.parametrize("path", ["/dossiers/{code}", "/dossiers/{code}/events"])
def test_another_agencys_dossier_is_not_found(world, stranger, path):
    dossier = world.receive()
    response = stranger.get(path.format(code=dossier.code))
    assert response.status_code == 404
    assert response.json() == {"detail": f"Không tìm thấy hồ sơ «{dossier.code}»."}
    by_ref = stranger.get(path.format(code=f"truc-tuyen-{dossier.pk}"))
    assert by_ref.status_code == 404


def test_an_unknown_dossier_is_not_found(world, client):
    response = _as(client, world.officer).get("/dossiers/000.00.17.H34-240304-9999")
    assert response.status_code == 404
    assert "Không tìm thấy hồ sơ" in response.json()["detail"]


def test_the_list_is_the_callers_agency_sorted_by_due_moment(world, client, stranger):
    late = world.receive(at=vn(2024, 3, 4, 16, 0))
    early = world.receive(at=vn(2024, 3, 4, 8, 0))
    online = services.submit(world.procedure, world.intake(), idempotency_key="portal-1")
    officer = _as(client, world.officer)

    response = officer.get("/dossiers")
    assert _codes(response) == [early.code, late.code, None]
    assert response.json()["items"][2]["ref"] == f"truc-tuyen-{online.pk}"
    assert response.json()["count"] == 3
    assert _codes(stranger.get("/dossiers")) == []

    page = officer.get("/dossiers", limit=1, offset=1).json()
    assert (page["count"], page["limit"], page["offset"]) == (3, 1, 1)
    assert [i["code"] for i in page["items"]] == [late.code]


def test_the_list_filters(world, client):
    first = world.receive(at=vn(2024, 3, 4, 8, 0))  # due Thursday 07/03 08:00
    other = world.receive(
        at=vn(2024, 3, 4, 9, 0),
        applicant=ApplicantData(name="Trần Văn Nam", phone="0905111222"),
    )
    services.forward(other, world.officer, at=vn(2024, 3, 4, 10, 0))
    posted = services.receive(
        world.officer,
        world.procedure,
        world.intake(),
        channel=Channel.POST,
        at=vn(2024, 3, 5, 9, 0),
    )
    officer = _as(client, world.officer)

    assert _codes(officer.get("/dossiers", state="processing")) == [other.code]
    assert _codes(officer.get("/dossiers", q="tran van nam")) == [other.code]
    assert _codes(officer.get("/dossiers", q=first.code)) == [first.code]
    assert _codes(officer.get("/dossiers", channel="3")) == [posted.code]
    assert _codes(officer.get("/dossiers", procedure="2.001610")) == [
        first.code,
        other.code,
        posted.code,
    ]
    assert _codes(officer.get("/dossiers", procedure="1.000000")) == []
    assert _codes(officer.get("/dossiers", due_before="2024-03-07T08:30:00+07:00")) == [first.code]
    assert _codes(officer.get("/dossiers", due_before="2024-03-07T09:30:00")) == [
        first.code,
        other.code,
    ]
    refused = officer.get("/dossiers", state="lost", limit=500)
    assert refused.status_code == 400
    assert "Tham số không hợp lệ" in refused.json()["detail"]


def test_the_worklists_are_the_callers(world, client):
    first = world.receive(at=vn(2024, 3, 4, 9, 0))
    second = world.receive(at=vn(2024, 3, 4, 8, 0))
    for dossier in (first, second):
        services.forward(dossier, world.officer, at=vn(2024, 3, 4, 10, 0))
    services.assign(first, world.head, world.specialist)
    waiting = services.forward(world.receive(at=vn(2024, 3, 4, 11, 0)), world.officer)
    services.request_supplement(waiting, world.head, [{"name": "Giấy đề nghị"}], "Thiếu chữ ký")
    online = services.submit(world.procedure, world.intake(), idempotency_key="portal-1")

    def worklist(staff, name):
        return _codes(_as(client, staff).get("/dossiers", worklist=name))

    assert worklist(world.specialist, "my_steps") == [first.code]
    assert worklist(world.specialist2, "my_steps") == []
    assert worklist(world.head, "to_assign") == [second.code]
    assert worklist(world.officer, "waiting") == [waiting.code]
    to_receive = _as(client, world.officer).get("/dossiers", worklist="to_receive").json()
    assert [d["ref"] for d in to_receive["items"]] == [f"truc-tuyen-{online.pk}"]
    assert worklist(world.officer, "all_open") == [second.code, first.code, waiting.code]
    assert _as(client, world.officer).get("/dossiers", worklist="mine").status_code == 400


def test_the_events_are_the_record_in_order(world, client):
    dossier = services.forward(
        world.receive(at=vn(2024, 3, 4, 9, 0)),
        world.officer,
        note="Chuyển thẩm định",
        at=vn(2024, 3, 4, 10, 0),
    )
    services.assign(dossier, world.head, world.specialist, at=vn(2024, 3, 4, 10, 30))
    response = _as(client, world.officer).get(f"/dossiers/{dossier.code}/events")

    assert response.status_code == 200, response.content
    events = response.json()
    assert [e["action"] for e in events] == ["receive", "forward", "assign"]
    assert events[0] == {
        "at": "2024-03-04T09:00:00+07:00",
        "action": "receive",
        "action_label": "Tiếp nhận tại Bộ phận Một cửa",
        "actor": "Võ Thị Mai",
        "actor_username": "motcua",
        "from_state": None,
        "to_state": "received",
        "step": "Tiếp nhận hồ sơ",
        "note": "",
        "data": {"due_at": "2024-03-07T09:00:00+07:00"},
    }
    assert (events[1]["from_state"], events[1]["to_state"]) == ("received", "processing")
    assert events[1]["note"] == "Chuyển thẩm định"
    assert events[2]["data"] == {"assignee": "Ngô Thị Hồng", "previous": None}


def test_the_openapi_schema_has_one_operation_per_staff_action(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    prefix = "/api/v1/dossiers/{code}/actions/"
    operations = {
        path.removeprefix(prefix): spec["post"]
        for path, spec in schema["paths"].items()
        if path.startswith(prefix)
    }
    # Every action staff may take on an existing dossier; receiving is POST /dossiers.
    staff_actions = {
        a.value for a, rule in TRANSITIONS.items() if rule.roles and a != Action.RECEIVE
    }
    assert set(operations) == staff_actions
    assert operations["forward"]["summary"] == "Chuyển bước tiếp theo"
    assert operations["forward"]["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ForwardIn"
    }
    assert len({op["operationId"] for op in operations.values()}) == len(operations)
    assert {"401", "403", "404", "409"} <= set(operations["cancel"]["responses"])
    for path in ("/api/v1/dossiers", "/api/v1/dossiers/{code}", "/api/v1/dossiers/{code}/events"):
        assert path in schema["paths"]
    assert schema["paths"]["/api/v1/dossiers"]["post"]["security"] == [
        {"StaffToken": []},
        {"StaffSession": []},
    ]
    documented = schema["components"]["schemas"]["DossierOut"]["properties"]
    assert {"allowed_actions", "timeliness", "current_step", "national_status"} <= set(documented)


def test_the_openapi_schema_documents_every_key_the_api_returns(world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    dossier = services.forward(world.receive(), world.officer, assignee=world.specialist)
    services.consult(dossier, world.specialist, "Sở Tài chính", "Ý kiến về vốn", 3)
    services.attach(
        dossier,
        world.officer,
        SimpleUploadedFile("scan.pdf", PDF),
        document=dossier.documents.first(),
    )
    services.request_supplement(dossier, world.specialist, [{"name": "Giấy đề nghị"}], "Thiếu")
    officer = _as(client, world.officer)
    components = client.get("/api/v1/openapi.json").json()["components"]["schemas"]

    def check(value, schema, where):
        if "$ref" in schema:
            schema = components[schema["$ref"].split("/")[-1]]
        for option in schema.get("anyOf", []):
            if option.get("type") != "null" and value is not None:
                return check(value, option, where)
        if isinstance(value, dict) and "properties" in schema:
            assert set(value) == set(schema["properties"]), where
            for key, item in value.items():
                check(item, schema["properties"][key], f"{where}.{key}")
        elif isinstance(value, list):
            assert value, f"{where} is empty: nothing to compare"
            for item in value:
                check(item, schema["items"], f"{where}[]")

    detail = officer.get(f"/dossiers/{dossier.code}").json()
    check({k: v for k, v in detail.items() if v != []}, {"$ref": "#/DossierOut"}, "detail")
    assert {"steps", "documents", "attachments", "supplements", "consultations"} <= set(detail)
    check(officer.get("/dossiers").json(), {"$ref": "#/DossierPage"}, "page")
    check(
        officer.get(f"/dossiers/{dossier.code}/events").json(),
        {"items": {"$ref": "#/EventOut"}},
        "events",
    )


def test_the_consultation_ladder_shows_in_the_api_record(world, client):
    """The scheduled job, in frozen time, climbs reminder → second reminder → escalation, and an
    integration reading the record sees each rung once."""
    dossier = services.forward(
        world.receive(at=vn(2024, 3, 4, 9, 0)), world.officer, at=vn(2024, 3, 4, 10, 0)
    )
    services.assign(dossier, world.head, world.specialist, at=vn(2024, 3, 4, 10, 0))
    services.consult(
        dossier,
        world.specialist,
        "Sở Tài chính tỉnh Khánh Hòa",
        "Cho ý kiến",
        1,
        at=vn(2024, 3, 4, 14, 0),
    )  # answer due Tuesday 05/03 14:00
    for moment in (
        (2024, 3, 5, 14, 30),
        (2024, 3, 5, 15, 0),
        (2024, 3, 7, 14, 30),
        (2024, 3, 11, 14, 30),
        (2024, 3, 12, 9, 0),
    ):
        with time_machine.travel(vn(*moment), tick=False):
            remind_late_consultations()
    events = (
        ApiClient(client, world.specialist.user.username)
        .get(f"/dossiers/{dossier.code}/events")
        .json()
    )
    ladder = [
        (e["action"], e["data"].get("reminder"))
        for e in events
        if e["action"] in ("remind_consultation", "escalate_consultation")
    ]
    assert ladder == [
        ("remind_consultation", 1),
        ("remind_consultation", 2),
        ("escalate_consultation", None),
    ]
