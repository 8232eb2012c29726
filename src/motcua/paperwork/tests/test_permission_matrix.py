"""Who may print a dossier's forms, a guidance slip and the register: every role of the
agency, nobody of another agency (404, as if the dossier did not exist). Each row is asked of
the print page, of its DOCX and, for a dossier's forms, of the API's DOCX."""

from django.test import Client
from django.urls import reverse
import pytest
import time_machine

from motcua.api.tests.support import ApiClient
from motcua.dossiers import services
from motcua.org.constants import Role
from motcua.org.models import Unit
from motcua.org.tests.factories import make_staff
from motcua.paperwork import permissions

from .conftest import vn

OWN = ["officer", "specialist", "head", "director", "clerk", "office"]
OTHERS = [
    f"other_agency_{role}" for role in (Role.COUNTER_OFFICER, Role.DIRECTOR, Role.ADMINISTRATOR)
]
ROWS = [(who, 200) for who in OWN] + [(who, 404) for who in OTHERS]
IDS = [who for who, _ in ROWS]


@pytest.fixture(autouse=True)
def monday_morning():
    with time_machine.travel(vn(2024, 3, 4, 10, 0), tick=False):
        yield


@pytest.fixture
def people(world, other_agency):
    away = Unit.objects.create(
        agency=other_agency, code="mot-cua", name="Bộ phận Một cửa", is_counter=True
    )
    found = {who: getattr(world, who) for who in OWN}
    for key in OTHERS:
        role = key.removeprefix("other_agency_")
        found[key] = make_staff(f"oa-{role}", other_agency, away, role)
    return found


def page(person, url: str) -> int:
    client = Client()
    client.force_login(person.user)
    return client.get(url).status_code


@pytest.mark.parametrize("who, expected", ROWS, ids=IDS)
def test_a_dossiers_form_gets_the_same_answer_on_the_page_and_the_api(world, people, who, expected):
    person, code = people[who], world.receive().code
    answers = (
        page(person, reverse("paperwork:form_html", args=[code, "receipt"])),
        page(person, reverse("paperwork:form_docx", args=[code, "receipt"])),
        ApiClient(Client(), person.user.username)
        .get(f"/dossiers/{code}/forms/receipt.docx")
        .status_code,
    )
    assert answers == (expected,) * 3
    dossier = world.procedure.dossiers.get()
    assert permissions.may_print_dossier_form(person, dossier) == (expected == 200)


@pytest.mark.parametrize("who, expected", ROWS, ids=IDS)
def test_a_guidance_slip_is_printed_by_the_staff_of_its_agency(world, people, who, expected):
    slip = services.issue_guidance_slip(
        world.officer, world.procedure, "Trần Văn Bình", world.documents(all_mandatory=False)
    )
    person = people[who]
    answers = (
        page(person, reverse("paperwork:guidance_slip_html", args=[slip.pk])),
        page(person, reverse("paperwork:guidance_slip_docx", args=[slip.pk])),
        page(person, reverse("dossiers:guidance_slip", args=[slip.pk])),
    )
    assert answers == (expected,) * 3
    assert permissions.may_print_slip(person, slip) == (expected == 200)


@pytest.mark.parametrize("who", OWN + OTHERS)
def test_the_register_shows_only_the_callers_own_agency(world, people, who):
    world.receive()
    client = Client()
    client.force_login(people[who].user)
    response = client.get(
        reverse("paperwork:register_html"), {"tu": "01/03/2024", "den": "31/03/2024"}
    )
    assert response.status_code == 200
    assert ("Nguyễn Thị Hoa" in response.content.decode()) == (who in OWN)
