"""The issue's done-when, in a real browser: the office works the demo plan and compares PAR."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect
import pytest

from motcua.core.testing.browser import screenshot_path
from motcua.demo.loader import load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The smallest well-formed PDF: enough for the evidence check that reads the first bytes.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def test_the_office_reports_progress_extends_an_assignment_and_compares_par(page, settings):
    load_demo(days=0)
    page.goto("/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("vanphong")
    page.get_by_label("Mật khẩu").fill(settings.MOTCUA_DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/can-bo/")

    page.goto("/ke-hoach/")
    page.get_by_role("link", name="1186/KH-SKHĐT").click()
    page.get_by_role("link", name="Tiến độ nhiệm vụ 110", exact=True).click()
    page.get_by_label("Kết quả thực hiện").fill("Đã tổ chức hội nghị đối thoại với doanh nghiệp.")
    page.get_by_label("Tệp minh chứng").set_input_files(
        {"name": "bien-ban-hoi-nghi.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Gửi báo cáo").click()
    expect(page.get_by_text("Đã ghi nhận báo cáo tiến độ.")).to_be_visible()
    expect(page.get_by_role("link", name="bien-ban-hoi-nghi.pdf")).to_be_visible()
    assert "Đã tổ chức hội nghị đối thoại với doanh nghiệp." in page.content()
    page.screenshot(path=screenshot_path("plan-task-progress"), full_page=True)

    page.goto("/ke-hoach/nhac-viec/")
    page.get_by_role("link", name="4512/UBND-KT").click()
    new_deadline = timezone.localdate() + timedelta(days=30)
    page.get_by_label("Hạn mới").fill(new_deadline.isoformat())
    page.get_by_label("Lý do gia hạn").fill("Chờ số liệu quý của Cục Thuế.")
    page.get_by_role("button", name="Gia hạn").click()
    expect(page.get_by_text("Đã cập nhật nhiệm vụ.")).to_be_visible()
    heading = page.get_by_role("heading", level=1).inner_text()
    assert "Đã gia hạn" in heading
    assert f"{new_deadline:%d/%m/%Y}" in page.get_by_text("hạn ban đầu").inner_text()
    assert "Chờ số liệu quý của Cục Thuế." in page.content()

    page.goto("/chi-so/bang-diem/")
    page.get_by_role("link", name="So với năm trước (PAR 2022)").click()
    page.wait_for_url("**/so-sanh/")
    assert page.get_by_role("heading", name="Chưa đạt mục tiêu của kế hoạch").is_visible()
    assert "8 tăng" in page.get_by_role("status").inner_text()
    row = page.get_by_role("row").filter(has_text="Kế hoạch cải cách hành chính năm")
    assert "▲ Tăng" in row.inner_text()
