"""Token and session authentication of the staff API, the command that issues tokens, and the
admin that revokes them."""

import hashlib
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.test import Client
import pytest

from motcua.api.auth import CSRF_FAILED, NOT_STAFF, UNAUTHENTICATED
from motcua.api.models import ApiToken
from motcua.org.constants import Role
from motcua.org.models import Unit
from motcua.org.tests.factories import PASSWORD, make_staff

from .support import issue_token

STAFF_ENDPOINT = "/api/v1/dossiers"


@pytest.fixture
def officer(agency, counter_unit):
    return make_staff("motcua", agency, counter_unit, Role.COUNTER_OFFICER)


def _get(client, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.get(STAFF_ENDPOINT, headers=headers)


def test_the_command_prints_the_token_once_and_the_database_keeps_only_its_hash(officer):
    out, err = StringIO(), StringIO()
    call_command("issue_api_token", "motcua", name="Cổng DVC tỉnh", stdout=out, stderr=err)
    token = out.getvalue().strip()

    row = ApiToken.objects.get()
    assert token.startswith("mc_") and len(token) > 40
    assert (row.user, row.name, row.prefix) == (officer.user, "Cổng DVC tỉnh", token[:11])
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert "không hiện lại" in err.getvalue()
    dump = StringIO()
    call_command("dumpdata", stdout=dump)
    assert token[11:] not in dump.getvalue(), "the secret part must never be stored"
    assert issue_token("motcua") != token


def test_the_command_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="Không có tài khoản «ai-do»"):
        call_command("issue_api_token", "ai-do", stdout=StringIO())


def test_a_token_opens_the_staff_api_and_its_use_is_recorded(client, officer):
    token = issue_token("motcua")
    response = _get(client, token)
    assert response.status_code == 200, response.content
    assert response.json()["count"] == 0
    assert ApiToken.objects.get().last_used_at is not None


@pytest.mark.parametrize("header", [None, "Bearer mc_khong-ton-tai", "Basic bW90Y3VhOng="])
def test_no_token_or_a_wrong_one_gets_401_in_vietnamese(client, officer, header):
    headers = {"Authorization": header} if header else {}
    response = client.get(STAFF_ENDPOINT, headers=headers)
    assert response.status_code == 401
    assert response.json() == {"detail": UNAUTHENTICATED}
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_token_gets_401(client, officer):
    token = issue_token("motcua")
    assert _get(client, token).status_code == 200
    ApiToken.objects.get().revoke()
    assert _get(client, token).status_code == 401


def test_the_token_of_a_deactivated_user_gets_401(client, officer):
    token = issue_token("motcua")
    officer.user.is_active = False
    officer.user.save()
    assert _get(client, token).status_code == 401


def test_a_user_without_a_staff_row_gets_403(client, db):
    get_user_model().objects.create_user("dongbo", password=PASSWORD)
    err = StringIO()
    call_command("issue_api_token", "dongbo", stdout=StringIO(), stderr=err)
    assert "không gắn với cán bộ nào" in err.getvalue()
    response = _get(client, issue_token("dongbo"))
    assert response.status_code == 403
    assert response.json() == {"detail": NOT_STAFF}


def test_the_signed_in_session_works_and_unsafe_methods_need_the_csrf_token(officer):
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(STAFF_ENDPOINT, {}, content_type="application/json").status_code == 401
    browser.force_login(officer.user)
    assert browser.get(STAFF_ENDPOINT).status_code == 200

    refused = browser.post(STAFF_ENDPOINT, {}, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json() == {"detail": CSRF_FAILED}

    secret = "a" * 32
    browser.cookies["csrftoken"] = secret
    passed = browser.post(
        STAFF_ENDPOINT, {}, content_type="application/json", headers={"X-CSRFToken": secret}
    )
    assert passed.status_code == 400, "past authentication, refused only for the empty intake"
    assert "Tham số không hợp lệ" in passed.json()["detail"]


def test_the_admin_shows_only_the_prefix_and_revokes(admin_client, client, officer):
    token = issue_token("motcua")
    row = ApiToken.objects.get()
    page = admin_client.get("/quan-tri/api/apitoken/").content.decode()
    assert f"{row.prefix}…" in page
    assert token not in page
    assert admin_client.get("/quan-tri/api/apitoken/add/").status_code == 403

    admin_client.post("/quan-tri/api/apitoken/", {"action": "revoke", "_selected_action": [row.pk]})
    row.refresh_from_db()
    assert row.is_revoked
    assert _get(client, token).status_code == 401


def test_an_agency_administrator_sees_only_the_tokens_of_its_staff(client, officer, other_agency):
    unit = Unit.objects.create(agency=other_agency, code="mot-cua", name="Một cửa")
    make_staff("la", other_agency, unit, Role.COUNTER_OFFICER)
    issue_token("motcua")
    issue_token("la")
    administrator = make_staff(
        "quantri", officer.agency, officer.unit, Role.ADMINISTRATOR, is_staff=True
    )
    administrator.user.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="api")
    )
    client.force_login(administrator.user)

    page = client.get("/quan-tri/api/apitoken/").content.decode()
    assert f"{ApiToken.objects.get(user__username='motcua').prefix}…" in page
    assert f"{ApiToken.objects.get(user__username='la').prefix}…" not in page
