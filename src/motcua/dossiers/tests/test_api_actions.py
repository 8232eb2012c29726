"""POST /api/v1/dossiers/{code}/actions/<action>: every action endpoint on a dossier in the
right state, and every refusal (400, 401, 403, 404, 409) as JSON in Vietnamese."""

from django.core.files.uploadedfile import SimpleUploadedFile
import pytest
import time_machine

from motcua.api.tests.support import ApiClient
from motcua.core.testing.files import PDF
from motcua.dossiers import services
from motcua.dossiers.constants import State
from motcua.dossiers.models import Dossier
from motcua.org.constants import Role
from motcua.org.models import Unit
from motcua.org.tests.factories import make_staff

from .conftest import vn


@pytest.fixture(autouse=True)
def monday_morning():
    # Half an hour after the conftest world's default receipt (09:30).
    with time_machine.travel(vn(2024, 3, 4, 10, 0), tick=False):
        yield


@pytest.fixture
def api(world, client):
    """An API client per role of the world, each with its own token."""
    staff = {
        "officer": world.officer,
        "head": world.head,
        "specialist": world.specialist,
        "specialist2": world.specialist2,
        "director": world.director,
        "clerk": world.clerk,
    }
    return {role: ApiClient(client, member.user.username) for role, member in staff.items()}


def act(caller: ApiClient, code: str, action: str, **body) -> dict:
    response = caller.post(f"/dossiers/{code}/actions/{action}", body)
    assert response.status_code == 200, response.content.decode()
    return response.json()


def refusal(caller: ApiClient, code: str, action: str, status: int, **body) -> str:
    response = caller.post(f"/dossiers/{code}/actions/{action}", body)
    assert response.status_code == status, response.content.decode()
    return response.json()["detail"]


def test_the_whole_path_of_a_dossier_through_the_action_endpoints(world, api, other_agency):
    officer, head, director = api["officer"], api["head"], api["director"]
    specialist = api["specialist"]
    code = world.receive().code

    d = act(officer, code, "forward", note="Chuyển thẩm định", expected_revision=1)
    assert (d["state"], d["current_step"]["name"], d["revision"]) == (
        "processing",
        "Thẩm định hồ sơ",
        2,
    )
    d = act(api["specialist2"], code, "claim", expected_revision=2)
    assert d["current_step"]["assignee"] == {"username": "chuyenvien2", "name": "Bùi Văn Long"}
    d = act(head, code, "assign", assignee="chuyenvien", expected_revision=3)
    assert d["current_step"]["assignee"]["username"] == "chuyenvien"

    d = act(
        specialist,
        code,
        "request_supplement",
        reason="Hồ sơ chưa hợp lệ",
        items=[{"name": "Giấy đề nghị đăng ký doanh nghiệp", "note": "Thiếu chữ ký"}],
    )
    assert (d["state"], d["timeliness"]) == ("awaiting_supplement", "paused")
    assert d["clock_stopped_at"] == "2024-03-04T10:00:00+07:00"
    assert d["supplements"][0]["items"] == [
        {"name": "Giấy đề nghị đăng ký doanh nghiệp", "note": "Thiếu chữ ký"}
    ]
    d = act(officer, code, "supplement", note="Đã nhận bản có chữ ký")
    assert (d["state"], d["clock_stopped_at"]) == ("processing", None)
    assert d["supplements"][0]["answered_at"] == "2024-03-04T10:00:00+07:00"
    assert d["due_at"] == "2024-03-07T10:00:00+07:00"  # the time limit restarted

    d = act(
        specialist,
        code,
        "consult",
        consulted_agency=other_agency.code,
        working_days=3,
        question="Đề nghị cho ý kiến về vốn điều lệ",
    )
    consultation = d["consultations"][0]
    assert consultation["consulted_name"] == "Sở Tài chính tỉnh Khánh Hòa"
    assert consultation["due_at"] == "2024-03-07T10:00:00+07:00"
    d = act(
        specialist,
        code,
        "answer_consultation",
        consultation=consultation["id"],
        answer="Thống nhất",
    )
    assert d["consultations"][0]["answer"] == "Thống nhất"

    assert act(head, code, "suspend", reason="Chờ xác minh")["state"] == "suspended"
    assert act(head, code, "resume", note="Đã có kết quả xác minh")["state"] == "processing"
    d = act(director, code, "extend", working_days=2, reason="Cần xác minh thực địa")
    assert d["due_at"] == "2024-03-11T10:00:00+07:00"
    d = act(head, code, "apologize", new_due_at="2024-03-13T09:00:00", reason="Chờ ý kiến")
    assert d["apology_due_at"] == "2024-03-13T09:00:00+07:00"
    assert d["due_at"] == "2024-03-11T10:00:00+07:00", "the apology keeps the legal deadline"

    d = act(specialist, code, "send_back", reason="Thiếu chữ ký trên giấy đề nghị")
    assert (d["state"], d["current_step"]["name"]) == ("received", "Tiếp nhận hồ sơ")
    d = act(officer, code, "forward", assignee="chuyenvien")
    assert d["current_step"]["assignee"]["username"] == "chuyenvien"
    assert act(specialist, code, "forward")["current_step"]["name"] == "Phê duyệt"
    assert act(head, code, "forward")["current_step"]["name"] == "Ký kết quả"
    d = act(director, code, "approve", summary="Cấp Giấy chứng nhận đăng ký doanh nghiệp")
    assert (d["state"], d["current_step"]["name"]) == ("resolved", "Trả kết quả")
    d = act(api["clerk"], code, "register_result", number="4201234567")
    assert d["result_number"] == "4201234567"
    d = act(officer, code, "return_result", note="Người nộp nhận trực tiếp")
    assert (d["state"], d["national_status"], d["allowed_actions"]) == ("returned", 10, [])

    events = officer.get(f"/dossiers/{code}/events").json()
    assert [e["action"] for e in events] == [
        "receive",
        "forward",
        "claim",
        "assign",
        "request_supplement",
        "supplement",
        "consult",
        "answer_consultation",
        "suspend",
        "resume",
        "extend",
        "apologize",
        "send_back",
        "forward",
        "forward",
        "forward",
        "approve",
        "register_result",
        "return_result",
    ]
    assert d["revision"] == len(events)


def test_refusal_then_return_by_post(world, api):
    dossier = world.receive(return_method="post", postal_address="12 Lê Thánh Tôn, Nha Trang")
    code = services.forward(dossier, world.officer).code
    d = act(api["head"], code, "refuse", reason="Ngành nghề cấm kinh doanh")
    assert (d["state"], d["national_status"]) == ("refused", 9)
    assert "số hiệu bưu gửi" in refusal(api["officer"], code, "return_result", 400)
    d = act(api["officer"], code, "return_result", tracking_number="EA123456789VN")
    assert d["state"] == "returned"


def test_withdrawal_at_the_counter_and_cancellation(world, api):
    withdrawn = act(api["officer"], world.receive().code, "withdraw", note="Đơn xin rút")
    assert (withdrawn["state"], withdrawn["national_status"]) == ("withdrawn", 7)
    events = api["officer"].get(f"/dossiers/{withdrawn['code']}/events").json()
    assert events[-1]["actor_username"] == "motcua"

    code = world.receive().code
    detail = refusal(api["director"], code, "cancel", 400, case="dislike", reason="Không thích")
    assert "payload.case" in detail
    cancelled = act(api["director"], code, "cancel", case="duplicate", reason="Nhập trùng")
    assert cancelled["state"] == "cancelled"


def test_an_online_submission_is_accepted_or_rejected_by_its_ref(world, api):
    first = services.submit(world.procedure, world.intake(), idempotency_key="portal-1")
    second = services.submit(world.procedure, world.intake(), idempotency_key="portal-2")

    d = act(api["officer"], f"truc-tuyen-{first.pk}", "accept", expected_revision=1)
    assert (d["state"], d["code"]) == ("received", "000.00.17.H34-240304-0001")
    assert d["ref"] == d["code"] and d["due_at"] == "2024-03-07T10:00:00+07:00"
    d = act(
        api["officer"],
        f"truc-tuyen-{second.pk}",
        "reject_online",
        reason="Không thuộc thẩm quyền của Sở",
    )
    assert (d["state"], d["national_status"], d["code"]) == ("not_accepted", 3, None)


def test_a_scanned_document_is_attached_with_a_multipart_upload(world, api):
    code = world.receive().code
    path = f"/dossiers/{code}/actions/attach"
    response = api["officer"].upload(
        path,
        {"file": SimpleUploadedFile("giay-de-nghi.pdf", PDF, "application/pdf"), "document": 1},
    )
    assert response.status_code == 200, response.content
    attachment = response.json()["attachments"][0]
    assert (attachment["name"], attachment["document"], attachment["kind"]) == (
        "giay-de-nghi.pdf",
        1,
        "document",
    )
    assert attachment["size"] == len(PDF) and attachment["uploaded_by"] == "Võ Thị Mai"

    fake = api["officer"].upload(path, {"file": SimpleUploadedFile("fake.pdf", b"<html>")})
    assert fake.status_code == 400
    assert "không khớp với định dạng .pdf" in fake.json()["detail"]


# ---------------------------------------------------------------------------------------------
# Refusals


def test_an_action_not_allowed_in_this_state_is_409(world, api):
    dossier = world.receive()
    detail = refusal(api["director"], dossier.code, "approve", 409)
    assert detail == "Không thể «Phê duyệt kết quả» khi hồ sơ đang ở trạng thái «Đã tiếp nhận»."
    dossier = services.forward(dossier, world.officer, assignee=world.specialist)
    dossier = services.forward(services.forward(dossier, world.specialist), world.head)
    dossier = services.approve(dossier, world.director)
    detail = refusal(api["officer"], dossier.code, "return_result", 409)
    assert detail == "Kết quả chưa được Văn thư vào sổ, cấp số."


def test_a_stale_revision_is_409_and_changes_nothing(world, api):
    dossier = services.forward(world.receive(), world.officer)  # revision 2
    detail = refusal(
        api["head"], dossier.code, "assign", 409, assignee="chuyenvien", expected_revision=1
    )
    assert "vừa được người khác cập nhật" in detail
    dossier.refresh_from_db()
    assert dossier.revision == 2 and dossier.current_step.assignee is None


def test_a_role_that_may_not_act_is_403(world, api):
    dossier = services.forward(world.receive(), world.officer)
    dossier = services.assign(dossier, world.head, world.specialist)
    detail = refusal(api["specialist"], dossier.code, "refuse", 403, reason="Không đủ điều kiện")
    assert detail.startswith("Bạn không có quyền «Từ chối giải quyết»")
    detail = refusal(api["specialist2"], dossier.code, "forward", 403)
    assert "không giữ bước xử lý hiện tại" in detail
    assert Dossier.objects.get().revision == dossier.revision


@pytest.mark.parametrize(
    "action, body, message",
    [
        ("send_back", {"reason": "  "}, "«Trả lại bước trước» cần ghi rõ lý do."),
        ("send_back", {}, "payload.reason: thiếu giá trị bắt buộc"),
        ("assign", {"assignee": "khong-co-ai"}, "không có cán bộ «khong-co-ai»"),
        ("assign", {"assignee": "motcua2"}, "Đặng Quốc Bảo không thuộc Phòng Đăng ký kinh doanh"),
        ("answer_consultation", {"consultation": 999, "answer": "Có"}, "không có lần lấy ý kiến"),
        (
            "consult",
            {"consulted_agency": "000.00.99.H34", "question": "?", "working_days": 1},
            "Không có cơ quan mã «000.00.99.H34»",
        ),
        ("extend", {"working_days": 0, "reason": "Cần thêm"}, "Tham số không hợp lệ"),
    ],
)
def test_bad_input_is_400(world, api, action, body, message):
    dossier = services.forward(world.receive(), world.officer)
    caller = api["director"] if action == "extend" else api["head"]
    assert message in refusal(caller, dossier.code, action, 400, **body)


def test_another_agencys_dossier_is_404_for_every_action(world, client, other_agency):
    unit = Unit.objects.create(agency=other_agency, code="mot-cua", name="Một cửa", is_counter=True)
    make_staff("la", other_agency, unit, Role.COUNTER_OFFICER, Role.DIRECTOR)
    stranger = ApiClient(client, "la")
    dossier = world.receive()
    detail = refusal(stranger, dossier.code, "cancel", 404, case="duplicate", reason="Trùng")
    assert detail == f"Không tìm thấy hồ sơ «{dossier.code}»."
    assert refusal(stranger, "000.00.17.H34-240304-9999", "forward", 404) == (
        "Không tìm thấy hồ sơ «000.00.17.H34-240304-9999»."
    )
    assert Dossier.objects.get().state == State.RECEIVED


def test_an_action_without_a_token_is_401(world, client):
    dossier = world.receive()
    response = client.post(
        f"/api/v1/dossiers/{dossier.code}/actions/withdraw", {}, content_type="application/json"
    )
    assert response.status_code == 401
    assert "Chưa xác thực" in response.json()["detail"]
    assert Dossier.objects.get().state == State.RECEIVED
