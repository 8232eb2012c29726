"""Public tracking: the code plus a second factor shows the dossier and nothing about the
applicant; wrong factors reveal nothing and are limited per code and per address."""

import re
from urllib.parse import urlsplit

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
import pytest
import time_machine

from motcua.dossiers import services
from motcua.dossiers.constants import ReturnMethod, State
from motcua.dossiers.links import tracking_url
from motcua.dossiers.models import Dossier
from motcua.dossiers.tests.conftest import build_world, vn
from motcua.portal.tracking import FAILURE_MESSAGE

LOOKUP = "/tra-cuu/"
APPLICANT = [
    "Nguyễn Thị Hoa",
    "056190001234",
    "0912345678",
    "hoa@example.vn",
    "12 Lê Thánh Tôn",
    "Nha Trang",
]
REASON = "Giấy đề nghị chưa có chữ ký của chủ doanh nghiệp."
ITEM = "Giấy đề nghị đăng ký doanh nghiệp"


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def world(db):
    return build_world()


def at_business_unit(world) -> Dossier:
    """Received at the counter, forwarded to the business unit and claimed by a specialist."""
    dossier = world.receive(at=None)
    dossier = services.forward(dossier, world.officer, note="Ghi chú nội bộ: hồ sơ ưu tiên")
    return services.claim(dossier, world.specialist)


def waiting(world) -> Dossier:
    """A dossier waiting for the applicant's supplement, as the specialist asked."""
    dossier = at_business_unit(world)
    services.request_supplement(
        dossier,
        world.specialist,
        [{"name": ITEM, "note": "Ký và ghi rõ họ tên"}, {"name": "Bản vẽ mặt bằng", "note": ""}],
        REASON,
    )
    return Dossier.objects.get(pk=dossier.pk)


def check(client, code, factor, **extra):
    return client.post(LOOKUP, {"ma": code, "k": factor}, **extra)


def link(dossier) -> str:
    """The path and query of the tracking link printed on the receipt."""
    parts = urlsplit(tracking_url(dossier))
    return f"{parts.path}?{parts.query}"


def without_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_the_right_secret_in_any_case_shows_the_dossier(client, world):
    dossier = at_business_unit(world)
    response = check(client, dossier.code, dossier.tracking_secret.lower())
    assert response.status_code == 302
    assert response["Location"] == reverse("tracking:dossier", args=[dossier.code])
    shown = client.get(response["Location"])
    assert "no-store" in shown["Cache-Control"]
    page = shown.content.decode()
    assert f"Hồ sơ {dossier.code}" in page
    assert "Đăng ký thành lập doanh nghiệp tư nhân" in page
    assert "Đang xử lý tại Phòng Đăng ký kinh doanh" in page


def test_the_last_four_phone_digits_show_the_dossier(client, world):
    dossier = at_business_unit(world)
    response = check(client, f"  {dossier.code.lower()} ", "5678")
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200


def test_phone_digits_do_not_open_a_dossier_without_a_phone(client, world):
    from motcua.dossiers.services import ApplicantData

    dossier = world.receive(applicant=ApplicantData(name="Lê Văn An"))
    for factor in ("0000", "    "):
        response = check(client, dossier.code, factor)
        assert response.status_code == 200
        assert response.context["form"].errors


def test_a_wrong_factor_and_an_unknown_code_give_the_same_page(client, world):
    dossier = at_business_unit(world)
    unknown = dossier.code[:-4] + ("9999" if not dossier.code.endswith("9999") else "9998")
    wrong = check(client, dossier.code, "ABCDEF12")
    missing = check(client, unknown, "ABCDEF12")
    assert wrong.status_code == missing.status_code == 200
    first = without_csrf(wrong.content.decode()).replace(f'value="{dossier.code}"', "<MA>")
    second = without_csrf(missing.content.decode()).replace(f'value="{unknown}"', "<MA>")
    assert first == second
    assert FAILURE_MESSAGE in first
    # The typed factor is not written back, and nothing of the dossier shows.
    assert "ABCDEF12" not in first
    assert "Đăng ký thành lập doanh nghiệp tư nhân" not in first
    # And the failed check opens nothing.
    assert client.get(reverse("tracking:dossier", args=[dossier.code])).status_code == 302


def test_after_too_many_failures_on_a_code_even_the_right_secret_is_refused(
    client, world, settings
):
    settings.MOTCUA_TRACKING_FAILURES_PER_CODE = 3
    dossier = at_business_unit(world)
    for _ in range(3):
        assert check(client, dossier.code, "00000000").status_code == 200
    refused = check(client, dossier.code, dossier.tracking_secret)
    assert refused.status_code == 429
    assert "Xin thử lại sau 15 phút" in refused.content.decode()
    assert refused["Retry-After"] == "900"
    assert "Đang xử lý" not in refused.content.decode()
    # The same code typed differently is the same code.
    assert check(client, dossier.code.lower(), dossier.tracking_secret).status_code == 429
    # Another dossier from the same address is not blocked by this code's limit.
    other = world.receive(at=None)
    assert check(client, other.code, other.tracking_secret).status_code == 302


def test_after_too_many_failures_from_an_address_every_check_is_refused(client, world, settings):
    settings.MOTCUA_TRACKING_FAILURES_PER_IP = 3
    dossier = at_business_unit(world)
    for number in range(3):
        check(client, f"000.00.17.H34-240101-000{number}", "00000000", REMOTE_ADDR="203.0.113.7")
    refused = check(client, dossier.code, dossier.tracking_secret, REMOTE_ADDR="203.0.113.7")
    assert refused.status_code == 429
    assert "Tạm khóa tra cứu" in refused.content.decode()
    assert (
        check(client, dossier.code, dossier.tracking_secret, REMOTE_ADDR="198.51.100.2").status_code
        == 302
    )


def test_successful_checks_are_not_counted(client, world, settings):
    settings.MOTCUA_TRACKING_FAILURES_PER_CODE = 2
    settings.MOTCUA_TRACKING_FAILURES_PER_IP = 2
    dossier = at_business_unit(world)
    for _ in range(5):
        assert check(client, dossier.code, dossier.tracking_secret).status_code == 302


def test_the_page_shows_nothing_about_the_applicant_or_the_staff(client, world):
    dossier = waiting(world)
    page = client.get(client.get(link(dossier))["Location"])
    html = page.content.decode()
    assert "Chờ Ông/Bà bổ sung hồ sơ" in html
    assert REASON in html
    for private in APPLICANT + [
        world.officer.full_name,
        world.specialist.full_name,
        "Ghi chú nội bộ",
    ]:
        assert private not in html, private
    timeline = [m.label for m in page.context["status"].milestones]
    assert timeline == ["Tiếp nhận hồ sơ", "Yêu cầu bổ sung hồ sơ (lần 1)"]


def test_the_tracking_link_of_the_receipt_opens_the_dossier(client, world, settings):
    settings.SITE_URL = "https://motcua.example.vn"
    dossier = at_business_unit(world)
    assert tracking_url(dossier).startswith("https://motcua.example.vn/tra-cuu/?")
    response = client.get(link(dossier), follow=True)
    assert response.redirect_chain[-1][0] == reverse("tracking:dossier", args=[dossier.code])
    html = response.content.decode()
    assert f"Hồ sơ {dossier.code}" in html
    assert f"{timezone.localtime(dossier.due_at):%d/%m/%Y %H:%M}" in html
    assert dossier.tracking_secret not in html


def test_a_code_alone_only_fills_the_form(client, world):
    dossier = at_business_unit(world)
    response = client.get(LOOKUP, {"ma": dossier.code})
    assert response.status_code == 200
    assert f'value="{dossier.code}"' in response.content.decode()
    assert not response.context["form"].is_bound


def test_an_online_submission_without_a_code_is_tracked_by_its_reference(client, world):
    dossier = services.submit(world.procedure, world.intake(), idempotency_key="k-1")
    assert dossier.code is None
    ref = f"truc-tuyen-{dossier.pk}"
    response = check(client, ref.upper(), dossier.tracking_secret)
    assert response["Location"] == reverse("tracking:dossier", args=[ref])
    html = client.get(response["Location"]).content.decode()
    assert "Hồ sơ nộp trực tuyến, đang chờ tiếp nhận" in html
    assert "Nộp hồ sơ trực tuyến" in html
    # Accepted later: the same reference still leads to it, now under its code.
    services.accept(dossier, world.officer)
    dossier.refresh_from_db()
    assert f"Hồ sơ {dossier.code}" in client.get(response["Location"]).content.decode()


def test_the_dossier_page_needs_a_check_in_this_session(client, world):
    dossier = at_business_unit(world)
    response = client.get(reverse("tracking:dossier", args=[dossier.code]))
    assert response.status_code == 302
    assert response["Location"] == f"{LOOKUP}?ma={dossier.code}"


def test_a_returned_dossier_says_so(client, world):
    dossier = world.receive(at=None)
    dossier = services.forward(dossier, world.officer)
    dossier = services.claim(dossier, world.specialist)
    dossier = services.forward(dossier, world.specialist)
    dossier = services.forward(dossier, world.head)
    dossier = services.approve(dossier, world.director)
    response = client.get(client.get(link(dossier))["Location"])
    assert "Đã có kết quả, mời Ông/Bà nhận tại Bộ phận Một cửa" in response.content.decode()
    assert "Đánh giá mức độ hài lòng" not in response.content.decode()
    dossier = services.register_result(dossier, world.clerk, "12/GCN")
    services.return_result(dossier, world.officer)
    html = client.get(response.wsgi_request.path).content.decode()
    assert "Đã trả kết quả. Hồ sơ đã hoàn thành." in html
    assert State.RETURNED.label in html
    # Once returned, the applicant is invited to rate the service.
    assert f'href="/danh-gia/{dossier.code}/{dossier.tracking_secret}/"' in html


def test_an_apology_shows_the_new_appointment_beside_the_legal_one(client, world):
    with time_machine.travel(vn(2024, 3, 4, 10, 0), tick=False):
        dossier = services.forward(world.receive(), world.officer)
        services.apologize(dossier, world.head, vn(2024, 3, 12, 9, 0), "Chờ ý kiến Sở Tài chính")
        html = client.get(client.get(link(dossier))["Location"]).content.decode()
    assert "Ngày hẹn trả kết quả" in html and "07/03/2024 09:30" in html
    assert "Ngày hẹn lại (theo thư xin lỗi)" in html and "12/03/2024 09:00" in html
    assert "Thư xin lỗi và hẹn lại ngày trả kết quả" in html
    assert "Chờ ý kiến Sở Tài chính" not in html  # the letter's reason stays in the letter


def test_a_refusal_shows_its_reason_and_where_to_collect_the_answer(client, world):
    dossier = services.forward(
        world.receive(return_method=ReturnMethod.POST, postal_address="12 Lê Thánh Tôn, Nha Trang"),
        world.officer,
    )
    services.refuse(dossier, world.head, "Ngành nghề đăng ký thuộc danh mục cấm kinh doanh.")
    html = client.get(client.get(link(dossier))["Location"]).content.decode()
    assert "Hồ sơ bị từ chối giải quyết; văn bản trả lời: kết quả được gửi qua bưu chính" in html
    assert "Ngành nghề đăng ký thuộc danh mục cấm kinh doanh." in html
    assert "12 Lê Thánh Tôn" not in html
