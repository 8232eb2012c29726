"""Who may order which report and open which job, role by role: every person of the cast orders
each kind, and opens the page and the file of a job of their own, of a colleague and of
another agency. Reports have no API endpoint, so each row runs against the page."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.urls import reverse
import pytest

from motcua.org.constants import Role
from motcua.org.tests.cast import make_cast
from motcua.reports.constants import Kind
from motcua.reports.models import ReportJob
from motcua.reports.services import request_report
from motcua.reports.tasks import build_report

EVERYONE = (
    [role.value for role in Role]
    + ["other_unit_specialist", "other_unit_unit_head"]
    + [f"other_agency_{role.value}" for role in Role]
)
MANAGEMENT = {Role.DIRECTOR, Role.OFFICE}
HEADS = {Role.UNIT_HEAD, "other_unit_unit_head"}
# Another agency's people order in their own agency: the same roles may.
OTHER_MANAGEMENT = {f"other_agency_{role}" for role in MANAGEMENT}
ORDER_DATA = {"start": "2024-03-01", "end": "2024-03-31", "month": "2024-03"}


@pytest.fixture
def cast(agency, other_agency):
    return make_cast(agency, other_agency)


def _ordered(client, person, kind) -> str:
    """'ordered' when the job was made; else the refusal the person saw."""
    before = ReportJob.objects.count()
    response = client.post(reverse("reports:job_list"), {"kind": kind, **ORDER_DATA})
    if ReportJob.objects.count() > before:
        assert response.status_code == 302
        return "ordered"
    # A kind not offered to the person is refused by the form (not among its choices).
    return "refused" if response.status_code in (200, 403) else response.status_code


@pytest.mark.parametrize(
    "kind,allowed",
    [
        pytest.param(Kind.REGISTER_XLSX, MANAGEMENT | OTHER_MANAGEMENT, id="register"),
        pytest.param(Kind.BRIEFING_DOCX, MANAGEMENT | OTHER_MANAGEMENT, id="briefing_docx"),
        pytest.param(Kind.BRIEFING_XLSX, MANAGEMENT | OTHER_MANAGEMENT, id="briefing_xlsx"),
        pytest.param(
            Kind.STATISTICS_XLSX,
            MANAGEMENT | OTHER_MANAGEMENT | HEADS | {f"other_agency_{Role.UNIT_HEAD}"},
            id="statistics",
        ),
    ],
)
def test_each_person_orders_only_the_reports_the_rule_gives_them(
    client, cast, kind, allowed, django_capture_on_commit_callbacks
):
    allowed = {str(person) for person in allowed}
    answers = {}
    for person in EVERYONE:
        client.force_login(cast[person].user)
        with django_capture_on_commit_callbacks(execute=False):
            answers[person] = _ordered(client, person, kind)
    assert answers == {p: "ordered" if p in allowed else "refused" for p in EVERYONE}


def test_the_service_refuses_what_the_page_does_not_offer(cast):
    with pytest.raises(PermissionDenied):
        request_report(
            cast[Role.UNIT_HEAD], Kind.REGISTER_XLSX, date(2024, 3, 1), date(2024, 3, 31)
        )


@pytest.fixture
def jobs(cast):
    """A finished job of the office, of the director (a colleague), of another agency's office."""
    made = {}
    for name, person in (
        ("own", Role.OFFICE),
        ("colleague", Role.DIRECTOR),
        ("other_agency", f"other_agency_{Role.OFFICE}"),
    ):
        job = request_report(
            cast[person], Kind.STATISTICS_XLSX, date(2024, 3, 1), date(2024, 3, 31)
        )
        assert build_report(job.pk) == "done"
        made[name] = job
    return made


@pytest.mark.parametrize("view", ["reports:job", "reports:download"])
@pytest.mark.parametrize("job", ["own", "colleague", "other_agency"])
def test_a_job_is_its_requester_s_alone(client, cast, jobs, view, job):
    owner = {
        "own": Role.OFFICE,
        "colleague": Role.DIRECTOR,
        "other_agency": f"other_agency_{Role.OFFICE}",
    }[job]
    url = reverse(view, args=[jobs[job].pk])
    answers, expected = {}, {}
    for person in EVERYONE:
        client.force_login(cast[person].user)
        answers[person] = client.get(url).status_code
        bare = person.removeprefix("other_agency_").removeprefix("other_unit_")
        uses_reports = bare in (Role.OFFICE, Role.DIRECTOR, Role.UNIT_HEAD)
        expected[person] = 200 if person == owner else 404 if uses_reports else 403
    assert answers == expected


def test_the_list_shows_only_one_s_own_jobs(client, cast, jobs):
    client.force_login(cast[Role.DIRECTOR].user)
    listed = list(client.get(reverse("reports:job_list")).context["jobs"])
    assert listed == [jobs["colleague"]]


def test_a_download_is_an_attachment_that_is_not_sniffed(client, cast, jobs):
    client.force_login(cast[Role.OFFICE].user)
    response = client.get(reverse("reports:download", args=[jobs["own"].pk]))
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
