"""A citizen on a phone finds a procedure typed without diacritics and reads its due date."""

import pytest

from motcua.core.testing.browser import screenshot_path

from .conftest import PRIVATE_COMPANY, load_portal_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_find_a_procedure_without_diacritics_on_a_phone(page):
    load_portal_demo()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/cong/")
    page.get_by_label("Tìm thủ tục").fill("dang ky thanh lap doanh nghiep tu nhan")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_role("link", name=PRIVATE_COMPANY).click()
    page.wait_for_url("**/cong/thu-tuc/*/")
    assert page.get_by_role("heading", level=1, name=PRIVATE_COMPANY).is_visible()
    due = page.get_by_text("Nếu nộp hồ sơ ngay bây giờ, ngày hẹn trả kết quả dự kiến là")
    assert due.is_visible()
    # Nothing wider than the phone: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=screenshot_path("portal-procedure"), full_page=True)
