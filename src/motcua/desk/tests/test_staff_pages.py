"""Staff pages: the worklists, the actions, the officer's record, and the agency boundary."""

import pytest
import time_machine

from motcua.desk import services
from motcua.desk.constants import ComplaintOutcome
from motcua.desk.models import Complaint, Question
from motcua.org.constants import Role
from motcua.org.models import Agency, Unit
from motcua.org.tests.factories import make_staff

from .conftest import ask, complain, vn


def signed_in(client, staff):
    client.force_login(staff.user)
    return client


@time_machine.travel(vn(2024, 9, 23, 9, 0), tick=False)
def test_the_overdue_tab_lists_unanswered_questions_past_their_due_date(client, world):
    late = ask(world, at=vn(2024, 9, 2, 9), subject="Câu hỏi quá hạn")
    recent = ask(world, at=vn(2024, 9, 20, 9), subject="Câu hỏi còn hạn")
    answered = ask(world, at=vn(2024, 9, 2, 9), subject="Câu hỏi đã trả lời")
    services.answer_question(answered, world.office, "Xong", at=vn(2024, 9, 3, 9))
    page = signed_in(client, world.officer).get("/hoi-dap/quan-ly/", {"tab": "overdue"})
    assert late.code in page.text
    assert recent.code not in page.text and answered.code not in page.text
    new = client.get("/hoi-dap/quan-ly/", {"tab": "new"}).text
    assert late.code in new and recent.code in new and answered.code not in new


def test_the_unit_filter(client, world):
    mine, other = ask(world), ask(world)
    services.assign_question(mine, world.office, world.business)
    services.assign_question(other, world.office, world.counter)
    page = signed_in(client, world.head).get(
        "/hoi-dap/quan-ly/", {"tab": "assigned", "don_vi": world.business.pk}
    )
    assert mine.code in page.text and other.code not in page.text


def test_hotline_entry_assign_answer_publish_through_the_pages(client, world):
    signed_in(client, world.officer)
    client.post(
        "/hoi-dap/quan-ly/nhap/",
        {
            "channel": "hotline",
            "name": "Người gọi",
            "phone": "0905111222",
            "email": "",
            "subject": "Lệ phí đăng ký doanh nghiệp?",
            "body": "Gọi lúc 9 giờ.",
        },
    )
    question = Question.objects.get()
    assert question.entered_by == world.officer and question.channel == "hotline"
    url = f"/hoi-dap/quan-ly/{question.code}/"
    client.post(url + "giao/", {"unit": world.business.pk})
    refused = client.post(url + "tra-loi/", {"answer": "Không phải việc của quầy"})
    assert refused.status_code == 403 and "Chỉ đơn vị được giao" in refused.text
    signed_in(client, world.specialist).post(url + "tra-loi/", {"answer": "Miễn lệ phí."})
    signed_in(client, world.head).post(url + "dang/", {"procedures": [world.procedure.pk]})
    question.refresh_from_db()
    assert question.published and question.answer == "Miễn lệ phí."
    assert list(question.procedures.all()) == [world.procedure]


def test_a_complaint_through_the_pages_reaches_the_officer_record(client, world):
    signed_in(client, world.office)
    client.post(
        "/phan-anh/quan-ly/nhap/",
        {
            "channel": "counter",
            "kind": "feedback",
            "name": "Lê Văn Tư",
            "phone": "0905000999",
            "email": "",
            "subject": "Cán bộ gắt gỏng",
            "body": "Ở quầy số 2.",
            "dossier_code": "",
            "officer": "",
        },
    )
    complaint = Complaint.objects.get()
    url = f"/phan-anh/quan-ly/{complaint.code}/"
    client.post(url + "giao/", {"unit": world.business.pk, "officer": world.specialist.pk})
    client.post(url + "xac-minh/", {"text": "Đã xem camera quầy số 2."})
    client.post(url + "tra-loi/", {"answer": "Đã nhắc nhở cán bộ.", "outcome": "founded"})
    complaint.refresh_from_db()
    assert complaint.outcome == ComplaintOutcome.FOUNDED and complaint.notes.count() == 1
    record = signed_in(client, world.head).get(f"/phan-anh/can-bo/{world.specialist.pk}/")
    assert record.status_code == 200 and complaint.code in record.text
    assert "Đúng: <strong>1</strong>" in record.text
    own = signed_in(client, world.specialist).get(f"/phan-anh/can-bo/{world.specialist.pk}/")
    assert own.status_code == 200
    colleague = signed_in(client, world.specialist2).get(f"/phan-anh/can-bo/{world.specialist.pk}/")
    assert colleague.status_code == 403


def test_the_complaints_worklist_shows_overdue_first(client, world):
    with time_machine.travel(vn(2024, 9, 23, 9, 0), tick=False):
        complain(world, at=vn(2024, 9, 20, 9), subject="Phản ánh mới")
        complain(world, at=vn(2024, 7, 1, 9), subject="Phản ánh quá hạn")
        page = signed_in(client, world.office).get("/phan-anh/quan-ly/").text
    assert page.index("Phản ánh quá hạn") < page.index("Phản ánh mới")
    assert "1 quá hạn" in page


@pytest.fixture
def stranger(world):
    other = Agency.objects.create(code="000.00.18.H34", name="Sở Tài chính", level="department")
    unit = Unit.objects.create(agency=other, code="van-phong", name="Văn phòng")
    return make_staff("nguoingoai", other, unit, Role.DIRECTOR, Role.OFFICE)


def test_another_agency_sees_nothing(client, world, stranger):
    question, complaint = ask(world), complain(world, officer=world.specialist)
    signed_in(client, stranger)
    assert question.code not in client.get("/hoi-dap/quan-ly/", {"tab": "new"}).text
    assert complaint.code not in client.get("/phan-anh/quan-ly/").text
    for url in (
        f"/hoi-dap/quan-ly/{question.code}/",
        f"/phan-anh/quan-ly/{complaint.code}/",
        f"/phan-anh/can-bo/{world.specialist.pk}/",
    ):
        assert client.get(url).status_code == 404
    assert (
        client.post(f"/hoi-dap/quan-ly/{question.code}/tra-loi/", {"answer": "x"}).status_code
        == 404
    )
    question.refresh_from_db()
    assert not question.is_answered


def test_staff_pages_need_a_sign_in(client, world):
    assert client.get("/hoi-dap/quan-ly/").status_code == 302
    assert client.get("/phan-anh/quan-ly/").status_code == 302


@time_machine.travel(vn(2024, 9, 23, 9, 0), tick=False)
def test_overdue_questions_are_marked_in_every_tab(client, world):
    late = ask(world, at=vn(2024, 9, 2, 9))
    services.assign_question(late, world.office, world.business, at=vn(2024, 9, 2, 10))
    page = signed_in(client, world.head).get("/hoi-dap/quan-ly/", {"tab": "assigned"}).text
    assert late.code in page and "Quá hạn</span>" in page
