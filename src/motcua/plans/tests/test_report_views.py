from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
import pytest

from motcua.org.constants import Role
from motcua.org.models import Unit
from motcua.org.tests.factories import make_staff
from motcua.plans import permissions
from motcua.plans.demo import load_demo_report_calendar
from motcua.plans.models import Plan, ReportOccurrence
from motcua.plans.report_calendar import occurrences_for
from motcua.plans.tests.test_importer import HEADER, ROWS, _xlsx

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _login(client, staff):
    client.force_login(staff.user)
    return client


def _upload():
    return SimpleUploadedFile("phu-luc.xlsx", _xlsx([HEADER, *ROWS]).getvalue())


def test_only_the_office_imports_and_sees_the_calendar(client, dept):
    unit = _login(client, dept.specialist)
    assert unit.get(reverse("plans:plan_import")).status_code == 403
    assert unit.get(reverse("plans:report_calendar")).status_code == 403
    page = _login(client, dept.office).get(reverse("plans:plan_list")).content.decode()
    assert reverse("plans:plan_import") in page and reverse("plans:report_calendar") in page


def test_import_into_a_new_plan_lists_the_bad_rows(client, dept):
    office = _login(client, dept.office)
    missing = office.post(reverse("plans:plan_import"), {"file": _upload()})
    assert missing.status_code == 400
    assert "Cần nhập khi tạo kế hoạch mới." in missing.content.decode()
    response = office.post(
        reverse("plans:plan_import"),
        {
            "number": "20/KH-SKHĐT",
            "issued_on": "2024-03-01",
            "title": "Kế hoạch CCHC 2024",
            "year": 2024,
            "file": _upload(),
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    plan = Plan.objects.get(number="20/KH-SKHĐT")
    assert "2 đề mục, 3 nhiệm vụ" in page and "3 dòng không nhập được" in page
    assert "<td>7</td><td>Thiếu nội dung nhiệm vụ.</td>" in page
    assert reverse("plans:plan_detail", args=[plan.pk]) in page
    again = office.post(reverse("plans:plan_import"), {"plan": plan.pk, "file": _upload()})
    assert again.status_code == 200 and plan.tasks.count() == 6


def test_an_unreadable_file_creates_no_plan(client, dept):
    response = _login(client, dept.office).post(
        reverse("plans:plan_import"),
        {
            "number": "21/KH",
            "issued_on": "2024-03-01",
            "title": "K",
            "year": 2024,
            "file": SimpleUploadedFile("hong.xlsx", b"broken"),
        },
    )
    assert response.status_code == 400 and "Không đọc được tệp" in response.content.decode()
    assert not Plan.objects.exists()


@pytest.fixture
def calendar(dept):
    load_demo_report_calendar(dept.agency)
    return occurrences_for(dept.agency, 2024)


def test_the_calendar_lists_the_year_downloads_drafts_and_records_submissions(
    client, dept, calendar
):
    office = _login(client, dept.office)
    page = office.get(reverse("plans:report_calendar"), {"nam": 2024}).content.decode()
    assert page.count("Tải dự thảo") == 15 and page.count("Quá hạn chưa nộp") == 15
    half_year = next(o for o in calendar if o.obligation.code == "cchc-6-thang")
    draft = office.get(reverse("plans:report_draft", args=[half_year.pk]))
    assert draft["Content-Type"] == DOCX and draft.content.startswith(b"PK")
    response = office.post(
        reverse("plans:report_submit", args=[half_year.pk]),
        {"document_number": "1020/BC-SKHĐT", "submitted_on": "2024-05-24"},
    )
    assert response.status_code == 302 and response["Location"].endswith("?nam=2024")
    page = office.get(response["Location"]).content.decode()
    assert "Đã nộp đúng hạn" in page and "Văn bản 1020/BC-SKHĐT ngày 24/05/2024" in page
    late = office.post(
        reverse("plans:report_submit", args=[half_year.pk]),
        {"document_number": "2/BC", "submitted_on": "2024-05-30"},
        follow=True,
    )
    assert "đã ghi nhận nộp ngày 24/05/2024" in late.content.decode()
    assert ReportOccurrence.objects.get(pk=half_year.pk).document_number == "1020/BC-SKHĐT"


def test_another_agency_cannot_open_a_draft(client, dept, calendar, other_agency):
    unit = Unit.objects.create(agency=other_agency, code="van-phong", name="Văn phòng")
    stranger = make_staff("vp.stc", other_agency, unit, Role.OFFICE)
    response = _login(client, stranger).get(reverse("plans:report_draft", args=[calendar[0].pk]))
    assert response.status_code == 404
    assert permissions.may_use_report_calendar(stranger)
