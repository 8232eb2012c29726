from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
import pytest

from motcua.core.testing.files import PDF
from motcua.plans import permissions
from motcua.plans.demo import load_demo_plan
from motcua.plans.models import Assignment, Plan, PlanTask


@pytest.fixture
def demo(dept):
    load_demo_plan(dept.agency)
    return Plan.objects.get()


def _client(client, staff):
    client.force_login(staff.user)
    return client


def test_pages_need_a_login(client, demo):
    response = client.get(reverse("plans:plan_detail", args=[demo.pk]))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_the_office_sees_every_task_and_a_unit_its_own(client, demo, dept):
    office_page = _client(client, dept.office).get(reverse("plans:plan_detail", args=[demo.pk]))
    assert office_page.status_code == 200
    assert office_page.content.decode().count("Tiến độ<span") == 24
    assert "NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH" in office_page.content.decode()
    unit_page = _client(client, dept.specialist).get(reverse("plans:plan_detail", args=[demo.pk]))
    own = PlanTask.objects.filter(lead_unit__code="dang-ky-kinh-doanh").count() + (
        PlanTask.objects.filter(co_units__code="dang-ky-kinh-doanh")
        .exclude(lead_unit__code="dang-ky-kinh-doanh")
        .count()
    )
    assert 0 < own < 24
    assert unit_page.content.decode().count("Tiến độ<span") == own
    foreign = PlanTask.objects.filter(number="1.3", lead_unit__code="xuc-tien-dau-tu").get()
    assert client.get(reverse("plans:task_progress", args=[foreign.pk])).status_code == 404


def test_a_bad_upload_keeps_the_report_typed(client, demo, dept):
    task = PlanTask.objects.get(number="1.2", position=4)  # led by business registration
    url = reverse("plans:task_progress", args=[task.pk])
    response = _client(client, dept.specialist).post(
        url,
        {
            "report": "Đã hướng dẫn 120 doanh nghiệp",
            "reported_on": timezone.localdate(),
            "files": SimpleUploadedFile("virus.exe", b"MZ..."),
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "không đúng định dạng" in page and "Đã hướng dẫn 120 doanh nghiệp" in page
    assert task.progress.count() == 0
    response = client.post(
        url,
        {
            "report": "Đã hướng dẫn 120 doanh nghiệp",
            "reported_on": timezone.localdate(),
            "files": SimpleUploadedFile("bao-cao.pdf", PDF),
        },
    )
    assert response.status_code == 302
    assert task.progress.get().evidence.get().name == "bao-cao.pdf"


def test_assignments_are_filtered_by_state_and_unit(client, demo, dept):
    office = _client(client, dept.office)
    everything = office.get(reverse("plans:assignment_list")).content.decode()
    assert all(a.source_number in everything for a in Assignment.objects.all())
    extended = office.get(reverse("plans:assignment_list"), {"state": "extended"})
    assert "4388/UBND-KT" in extended.content.decode()
    assert "4512/UBND-KT" not in extended.content.decode()
    unit = _client(client, dept.specialist).get(reverse("plans:assignment_list"))
    assert "4512/UBND-KT" in unit.content.decode()
    assert "4630/UBND-XDNĐ" not in unit.content.decode()


def test_extend_mark_done_and_close_from_the_detail_page(client, demo, dept):
    assignment = Assignment.objects.get(source_number="4512/UBND-KT")
    head = _client(client, dept.head)
    refused = head.post(reverse("plans:assignment_close", args=[assignment.pk]))
    assert refused.status_code == 400
    assert "trước khi kết thúc" in refused.content.decode()
    no_reason = head.post(
        reverse("plans:assignment_extend", args=[assignment.pk]),
        {"new_deadline": date(2099, 1, 1), "reason": ""},
    )
    assert no_reason.status_code == 400
    head.post(
        reverse("plans:assignment_extend", args=[assignment.pk]),
        {
            "new_deadline": assignment.deadline.replace(year=assignment.deadline.year + 1),
            "reason": "Chờ số liệu",
        },
    )
    head.post(
        reverse("plans:assignment_done", args=[assignment.pk]),
        {"result_document": "Báo cáo số 5/BC-ĐKKD", "done_on": timezone.localdate()},
    )
    assert head.post(reverse("plans:assignment_close", args=[assignment.pk])).status_code == 302
    assignment.refresh_from_db()
    assert assignment.is_extended and assignment.closed_at is not None
    assert assignment.state(timezone.localdate()) == "done"
    page = head.get(reverse("plans:assignment_detail", args=[assignment.pk])).content.decode()
    assert "Chờ số liệu" in page and "Kết thúc nhắc việc</button>" not in page


def test_another_unit_cannot_open_an_assignment(client, demo, dept):
    assignment = Assignment.objects.get(source_number="4630/UBND-XDNĐ")
    response = _client(client, dept.specialist).get(
        reverse("plans:assignment_detail", args=[assignment.pk])
    )
    assert response.status_code == 404
    response = client.post(reverse("plans:assignment_close", args=[assignment.pk]))
    assert response.status_code == 404
    assert permissions.may_handle(dept.investment_head, assignment)
