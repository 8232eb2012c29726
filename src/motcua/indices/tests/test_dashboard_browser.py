"""The director opens the agency's dashboard on the demo data in a real browser."""

import pytest

from motcua.core.testing.browser import screenshot_path
from motcua.demo.loader import load_demo
from motcua.feedback.demo import load_demo_ratings
from motcua.org.models import Agency

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_director_sees_the_dashboard_with_its_charts(page, settings):
    load_demo(days=60)
    load_demo_ratings(Agency.objects.get(staff__user__username="giamdoc"))
    page.goto("/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("giamdoc")
    page.get_by_label("Mật khẩu").fill(settings.MOTCUA_DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/can-bo/")

    page.goto("/chi-so/")
    assert page.get_by_role("heading", name="Chỉ số giải quyết hồ sơ của cơ quan").is_visible()
    charts = page.locator("svg.chart-svg")
    assert charts.count() >= 6  # three trends, the timeliness bar, units and officers ranked
    for name in (
        "Tỷ lệ giải quyết trước hạn, đúng hạn theo tháng",
        "Tỷ lệ hồ sơ trực tuyến theo tháng",
        "Tỷ lệ hài lòng của người dân theo tháng",
        "Đơn vị xếp theo tỷ lệ đúng hạn trong năm",
    ):
        chart = page.get_by_role("img", name=name)
        assert chart.is_visible()
        box = chart.bounding_box()
        assert box["width"] > 200 and box["height"] > 50
    # The demo has finished dossiers in the last two months: their bars are drawn.
    assert page.locator("svg.chart-svg rect.bar").count() >= 2
    assert page.get_by_role("heading", name="Xếp hạng đơn vị (năm nay)").is_visible()
    assert page.get_by_role("heading", name="Hồ sơ quá hạn hiện nay", exact=False).is_visible()
    page.screenshot(path=screenshot_path("indices-director-dashboard"), full_page=True)

    page.set_viewport_size({"width": 390, "height": 844})  # a phone
    assert (
        page.get_by_role("img", name="Tỷ lệ hồ sơ trực tuyến theo tháng").bounding_box()["width"]
        <= 390
    )
