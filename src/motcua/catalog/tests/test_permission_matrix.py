"""Who may see and change the catalogue, role by role: every person of the cast against the
staff pages (procedure, form template, export, import) of their own and another agency's
procedures, published and draft. The API of the catalogue is public and read-only: its rows
say the same of everyone (the issued version found, a draft never), anonymous included, and no
endpoint changes a procedure."""

from datetime import date
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
import pytest

from motcua.api.api import api
from motcua.catalog import services
from motcua.catalog.models import Procedure
from motcua.catalog.xlsx import export_catalog
from motcua.org.constants import Role
from motcua.org.tests.cast import make_cast

from .factories import add_process, make_draft

OWN_AGENCY = [role.value for role in Role] + ["other_unit_specialist", "other_unit_unit_head"]
OTHER_AGENCY = [f"other_agency_{role.value}" for role in Role]
EVERYONE = OWN_AGENCY + OTHER_AGENCY
MANAGERS = {Role.OFFICE, Role.ADMINISTRATOR}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _procedure(agency, code: str, *, publish: bool):
    version = make_draft(agency, national_code=code, local_code=f"NB-{code}")
    document = services.add_document(
        version, name="Tờ khai", template=ContentFile(b"noi dung mau", name="to-khai.docx")
    )
    if publish:
        add_process(version, [version.time_limit_hours])
        services.publish(version, date(2022, 1, 1))
    return version.procedure, document


@pytest.fixture
def world(agency, other_agency):
    cast = make_cast(agency, other_agency)
    made = {
        "own_published": _procedure(agency, "2.001610", publish=True),
        "own_draft": _procedure(agency, "2.001611", publish=False),
        "other_published": _procedure(other_agency, "1.000016", publish=True),
        "other_draft": _procedure(other_agency, "1.000017", publish=False),
    }
    return cast, made


def _status(response) -> str:
    return {200: "allowed", 403: "refused", 404: "not found"}[response.status_code]


PAGES = {
    "view_procedure": lambda made, r: reverse("catalog:procedure_detail", args=[made[r][0].pk]),
    "download_template": lambda made, r: reverse("catalog:document_template", args=[made[r][1].pk]),
}
# (action, resource, who is allowed, what the others get)
RULES = [
    ("view_procedure", "own_published", set(OWN_AGENCY), "not found"),
    ("view_procedure", "own_draft", set(OWN_AGENCY), "not found"),
    ("view_procedure", "other_published", set(OTHER_AGENCY), "not found"),
    ("download_template", "own_draft", set(OWN_AGENCY), "not found"),
    ("download_template", "other_draft", set(OTHER_AGENCY), "not found"),
    ("download_template", "own_published", set(EVERYONE), "not found"),
]


@pytest.mark.parametrize(
    "action,resource,allowed,refusal",
    [pytest.param(*rule, id=f"{rule[0]}-{rule[1]}") for rule in RULES],
)
def test_the_pages_answer_each_person_as_the_rule_says(
    client, world, action, resource, allowed, refusal
):
    cast, made = world
    url = PAGES[action](made, resource)
    answers = {}
    for person in EVERYONE:
        client.force_login(cast[person].user)
        answers[person] = _status(client.get(url))
    assert answers == {p: "allowed" if p in allowed else refusal for p in EVERYONE}


@pytest.mark.parametrize(
    "resource,answer",
    [
        ("own_published", "allowed"),
        ("own_draft", "not found"),
        ("other_published", "allowed"),
        ("other_draft", "not found"),
    ],
)
def test_the_public_api_answers_everyone_alike(client, world, resource, answer):
    cast, made = world
    procedure = made[resource][0]
    url = f"/api/v1/procedures/{procedure.national_code}"
    answers = {"anonymous": _status(client.get(url, {"agency": procedure.agency.code}))}
    for person in EVERYONE:
        client.force_login(cast[person].user)
        answers[person] = _status(client.get(url, {"agency": procedure.agency.code}))
    assert set(answers.values()) == {answer}


def test_no_catalogue_endpoint_changes_anything():
    """The catalogue's API is read-only: procedures change only through the staff pages'
    import and the admin, both bound to the staff member's own agency."""
    methods = {
        method
        for path, view in api.get_openapi_schema()["paths"].items()
        if path.startswith("/api/v1/procedures")
        for method in view
    }
    assert methods == {"get"}


@pytest.mark.parametrize("name", ["catalog:export", "catalog:import"])
def test_only_the_catalogue_managers_import_and_export(client, world, name):
    cast, _ = world
    answers = {}
    for person in EVERYONE:
        client.force_login(cast[person].user)
        answers[person] = _status(client.get(reverse(name)))
    managers = {str(r) for r in MANAGERS} | {f"other_agency_{r}" for r in MANAGERS}
    assert answers == {p: "allowed" if p in managers else "refused" for p in EVERYONE}


def test_an_export_holds_only_the_exporter_s_agency(client, world):
    cast, made = world
    client.force_login(cast[f"other_agency_{Role.OFFICE}"].user)
    response = client.get(reverse("catalog:export"))
    assert response.status_code == 200
    codes = {
        row[0]
        for row in load_workbook(BytesIO(response.content))["Thủ tục"].iter_rows(
            min_row=2, values_only=True
        )
    }
    assert codes == {"NB-1.000016", "NB-1.000017"}


def test_an_import_never_changes_another_agency_s_procedure(client, world):
    """The other agency's office imports our catalogue: it lands in their agency as new
    procedures; ours keep their versions and names."""
    cast, made = world
    ours = made["own_published"][0]
    before = list(ours.versions.values_list("pk", "name"))
    stream = BytesIO()
    export_catalog(cast.agency).save(stream)
    client.force_login(cast[f"other_agency_{Role.OFFICE}"].user)
    response = client.post(
        reverse("catalog:import"),
        {"file": SimpleUploadedFile("danh-muc.xlsx", stream.getvalue(), content_type=XLSX)},
    )
    assert response.status_code in (200, 302)
    assert list(ours.versions.values_list("pk", "name")) == before
    assert Procedure.objects.filter(agency=cast.agency).count() == 2
    assert Procedure.objects.get(pk=ours.pk).agency == cast.agency


def test_a_catalogue_permission_given_by_mistake_shows_the_admin_read_only(client, world):
    """The admin asks catalog.permissions too: a unit head whose group was given the
    catalogue's change bits sees the procedure but cannot change it."""
    from django.contrib.auth.models import Permission

    cast, made = world
    head = cast.people[Role.UNIT_HEAD.value]
    head.user.is_staff = True
    head.user.save()
    head.user.user_permissions.add(*Permission.objects.filter(content_type__app_label="catalog"))
    version = made["own_draft"][0].versions.get()
    client.force_login(head.user)
    url = reverse("admin:catalog_procedureversion_change", args=[version.pk])
    assert client.get(url).status_code == 200  # viewing is what the bits open
    assert client.post(url, {"name": "Đổi tên"}).status_code == 403
    version.refresh_from_db()
    assert version.name != "Đổi tên"
    office = cast.people[Role.OFFICE.value].user
    office.is_staff = True
    office.save()
    client.force_login(office)
    answer = client.get(url)
    assert answer.status_code == 200 and 'name="name"' in answer.content.decode()
