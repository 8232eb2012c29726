"""Who may open what in the plans, role by role: every person of the cast against the tasks,
progress evidence, assignments, result files, registers and report drafts of their own unit,
another unit and another agency. Plans have no API endpoint yet (plans/api.py is empty), so
each row runs against the page; a by-pk row of another agency answers 404, never 403."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
import pytest

from motcua.core.testing.files import PDF
from motcua.org.constants import Role
from motcua.org.tests.cast import make_cast
from motcua.plans import registers, services
from motcua.plans.constants import Recurrence
from motcua.plans.models import Evidence, InitiativeEvidence, ReportObligation
from motcua.plans.register_models import Document, Initiative
from motcua.plans.report_calendar import occurrences_for

EVERYONE = (
    [role.value for role in Role]
    + [f"other_unit_{role}" for role in (Role.SPECIALIST, Role.UNIT_HEAD)]
    + [f"other_agency_{role.value}" for role in Role]
)
MANAGEMENT = {Role.DIRECTOR, Role.OFFICE}
# The administrator of the cast works in the unit `dkkd`, as its specialist and head do.
UNIT = {Role.UNIT_HEAD, Role.SPECIALIST, Role.ADMINISTRATOR}
OTHER_UNIT = {"other_unit_specialist", "other_unit_unit_head"}
OWN_AGENCY = {role.value for role in Role} | OTHER_UNIT
OTHER_AGENCY = {f"other_agency_{role.value}" for role in Role}
OTHER_AGENCY_MANAGEMENT = {f"other_agency_{role}" for role in MANAGEMENT}
# The other agency's task and assignment are led by its office's unit, where its director,
# specialist, unit head and administrator work too (the cast puts its counter roles apart).
OTHER_AGENCY_UNIT = {f"other_agency_{role}" for role in MANAGEMENT | UNIT}


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def _plan(agency, office, lead_unit, number: str):
    plan = services.create_plan(
        agency,
        number=number,
        issued_on=date(2024, 1, 5),
        title="Kế hoạch cải cách hành chính",
        year=2024,
    )
    task = services.add_task(
        plan, number="1", content="Rà soát thủ tục", schedule_text="Tháng 12", lead_unit=lead_unit
    )
    services.report_progress(
        task,
        office,
        report="Đã rà soát 20 thủ tục",
        reported_on=date(2024, 3, 1),
        files=[_pdf("bien-ban.pdf")],
    )
    return task


def _assignment(agency, office, unit, number: str):
    assignment = services.create_assignment(
        agency,
        source_number=number,
        source_date=date(2024, 2, 1),
        content="Báo cáo số liệu",
        unit=unit,
        deadline=date(2024, 3, 1),
    )
    return services.mark_assignment_done(
        assignment,
        office,
        result_document="Báo cáo 5/BC",
        done_on=date(2024, 2, 20),
        result_file=_pdf("ket-qua.pdf"),
    )


def _registers(agency, office):
    initiative = Initiative.objects.create(
        agency=agency, year=2024, title="Sổ tay điện tử", authors="Lê Thị Thu Hà"
    )
    registers.add_initiative_evidence(initiative, office, [_pdf("quyet-dinh.pdf")])
    document = Document.objects.create(
        agency=agency,
        direction="outgoing",
        number="1/SKHĐT",
        issued_on=date(2024, 3, 1),
        summary="Trích yếu",
        correspondent="Sở Nội vụ",
    )
    obligation = ReportObligation.objects.create(
        agency=agency,
        code="cchc-quy",
        name="Báo cáo CCHC",
        recipient="Sở Nội vụ",
        recurrence=Recurrence.MONTHLY,
        day=15,
    )
    occurrence = occurrences_for(agency, 2024)[0]
    assert occurrence.obligation == obligation
    return initiative, document, occurrence


@pytest.fixture
def world(agency, other_agency):
    cast = make_cast(agency, other_agency)
    office, other_office = cast[Role.OFFICE], cast[f"other_agency_{Role.OFFICE}"]
    initiative, document, occurrence = _registers(agency, office)
    other_initiative, other_document, other_occurrence = _registers(other_agency, other_office)
    tasks = {
        "own_unit": _plan(agency, office, cast.unit, "1/KH"),
        "other_unit": _plan(agency, office, cast.other_unit, "2/KH"),
        "other_agency": _plan(other_agency, other_office, other_office.unit, "1/KH"),
    }
    assignments = {
        "own_unit": _assignment(agency, office, cast.unit, "10/UBND"),
        "other_unit": _assignment(agency, office, cast.other_unit, "11/UBND"),
        "other_agency": _assignment(other_agency, other_office, other_office.unit, "12/UBND"),
    }
    return {
        "cast": cast,
        "task": tasks,
        "assignment": assignments,
        "initiative": {"own_agency": initiative, "other_agency": other_initiative},
        "document": {"own_agency": document, "other_agency": other_document},
        "occurrence": {"own_agency": occurrence, "other_agency": other_occurrence},
    }


def _task_page(world, resource):
    return "get", reverse("plans:task_progress", args=[world["task"][resource].pk])


def _evidence(world, resource):
    evidence = Evidence.objects.get(progress__task=world["task"][resource])
    return "get", reverse("plans:evidence_download", args=[evidence.pk])


def _assignment_page(world, resource):
    return "get", reverse("plans:assignment_detail", args=[world["assignment"][resource].pk])


def _result(world, resource):
    return "get", reverse("plans:result_download", args=[world["assignment"][resource].pk])


def _initiative(world, resource):
    return "get", reverse("plans:initiative_detail", args=[world["initiative"][resource].pk])


def _initiative_evidence(world, resource):
    evidence = InitiativeEvidence.objects.get(initiative=world["initiative"][resource])
    return "get", reverse("plans:initiative_evidence", args=[evidence.pk])


def _draft(world, resource):
    return "get", reverse("plans:report_draft", args=[world["occurrence"][resource].pk])


def _edit_document(world, resource):
    return "post", reverse("plans:document_edit", args=[world["document"][resource].pk])


# (action, target, resource, who may, what a refused person of the resource's agency gets)
RULES = [
    ("view_task", _task_page, "own_unit", MANAGEMENT | UNIT, 404),
    ("view_task", _task_page, "other_unit", MANAGEMENT | OTHER_UNIT, 404),
    ("view_task", _task_page, "other_agency", OTHER_AGENCY_UNIT, 404),
    ("download_evidence", _evidence, "own_unit", MANAGEMENT | UNIT, 404),
    ("download_evidence", _evidence, "other_unit", MANAGEMENT | OTHER_UNIT, 404),
    ("download_evidence", _evidence, "other_agency", OTHER_AGENCY_UNIT, 404),
    ("view_assignment", _assignment_page, "own_unit", MANAGEMENT | UNIT, 404),
    ("view_assignment", _assignment_page, "other_unit", MANAGEMENT | OTHER_UNIT, 404),
    ("view_assignment", _assignment_page, "other_agency", OTHER_AGENCY_UNIT, 404),
    ("download_result", _result, "own_unit", MANAGEMENT | UNIT, 404),
    ("download_result", _result, "other_agency", OTHER_AGENCY_UNIT, 404),
    ("view_initiative", _initiative, "own_agency", OWN_AGENCY, 404),
    ("view_initiative", _initiative, "other_agency", OTHER_AGENCY, 404),
    ("download_initiative_evidence", _initiative_evidence, "own_agency", OWN_AGENCY, 404),
    ("download_initiative_evidence", _initiative_evidence, "other_agency", OTHER_AGENCY, 404),
    ("open_report_draft", _draft, "own_agency", MANAGEMENT, 403),
    ("open_report_draft", _draft, "other_agency", OTHER_AGENCY_MANAGEMENT, 403),
    ("edit_document", _edit_document, "own_agency", MANAGEMENT, 403),
]
# Pages that ask for the role before they look the row up refuse a stranger without the role
# with 403 too; every other page of another agency's row answers 404.
ROLE_FIRST = {"open_report_draft"}


def _refusal(person: str, action: str, resource: str, refused: int) -> int:
    staff_agency = "other_agency" if person.startswith("other_agency_") else "own_agency"
    row_agency = "other_agency" if resource == "other_agency" else "own_agency"
    if staff_agency == row_agency:
        return refused
    has_role = person.removeprefix("other_agency_") in MANAGEMENT
    return 403 if action in ROLE_FIRST and not has_role else 404


def _expected(action: str, resource: str, allowed, refused: int) -> dict[str, int | str]:
    allowed = {str(p) for p in allowed}
    return {
        person: "allowed" if person in allowed else _refusal(person, action, resource, refused)
        for person in EVERYONE
    }


def _answer(status: int) -> int | str:
    return "allowed" if status in (200, 400) else status


@pytest.mark.parametrize(
    "action,target,resource,allowed,refused",
    [pytest.param(*rule, id=f"{rule[0]}-{rule[2]}") for rule in RULES],
)
def test_each_person_gets_what_the_rule_says(
    client, world, action, target, resource, allowed, refused
):
    """One row per person of the cast: the page's answer against the rule's."""
    method, url = target(world, resource)
    answers = {}
    for person in EVERYONE:
        client.force_login(world["cast"][person].user)
        answers[person] = _answer(getattr(client, method)(url).status_code)
    assert answers == _expected(action, resource, allowed, refused)


def test_no_page_links_a_stored_file_directly(client, world):
    """The templates link the download views, never the storage's own address."""
    cast = world["cast"]
    client.force_login(cast[Role.OFFICE].user)
    for _method, url in (
        _task_page(world, "own_unit"),
        _assignment_page(world, "own_unit"),
        _initiative(world, "own_agency"),
    ):
        page = client.get(url).content.decode()
        assert "/media/" not in page and "plans/evidence/" not in page
        assert "plans/results/" not in page and "plans/initiatives/" not in page


def test_a_download_is_an_attachment_that_is_not_sniffed(client, world):
    client.force_login(world["cast"][Role.SPECIALIST].user)
    response = client.get(_evidence(world, "own_unit")[1])
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF
