"""The record of sign-ins (who, when, from where, success or failure, sign-out) in the admin:
the operator sees all of it, an agency's administrator only their own agency's user names, and
may unlock only those."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
import pytest

from motcua.org.constants import Role
from motcua.org.models import Unit
from motcua.org.tests.factories import PASSWORD, make_staff

ATTEMPTS = "admin:axes_accessattempt_changelist"
LOG = "admin:axes_accesslog_changelist"
FAILURES = "admin:axes_accessfailurelog_changelist"


@pytest.fixture(autouse=True)
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5


@pytest.fixture
def world(agency, other_agency, counter_unit):
    other_unit = Unit.objects.create(agency=other_agency, code="mot-cua", name="Một cửa")
    return {
        "admin": make_staff("quantri", agency, counter_unit, Role.ADMINISTRATOR, is_staff=True),
        "own": make_staff("cb-mai", agency, counter_unit, Role.COUNTER_OFFICER),
        "foreign": make_staff("gd-taichinh", other_agency, other_unit, Role.DIRECTOR),
        "specialist": make_staff(
            "chuyenvien", agency, counter_unit, Role.SPECIALIST, is_staff=True
        ),
    }


def sign_in(username, password, address="192.0.2.10"):
    browser = Client(REMOTE_ADDR=address)
    browser.post(reverse("org:login"), {"username": username, "password": password})
    return browser


def admin_client(staff):
    browser = Client()
    browser.force_login(staff.user)
    return browser


def test_a_sign_in_and_its_sign_out_are_recorded_with_the_address(world):
    browser = sign_in("cb-mai", PASSWORD)
    browser.post(reverse("org:logout"))
    entry = AccessLog.objects.get(username="cb-mai")
    assert entry.ip_address == "192.0.2.10"
    assert entry.attempt_time and entry.logout_time


def test_a_failed_sign_in_is_recorded(world):
    sign_in("cb-mai", "sai")
    assert AccessFailureLog.objects.filter(username="cb-mai", ip_address="192.0.2.10").exists()


def test_a_sign_in_with_no_client_address_is_recorded_without_one(world):
    # force_login's request has no REMOTE_ADDR; PostgreSQL's inet column refuses "unknown".
    admin_client(world["own"])
    assert AccessLog.objects.get(username="cb-mai").ip_address is None


def test_the_agency_administrator_reads_only_their_agency_sign_ins(world):
    for username in ("cb-mai", "gd-taichinh"):
        sign_in(username, PASSWORD)
        sign_in(username, "sai")
    browser = admin_client(world["admin"])
    for page in (LOG, FAILURES, ATTEMPTS):
        html = browser.get(reverse(page)).content.decode()
        assert "cb-mai" in html, page
        assert "gd-taichinh" not in html, page
    foreign = AccessLog.objects.get(username="gd-taichinh")
    change = reverse("admin:axes_accesslog_change", args=[foreign.pk])
    assert browser.get(change).status_code in (302, 403, 404)


def test_the_operator_reads_every_sign_in(world):
    for username in ("cb-mai", "gd-taichinh"):
        sign_in(username, PASSWORD)
    operator = get_user_model().objects.create_superuser("vanhanh", password=PASSWORD)
    browser = Client()
    browser.force_login(operator)
    html = browser.get(reverse(LOG)).content.decode()
    assert "cb-mai" in html and "gd-taichinh" in html


def test_other_roles_do_not_read_the_sign_ins(world):
    sign_in("cb-mai", PASSWORD)
    browser = admin_client(world["specialist"])
    assert browser.get(reverse(LOG)).status_code in (302, 403)
    assert "axes" not in browser.get(reverse("admin:index")).content.decode()


def lock_out(username):
    for _ in range(5):
        sign_in(username, "sai")
    return AccessAttempt.objects.get(username=username)


def test_the_agency_administrator_unlocks_their_staff(world):
    attempt = lock_out("cb-mai")
    browser = admin_client(world["admin"])
    delete = reverse("admin:axes_accessattempt_delete", args=[attempt.pk])
    assert browser.post(delete, {"post": "yes"}).status_code == 302
    assert not AccessAttempt.objects.filter(username="cb-mai").exists()
    assert sign_in("cb-mai", PASSWORD).get(reverse("org:home")).status_code == 200


def test_the_agency_administrator_cannot_unlock_another_agency(world):
    attempt = lock_out("gd-taichinh")
    browser = admin_client(world["admin"])
    delete = reverse("admin:axes_accessattempt_delete", args=[attempt.pk])
    assert browser.post(delete, {"post": "yes"}).status_code in (302, 403, 404)
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()
    bulk = {"action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"}
    browser.post(reverse(ATTEMPTS), bulk)
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()
