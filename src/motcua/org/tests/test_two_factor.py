"""Two-factor sign-in (TOTP): a role listed in TWO_FACTOR_REQUIRED_ROLES is sent to enrolment
before any staff page; a user with a code app gives a code after the password before any staff
page, the admin and the API's session included; ten recovery codes, each good once."""

import os
import subprocess
import sys

from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
import pytest

from motcua.org import two_factor
from motcua.org.constants import Role
from motcua.org.tests.factories import PASSWORD, make_staff

STAFF_PAGES = ["/can-bo/", "/ho-so/", "/quan-tri/", "/chi-so/"]


@pytest.fixture(autouse=True)
def required_roles(settings):
    settings.AXES_ENABLED = True
    settings.MOTCUA_TWO_FACTOR_REQUIRED_ROLES = [Role.ADMINISTRATOR, Role.DIRECTOR, Role.OFFICE]


@pytest.fixture
def director(agency, counter_unit):
    return make_staff("giamdoc", agency, counter_unit, Role.DIRECTOR, is_staff=True)


def signed_in_with_password(username="giamdoc"):
    browser = Client()
    answer = browser.post(reverse("org:login"), {"username": username, "password": PASSWORD})
    assert answer.status_code == 302
    return browser


def code_for(device, offset=0):
    """The code the user's app shows now (or `offset` steps of 30 s away)."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset)
    return f"{code:06d}"


def enrolled(staff):
    device = TOTPDevice.objects.create(user=staff.user, name="app", confirmed=True)
    codes = two_factor.new_recovery_codes(staff.user)
    return device, codes


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_a_required_role_without_a_device_is_sent_to_enrolment(director, path):
    browser = signed_in_with_password()
    answer = browser.get(path)
    assert answer.status_code == 302
    assert answer.url.startswith(reverse("org:two_factor_enrol"))


def test_a_role_not_required_signs_in_with_a_password_alone(agency, counter_unit):
    make_staff("motcua", agency, counter_unit, Role.COUNTER_OFFICER)
    browser = signed_in_with_password("motcua")
    assert browser.get("/can-bo/").status_code == 200


def test_nothing_is_required_by_default_as_in_the_demo(settings, director):
    settings.MOTCUA_TWO_FACTOR_REQUIRED_ROLES = []
    assert signed_in_with_password().get("/can-bo/").status_code == 200


def test_enrolment_shows_the_qr_code_and_the_address_then_ten_recovery_codes(director):
    browser = signed_in_with_password()
    page = browser.get(reverse("org:two_factor_enrol")).content.decode()
    device = TOTPDevice.objects.get(user=director.user, confirmed=False)
    assert "<svg" in page
    assert "otpauth://totp/Motcua:giamdoc?secret=" in page.replace("%3A", ":")
    assert browser.get("/can-bo/").status_code == 302, "not confirmed yet"
    answer = browser.post(reverse("org:two_factor_enrol"), {"code": code_for(device)})
    codes = StaticToken.objects.filter(device__user=director.user)
    assert codes.count() == 10
    html = answer.content.decode()
    assert all(token.token in html for token in codes)
    device.refresh_from_db()
    assert device.confirmed
    assert browser.get("/can-bo/").status_code == 200


def test_enrolment_refuses_a_wrong_first_code(director):
    browser = signed_in_with_password()
    browser.get(reverse("org:two_factor_enrol"))
    wrong = browser.post(reverse("org:two_factor_enrol"), {"code": "000000"})
    assert "Mã xác thực không đúng" in wrong.content.decode()
    assert not two_factor.has_device(director.user)
    assert browser.get("/can-bo/").status_code == 302


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_with_a_device_the_password_alone_opens_no_staff_page(director, path):
    enrolled(director)
    answer = signed_in_with_password().get(path)
    assert answer.status_code == 302
    assert answer.url.startswith(reverse("org:two_factor_verify"))


def test_with_a_device_the_session_alone_is_no_sign_in_for_the_api(director):
    enrolled(director)
    assert signed_in_with_password().get("/api/v1/dossiers").status_code == 401


def test_the_app_code_completes_the_sign_in_and_goes_on_to_the_page_asked(director):
    device, _ = enrolled(director)
    browser = signed_in_with_password()
    asked = browser.get("/ho-so/").url
    answer = browser.post(asked, {"code": code_for(device), "next": "/ho-so/"})
    assert answer.status_code == 302 and answer.url == "/ho-so/"
    assert browser.get("/quan-tri/").status_code == 200
    assert browser.get("/api/v1/dossiers").status_code == 200


def test_a_wrong_or_old_code_is_refused(director):
    device, _ = enrolled(director)
    browser = signed_in_with_password()
    for code in ("123456", code_for(device, offset=-10)):
        page = browser.post(reverse("org:two_factor_verify"), {"code": code})
        assert "Mã xác thực không đúng" in page.content.decode()
    assert browser.get("/can-bo/").status_code == 302


def test_a_recovery_code_signs_in_once(director):
    _, codes = enrolled(director)
    first = signed_in_with_password()
    assert first.post(reverse("org:two_factor_verify"), {"code": codes[0]}).status_code == 302
    assert first.get("/can-bo/").status_code == 200
    second = signed_in_with_password()
    page = second.post(reverse("org:two_factor_verify"), {"code": codes[0]})
    assert "Mã xác thực không đúng" in page.content.decode()
    assert second.get("/can-bo/").status_code == 302


def verified(director, device):
    browser = signed_in_with_password()
    browser.post(reverse("org:two_factor_verify"), {"code": code_for(device)})
    assert browser.get("/can-bo/").status_code == 200
    return browser


def test_new_recovery_codes_need_the_password_and_replace_the_old_ones(director):
    device, old = enrolled(director)
    browser = verified(director, device)
    refused = browser.post(reverse("org:regenerate_recovery_codes"), {"password": "sai"})
    assert refused.status_code == 302
    assert StaticToken.objects.filter(token=old[0]).exists()
    page = browser.post(reverse("org:regenerate_recovery_codes"), {"password": PASSWORD})
    new = list(
        StaticToken.objects.filter(device__user=director.user).values_list("token", flat=True)
    )
    assert len(new) == 10 and not set(new) & set(old)
    assert all(code in page.content.decode() for code in new)


def test_removing_the_device_needs_the_password_and_a_code(director):
    device, codes = enrolled(director)
    browser = verified(director, device)
    remove = reverse("org:remove_device")
    browser.post(remove, {"password": "sai", "code": codes[0]})
    assert two_factor.has_device(director.user)
    assert StaticToken.objects.filter(token=codes[0]).exists(), "not spent on a wrong password"
    browser.post(remove, {"password": PASSWORD, "code": codes[0]})
    assert not two_factor.has_device(director.user)
    assert not StaticToken.objects.filter(device__user=director.user).exists()
    # The role still requires a code app: the next page is enrolment.
    assert browser.get("/can-bo/").url.startswith(reverse("org:two_factor_enrol"))


def test_removing_the_device_is_refused_with_a_wrong_code(director):
    device, _ = enrolled(director)
    browser = verified(director, device)
    browser.post(reverse("org:remove_device"), {"password": PASSWORD, "code": "000000"})
    assert two_factor.has_device(director.user)


def test_the_operator_counts_as_an_administrator(db):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("vanhanh", password=PASSWORD)
    answer = signed_in_with_password("vanhanh").get("/quan-tri/")
    assert answer.url.startswith(reverse("org:two_factor_enrol"))


def test_the_code_step_is_throttled_after_failures(director):
    device, _ = enrolled(director)
    browser = signed_in_with_password()
    for _ in range(3):
        browser.post(reverse("org:two_factor_verify"), {"code": "111111"})
    page = browser.post(reverse("org:two_factor_verify"), {"code": code_for(device)})
    # django-otp waits longer after each failure (1, 2, 4 s…): the right code sent at once
    # after three wrong ones is still refused.
    assert "Mã xác thực không đúng" in page.content.decode()
    assert browser.get("/can-bo/").status_code == 302


def test_production_requires_it_of_the_administrator_director_and_office():
    from motcua.core.tests.test_configuration import PRODUCTION

    env = {k: v for k, v in os.environ.items() if k != "TWO_FACTOR_REQUIRED_ROLES"}
    script = "from django.conf import settings; print(settings.MOTCUA_TWO_FACTOR_REQUIRED_ROLES)"
    shown = subprocess.run(
        [sys.executable, "-c", script],
        env={**env, **PRODUCTION},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shown.stdout.strip() == "['administrator', 'director', 'office']", shown.stderr
