"""What a person sees after `make demo`, in a real browser."""

import pytest

from motcua.core.testing.browser import screenshot_path
from motcua.demo.loader import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, username, password):
    page.goto("/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def test_welcome_sign_in_home_and_catalogue(page, settings):
    load_demo(days=10)
    page.goto("/")
    assert "Sở Kế hoạch và Đầu tư tỉnh Khánh Hòa" in page.content()
    page.screenshot(path=screenshot_path("welcome"), full_page=True)

    _sign_in(page, "motcua", settings.MOTCUA_DEMO_PASSWORD)
    page.wait_for_url("**/can-bo/")
    assert page.get_by_role("heading", name="Xin chào, Võ Thị Mai").is_visible()
    assert "Cán bộ Một cửa" in page.content()
    page.screenshot(path=screenshot_path("staff-home"), full_page=True)

    page.get_by_role("link", name="Thủ tục", exact=True).first.click()
    page.get_by_role("searchbox").fill("dang ky thanh lap doanh nghiep tu nhan")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Đăng ký thành lập doanh nghiệp tư nhân" in page.content()
    page.screenshot(path=screenshot_path("catalogue-search"), full_page=True)


def test_wrong_password_keeps_the_user_on_the_sign_in_page(page, settings):
    load_demo(days=0)
    _sign_in(page, "motcua", "sai-mat-khau")
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in page.content()
    assert page.url.endswith("/dang-nhap/")
