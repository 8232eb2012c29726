"""In Chromium, under the Content-Security-Policy: a staff member signs in, the menus' scripts
run, the print button prints, the API docs render, and the browser reports no violation."""

from playwright.sync_api import expect
import pytest

from motcua.org.constants import Role
from motcua.org.tests.factories import PASSWORD, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch_violations(page) -> list[str]:
    """Chromium writes every CSP refusal to the console as an error."""
    seen = []
    page.on("console", lambda message: message.type == "error" and seen.append(message.text))
    page.on("pageerror", lambda error: seen.append(str(error)))
    return seen


def test_staff_pages_and_the_api_docs_work_under_the_policy(page, agency, counter_unit):
    make_staff("motcua", agency, counter_unit, Role.COUNTER_OFFICER, full_name="Võ Thị Mai")
    errors = watch_violations(page)
    page.goto("/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("motcua")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/can-bo/")

    page.get_by_role("button", name="Người dân").click()  # Bootstrap's dropdown, a static script
    expect(page.get_by_role("link", name="Mã QR đánh giá")).to_be_visible()
    page.get_by_role("link", name="Mã QR đánh giá").click()
    page.evaluate("window.print = () => { document.body.dataset.printed = 'yes'; }")
    page.get_by_role("button", name="In áp phích").click()
    expect(page.locator("body")).to_have_attribute("data-printed", "yes")

    page.goto("/ho-so/")
    page.goto("/api/v1/docs")
    # Swagger UI's bundle is large: on a busy machine it takes seconds to draw.
    expect(page.locator(".swagger-ui .information-container")).to_be_visible(timeout=30000)
    assert not errors, errors
