"""Fixtures shared by every app's tests."""

import os

import pytest

from motcua.org.constants import AgencyLevel, Role
from motcua.org.models import Agency, Unit
from motcua.org.tests.factories import make_staff


@pytest.fixture
def agency(db):
    return Agency.objects.create(
        code="000.00.17.H34",
        name="Sở Kế hoạch và Đầu tư tỉnh Khánh Hòa",
        level=AgencyLevel.DEPARTMENT,
    )


@pytest.fixture
def other_agency(db):
    return Agency.objects.create(
        code="000.00.18.H34", name="Sở Tài chính tỉnh Khánh Hòa", level=AgencyLevel.DEPARTMENT
    )


@pytest.fixture
def counter_unit(agency):
    return Unit.objects.create(
        agency=agency, code="mot-cua", name="Bộ phận Một cửa", is_counter=True
    )


@pytest.fixture
def administrator(agency, counter_unit):
    return make_staff("quantri", agency, counter_unit, Role.ADMINISTRATOR, is_staff=True)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    from motcua.core.testing.browser import CHROMIUM_ARGS, chromium_or_skip

    executable = chromium_or_skip()
    # Playwright's sync API runs an event loop in this thread; the ORM calls made by the test
    # itself between page actions are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        base_url=live_server.url,
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(15000)
    tab = context.new_page()
    yield tab
    context.close()
