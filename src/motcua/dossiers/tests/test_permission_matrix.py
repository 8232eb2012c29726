"""Who may do what to a dossier: role × action × resource, each row asked of the staff page
and of the API endpoint of the same action, so that the two cannot drift apart.

The process is the demo's: every step names its role (counter officer, specialist, unit head,
director, counter officer), the case in which a colleague of the assignee could once act on a
step assigned to someone else. Each row builds two identical dossiers, one for the page and
one for the API, acts once on each and compares both answers with the row's.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
import pytest
import time_machine

from motcua.api.tests.support import ApiClient
from motcua.catalog import services as catalog
from motcua.catalog.constants import TimeUnit
from motcua.catalog.models import Procedure
from motcua.core.testing.files import PDF
from motcua.dossiers import permissions, services
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import visible_dossiers
from motcua.dossiers.services import ApplicantData, Intake, ReceivedDocument
from motcua.org.constants import Role
from motcua.org.tests.cast import make_cast
from motcua.org.tests.factories import make_staff

from .conftest import vn

OK, FORBIDDEN, HIDDEN, CONFLICT = "ok", 403, 404, 409
PAGE_OK, API_OK = 302, 200


@pytest.fixture(autouse=True)
def monday_morning():
    with time_machine.travel(vn(2024, 3, 4, 10, 0), tick=False):
        yield


@dataclass
class Matrix:
    """The cast, a colleague of the specialist in the same unit, and the demo's procedure."""

    cast: object
    colleague: object
    procedure: Procedure

    def person(self, key: str):
        return self.colleague if key == "colleague" else self.cast[key]

    def intake(self) -> Intake:
        version = self.procedure.versions.get()
        return Intake(
            applicant=ApplicantData(
                name="Nguyễn Thị Hoa", id_number="056190001234", phone="0912345678"
            ),
            documents=[ReceivedDocument(d.name, 1, 0, d.pk) for d in version.documents.all()],
        )


@pytest.fixture
def matrix(agency, other_agency) -> Matrix:
    cast = make_cast(agency, other_agency)
    version = catalog.create_procedure(
        agency,
        name="Đăng ký thành lập doanh nghiệp tư nhân",
        national_code="2.001610",
        time_limit_value=Decimal(3),
        time_limit_unit=TimeUnit.WORKING_DAYS,
    )
    catalog.add_document(version, name="Giấy đề nghị đăng ký doanh nghiệp", originals=1)
    for name, role, unit, hours in (
        ("Tiếp nhận hồ sơ", Role.COUNTER_OFFICER, cast.counter, 4),
        ("Thẩm định hồ sơ", Role.SPECIALIST, cast.unit, 8),
        ("Xem xét, phê duyệt", Role.UNIT_HEAD, cast.unit, 4),
        ("Ký ban hành kết quả", Role.DIRECTOR, None, 4),
        ("Trả kết quả", Role.COUNTER_OFFICER, cast.counter, 4),
    ):
        catalog.add_step(version, name=name, role=role, unit=unit, hours=hours)
    catalog.publish(version, date(2022, 1, 1))
    colleague = make_staff(
        "c-specialist-2", agency, cast.unit, Role.SPECIALIST, full_name="Cán bộ Chuyên viên thứ hai"
    )
    return Matrix(cast, colleague, version.procedure)


# ---------------------------------------------------------------------------------------------
# Where the dossier stands when the row acts


def at_counter(m: Matrix) -> Dossier:
    """Received: the counter step, held by the officer who received it."""
    return services.receive(
        m.cast["counter_officer"], m.procedure, m.intake(), at=vn(2024, 3, 4, 9, 30)
    )


def at_examination(m: Matrix) -> Dossier:
    """At the specialists' step of unit dkkd, not yet assigned."""
    return services.forward(at_counter(m), m.cast["counter_officer"])


def assigned_to_colleague(m: Matrix) -> Dossier:
    """At the specialists' step, assigned by the unit head to the specialist's colleague."""
    return services.assign(at_examination(m), m.cast["unit_head"], m.colleague)


def at_signing(m: Matrix) -> Dossier:
    """At the director's signing step: only the counter's return comes after it."""
    dossier = services.forward(assigned_to_colleague(m), m.colleague)
    return services.forward(dossier, m.cast["unit_head"])


def resolved(m: Matrix) -> Dossier:
    return services.approve(at_signing(m), m.cast["director"])


def registered(m: Matrix) -> Dossier:
    dossier = resolved(m)
    return services.register_result(dossier, m.cast["clerk"], f"{dossier.pk}/GCN")


POSITIONS = {
    f.__name__: f
    for f in (at_counter, at_examination, assigned_to_colleague, at_signing, resolved, registered)
}

# ---------------------------------------------------------------------------------------------
# What each action posts: (page form data, API body)

SUPPLEMENT_ROWS = {
    "bosung-TOTAL_FORMS": 1,
    "bosung-INITIAL_FORMS": 0,
    "bosung-0-name": "Giấy đề nghị đăng ký doanh nghiệp",
}


def payloads(action: str, m: Matrix) -> tuple[dict, dict]:
    return {
        "forward": ({"note": ""}, {}),
        "claim": ({}, {}),
        "assign": ({"assignee": m.colleague.pk}, {"assignee": m.colleague.user.username}),
        "request_supplement": (
            {"reason": "Thiếu chữ ký", **SUPPLEMENT_ROWS},
            {"reason": "Thiếu chữ ký", "items": [{"name": "Giấy đề nghị đăng ký doanh nghiệp"}]},
        ),
        "consult": (
            {"consulted_name": "Sở Tài chính", "question": "Đề nghị cho ý kiến", "working_days": 3},
            {"consulted_name": "Sở Tài chính", "question": "Đề nghị cho ý kiến", "working_days": 3},
        ),
        "refuse": ({"reason": "Ngành nghề cấm"}, {"reason": "Ngành nghề cấm"}),
        "approve": ({"summary": "Cấp giấy"}, {"summary": "Cấp giấy"}),
        # Two numbers: the page's dossier and the API's are two dossiers of one year.
        "register_result": ({"number": "77/GCN"}, {"number": "78/GCN"}),
        "return_result": ({"note": ""}, {}),
        "cancel": (
            {"case": "duplicate", "reason": "Nhập trùng"},
            {"case": "duplicate", "reason": "Nhập trùng"},
        ),
    }[action]


def page_answer(m: Matrix, who, dossier: Dossier, action: str, data: dict) -> int:
    client = Client()
    client.force_login(who.user)
    data = {**data, "revision": Dossier.objects.get(pk=dossier.pk).revision}
    response = client.post(reverse("dossiers:act", args=[dossier, action]), data)
    if response.status_code == PAGE_OK:
        assert response["Location"] == reverse("dossiers:detail", args=[dossier])
    return response.status_code


def api_answer(who, dossier: Dossier, action: str, body: dict) -> int:
    api = ApiClient(Client(), who.user.username)
    return api.post(f"/dossiers/{dossier.code}/actions/{action}", body).status_code


def expected_codes(expected) -> tuple[int, int]:
    return (PAGE_OK, API_OK) if expected == OK else (expected, expected)


# ---------------------------------------------------------------------------------------------
# Actions on a dossier, page POST and API POST

ACTION_ROWS = [
    # Forward an assigned step: its assignee and the head of its unit, nobody else.
    ("colleague", "forward", "assigned_to_colleague", OK),
    ("specialist", "forward", "assigned_to_colleague", FORBIDDEN),
    ("unit_head", "forward", "assigned_to_colleague", OK),
    ("other_unit_unit_head", "forward", "assigned_to_colleague", FORBIDDEN),
    ("other_unit_specialist", "forward", "assigned_to_colleague", FORBIDDEN),
    ("director", "forward", "assigned_to_colleague", FORBIDDEN),
    ("other_agency_specialist", "forward", "assigned_to_colleague", HIDDEN),
    # An unassigned step: any holder of its role in its unit.
    ("specialist", "forward", "at_examination", OK),
    ("other_unit_specialist", "forward", "at_examination", FORBIDDEN),
    ("counter_officer", "forward", "at_examination", FORBIDDEN),
    # The counter step held by the officer who received it.
    ("counter_officer", "forward", "at_counter", OK),
    ("clerk", "forward", "at_counter", FORBIDDEN),
    # The signing step is approved or refused, never forwarded into the return.
    ("director", "forward", "at_signing", CONFLICT),
    ("unit_head", "forward", "at_signing", FORBIDDEN),
    # Supplement requests and consultations follow the holder of the step.
    ("colleague", "request_supplement", "assigned_to_colleague", OK),
    ("specialist", "request_supplement", "assigned_to_colleague", FORBIDDEN),
    ("unit_head", "request_supplement", "assigned_to_colleague", OK),
    ("other_unit_unit_head", "request_supplement", "assigned_to_colleague", FORBIDDEN),
    ("other_agency_unit_head", "request_supplement", "assigned_to_colleague", HIDDEN),
    ("colleague", "consult", "assigned_to_colleague", OK),
    ("specialist", "consult", "assigned_to_colleague", FORBIDDEN),
    ("unit_head", "consult", "assigned_to_colleague", OK),
    ("office", "consult", "assigned_to_colleague", FORBIDDEN),
    # Assignment: the head of the step's unit.
    ("unit_head", "assign", "at_examination", OK),
    ("other_unit_unit_head", "assign", "at_examination", FORBIDDEN),
    ("specialist", "assign", "at_examination", FORBIDDEN),
    ("director", "assign", "at_examination", FORBIDDEN),
    ("other_agency_unit_head", "assign", "at_examination", HIDDEN),
    # Claim: a member of the step's unit holding its role, while nobody holds it.
    ("specialist", "claim", "at_examination", OK),
    ("other_unit_specialist", "claim", "at_examination", FORBIDDEN),
    ("counter_officer", "claim", "at_examination", FORBIDDEN),
    ("specialist", "claim", "assigned_to_colleague", CONFLICT),
    # Refusal: the director, or the head of the unit where the dossier stands.
    ("unit_head", "refuse", "assigned_to_colleague", OK),
    ("director", "refuse", "assigned_to_colleague", OK),
    ("other_unit_unit_head", "refuse", "assigned_to_colleague", FORBIDDEN),
    ("specialist", "refuse", "assigned_to_colleague", FORBIDDEN),
    ("other_agency_director", "refuse", "assigned_to_colleague", HIDDEN),
    # Approval at the signing step: its role (the director).
    ("director", "approve", "at_signing", OK),
    ("unit_head", "approve", "at_signing", FORBIDDEN),
    ("office", "approve", "at_signing", FORBIDDEN),
    ("other_agency_director", "approve", "at_signing", HIDDEN),
    ("unit_head", "approve", "assigned_to_colleague", CONFLICT),
    # The result: registered by the clerk, returned by the counter.
    ("clerk", "register_result", "resolved", OK),
    ("counter_officer", "register_result", "resolved", FORBIDDEN),
    ("other_agency_clerk", "register_result", "resolved", HIDDEN),
    ("counter_officer", "return_result", "registered", OK),
    ("clerk", "return_result", "registered", FORBIDDEN),
    ("other_agency_counter_officer", "return_result", "registered", HIDDEN),
    # Cancellation: the director alone.
    ("director", "cancel", "at_examination", OK),
    ("unit_head", "cancel", "at_examination", FORBIDDEN),
    ("administrator", "cancel", "at_examination", FORBIDDEN),
    ("other_agency_director", "cancel", "at_examination", HIDDEN),
]


@pytest.mark.parametrize(
    "who, action, position, expected",
    ACTION_ROWS,
    ids=[f"{w}-{a}-{p}" for w, a, p, _ in ACTION_ROWS],
)
def test_an_action_gets_the_same_answer_on_the_page_and_the_api(
    matrix, who, action, position, expected
):
    person = matrix.person(who)
    page_data, api_body = payloads(action, matrix)
    on_page, on_api = POSITIONS[position](matrix), POSITIONS[position](matrix)
    asked = permissions.may_act(person, Dossier.objects.get(pk=on_page.pk), action)
    answers = (
        page_answer(matrix, person, on_page, action, page_data),
        api_answer(person, on_api, action, api_body),
    )
    assert answers == expected_codes(expected)
    assert asked == (expected == OK), "the predicate the buttons ask agrees"


# ---------------------------------------------------------------------------------------------
# Reading a dossier and its files

READERS = [
    ("counter_officer", OK),
    ("clerk", OK),
    ("specialist", OK),
    ("unit_head", OK),
    ("director", OK),
    ("office", OK),
    ("administrator", OK),
    ("other_unit_specialist", OK),
    ("other_agency_director", HIDDEN),
    ("other_agency_specialist", HIDDEN),
    ("other_agency_administrator", HIDDEN),
]


@pytest.mark.parametrize("who, expected", READERS, ids=[w for w, _ in READERS])
def test_reading_a_dossier_gets_the_same_answer_on_the_page_and_the_api(matrix, who, expected):
    person, dossier = matrix.person(who), at_examination(matrix)
    client = Client()
    client.force_login(person.user)
    page = client.get(reverse("dossiers:detail", args=[dossier])).status_code
    api = ApiClient(Client(), person.user.username).get(f"/dossiers/{dossier.code}").status_code
    assert (page, api) == ((200, 200) if expected == OK else (expected, expected))
    assert permissions.may_view(person, dossier) == (expected == OK)
    assert visible_dossiers(person.user).filter(pk=dossier.pk).exists() == (expected == OK)


@pytest.mark.parametrize("who, expected", READERS, ids=[w for w, _ in READERS])
def test_a_dossier_file_is_a_download_for_its_readers_only(matrix, who, expected):
    dossier = at_examination(matrix)
    stored = services.attach(
        dossier,
        matrix.cast["counter_officer"],
        SimpleUploadedFile("giay-de-nghi.pdf", PDF, "application/pdf"),
    )
    person = matrix.person(who)
    client = Client()
    client.force_login(person.user)
    page = client.get(reverse("dossiers:download", args=[dossier, stored.pk]))
    api = ApiClient(Client(), person.user.username).get(
        f"/dossiers/{dossier.code}/attachments/{stored.pk}"
    )
    if expected != OK:
        assert (page.status_code, api.status_code) == (expected, expected)
        return
    for response in (page, api):
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content) == PDF


# ---------------------------------------------------------------------------------------------
# Receiving at the counter

RECEIVERS = [
    ("counter_officer", OK),
    ("clerk", FORBIDDEN),
    ("specialist", FORBIDDEN),
    ("unit_head", FORBIDDEN),
    ("director", FORBIDDEN),
    ("office", FORBIDDEN),
    ("administrator", FORBIDDEN),
]


@pytest.mark.parametrize("who, expected", RECEIVERS, ids=[w for w, _ in RECEIVERS])
def test_receiving_gets_the_same_answer_on_the_page_and_the_api(matrix, who, expected):
    person = matrix.person(who)
    version = matrix.procedure.versions.get()
    document = version.documents.get()
    client = Client()
    client.force_login(person.user)
    page = client.post(
        reverse("dossiers:intake", args=[matrix.procedure.pk]),
        {
            "applicant_kind": "person",
            "applicant_name": "Nguyễn Thị Hoa",
            "return_method": "counter",
            "sets": 1,
            "idempotency_key": "trang-1",
            "khac-TOTAL_FORMS": 0,
            "khac-INITIAL_FORMS": 0,
            f"giayto-{document.pk}-received": "on",
            f"giayto-{document.pk}-originals": 1,
            f"giayto-{document.pk}-copies": 0,
        },
    ).status_code
    api = (
        ApiClient(Client(), person.user.username)
        .post(
            "/dossiers",
            {
                "procedure": "2.001610",
                "applicant": {"name": "Nguyễn Thị Hoa"},
                "documents": [{"required_id": document.pk, "originals": 1}],
            },
        )
        .status_code
    )
    assert (page, api) == ((PAGE_OK, 201) if expected == OK else (expected, expected))
    assert permissions.may_receive(person) == (expected == OK)
