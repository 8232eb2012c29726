"""The office opens the PAR comparison with the previous year in a real browser."""

import pytest

from motcua.core.testing.browser import screenshot_path
from motcua.indices.scorecards.demo import load_demo_scorecards
from motcua.org.constants import Role
from motcua.org.tests.factories import PASSWORD, make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_office_sees_which_criteria_went_up_and_whether_the_goal_is_met(
    page, agency, counter_unit
):
    make_staff("vanphong", agency, counter_unit, Role.OFFICE, full_name="Trần Thị Hoa")
    load_demo_scorecards(agency)
    page.goto("/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("vanphong")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/can-bo/")

    page.goto("/chi-so/bang-diem/")
    page.get_by_role("link", name="So với năm trước (PAR 2022)").click()
    page.wait_for_url("**/so-sanh/")
    assert page.get_by_role("heading", name="Chưa đạt mục tiêu của kế hoạch").is_visible()
    assert "8 tăng" in page.get_by_role("status").inner_text()
    assert "1 giảm" in page.get_by_role("status").inner_text()
    row = page.get_by_role("row").filter(has_text="Kế hoạch cải cách hành chính năm")
    assert "▲ Tăng" in row.inner_text() and "87,50 %" in row.inner_text()
    dropped = page.get_by_role("row").filter(has_text="Quản lý, sử dụng tài sản công")
    assert "▼ Giảm" in dropped.inner_text()
    moved = page.get_by_role("row").filter(has_text="Tiếp nhận, xử lý phản ánh")
    assert "năm trước: 3.3" in moved.inner_text()
    page.screenshot(path=screenshot_path("scorecard-par-comparison"), full_page=True)
