"""An applicant opens the invitation link of a returned dossier, rates it, then changes it."""

import re

from django.conf import settings
import pytest

from motcua.core.testing.browser import screenshot_path
from motcua.feedback.constants import CITIZEN_QUESTIONS, OVERALL_QUESTION
from motcua.feedback.models import Rating
from motcua.notifications.models import Message

from .conftest import build_world, resolved_and_returned, returned_now

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _answer(page, field, score):
    question = CITIZEN_QUESTIONS[field]
    page.get_by_role("group", name=question["question"]).get_by_label(
        question["answers"][score], exact=True
    ).check()


def test_rate_from_the_invitation_then_change_it(page):
    dossier = resolved_and_returned(build_world())
    body = Message.objects.get(topic="dossier.rating_invitation", channel="email").body
    link = re.search(r"https?://\S+", body).group(0)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(link.removeprefix(settings.SITE_URL.rstrip("/")))
    assert page.get_by_text(dossier.code).first.is_visible()
    for field, score in [("index1", 2), ("index3", 1), ("index4", 1), ("index7", 2)]:
        _answer(page, field, score)
    overall = page.get_by_role("group", name=OVERALL_QUESTION)
    overall.get_by_label("Hài lòng", exact=True).check()
    page.get_by_label("Góp ý thêm").fill("Cán bộ hướng dẫn rất kỹ")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=screenshot_path("feedback-rating"), full_page=True)
    page.get_by_role("button", name="Gửi đánh giá").click()
    page.wait_for_url("**/cam-on/")
    assert page.get_by_role("heading", name="Cảm ơn Ông/Bà đã đánh giá").is_visible()
    assert Rating.objects.get().overall == "satisfied"

    page.get_by_role("link", name="Sửa đánh giá").click()
    overall = page.get_by_role("group", name=OVERALL_QUESTION)
    assert overall.get_by_label("Hài lòng", exact=True).is_checked()
    # Keyboard only: focus the checked radio of the overall group, move to the next option.
    overall.get_by_label("Hài lòng", exact=True).focus()
    page.keyboard.press("ArrowDown")
    assert overall.get_by_label("Không hài lòng", exact=True).is_checked()
    page.get_by_role("button", name="Lưu đánh giá mới").click()
    page.wait_for_url("**/cam-on/")
    assert page.get_by_text("Không hài lòng").first.is_visible()
    rating = Rating.objects.get()
    assert (rating.overall, rating.index3, rating.comment) == (
        "dissatisfied",
        1,
        "Cán bộ hướng dẫn rất kỹ",
    )


def _sign_in(page, staff, next_url):
    from motcua.org.tests.factories import PASSWORD

    page.context.clear_cookies()
    page.goto(f"/dang-nhap/?next={next_url}")
    page.get_by_label("Tên đăng nhập").fill(staff.user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"**{next_url}")


def _answer_all(page, overall):
    for field in CITIZEN_QUESTIONS:
        _answer(page, field, 1)
    page.get_by_role("group", name=OVERALL_QUESTION).get_by_label(overall, exact=True).check()


def test_the_counter_tablet_takes_one_applicant_after_another(page):
    from motcua.dossiers.tests.conftest import vn

    world = build_world()
    handed_over = returned_now(world, world.officer)
    earlier = resolved_and_returned(world, at=vn(2024, 3, 11, 9, 0))
    page.set_viewport_size({"width": 800, "height": 1280})  # a tablet, upright
    _sign_in(page, world.officer, "/danh-gia/quay/")
    # The dossier the officer has just handed over is on the tablet: nothing to type.
    assert page.get_by_text(handed_over.code).is_visible()
    _answer_all(page, "Rất hài lòng")
    page.screenshot(path=screenshot_path("feedback-kiosk"), full_page=True)
    page.get_by_role("button", name="Gửi đánh giá").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").filter(has_text=handed_over.code).is_visible()
    # The next applicant rates another dossier with its code and the secret on the receipt;
    # nothing of the previous answers is left.
    assert page.get_by_label("Mã hồ sơ").input_value() == ""
    assert page.locator("input[type=radio]:checked").count() == 0
    page.get_by_label("Mã hồ sơ").fill(earlier.code)
    page.get_by_label("Mã bí mật in trên giấy tiếp nhận").fill(earlier.tracking_secret)
    _answer_all(page, "Không hài lòng")
    page.get_by_role("button", name="Gửi đánh giá").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").filter(has_text=earlier.code).is_visible()
    assert sorted(Rating.objects.values_list("channel", "overall")) == [
        ("kiosk", "dissatisfied"),
        ("kiosk", "very_satisfied"),
    ]
