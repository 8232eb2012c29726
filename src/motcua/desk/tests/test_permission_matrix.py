"""Who may see and act on questions and complaints, role by role, on the staff pages; the one
API door of the desk (the public FAQ) agrees with the publishing page."""

from django.test import Client
from django.urls import reverse
import pytest

from motcua.desk import services
from motcua.desk.constants import ComplaintOutcome
from motcua.org.tests.cast import make_cast

from .conftest import ask, complain

# The complaint is assigned to the unit `dkkd` and names its specialist.
COMPLAINT_RIGHTS = {
    "office": True,
    "director": True,
    "unit_head": True,
    "administrator": True,
    "specialist": False,
    "other_unit_specialist": False,
    "other_unit_unit_head": False,
    "counter_officer": False,
    "clerk": False,
    "other_agency_office": False,
    "other_agency_director": False,
}
COMPLAINT_ACTIONS = ("open", "listed", "note", "answer", "close")
ASSIGNERS = {"office", "director", "unit_head"}


@pytest.fixture
def cast(world, other_agency):
    return make_cast(world.agency, other_agency)


def _client(staff) -> Client:
    client = Client()
    client.force_login(staff.user)
    return client


def _refused(response, staff, cast) -> bool:
    """Refused: a 403 inside the agency, a 404 outside it (nothing of it is shown)."""
    expected = 403 if staff.agency_id == cast.agency.pk else 404
    return response.status_code == expected


def _complaint(world, cast, *, answered=False):
    complaint = services.assign_complaint(
        complain(world), world.office, cast.unit, officer=cast["specialist"]
    )
    if answered:
        services.answer_complaint(complaint, world.office, "Đã xác minh.", ComplaintOutcome.PARTLY)
    return complaint


def _complaint_action(client, complaint, action):
    url = lambda name: reverse(f"desk:complaint_{name}", args=[complaint.code])  # noqa: E731
    if action == "open":
        return client.get(url("detail"))
    if action == "note":
        return client.post(url("note"), {"text": "Đã làm việc với cán bộ."})
    if action == "answer":
        return client.post(url("answer"), {"answer": "Đúng một phần.", "outcome": "partly"})
    return client.post(url("close"))


@pytest.mark.parametrize("who, allowed", COMPLAINT_RIGHTS.items(), ids=str)
def test_complaints(world, cast, who, allowed):
    """Each action on a fresh complaint (a closed one for closing)."""
    staff = cast[who]
    client = _client(staff)
    for action in COMPLAINT_ACTIONS:
        complaint = _complaint(world, cast, answered=action == "close")
        if action == "listed":
            assert (complaint.code in client.get(reverse("desk:complaints")).text) == allowed
            continue
        response = _complaint_action(client, complaint, action)
        if allowed:
            assert response.status_code in (200, 302), action
        else:
            assert _refused(response, staff, cast), action
        complaint.refresh_from_db()
        changed = {
            "open": allowed,
            "note": complaint.notes.exists(),
            "answer": complaint.answered_at is not None,
            "close": complaint.closed_at is not None,
        }[action]
        assert changed == allowed, action


@pytest.mark.parametrize(
    "who",
    [*ASSIGNERS, "specialist", "other_unit_unit_head", "counter_officer", "other_agency_office"],
    ids=str,
)
def test_sending_a_complaint_to_another_unit(world, cast, who):
    staff = cast[who]
    complaint = _complaint(world, cast)
    response = _client(staff).post(
        reverse("desk:complaint_assign", args=[complaint.code]), {"unit": cast.other_unit.pk}
    )
    complaint.refresh_from_db()
    assert (complaint.unit == cast.other_unit) == (who in ASSIGNERS)
    assert response.status_code == 302 if who in ASSIGNERS else _refused(response, staff, cast)


@pytest.mark.parametrize(
    "who, allowed",
    [
        ("office", True),
        ("director", True),
        ("specialist", True),
        ("unit_head", True),
        ("other_unit_specialist", False),
        ("counter_officer", False),
        ("other_agency_office", False),
    ],
    ids=str,
)
def test_answering_a_question_assigned_to_the_unit(world, cast, who, allowed):
    staff = cast[who]
    question = services.assign_question(ask(world), world.office, cast.unit)
    response = _client(staff).post(
        reverse("desk:question_answer", args=[question.code]),
        {"answer": "Cần giấy đề nghị và bản sao CCCD."},
    )
    question.refresh_from_db()
    assert question.is_answered == allowed
    assert response.status_code == 302 if allowed else _refused(response, staff, cast)


@pytest.mark.parametrize(
    "who, allowed",
    [
        ("counter_officer", True),
        ("office", True),
        ("director", True),
        ("specialist", False),
        ("unit_head", False),
        ("other_agency_counter_officer", False),
    ],
    ids=str,
)
def test_assigning_a_question(world, cast, who, allowed):
    staff = cast[who]
    question = ask(world)
    response = _client(staff).post(
        reverse("desk:question_assign", args=[question.code]), {"unit": cast.unit.pk}
    )
    question.refresh_from_db()
    assert (question.unit_id == cast.unit.pk) == allowed
    assert response.status_code == 302 if allowed else _refused(response, staff, cast)


@pytest.mark.parametrize(
    "who, allowed",
    [
        ("office", True),
        ("director", True),
        ("unit_head", True),
        ("specialist", False),
        ("other_unit_unit_head", False),
        ("other_agency_director", False),
    ],
    ids=str,
)
def test_publishing_an_answer_page_and_faq_api_agree(world, cast, who, allowed):
    staff = cast[who]
    question = services.assign_question(ask(world), world.office, cast.unit)
    services.answer_question(question, cast["specialist"], "Cần giấy đề nghị.")
    response = _client(staff).post(
        reverse("desk:question_publish", args=[question.code]), {"procedures": []}
    )
    assert response.status_code == 302 if allowed else _refused(response, staff, cast)
    faq = Client().get("/api/v1/desk/faq").json()
    assert any(item["code"] == question.code for item in faq["items"]) == allowed


@pytest.mark.parametrize(
    "who, status",
    [
        ("specialist", 200),
        ("unit_head", 200),
        ("office", 200),
        ("director", 200),
        ("other_unit_unit_head", 403),
        ("counter_officer", 403),
        ("other_agency_office", 404),
    ],
    ids=str,
)
def test_the_named_officers_record(world, cast, who, status):
    _complaint(world, cast)
    response = _client(cast[who]).get(reverse("desk:officer_record", args=[cast["specialist"].pk]))
    assert response.status_code == status
