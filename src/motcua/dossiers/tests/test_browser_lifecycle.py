"""Real officers in a real browser: a counter intake walked to the returned result, and a
supplement round trip."""

from django.utils import timezone
import pytest

from motcua.core.testing.browser import screenshot_path
from motcua.dossiers import services
from motcua.dossiers.constants import State
from motcua.dossiers.models import Dossier
from motcua.org.tests.factories import PASSWORD

from .conftest import vn

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, staff):
    """Sign in as `staff`, landing on the worklists."""
    page.context.clear_cookies()
    page.goto("/dang-nhap/?next=/ho-so/")
    page.get_by_label("Tên đăng nhập").fill(staff.user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/ho-so/")


def open_from_worklist(page, tab, code):
    """Open the dossier from the worklist tab (label and count) where it waits."""
    page.get_by_role("link", name=tab).click()
    page.get_by_role("link", name=code).click()
    page.wait_for_url(f"**/ho-so/{code}/")


def act(page, action, button, **fields):
    """Unfold the action's form if it has one, fill it (label → value) and submit it."""
    panel = page.locator(f"#thao-tac-{action}")
    if panel.evaluate("node => node.tagName") == "DETAILS":
        panel.locator("summary").click()
    for label, value in fields.items():
        field = panel.get_by_label(label)
        if field.evaluate("node => node.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)
    with page.expect_navigation():
        panel.get_by_role("button", name=button).click()


def alert_text(page) -> str:
    return page.get_by_role("alert").first.inner_text()


def test_a_counter_intake_walks_to_the_returned_result(page, world):
    sign_in(page, world.officer)
    page.get_by_role("link", name="Tiếp nhận hồ sơ").click()
    page.get_by_role("searchbox", name="Tìm thủ tục").fill("dang ky thanh lap doanh nghiep")
    page.get_by_role("button", name="Tìm").click()
    page.get_by_role("link", name="Đăng ký thành lập doanh nghiệp tư nhân").click()
    page.get_by_label("Họ tên người nộp / tên tổ chức").fill("Trần Minh Khoa")
    page.get_by_label("Số CCCD, định danh hoặc mã số thuế").fill("056190009999")
    page.get_by_label("Điện thoại").fill("0905 111 222")
    page.get_by_role("checkbox", name="Giấy đề nghị đăng ký doanh nghiệp").check()
    page.get_by_role("checkbox", name="Bản sao giấy tờ pháp lý của chủ doanh nghiệp").check()
    page.get_by_role("button", name="Tiếp nhận hồ sơ").click()
    page.wait_for_url("**/ho-so/000.00.17.H34-*/")
    dossier = Dossier.objects.get()
    due = f"{timezone.localtime(dossier.due_at):%H:%M ngày %d/%m/%Y}"
    assert f"Đã tiếp nhận hồ sơ {dossier.code}; hẹn trả kết quả {due}." in alert_text(page)
    assert page.get_by_text("Đang ở bước Tiếp nhận hồ sơ").is_visible()
    act(page, "forward", "Chuyển sang «Thẩm định hồ sơ»")
    assert "Đã chuyển hồ sơ sang bước «Thẩm định hồ sơ»." in alert_text(page)
    page.screenshot(path=screenshot_path("dossier-page"), full_page=True)

    sign_in(page, world.head)
    open_from_worklist(page, "Chờ phân công 1", dossier.code)
    act(page, "assign", "Phân công xử lý", **{"Giao cho": "Ngô Thị Hồng"})
    assert "Đã giao bước «Thẩm định hồ sơ» cho Ngô Thị Hồng." in alert_text(page)

    sign_in(page, world.specialist)
    open_from_worklist(page, "Hồ sơ tôi đang xử lý 1", dossier.code)
    assert page.locator("#thao-tac-assign").count() == 0  # assigning is the head's
    act(page, "forward", "Chuyển sang «Phê duyệt»")

    sign_in(page, world.head)
    open_from_worklist(page, "Chờ ký duyệt 1", dossier.code)
    act(page, "forward", "Chuyển sang «Ký kết quả»")

    sign_in(page, world.director)
    open_from_worklist(page, "Chờ ký duyệt 1", dossier.code)
    assert page.get_by_text("Đang ở bước Ký kết quả").is_visible()
    act(
        page,
        "approve",
        "Phê duyệt kết quả",
        **{"Kết quả giải quyết (tóm tắt)": "Cấp Giấy chứng nhận đăng ký doanh nghiệp"},
    )
    assert "Đã phê duyệt kết quả" in alert_text(page)

    sign_in(page, world.clerk)
    open_from_worklist(page, "Chờ vào sổ kết quả 1", dossier.code)
    act(page, "register_result", "Vào sổ, cấp số kết quả", **{"Số văn bản kết quả": "4201234567"})
    assert "Đã vào sổ kết quả số 4201234567." in alert_text(page)

    sign_in(page, world.officer)
    page.get_by_role("link", name="Chờ trả kết quả 1").click()
    page.screenshot(path=screenshot_path("dossier-worklist"), full_page=True)
    page.get_by_role("link", name=dossier.code).click()
    act(page, "return_result", "Trả kết quả")
    assert "Đã trả kết quả; hồ sơ kết thúc." in alert_text(page)
    assert page.get_by_text("Lúc này bạn không có thao tác nào với hồ sơ này.").is_visible()
    record = page.get_by_role("region", name="Nhật ký xử lý").inner_text()
    for line in (
        "Tiếp nhận tại Bộ phận Một cửa",
        "Phân công xử lý",
        "Phê duyệt kết quả",
        "Vào sổ, cấp số kết quả",
        "Đã có kết quả → Đã trả kết quả",
    ):
        assert line in record
    assert Dossier.objects.get().state == State.RETURNED


def test_a_supplement_round_trip(page, world):
    dossier = world.receive(at=vn(2024, 3, 4, 9, 30))
    dossier = services.forward(dossier, world.officer, at=vn(2024, 3, 4, 10, 0))
    dossier = services.assign(dossier, world.head, world.specialist, at=vn(2024, 3, 4, 10, 5))

    sign_in(page, world.specialist)
    open_from_worklist(page, "Hồ sơ tôi đang xử lý 1", dossier.code)
    page.locator("#thao-tac-request_supplement summary").click()
    page.get_by_label("Giấy tờ cần bổ sung, dòng 1").fill("Giấy đề nghị đăng ký doanh nghiệp")
    page.get_by_label("Cần bổ sung, sửa gì, dòng 1").fill("Chủ doanh nghiệp chưa ký")
    page.get_by_label("Lý do yêu cầu bổ sung").fill("Giấy đề nghị chưa hợp lệ")
    with page.expect_navigation():
        page.get_by_role("button", name="Yêu cầu bổ sung hồ sơ").click()
    assert "Đã lập yêu cầu bổ sung lần 1" in alert_text(page)
    requests = page.get_by_role("region", name="Yêu cầu bổ sung hồ sơ").inner_text()
    assert "Giấy đề nghị đăng ký doanh nghiệp: Chủ doanh nghiệp chưa ký" in requests

    sign_in(page, world.officer)
    open_from_worklist(page, "Chờ người dân bổ sung 1", dossier.code)
    act(
        page,
        "supplement",
        "Nhận hồ sơ bổ sung",
        **{"Giấy tờ đã nhận bổ sung": "Giấy đề nghị đã ký"},
    )
    dossier.refresh_from_db()
    assert dossier.state == State.PROCESSING
    appointment = f"{timezone.localtime(dossier.due_at):%H:%M %d/%m/%Y}"
    assert f"hẹn trả kết quả mới {appointment}" in alert_text(page)
    deadlines = page.get_by_role("region", name="Thời hạn").inner_text()
    assert f"Hẹn trả kết quả\n{appointment}" in deadlines
    assert "Hẹn trả ban đầu\n09:30 07/03/2024" in deadlines
    assert page.get_by_text("Đang ở bước Thẩm định hồ sơ: Ngô Thị Hồng").is_visible()
