"""An applicant on a phone tracks the dossier from the receipt, reads what is missing, uploads
it as a PDF and sees the dossier back in processing."""

from django.core.cache import cache
import pytest

from motcua.core.testing.browser import screenshot_path
from motcua.dossiers.constants import State
from motcua.dossiers.models import Dossier
from motcua.dossiers.tests.conftest import build_world

from .test_tracking import ITEM, REASON, waiting
from .test_tracking_supplement import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_applicant_tracks_the_dossier_and_sends_the_supplement(page):
    cache.clear()
    dossier = waiting(build_world())
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/tra-cuu/")
    page.get_by_label("Mã hồ sơ").fill(dossier.code)
    page.get_by_label("Mã bí mật in trên giấy tiếp nhận").fill(dossier.tracking_secret.lower())
    page.get_by_role("button", name="Tra cứu").click()
    page.wait_for_url(f"**/tra-cuu/ho-so/{dossier.code}/")
    assert page.get_by_role("heading", level=1, name=f"Hồ sơ {dossier.code}").is_visible()
    assert page.get_by_text("Chờ Ông/Bà bổ sung hồ sơ").is_visible()
    assert page.get_by_text(REASON).is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=screenshot_path("tracking-supplement"), full_page=True)

    page.get_by_label(ITEM).set_input_files(
        {"name": "giay-de-nghi.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_label("Ghi chú gửi kèm").fill("Đã ký lại giấy đề nghị.")
    page.get_by_role("button", name="Gửi hồ sơ bổ sung").click()
    alert = page.get_by_role("alert").first
    alert.wait_for()
    assert "Đã nhận hồ sơ bổ sung" in alert.inner_text()
    assert page.get_by_text("Đang xử lý tại Phòng Đăng ký kinh doanh").is_visible()
    timeline = page.get_by_role("region", name="Quá trình giải quyết")
    assert timeline.get_by_role("listitem").last.inner_text().endswith("Đã nhận hồ sơ bổ sung")

    dossier = Dossier.objects.get(pk=dossier.pk)
    assert dossier.state == State.PROCESSING
    assert [a.original_name for a in dossier.attachments.all()] == ["giay-de-nghi.pdf"]
