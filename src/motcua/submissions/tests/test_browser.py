"""A citizen on a phone finds the procedure without diacritics and submits it online."""

import pytest

from motcua.catalog.constants import Requirement
from motcua.catalog.selectors import version_in_force
from motcua.core.testing.browser import screenshot_path
from motcua.dossiers.constants import State
from motcua.dossiers.models import Dossier
from motcua.portal.tests.conftest import PRIVATE_COMPANY, load_portal_demo

from .conftest import PDF, offer_online

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_submit_a_procedure_online_from_the_portal(page):
    department = load_portal_demo()
    version = version_in_force(department.procedures.get(versions__name=PRIVATE_COMPANY))
    offer_online(version.procedure)
    mandatory = [d for d in version.documents.all() if d.requirement == Requirement.MANDATORY]
    before = Dossier.objects.count()

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/cong/")
    page.get_by_label("Tìm thủ tục").fill("dang ky thanh lap doanh nghiep tu nhan")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_role("link", name=PRIVATE_COMPANY).click()
    page.wait_for_url("**/cong/thu-tuc/*/")
    page.get_by_role("link", name="Nộp hồ sơ trực tuyến").click()
    page.wait_for_url("**/nop-ho-so/thu-tuc/*/")

    page.get_by_label("Họ tên người nộp / tên tổ chức").fill("Trần Minh Khoa")
    page.get_by_label("Số CCCD, định danh hoặc mã số thuế").fill("056190001234")
    page.get_by_label("Điện thoại").fill("0905123456")
    page.get_by_label("Thư điện tử").fill("khoa@example.vn")
    page.get_by_role("textbox", name="Địa chỉ", exact=True).fill("25 Trần Phú, Nha Trang")
    page.get_by_label("Nhận qua bưu chính công ích").check()
    page.get_by_label("Địa chỉ nhận kết quả qua bưu chính").fill("25 Trần Phú, Nha Trang")
    for document in mandatory:
        page.locator(f"#tep-{document.pk}").set_input_files(
            {
                "name": f"giay-to-{document.position}.pdf",
                "mimeType": "application/pdf",
                "buffer": PDF,
            }
        )
    page.screenshot(path=screenshot_path("submission-form"), full_page=True)
    page.get_by_role("button", name="Xem lại").click()
    page.wait_for_url("**/xem-lai/")
    assert page.get_by_text("25 Trần Phú, Nha Trang").first.is_visible()
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.wait_for_url("**/da-nop/")

    dossier = Dossier.objects.order_by("-pk").first()
    assert Dossier.objects.count() == before + 1
    assert dossier.state == State.SUBMITTED
    assert dossier.attachments.count() == len(mandatory)
    assert page.locator("#so-tham-chieu").inner_text() == f"truc-tuyen-{dossier.pk}"
    assert page.locator("#ma-bi-mat").inner_text() == dossier.tracking_secret
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=screenshot_path("submission-done"), full_page=True)
