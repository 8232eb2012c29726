"""In a real browser: a citizen asks a question, the office answers and publishes it, and the
citizen finds it in the FAQ by searching without diacritics."""

from django.core.cache import cache
import pytest

from motcua.core.testing.browser import screenshot_path
from motcua.desk.models import Question
from motcua.org.tests.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROCEDURE = "Đăng ký thành lập doanh nghiệp tư nhân"


def sign_in(page, staff, then):
    page.context.clear_cookies()
    page.goto(f"/dang-nhap/?next={then}")
    page.get_by_label("Tên đăng nhập").fill(staff.user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"**{then}")


def alert_text(page) -> str:
    return page.get_by_role("alert").first.inner_text()


def test_a_question_asked_answered_published_and_found(page, world):
    cache.clear()
    page.goto("/hoi-dap/gui/")
    page.get_by_label("Họ tên hoặc tên doanh nghiệp").fill("Công ty TNHH Biển Xanh")
    page.get_by_label("Thư điện tử").fill("bienxanh@example.vn")
    page.get_by_label("Tiêu đề câu hỏi").fill("Lệ phí đăng ký thành lập doanh nghiệp tư nhân?")
    page.get_by_label("Nội dung câu hỏi").fill("Nộp trực tuyến có được miễn lệ phí không?")
    page.get_by_label("Thủ tục liên quan (nếu có)").select_option(label=PROCEDURE)
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi câu hỏi").click()
    question = Question.objects.get()
    assert f"Đã gửi câu hỏi, mã {question.code}" in alert_text(page)

    sign_in(page, world.office, "/hoi-dap/quan-ly/")
    page.get_by_role("link", name=question.code).click()
    page.get_by_label("Giao cho đơn vị").select_option(label="Phòng Đăng ký kinh doanh")
    with page.expect_navigation():
        page.get_by_role("button", name="Giao").click()
    assert "Đã giao câu hỏi cho đơn vị." in alert_text(page)

    sign_in(page, world.specialist, "/hoi-dap/quan-ly/?tab=assigned")
    page.get_by_role("link", name=question.code).click()
    page.get_by_label("Nội dung trả lời").fill(
        "Đăng ký trực tuyến được miễn lệ phí đăng ký doanh nghiệp."
    )
    with page.expect_navigation():
        page.get_by_role("button", name="Gửi trả lời").click()
    assert "Đã ghi câu trả lời." in alert_text(page)

    sign_in(page, world.head, "/hoi-dap/quan-ly/?tab=answered")
    page.get_by_role("link", name=question.code).click()
    page.get_by_label("Thủ tục liên quan").select_option(label=PROCEDURE)
    with page.expect_navigation():
        page.get_by_role("button", name="Đăng công khai").click()
    assert "Đã đăng câu hỏi lên mục hỏi đáp." in alert_text(page)

    page.context.clear_cookies()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/hoi-dap/")
    page.get_by_role("searchbox", name="Từ khóa").fill("mien le phi dang ky truc tuyen")
    with page.expect_navigation():
        page.get_by_role("button", name="Tìm").click()
    found = page.get_by_role("article", name="Lệ phí đăng ký thành lập doanh nghiệp tư nhân?")
    assert found.is_visible()
    assert "được miễn lệ phí đăng ký doanh nghiệp" in found.inner_text()
    assert "bienxanh@example.vn" not in page.content()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=screenshot_path("desk-faq"), full_page=True)
