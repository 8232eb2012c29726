"""Report jobs: requested from the page, built by the task (inline, eager), followed on a
self-refreshing page, downloaded when done; for the office, director and unit heads only."""

from datetime import date
import io
from unittest import mock

from django.urls import reverse
from openpyxl import load_workbook
import pytest

from motcua.org.constants import Role
from motcua.org.models import Unit
from motcua.org.tests.factories import make_staff
from motcua.reports import builders
from motcua.reports.constants import Kind, Status
from motcua.reports.models import ReportJob
from motcua.reports.services import request_report
from motcua.reports.tasks import build_report


@pytest.fixture
def office_client(client, month):
    client.force_login(month.world.office.user)
    return client


def _downloaded(client, job) -> bytes:
    response = client.get(reverse("reports:download", args=[job.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_requesting_a_briefing_builds_it_after_commit(
    office_client, month, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = office_client.post(
            reverse("reports:job_list"), {"kind": Kind.BRIEFING_XLSX, "month": "2024-03"}
        )
    assert len(callbacks) == 1
    job = ReportJob.objects.get()
    assert response.url == reverse("reports:job", args=[job.pk])
    assert job.parameters == {"start": "2024-03-01", "end": "2024-03-31"}
    assert (job.status, job.progress, job.error) == (Status.DONE, 100, "")
    assert job.requested_by == month.world.office and job.finished_at is not None
    book = load_workbook(io.BytesIO(_downloaded(office_client, job)))
    assert next(book["Theo don vi"].iter_rows(min_row=3, values_only=True))[:2] == (
        "Toàn cơ quan",
        13,
    )
    page = office_client.get(reverse("reports:job", args=[job.pk]))
    assert "Refresh" not in page
    assert reverse("reports:download", args=[job.pk]) in page.content.decode()


@pytest.mark.parametrize(
    "kind,rows", [(Kind.REGISTER_XLSX, 3 + 13), (Kind.STATISTICS_XLSX, 3 + 1 + 2 * 2)]
)
def test_period_jobs_give_a_readable_workbook(office_client, month, kind, rows):
    job = request_report(month.world.office, kind, date(2024, 3, 1), date(2024, 3, 31))
    assert build_report(job.pk) == Status.DONE
    job.refresh_from_db()
    assert job.file.name.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(_downloaded(office_client, job))).active
    assert sheet.max_row == rows


def test_a_running_job_shows_its_progress_and_refreshes(client, world):
    client.force_login(world.office.user)
    job = request_report(world.office, Kind.BRIEFING_DOCX, date(2024, 3, 1), date(2024, 3, 31))
    ReportJob.objects.filter(pk=job.pk).update(status=Status.RUNNING, progress=40)
    page = client.get(reverse("reports:job", args=[job.pk]))
    assert page["Refresh"] == "2"
    assert 'aria-valuenow="40"' in page.content.decode()
    assert client.get(reverse("reports:download", args=[job.pk])).status_code == 404


def test_a_failing_build_marks_the_job_failed_with_the_error(client, world):
    client.force_login(world.office.user)
    job = request_report(world.office, Kind.BRIEFING_DOCX, date(2024, 3, 1), date(2024, 3, 31))
    broken = mock.Mock(side_effect=RuntimeError("hết dung lượng đĩa"))
    with mock.patch.dict(builders.BUILDERS, {Kind.BRIEFING_DOCX: broken}):
        assert build_report(job.pk) == Status.FAILED
    job.refresh_from_db()
    assert (job.status, job.error) == (Status.FAILED, "RuntimeError: hết dung lượng đĩa")
    assert not job.file and job.finished_at is not None
    page = client.get(reverse("reports:job", args=[job.pk])).content.decode()
    assert "Không lập được báo cáo: RuntimeError: hết dung lượng đĩa" in page


def test_a_briefing_needs_a_month_and_the_register_a_period(client, world):
    client.force_login(world.office.user)
    url = reverse("reports:job_list")
    for data in (
        {"kind": Kind.BRIEFING_DOCX},
        {"kind": Kind.REGISTER_XLSX, "start": "2024-03-01"},
        {"kind": Kind.REGISTER_XLSX, "start": "2024-03-31", "end": "2024-03-01"},
    ):
        assert client.post(url, data).status_code == 200
    assert not ReportJob.objects.exists()


@pytest.mark.parametrize(
    "who,status", [("director", 200), ("head", 200), ("specialist", 403), ("officer", 403)]
)
def test_only_the_office_and_leaders_request_reports(client, world, who, status):
    client.force_login(getattr(world, who).user)
    assert client.get(reverse("reports:job_list")).status_code == status


def test_jobs_of_another_agency_are_not_found(client, world, other_agency):
    job = request_report(world.office, Kind.REGISTER_XLSX, date(2024, 3, 1), date(2024, 3, 31))
    build_report(job.pk)
    unit = Unit.objects.create(agency=other_agency, code="van-phong", name="Văn phòng")
    client.force_login(make_staff("vanphong-stc", other_agency, unit, Role.OFFICE).user)
    for name in ("reports:job", "reports:download"):
        assert client.get(reverse(name, args=[job.pk])).status_code == 404
    assert list(client.get(reverse("reports:job_list")).context["jobs"]) == []
