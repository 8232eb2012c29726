"""POST /api/v1/dossiers: intake at the counter through the API, with a real token."""

import pytest
import time_machine

from motcua.api.tests.support import ApiClient
from motcua.dossiers.constants import State
from motcua.dossiers.models import Dossier

from .conftest import vn


@pytest.fixture(autouse=True)
def monday_morning():
    with time_machine.travel(vn(2024, 3, 4, 9, 0), tick=False):
        yield


@pytest.fixture
def counter(world, client):
    return ApiClient(client, world.officer.user.username)


def intake(world, **changes) -> dict:
    """The JSON a counter application sends: every catalogue document ticked."""
    documents = [{"required_id": d.required_id, "originals": 1} for d in world.documents()]
    return {
        "procedure": "2.001610",
        "applicant": {
            "name": "Nguyễn Thị Hoa",
            "id_number": "056190001234",
            "phone": "0912345678",
            "email": "hoa@example.vn",
        },
        "documents": documents,
        **changes,
    }


def test_a_complete_dossier_is_received_with_code_appointment_and_steps(world, counter):
    response = counter.post("/dossiers", intake(world, sets=2))

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["code"] == body["ref"] == "000.00.17.H34-240304-0001"
    assert (body["state"], body["state_label"], body["national_status"]) == (
        "received",
        "Đã tiếp nhận",
        2,
    )
    assert (body["channel"], body["channel_label"]) == ("1", "Trực tiếp")
    assert body["received_at"] == "2024-03-04T09:00:00+07:00"
    assert body["due_at"] == body["initial_due_at"] == "2024-03-07T09:00:00+07:00"
    assert body["procedure"]["code"] == "2.001610" and body["procedure"]["version"] == 1
    assert body["applicant"]["owner_name"] == "Nguyễn Thị Hoa"
    assert body["sets"] == 2 and body["revision"] == 1
    assert body["current_step"]["name"] == "Tiếp nhận hồ sơ"
    assert body["current_step"]["due_at"] == "2024-03-04T15:00:00+07:00"
    assert [d["name"] for d in body["documents"]] == [
        "Giấy đề nghị đăng ký doanh nghiệp",
        "Bản sao giấy tờ pháp lý của chủ doanh nghiệp",
        "Văn bản ủy quyền",
    ]
    assert body["timeliness"] == "within"
    assert {"forward", "withdraw"} <= {a["action"] for a in body["allowed_actions"]}
    dossier = Dossier.objects.get()
    assert (dossier.state, dossier.received_by) == (State.RECEIVED, world.officer)


def test_an_incomplete_dossier_is_refused_with_the_missing_documents(world, counter):
    documents = [
        {"required_id": d.required_id, "copies": 1}
        for d in world.documents()
        if "Giấy đề nghị" not in d.name
    ]
    response = counter.post("/dossiers", intake(world, documents=documents))

    assert response.status_code == 400
    body = response.json()
    assert body["missing"] == ["Giấy đề nghị đăng ký doanh nghiệp"]
    assert "Còn thiếu: Giấy đề nghị đăng ký doanh nghiệp" in body["detail"]
    assert not Dossier.objects.exists()


def test_a_document_ticked_with_no_copy_counts_as_missing(world, counter):
    documents = [{"required_id": d.required_id, "originals": 0} for d in world.documents()]
    response = counter.post("/dossiers", intake(world, documents=documents))
    assert response.status_code == 400
    assert len(response.json()["missing"]) == 2


def test_the_local_code_and_documents_outside_the_catalogue(world, counter):
    world.procedure.local_code = "DKKD-01"
    world.procedure.save()
    documents = intake(world)["documents"] + [{"name": "Bản đồ vị trí", "copies": 1}]
    response = counter.post("/dossiers", intake(world, procedure="DKKD-01", documents=documents))
    assert response.status_code == 201, response.content
    assert response.json()["documents"][-1] == {
        "position": 4,
        "name": "Bản đồ vị trí",
        "required_id": None,
        "originals": 0,
        "copies": 1,
    }


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"procedure": "9.999999"}, "không có thủ tục mã «9.999999»"),
        ({"documents": [{"required_id": 999999, "originals": 1}]}, "id 999999 không thuộc thủ tục"),
        ({"documents": [{"originals": 1}]}, "Giấy tờ ngoài danh mục cần ghi tên"),
        ({"applicant": {"name": "Nguyễn Thị Hoa", "phone": "12345"}}, "số điện thoại «12345»"),
        ({"return_method": "post"}, "cần địa chỉ nhận"),
        ({"sets": 0}, "Tham số không hợp lệ — intake.sets"),
        ({"applicant": {}}, "applicant.name: thiếu giá trị bắt buộc"),
    ],
)
def test_bad_input_is_400_in_vietnamese_and_creates_nothing(world, counter, changes, message):
    response = counter.post("/dossiers", intake(world, **changes))
    assert response.status_code == 400
    assert message in response.json()["detail"]
    assert not Dossier.objects.exists()


def test_the_same_idempotency_key_returns_the_dossier_already_received(world, counter):
    first = counter.post("/dossiers", intake(world, idempotency_key="quay-1-20240304-0001"))
    again = counter.post("/dossiers", intake(world, idempotency_key="quay-1-20240304-0001"))
    assert first.status_code == again.status_code == 201
    assert first.json()["code"] == again.json()["code"]
    assert Dossier.objects.count() == 1


def test_a_key_used_in_another_agency_reveals_nothing(world, counter, other_agency):
    # Keys are per agency: another agency's dossier with the same key is neither returned nor
    # in the way; a new dossier is received here.
    theirs = world.receive()
    Dossier.objects.filter(pk=theirs.pk).update(agency=other_agency, idempotency_key="khoa-1")
    response = counter.post("/dossiers", intake(world, idempotency_key="khoa-1"))
    assert response.status_code == 201
    assert response.json()["code"] != theirs.code
    assert theirs.code not in response.content.decode()
    assert Dossier.objects.count() == 2


def test_only_a_counter_officer_receives(world, client):
    specialist = ApiClient(client, world.specialist.user.username)
    response = specialist.post("/dossiers", intake(world))
    assert response.status_code == 403
    assert "không có quyền «Tiếp nhận tại Bộ phận Một cửa»" in response.json()["detail"]
