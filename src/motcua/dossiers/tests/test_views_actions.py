"""The action forms of the dossier page: each posts to its service; a refusal brings the page
back with the Vietnamese message, the error's HTTP status and what the user typed."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
import pytest
import time_machine

from motcua.core.testing.files import PDF
from motcua.dossiers import services
from motcua.dossiers.constants import ReturnMethod, State
from motcua.dossiers.models import Attachment, Dossier
from motcua.org.constants import Role
from motcua.org.models import Agency, Unit
from motcua.org.tests.factories import make_staff

from .conftest import vn


@pytest.fixture(autouse=True)
def monday_morning():
    """Monday 04/03/2024 10:00: the dossiers of `world` were received at 09:30 that day."""
    with time_machine.travel(vn(2024, 3, 4, 10, 0), tick=False):
        yield


def post(client, staff, dossier, action, **data):
    client.force_login(staff.user)
    data.setdefault("revision", Dossier.objects.get(pk=dossier.pk).revision)
    return client.post(reverse("dossiers:act", args=[dossier, action]), data)


def fresh(dossier) -> Dossier:
    return Dossier.objects.get(pk=dossier.pk)


def at_examination(world, assignee=None):
    """A dossier at its second step (the business unit), assigned to `assignee` if given."""
    dossier = services.forward(world.receive(), world.officer, at=vn(2024, 3, 4, 9, 40))
    if assignee is not None:
        dossier = services.assign(dossier, world.head, assignee, at=vn(2024, 3, 4, 9, 45))
    return dossier


def test_forward_redirects_to_the_page_with_the_success_message(client, world):
    dossier = world.receive()
    response = post(client, world.officer, dossier, "forward", note="Đủ hồ sơ")
    assert response.status_code == 302
    assert response["Location"] == reverse("dossiers:detail", args=[dossier.code])
    dossier = fresh(dossier)
    assert dossier.state == State.PROCESSING and dossier.current_step.name == "Thẩm định hồ sơ"
    assert dossier.events.last().note == "Đủ hồ sơ"
    page = client.get(response["Location"]).content.decode()
    assert "Đã chuyển hồ sơ sang bước «Thẩm định hồ sơ»." in page


def test_the_assignee_select_holds_only_the_steps_unit(client, world):
    dossier = at_examination(world)
    client.force_login(world.head.user)
    form = client.get(reverse("dossiers:detail", args=[dossier])).context["primary_actions"][0]
    assert form.action == "assign"
    assert set(form.fields["assignee"].queryset) == {
        world.head,
        world.specialist,
        world.specialist2,
    }
    response = post(client, world.head, dossier, "assign", assignee=world.officer2.pk)
    assert response.status_code == 400
    assert "Lựa chọn không hợp lệ" in response.content.decode()
    response = post(client, world.head, dossier, "assign", assignee=world.specialist.pk)
    assert response.status_code == 302
    assert fresh(dossier).current_step.assignee == world.specialist


def test_a_missing_reason_is_400_and_the_typed_values_stay(client, world):
    dossier = world.receive()
    response = post(client, world.director, dossier, "cancel", case="duplicate", reason="")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Trường này là bắt buộc." in html
    assert '<option value="duplicate" selected>' in html
    assert 'id="thao-tac-cancel" open' in html
    assert fresh(dossier).state == State.RECEIVED


def test_the_service_message_comes_back_with_its_status(client, world):
    dossier = world.receive()
    # The transition table: a received dossier cannot be accepted again (409) ...
    response = post(client, world.officer, dossier, "accept")
    assert response.status_code == 409
    assert "khi hồ sơ đang ở trạng thái «Đã tiếp nhận»" in response.content.decode()
    # ... an officer cannot approve (403) ...
    dossier = at_examination(world, world.specialist)
    response = post(client, world.officer, dossier, "approve")
    assert response.status_code == 403
    assert "Bạn không có quyền «Phê duyệt kết quả»" in response.content.decode()
    # ... and only the holder of the step may forward it.
    response = post(client, world.specialist2, dossier, "forward")
    assert response.status_code == 403
    assert "Bạn không giữ bước xử lý hiện tại" in response.content.decode()


def test_an_action_closed_to_the_user_is_refused_as_such_even_with_bad_input(client, world):
    dossier = world.receive()
    response = post(client, world.specialist, dossier, "refuse", reason="")
    assert response.status_code == 403
    assert "Bạn không có quyền «Từ chối giải quyết»" in response.content.decode()


def test_a_stale_page_is_409_and_the_page_shows_the_new_state(client, world):
    dossier = world.receive()
    seen = dossier.revision
    services.forward(dossier, world.officer)  # the same officer, in another tab, acts first
    response = post(
        client,
        world.officer,
        dossier,
        "request_supplement",
        revision=seen,
        reason="Thiếu chữ ký",
        **{"bosung-TOTAL_FORMS": 3, "bosung-INITIAL_FORMS": 0, "bosung-0-name": "Giấy đề nghị"},
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Hồ sơ vừa được người khác cập nhật" in html
    assert "Đang xử lý" in html
    assert fresh(dossier).state == State.PROCESSING


def test_the_supplement_round_trip(client, world):
    dossier = at_examination(world, world.specialist)
    rows = {
        "bosung-TOTAL_FORMS": 3,
        "bosung-INITIAL_FORMS": 0,
        "bosung-0-name": "Giấy đề nghị đăng ký doanh nghiệp",
        "bosung-0-note": "Thiếu chữ ký",
        "bosung-1-name": "",
        "bosung-2-name": "",
    }
    response = post(client, world.specialist, dossier, "request_supplement", reason="", **rows)
    assert response.status_code == 400
    assert 'value="Thiếu chữ ký"' in response.content.decode()  # the row is kept
    response = post(
        client,
        world.specialist,
        dossier,
        "request_supplement",
        reason="Giấy đề nghị chưa ký",
        **rows,
    )
    assert response.status_code == 302
    dossier = fresh(dossier)
    assert dossier.state == State.AWAITING_SUPPLEMENT
    assert dossier.supplements.get().items == [
        {"name": "Giấy đề nghị đăng ký doanh nghiệp", "note": "Thiếu chữ ký"}
    ]
    with time_machine.travel(vn(2024, 3, 6, 9, 0), tick=False):
        response = post(client, world.officer, dossier, "supplement", note="Đã ký bổ sung")
        assert response.status_code == 302
        dossier = fresh(dossier)
        assert dossier.state == State.PROCESSING
        assert dossier.due_at == vn(2024, 3, 11, 9, 0)  # three working days from the supplement
        page = client.get(response["Location"]).content.decode()
        assert "hẹn trả kết quả mới 09:00 11/03/2024" in page


def test_a_supplement_request_needs_one_document(client, world):
    dossier = at_examination(world, world.specialist)
    response = post(
        client,
        world.specialist,
        dossier,
        "request_supplement",
        reason="Thiếu",
        **{"bosung-TOTAL_FORMS": 3, "bosung-INITIAL_FORMS": 0},
    )
    assert response.status_code == 400
    assert "Cần liệt kê ít nhất một giấy tờ" in response.content.decode()


def test_the_apology_takes_a_date_in_vietnamese_format(client, world):
    dossier = at_examination(world, world.specialist)
    with time_machine.travel(vn(2024, 3, 5, 9, 0), tick=False):
        response = post(
            client,
            world.head,
            dossier,
            "apologize",
            new_due_at="12.03.2024 9h",
            reason="Chờ xác minh",
        )
        assert response.status_code == 400
        html = response.content.decode()
        assert "Ghi ngày giờ theo dạng dd/mm/yyyy HH:MM." in html
        assert 'value="12.03.2024 9h"' in html
        response = post(
            client,
            world.head,
            dossier,
            "apologize",
            new_due_at="06/03/2024 09:00",
            reason="Chờ xác minh",
        )
        assert response.status_code == 400
        assert "Ngày hẹn mới phải sau ngày hẹn trả hiện tại." in response.content.decode()
        response = post(
            client,
            world.head,
            dossier,
            "apologize",
            new_due_at="12/03/2024 09:00",
            reason="Chờ xác minh",
        )
        assert response.status_code == 302
    assert fresh(dossier).apology_due_at == vn(2024, 3, 12, 9, 0)


def test_extension_and_consultation_count_working_days(client, world):
    dossier = at_examination(world, world.specialist)
    response = post(client, world.director, dossier, "extend", working_days="0", reason="Phức tạp")
    assert response.status_code == 400
    response = post(client, world.director, dossier, "extend", working_days="2", reason="Phức tạp")
    assert response.status_code == 302
    assert fresh(dossier).due_at == vn(2024, 3, 11, 9, 30)
    response = post(
        client,
        world.specialist,
        dossier,
        "consult",
        consulted_name="Sở Tài chính",
        question="Ý kiến về vốn điều lệ",
        working_days="5",
    )
    assert response.status_code == 302
    consultation = dossier.consultations.get()
    assert consultation.due_at == vn(2024, 3, 11, 10, 0)
    response = post(
        client,
        world.specialist,
        dossier,
        "answer_consultation",
        consultation=consultation.pk,
        answer="Thống nhất",
    )
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.answer == "Thống nhất"


def test_suspend_and_resume(client, world):
    dossier = at_examination(world, world.specialist)
    assert (
        post(client, world.head, dossier, "suspend", reason="Chờ kết quả giám định").status_code
        == 302
    )
    assert fresh(dossier).state == State.SUSPENDED
    assert post(client, world.head, dossier, "resume").status_code == 302
    assert fresh(dossier).state == State.PROCESSING


def test_send_back_refuse_and_withdraw(client, world):
    dossier = at_examination(world, world.specialist)
    assert (
        post(client, world.specialist, dossier, "send_back", reason="Thiếu trang 2").status_code
        == 302
    )
    assert fresh(dossier).current_step.name == "Tiếp nhận hồ sơ"
    assert (
        post(client, world.officer, dossier, "withdraw", note="Người nộp xin rút").status_code
        == 302
    )
    assert fresh(dossier).state == State.WITHDRAWN
    other = world.receive()
    assert post(client, world.director, other, "refuse", reason="Ngành nghề cấm").status_code == 302
    assert fresh(other).state == State.REFUSED


def test_approval_number_and_return_by_post(client, world):
    dossier = world.receive(return_method=ReturnMethod.POST, postal_address="5 Yersin, Nha Trang")
    dossier = services.forward(dossier, world.officer)
    dossier = services.assign(dossier, world.head, world.specialist)
    dossier = services.forward(dossier, world.specialist)
    dossier = services.forward(dossier, world.head)
    assert post(client, world.director, dossier, "approve", summary="Cấp GCN").status_code == 302
    response = post(client, world.clerk, dossier, "register_result", number="")
    assert response.status_code == 400
    assert (
        post(client, world.clerk, dossier, "register_result", number="4201234567").status_code
        == 302
    )
    response = post(client, world.officer, dossier, "return_result", tracking_number="")
    assert response.status_code == 400
    assert (
        post(client, world.officer, dossier, "return_result", tracking_number="EB123VN").status_code
        == 302
    )
    dossier = fresh(dossier)
    assert dossier.state == State.RETURNED and dossier.result_number == "4201234567"


def test_online_submission_is_accepted_or_returned_with_a_reason(client, world):
    submitted = services.submit(
        world.procedure, world.intake(), idempotency_key="k1", at=vn(2024, 3, 4, 8, 0)
    )
    url = reverse("dossiers:detail", args=[submitted])
    assert url.endswith(f"/truc-tuyen-{submitted.pk}/")
    client.force_login(world.officer.user)
    assert [f.action for f in client.get(url).context["primary_actions"]] == ["accept"]
    response = post(client, world.officer, submitted, "accept")
    accepted = fresh(submitted)
    assert accepted.state == State.RECEIVED
    assert response["Location"] == reverse("dossiers:detail", args=[accepted.code])
    # The old address leads to the new one.
    assert client.get(url)["Location"] == reverse("dossiers:detail", args=[accepted.code])

    other = services.submit(world.procedure, world.intake(), idempotency_key="k2")
    assert post(client, world.officer, other, "reject_online", reason="").status_code == 400
    assert (
        post(client, world.officer, other, "reject_online", reason="Sai thủ tục").status_code == 302
    )
    assert fresh(other).state == State.NOT_ACCEPTED


def test_uploads_are_checked_file_by_file(client, world):
    dossier = world.receive()
    first, second = dossier.documents.all()[:2]
    client.force_login(world.officer.user)
    response = client.post(
        reverse("dossiers:act", args=[dossier, "attach"]),
        {
            "revision": dossier.revision,
            "kind": Attachment.Kind.OTHER,
            f"doc-{first.pk}": SimpleUploadedFile("giay-de-nghi.pdf", PDF),
            f"doc-{second.pk}": SimpleUploadedFile("virus.exe", b"MZ\x90\x00"),
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Đã đính kèm 1 tệp: giay-de-nghi.pdf." in html
    assert "Tệp «virus.exe» không đúng định dạng" in html
    assert '<option value="other" selected>' in html
    attachment = Attachment.objects.get()
    assert attachment.document == first
    download = client.get(reverse("dossiers:download", args=[dossier, attachment.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    empty = client.post(
        reverse("dossiers:act", args=[dossier, "attach"]),
        {"revision": dossier.revision, "kind": Attachment.Kind.RESULT},
    )
    assert empty.status_code == 400
    assert "Chọn ít nhất một tệp để tải lên." in empty.content.decode()


def test_another_agencys_dossier_is_not_found(client, world):
    dossier = world.receive()
    services.attach(dossier, world.officer, SimpleUploadedFile("a.pdf", PDF))
    agency = Agency.objects.create(code="000.00.18.H34", name="Sở Tài chính", level="department")
    unit = Unit.objects.create(agency=agency, code="mot-cua", name="Một cửa", is_counter=True)
    stranger = make_staff("nguoila", agency, unit, Role.COUNTER_OFFICER, Role.DIRECTOR)
    client.force_login(stranger.user)
    assert client.get(reverse("dossiers:detail", args=[dossier])).status_code == 404
    assert (
        post(client, stranger, dossier, "cancel", case="duplicate", reason="x").status_code == 404
    )
    attachment = dossier.attachments.get()
    assert (
        client.get(reverse("dossiers:download", args=[dossier, attachment.pk])).status_code == 404
    )
    assert fresh(dossier).state == State.RECEIVED


def test_signed_out_users_are_sent_to_sign_in(client, world):
    dossier = world.receive()
    for response in (
        client.get(reverse("dossiers:detail", args=[dossier])),
        client.post(reverse("dossiers:act", args=[dossier, "forward"])),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("org:login"))
    assert fresh(dossier).state == State.RECEIVED


def test_a_post_without_the_revision_is_refused(client, world):
    dossier = world.receive()
    client.force_login(world.officer.user)
    response = client.post(reverse("dossiers:act", args=[dossier, "forward"]))
    assert response.status_code == 400
    assert "Trang thiếu lần cập nhật của hồ sơ; xin tải lại trang." in response.content.decode()
    assert fresh(dossier).state == State.RECEIVED


def test_unknown_actions_and_gets_are_refused(client, world):
    dossier = world.receive()
    assert post(client, world.officer, dossier, "remind_consultation").status_code == 404
    assert post(client, world.officer, dossier, "xoa").status_code == 404
    client.force_login(world.officer.user)
    assert client.get(reverse("dossiers:act", args=[dossier, "forward"])).status_code == 405
