"""The whole way of a citizen, in Chromium on a phone: find the procedure typed without
diacritics, submit it online with the documents, pay the fees in the sandbox, track it, answer
the supplement request online, learn the result is returned, and rate the service. The staff
side acts through the same services as the staff pages."""

from django.core.cache import cache
import pytest

from motcua.core.testing.browser import screenshot_path
from motcua.dossiers import services
from motcua.dossiers.constants import State
from motcua.dossiers.models import Dossier
from motcua.feedback.constants import OVERALL_QUESTION
from motcua.feedback.models import Rating
from motcua.payments.constants import PaymentState
from motcua.payments.tests.conftest import give_fees
from motcua.submissions.tests.conftest import PDF, build_online_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PROCEDURE = "Đăng ký thành lập doanh nghiệp tư nhân"
MISSING = "Văn bản ủy quyền có chữ ký"


def submit_online(page, world) -> Dossier:
    page.goto("/cong/")
    page.get_by_label("Tìm thủ tục").fill("dang ky thanh lap doanh nghiep tu nhan")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_role("link", name=PROCEDURE).click()
    page.get_by_role("link", name="Nộp hồ sơ trực tuyến").click()
    page.wait_for_url("**/nop-ho-so/thu-tuc/*/")
    page.get_by_label("Họ tên người nộp / tên tổ chức").fill("Trần Minh Khoa")
    page.get_by_label("Số CCCD, định danh hoặc mã số thuế").fill("056190001234")
    page.get_by_label("Điện thoại").fill("0905123456")
    page.get_by_label("Thư điện tử").fill("khoa@example.vn")
    page.get_by_role("textbox", name="Địa chỉ", exact=True).fill("25 Trần Phú, Nha Trang")
    for document in page.locator("input[type=file][id^=tep-]").all():
        document.set_input_files(
            {"name": "giay-to.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
    page.get_by_role("button", name="Xem lại").click()
    page.wait_for_url("**/xem-lai/")
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.wait_for_url("**/da-nop/")
    return Dossier.objects.get(
        pk=int(page.locator("#so-tham-chieu").inner_text().removeprefix("truc-tuyen-"))
    )


def pay_in_the_sandbox(page) -> None:
    page.get_by_role("link", name="Thanh toán phí trực tuyến").click()
    page.get_by_role("button", name="Thanh toán trực tuyến").click()
    page.wait_for_url("**/thanh-toan/sandbox/**")
    page.get_by_role("button", name="Thanh toán", exact=True).click()
    page.wait_for_url("**/thanh-toan/ket-qua/sandbox/**")
    assert page.get_by_text("Đã thanh toán", exact=True).is_visible()


def track(page, code: str, secret: str) -> None:
    page.goto("/tra-cuu/")
    page.get_by_label("Mã hồ sơ").fill(code)
    page.get_by_label("Mã bí mật in trên giấy tiếp nhận").fill(secret)
    page.get_by_role("button", name="Tra cứu").click()
    page.wait_for_url(f"**/tra-cuu/ho-so/{code}/")


def test_a_citizen_submits_pays_tracks_supplements_and_rates(page, live_server, settings):
    settings.SITE_URL = live_server.url  # the sandbox gateway notifies this server
    cache.clear()
    world = build_online_world()
    give_fees(world)
    page.set_viewport_size({"width": 390, "height": 844})

    dossier = submit_online(page, world)
    assert dossier.state == State.SUBMITTED and dossier.attachments.exists()
    pay_in_the_sandbox(page)
    assert dossier.payments.get().state == PaymentState.PAID

    # The counter accepts it; the specialist asks for a missing document.
    dossier = services.accept(dossier, world.officer)
    dossier = services.claim(services.forward(dossier, world.officer), world.specialist)
    services.request_supplement(
        dossier, world.specialist, [{"name": MISSING, "note": ""}], "Thiếu văn bản ủy quyền"
    )

    track(page, dossier.code, dossier.tracking_secret)
    assert page.get_by_text("Chờ Ông/Bà bổ sung hồ sơ").is_visible()
    assert page.get_by_text("Đã thanh toán trực tuyến").is_visible()
    page.get_by_label(MISSING).set_input_files(
        {"name": "uy-quyen.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Gửi hồ sơ bổ sung").click()
    page.get_by_role("alert").filter(has_text="Đã nhận hồ sơ bổ sung").wait_for()

    # The unit resolves it and the counter hands the result over.
    dossier = Dossier.objects.get(pk=dossier.pk)
    dossier = services.forward(dossier, world.specialist)
    dossier = services.forward(dossier, world.head)
    dossier = services.approve(dossier, world.director)
    dossier = services.register_result(dossier, world.clerk, "GCN-01")
    services.return_result(dossier, world.officer)

    page.reload()
    assert page.get_by_text("Đã trả kết quả").first.is_visible()
    page.get_by_role("link", name="Đánh giá mức độ hài lòng").click()
    for group in page.get_by_role("group").all():
        group.get_by_role("radio").first.check()
    page.get_by_role("group", name=OVERALL_QUESTION).get_by_label(
        "Rất hài lòng", exact=True
    ).check()
    page.get_by_role("button", name="Gửi đánh giá").click()
    page.wait_for_url("**/cam-on/")
    page.screenshot(path=screenshot_path("citizen-rated"), full_page=True)

    rating = Rating.objects.get(dossier=dossier)
    assert rating.overall == "very_satisfied"
    assert Dossier.objects.get(pk=dossier.pk).state == State.RETURNED
