"""The office opens the Decision 766 score of March 2024 in a real browser, follows a figure to
the dossiers behind it, then opens the evaluation."""

import pytest

from motcua.core.testing.browser import screenshot_path
from motcua.dossiers.tests.conftest import build_world
from motcua.org.tests.factories import PASSWORD

from .test_d766_data import build_march

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_from_the_total_to_the_dossiers_behind_a_figure(page):
    march = build_march(build_world())
    page.goto("/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(march.world.office.user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/can-bo/")

    page.goto("/chi-so/766/")
    page.get_by_label("Kỳ").select_option("thang")
    page.get_by_label("Năm").fill("2024")
    page.get_by_label("Tháng / quý").fill("3")
    page.get_by_role("button", name="Xem").click()
    page.wait_for_url("**so=3**")
    assert "Tháng 3/2024" in page.content()
    row = page.get_by_role("row").filter(has_text="2.1. Tỷ lệ hồ sơ xử lý trước hạn")
    assert "61,54 %" in row.inner_text() and "12,31 / 20,00" in row.inner_text()
    page.screenshot(path=screenshot_path("d766-score"), full_page=True)

    page.get_by_role("link", name="Danh sách tử số tiêu chí 2.1").click()
    page.wait_for_url("**/chi-so/766/2.1/**")
    assert "Tử số: 8" in page.content()
    assert page.get_by_role("link", name=march.d["H"].code).is_visible()

    page.goto("/chi-so/danh-gia/?ky=quy&nam=2024&so=1")
    assert "Trung bình" in page.content()
    best = page.get_by_role("row").filter(has_text="Ngô Thị Hồng")
    assert "Hoàn thành 100 % nhiệm vụ" in best.inner_text()
