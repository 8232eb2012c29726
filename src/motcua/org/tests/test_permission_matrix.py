"""Who may do what in the administration of accounts and agencies: role × action × resource.

Each row is run against the admin page of the action (the org API, `/api/v1/agencies`, is a
public read-only list and has no endpoint for these actions). Every cast member holds `is_staff`
so that the answer comes from the roles and the agency, not from the admin's front door.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
import pytest

from motcua.org.constants import Role
from motcua.org.models import Agency, Staff
from motcua.org.tests.admin_pages import page_data
from motcua.org.tests.cast import make_cast

User = get_user_model()
OPERATOR = "operator"
PEOPLE = [OPERATOR, *Role.values, *[f"other_agency_{role}" for role in Role.values]]


@pytest.fixture
def world(agency, other_agency):
    cast = make_cast(agency, other_agency)
    User.objects.filter(staff__isnull=False).update(is_staff=True)
    operator = User.objects.create_superuser("vanhanh")
    operator_client = Client()
    operator_client.force_login(operator)
    return cast, operator, operator_client


def person_user(world, person):
    cast, operator, _ = world
    return operator if person == OPERATOR else User.objects.get(pk=cast[person].user_id)


def user_url(user, view="change"):
    return f"/quan-tri/auth/user/{user.pk}/{view}/"


def opens(client, url) -> bool:
    return client.get(url).status_code == 200


def post_as_operator_sees_it(world, client, url, **changes):
    data = page_data(world[2].get(url))
    data.update(changes)
    client.post(url, data)


# Each action: (client, world, target) -> whether it was done. `target` is "own" or "other":
# the director of (or the agency of) the cast's agency, or of the other agency.
def director(world, target):
    return world[0]["director" if target == "own" else "other_agency_director"].user


def agency_of(world, target):
    return world[0].agency if target == "own" else world[0].other_agency


def list_users(client, world, target):
    page = client.get("/quan-tri/auth/user/")
    return (
        page.status_code == 200
        and page.context["cl"].queryset.filter(pk=director(world, target).pk).exists()
    )


def change_user(client, world, target):
    return opens(client, user_url(director(world, target)))


def change_password(client, world, target):
    user = director(world, target)
    client.post(
        user_url(user, "password"),
        {
            "usable_password": "true",
            "password1": "Mat-khau-moi-2026",
            "password2": "Mat-khau-moi-2026",
        },
    )
    return User.objects.get(pk=user.pk).check_password("Mat-khau-moi-2026")


def set_superuser(client, world, target):
    user = director(world, target)
    post_as_operator_sees_it(world, client, user_url(user), is_superuser="on")
    return User.objects.get(pk=user.pk).is_superuser


def assign_role(client, world, target):
    user = director(world, target)
    granted = str(Group.objects.get(name=Role.ADMINISTRATOR).pk)
    groups = [str(pk) for pk in user.groups.values_list("pk", flat=True)]
    post_as_operator_sees_it(world, client, user_url(user), groups=[*groups, granted])
    return Staff.objects.get(user=user).has_role(Role.ADMINISTRATOR)


def add_agency(client, world, target):
    client.post(
        "/quan-tri/org/agency/add/",
        {
            "code": "000.00.99.H34",
            "name": "Cơ quan mới",
            "level": "department",
            "units-TOTAL_FORMS": "0",
            "units-INITIAL_FORMS": "0",
            "units-MIN_NUM_FORMS": "0",
            "units-MAX_NUM_FORMS": "1000",
        },
    )
    return Agency.objects.filter(code="000.00.99.H34").exists()


def change_agency_contacts(client, world, target):
    agency = agency_of(world, target)
    post_as_operator_sees_it(
        world, client, f"/quan-tri/org/agency/{agency.pk}/change/", phone="0258 3822 000"
    )
    return Agency.objects.get(pk=agency.pk).phone == "0258 3822 000"


def change_agency_code(client, world, target):
    agency = agency_of(world, target)
    post_as_operator_sees_it(
        world, client, f"/quan-tri/org/agency/{agency.pk}/change/", code="000.00.77.H34"
    )
    return Agency.objects.get(pk=agency.pk).code == "000.00.77.H34"


def delete_agency(client, world, target):
    agency = Agency.objects.create(code="000.00.55.H34", name="Cơ quan thừa", level="other")
    client.post(f"/quan-tri/org/agency/{agency.pk}/delete/", {"post": "yes"})
    return not Agency.objects.filter(pk=agency.pk).exists()


ADMIN, OTHER_ADMIN = Role.ADMINISTRATOR.value, f"other_agency_{Role.ADMINISTRATOR.value}"
# (action, target, who may): every other person of PEOPLE may not.
MATRIX = [
    (list_users, "own", {OPERATOR, ADMIN}),
    (list_users, "other", {OPERATOR, OTHER_ADMIN}),
    (change_user, "own", {OPERATOR, ADMIN}),
    (change_user, "other", {OPERATOR, OTHER_ADMIN}),
    (change_password, "own", {OPERATOR, ADMIN}),
    (change_password, "other", {OPERATOR, OTHER_ADMIN}),
    (set_superuser, "own", {OPERATOR}),
    (assign_role, "own", {OPERATOR, ADMIN}),
    (assign_role, "other", {OPERATOR, OTHER_ADMIN}),
    (add_agency, "own", {OPERATOR}),
    (change_agency_contacts, "own", {OPERATOR, ADMIN}),
    (change_agency_contacts, "other", {OPERATOR, OTHER_ADMIN}),
    (change_agency_code, "own", {OPERATOR}),
    (delete_agency, "own", {OPERATOR}),
]


def rows():
    for action, target, allowed in MATRIX:
        for person in PEOPLE:
            yield pytest.param(
                person, action, target, person in allowed, id=f"{person}-{action.__name__}-{target}"
            )


@pytest.mark.parametrize(("person", "action", "target", "expected"), rows())
def test_the_administration_matrix(client, world, person, action, target, expected):
    client.force_login(person_user(world, person))
    assert action(client, world, target) is expected
