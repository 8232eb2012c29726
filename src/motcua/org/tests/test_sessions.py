"""Sessions end after SESSION_IDLE_MINUTES without a request (not 14 days), and "sign out
everywhere" ends every session of the user, on the database and the cache session backends."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
import pytest

from motcua.org.constants import Role
from motcua.org.tests.factories import PASSWORD, make_staff

BACKENDS = {
    "database": "django.contrib.sessions.backends.db",
    "cache": "django.contrib.sessions.backends.cache",
}


@pytest.fixture
def officer(agency, counter_unit):
    return make_staff("motcua", agency, counter_unit, Role.COUNTER_OFFICER)


def signed_in(address="192.0.2.1"):
    browser = Client(REMOTE_ADDR=address)
    answer = browser.post(reverse("org:login"), {"username": "motcua", "password": PASSWORD})
    assert answer.status_code == 302
    return browser


def is_signed_in(browser) -> bool:
    return browser.get(reverse("org:home")).status_code == 200


def session_row(browser) -> Session:
    return Session.objects.get(pk=browser.cookies["sessionid"].value)


def test_a_session_lasts_the_idle_minutes_not_two_weeks(settings, officer):
    assert settings.SESSION_COOKIE_AGE == settings.SESSION_IDLE_MINUTES * 60 == 30 * 60
    browser = signed_in()
    left = session_row(browser).expire_date - timezone.now()
    assert timedelta(minutes=29) < left <= timedelta(minutes=30)
    assert browser.cookies["sessionid"]["max-age"] == 30 * 60


def test_every_request_starts_the_idle_count_again(officer):
    browser = signed_in()
    Session.objects.filter(pk=browser.cookies["sessionid"].value).update(
        expire_date=timezone.now() + timedelta(minutes=1)
    )
    assert is_signed_in(browser)
    left = session_row(browser).expire_date - timezone.now()
    assert left > timedelta(minutes=29)


def test_an_idle_session_signs_out(officer):
    browser = signed_in()
    Session.objects.filter(pk=browser.cookies["sessionid"].value).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    answer = browser.get(reverse("org:home"))
    assert answer.status_code == 302 and answer.url.startswith(reverse("org:login"))


@pytest.mark.parametrize("engine", BACKENDS.values(), ids=BACKENDS.keys())
def test_sign_out_everywhere_ends_every_session_of_the_user(
    settings, engine, officer, agency, counter_unit
):
    settings.SESSION_ENGINE = engine
    make_staff("dongnghiep", agency, counter_unit, Role.COUNTER_OFFICER)
    office, home, phone = signed_in(), signed_in("192.0.2.2"), signed_in("192.0.2.3")
    colleague = Client()
    colleague.post(reverse("org:login"), {"username": "dongnghiep", "password": PASSWORD})
    answer = office.post(reverse("org:sign_out_everywhere"), {"password": PASSWORD})
    assert answer.status_code == 302 and answer.url == reverse("org:login")
    assert not any(is_signed_in(browser) for browser in (office, home, phone))
    assert is_signed_in(colleague)
    assert is_signed_in(signed_in()), "the same password still signs in"


def test_sign_out_everywhere_needs_the_password(officer):
    office, home = signed_in(), signed_in("192.0.2.2")
    office.post(reverse("org:sign_out_everywhere"), {"password": "sai"})
    assert is_signed_in(office) and is_signed_in(home)


def test_the_staff_home_page_has_the_button(officer):
    html = signed_in().get(reverse("org:home")).content.decode()
    assert reverse("org:sign_out_everywhere") in html
    assert "Đăng xuất khỏi mọi nơi" in html
