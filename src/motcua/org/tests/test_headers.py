"""Response headers: no staff page is ever cached (`Cache-Control: no-store`), and every page
carries a Content-Security-Policy that allows no inline script and no framing."""

import os
from pathlib import Path
import re
import subprocess
import sys

from django.test import Client
from django.urls import reverse
import pytest

from motcua.org.constants import Role
from motcua.org.tests.factories import make_staff

PACKAGE = Path(__file__).resolve().parents[2]


@pytest.fixture
def officer(agency, counter_unit):
    return make_staff("quantri", agency, counter_unit, Role.ADMINISTRATOR, is_staff=True)


@pytest.fixture
def staff_client(officer):
    browser = Client()
    browser.force_login(officer.user)
    return browser


def no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.parametrize(
    "path", ["/can-bo/", "/ho-so/", "/quan-tri/", "/thong-bao/", "/cong/", "/api/v1/agencies"]
)
def test_no_response_to_a_signed_in_user_is_stored(staff_client, path):
    response = staff_client.get(path)
    assert response.status_code == 200, path
    assert no_store(response)


@pytest.mark.parametrize("path", ["/dang-nhap/", "/quan-tri/login/"])
def test_the_sign_in_pages_are_not_stored(client, db, path):
    assert no_store(client.get(path))


def test_a_public_page_for_an_anonymous_visitor_may_be_cached(client, db):
    assert not no_store(client.get(reverse("portal:home")))


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in header.split(";"))}


@pytest.mark.parametrize("path", ["/", "/dang-nhap/", "/cong/", "/tra-cuu/", "/api/v1/docs"])
def test_every_public_page_has_the_content_security_policy(client, db, path):
    directives = policy(client.get(path))
    assert directives["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]


@pytest.mark.parametrize("path", ["/can-bo/", "/ho-so/", "/quan-tri/"])
def test_every_staff_page_has_the_content_security_policy(staff_client, path):
    assert policy(staff_client.get(path))["frame-ancestors"] == ["'none'"]


def test_a_payment_gateway_origin_can_be_allowed_for_forms():
    env = {
        "DJANGO_SETTINGS_MODULE": "motcua.conf.test",
        "CSP_FORM_ACTION_EXTRA": "https://pay.example.vn",
    }
    script = (
        "from django.conf import settings; "
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['form-action'])"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert shown.stdout.strip() == "[\"'self'\", 'https://pay.example.vn']", shown.stderr


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)(?![^>]*\snonce=)(?![^>]*application/json)")
INLINE_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""(href|action|src)\s*=\s*["']\s*javascript:""", re.IGNORECASE)


def test_no_template_has_an_inline_script_or_event_handler():
    found = []
    for template in PACKAGE.rglob("templates/**/*.html"):
        text = template.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, INLINE_HANDLER, JAVASCRIPT_URL):
            found += [
                f"{template.relative_to(PACKAGE)}: {m.group(0)}" for m in pattern.finditer(text)
            ]
    assert not found, "the CSP refuses inline scripts; use a static file or the nonce"
