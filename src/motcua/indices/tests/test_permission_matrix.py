"""Who sees which figures, role by role, on the pages and in GET /api/v1/indices alike: every
person of the cast against the agency's figures, a unit's (their own, another), an officer's
(their own, a colleague's), the 766 score, the evaluation and another agency's figures. Where
a page and an endpoint show the same thing, each row asks both and both must give the rule's
answer: "allowed", "refused" (403; a page may instead send the person to their own page) or
"not found" (404)."""

from django.urls import reverse
import pytest
import time_machine

from motcua.dossiers.tests.conftest import vn
from motcua.indices.tests.conftest import Month
from motcua.org.constants import Role
from motcua.org.tests.cast import make_cast

ALLOWED, REFUSED, NOT_FOUND = "allowed", "refused", "not found"
PERIOD = {"from": "2024-03-01", "to": "2024-03-31"}
OWN_AGENCY = [role.value for role in Role] + ["other_unit_specialist", "other_unit_unit_head"]
OTHER_AGENCY = [f"other_agency_{role.value}" for role in Role]
LEADERS = {Role.DIRECTOR, Role.OFFICE, Role.ADMINISTRATOR}
HEADS = {Role.UNIT_HEAD, "other_unit_unit_head"}


@pytest.fixture
def cast(agency, other_agency):
    return make_cast(agency, other_agency)


def _username(cast, person: str) -> str:
    return cast[person].user.username


def _page(client, url: str, params=None) -> str:
    response = client.get(url, params or {})
    if response.status_code == 302:
        # A page that sends the person to their own page (a unit head asking the agency's).
        assert "dang-nhap" not in response["Location"]
        return REFUSED
    return {200: ALLOWED, 403: REFUSED, 404: NOT_FOUND}[response.status_code]


def _api(client, params: dict, part: str | None = None) -> str:
    response = client.get("/api/v1/indices", {**PERIOD, **params})
    if response.status_code == 200 and part is not None:
        return ALLOWED if response.json()[part] is not None else REFUSED
    return {200: ALLOWED, 403: REFUSED, 404: NOT_FOUND}[response.status_code]


# Each action: (page call or None, API call or None), given the cast and the asking person.
ACTIONS = {
    "agency_figures": (
        lambda c, cast, p: _page(c, reverse("indices:dashboard")),
        lambda c, cast, p: _api(c, {"agency": cast.agency.code}),
    ),
    "own_unit_figures": (
        lambda c, cast, p: _page(c, reverse("indices:unit_dashboard"), {"don-vi": "dkkd"}),
        lambda c, cast, p: _api(c, {"agency": cast.agency.code, "unit": "dkkd"}),
    ),
    "other_unit_figures": (
        lambda c, cast, p: _page(c, reverse("indices:unit_dashboard"), {"don-vi": "kthd"}),
        lambda c, cast, p: _api(c, {"agency": cast.agency.code, "unit": "kthd"}),
    ),
    "own_figures": (
        lambda c, cast, p: _page(c, reverse("indices:personal_dashboard")),
        lambda c, cast, p: _api(c, {"agency": cast[p].agency.code, "officer": _username(cast, p)}),
    ),
    "colleague_figures": (
        None,
        lambda c, cast, p: _api(
            c, {"agency": cast.agency.code, "officer": _username(cast, Role.SPECIALIST)}
        ),
    ),
    "d766_score": (
        lambda c, cast, p: _page(c, reverse("indices:d766"), {"ky": "thang", "nam": 2024, "so": 3}),
        lambda c, cast, p: _api(
            c, {"agency": cast[p].agency.code, "officer": _username(cast, p)}, part="d766"
        ),
    ),
    "d766_drill": (
        lambda c, cast, p: _page(
            c, reverse("indices:d766_drill", args=["2.1"]), {"ky": "thang", "nam": 2024, "so": 3}
        ),
        None,
    ),
    "evaluation": (
        lambda c, cast, p: _page(
            c, reverse("indices:evaluation"), {"ky": "quy", "nam": 2024, "so": 1}
        ),
        lambda c, cast, p: _api(
            c, {"agency": cast[p].agency.code, "officer": _username(cast, p)}, part="evaluation"
        ),
    ),
    "scorecards": (lambda c, cast, p: _page(c, reverse("indices:scorecard_list")), None),
    "another_agency_figures": (
        None,
        lambda c, cast, p: _api(c, {"agency": cast.other_agency.code}),
    ),
}

# (action, who asks, who is allowed, what the others get)
RULES = [
    ("agency_figures", OWN_AGENCY, LEADERS, REFUSED),
    ("own_unit_figures", OWN_AGENCY, LEADERS | {Role.UNIT_HEAD}, REFUSED),
    ("other_unit_figures", OWN_AGENCY, LEADERS | {"other_unit_unit_head"}, REFUSED),
    ("own_figures", OWN_AGENCY + OTHER_AGENCY, set(OWN_AGENCY + OTHER_AGENCY), REFUSED),
    ("colleague_figures", OWN_AGENCY, LEADERS | {Role.UNIT_HEAD, Role.SPECIALIST}, REFUSED),
    ("d766_score", OWN_AGENCY, LEADERS | HEADS, REFUSED),
    ("d766_drill", OWN_AGENCY, LEADERS | HEADS, REFUSED),
    ("evaluation", OWN_AGENCY, LEADERS | HEADS, REFUSED),
    ("scorecards", OWN_AGENCY, LEADERS, REFUSED),
    ("another_agency_figures", OWN_AGENCY, set(), NOT_FOUND),
]


@pytest.mark.parametrize(
    "action,people,allowed,refusal", [pytest.param(*rule, id=rule[0]) for rule in RULES]
)
def test_pages_and_api_give_each_person_the_rule_s_answer(
    client, cast, action, people, allowed, refusal
):
    page, api = ACTIONS[action]
    allowed = {str(person) for person in allowed}
    expected, answers = {}, {}
    for person in people:
        client.force_login(cast[person].user)
        want = ALLOWED if person in allowed else refusal
        for channel, call in (("page", page), ("api", api)):
            if call is not None:
                expected[person, channel] = want
                answers[person, channel] = call(client, cast, person)
    assert answers == expected


def test_the_refusal_of_the_api_is_the_page_s_message(client, cast):
    client.force_login(cast[Role.SPECIALIST].user)
    page = client.get(reverse("indices:dashboard"))
    api = client.get("/api/v1/indices", {**PERIOD, "agency": cast.agency.code})
    assert page.status_code == api.status_code == 403
    assert api.json()["detail"] == "Chỉ Văn phòng và lãnh đạo được xem chỉ số."
    assert api.json()["detail"] in page.content.decode()


def test_the_public_page_shows_no_officer_names(client, month: Month):
    """The agency's page lists its officers (the ranking); the public page none of them."""
    world = month.world
    names = [
        s.full_name
        for s in (world.officer, world.officer2, world.specialist, world.specialist2, world.head)
    ]
    client.force_login(world.director.user)
    with time_machine.travel(vn(2024, 3, 29, 9, 0), tick=False):
        leaders = client.get(reverse("indices:dashboard")).content.decode()
        client.logout()
        public = client.get(reverse("indices:public", args=[world.agency.code]))
    assert public.status_code == 200
    assert any(name in leaders for name in names)
    assert not [name for name in names if name in public.content.decode()]
