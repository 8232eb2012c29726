"""Wrong passwords are counted per user name and client address (django-axes, on in these
tests as in production); after AXES_FAILURE_LIMIT of them the sign-in is locked, even with the
right password, until the cool-off passes or an administrator unlocks it."""

from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
import pytest

from motcua.org.constants import Role
from motcua.org.tests.factories import PASSWORD, make_staff

LOCKED = "Tài khoản tạm khoá do đăng nhập sai nhiều lần"


@pytest.fixture(autouse=True)
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5


@pytest.fixture
def officer(agency, counter_unit):
    return make_staff("motcua", agency, counter_unit, Role.COUNTER_OFFICER)


def sign_in(client, password, username="motcua", **headers):
    return client.post(
        reverse("org:login"), {"username": username, "password": password}, **headers
    )


def signed_in(client) -> bool:
    return client.get(reverse("org:home")).status_code == 200


def test_twenty_five_wrong_passwords_lock_out_even_the_right_one(client, officer):
    for _ in range(25):
        sign_in(client, "sai-mat-khau")
    answer = sign_in(client, PASSWORD)
    assert answer.status_code == 429
    assert LOCKED in answer.content.decode()
    assert not signed_in(client)


def test_the_lock_falls_at_the_limit_with_a_vietnamese_page(client, officer):
    for _ in range(4):
        assert sign_in(client, "sai").status_code == 200
    answer = sign_in(client, "sai")
    assert answer.status_code == 429
    html = answer.content.decode()
    assert LOCKED in html and "30 phút" in html and 'lang="vi"' in html


def test_fewer_failures_than_the_limit_still_sign_in_and_start_the_count_again(client, officer):
    for _ in range(4):
        sign_in(client, "sai")
    assert sign_in(client, PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="motcua").exists()


def test_the_lock_is_per_user_name_and_address(client, officer, agency, counter_unit):
    make_staff("dongnghiep", agency, counter_unit, Role.COUNTER_OFFICER)
    for _ in range(5):
        sign_in(client, "sai")
    assert sign_in(client, PASSWORD, username="dongnghiep").status_code == 302
    elsewhere = Client(REMOTE_ADDR="203.0.113.9")
    assert sign_in(elsewhere, PASSWORD).status_code == 302


def test_behind_a_trusted_proxy_the_forwarded_client_is_locked(settings, officer):
    settings.MOTCUA_TRUSTED_PROXIES = ["10.0.0.1"]
    proxy = Client(REMOTE_ADDR="10.0.0.1")
    attacker = {"HTTP_X_FORWARDED_FOR": "198.51.100.7"}
    for _ in range(5):
        sign_in(proxy, "sai", **attacker)
    assert sign_in(proxy, PASSWORD, **attacker).status_code == 429
    assert AccessAttempt.objects.get().ip_address == "198.51.100.7"
    # Another client behind the same proxy is not locked by the attacker's failures.
    assert sign_in(proxy, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 302


def test_a_forged_forwarded_address_does_not_escape_the_lock(client, officer):
    for number in range(5):
        sign_in(client, "sai", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    answer = sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert answer.status_code == 429


def test_the_admin_sign_in_is_locked_too(client, agency, counter_unit):
    make_staff("quantri", agency, counter_unit, Role.ADMINISTRATOR, is_staff=True)
    admin_login = reverse("admin:login")
    for _ in range(5):
        client.post(admin_login, {"username": "quantri", "password": "sai"})
    answer = client.post(admin_login, {"username": "quantri", "password": PASSWORD})
    assert answer.status_code == 429


def test_the_command_line_unlocks_a_user_name(client, officer):
    for _ in range(5):
        sign_in(client, "sai")
    call_command("axes_reset_username", "motcua", verbosity=0)
    assert sign_in(client, PASSWORD).status_code == 302
