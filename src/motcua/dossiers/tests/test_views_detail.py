"""The dossier page: who asked for what, the steps and who holds the current one, every
deadline, the record of events, and only the actions this user may take now."""

from django.urls import reverse
import pytest
import time_machine

from motcua.dossiers import services

from .conftest import vn


@pytest.fixture(autouse=True)
def tuesday():
    with time_machine.travel(vn(2024, 3, 5, 9, 0), tick=False):
        yield


def page(client, staff, dossier):
    client.force_login(staff.user)
    return client.get(reverse("dossiers:detail", args=[dossier]))


def offered(response) -> list[str]:
    context = response.context
    return [f.action for f in context["primary_actions"] + context["other_actions"]]


@pytest.fixture
def examined(world):
    """Received Monday 09:30, forwarded 10:00, assigned 10:05, a consultation sent at 10:30."""
    dossier = services.forward(world.receive(), world.officer, at=vn(2024, 3, 4, 10, 0))
    dossier = services.assign(dossier, world.head, world.specialist, at=vn(2024, 3, 4, 10, 5))
    services.consult(
        dossier, world.specialist, "Sở Tài chính", "Ý kiến về vốn", 2, at=vn(2024, 3, 4, 10, 30)
    )
    return dossier


def test_the_page_shows_applicant_steps_deadlines_and_record(client, world, examined):
    html = page(client, world.officer, examined).content.decode()
    for expected in (
        "Nguyễn Thị Hoa",
        "056190001234",
        "0912345678",
        "12 Lê Thánh Tôn, Nha Trang",
        "Đăng ký thành lập doanh nghiệp tư nhân",
        "2.001610",
        # The current step and its holder; the steps with their units and times.
        "Đang ở bước <strong>Thẩm định hồ sơ</strong>: Ngô Thị Hồng",
        "1. Tiếp nhận hồ sơ",
        "Lãnh đạo phòng — Phòng Đăng ký kinh doanh",
        "Giám đốc",
        # Deadlines: the appointment, the step's, the consultation's.
        "<dt>Hẹn trả kết quả</dt><dd>09:30 07/03/2024",
        "<dt>Hạn bước «Thẩm định hồ sơ»</dt><dd>10:00 05/03/2024</dd>",
        "<dt>Hạn trả lời của Sở Tài chính</dt><dd>10:30 06/03/2024</dd>",
        '<span class="badge text-bg-success">Trong hạn</span>',
        # The record: time, actor, action, states, details.
        "09:30 04/03/2024",
        "Võ Thị Mai",
        "Tiếp nhận tại Bộ phận Một cửa",
        "Đã tiếp nhận → Đang xử lý",
        "giao cho Ngô Thị Hồng",
        "Lấy ý kiến cơ quan liên quan",
        "Giấy đề nghị đăng ký doanh nghiệp",
    ):
        assert expected in html, expected
    assert "(chờ phân công)" not in html  # the finished counter step waits for nobody


def test_each_user_sees_only_the_actions_open_to_them(client, world, examined):
    assert offered(page(client, world.specialist, examined)) == [
        "forward",
        "send_back",
        "request_supplement",
        "consult",
        "answer_consultation",
    ]
    assert offered(page(client, world.specialist2, examined)) == ["answer_consultation"]
    # The head holds every step of the unit, but approval waits for the signing steps ahead.
    assert offered(page(client, world.head, examined)) == [
        "assign",
        "forward",
        "send_back",
        "request_supplement",
        "refuse",
        "suspend",
        "apologize",
        "consult",
        "answer_consultation",
    ]
    director = page(client, world.director, examined)
    assert "cancel" in offered(director) and "forward" not in offered(director)
    # The forward button names the next step; the assignee select offers its unit only.
    forward = page(client, world.specialist, examined).context["primary_actions"][0]
    assert forward.label == "Chuyển sang «Phê duyệt»"
    assert set(forward.fields["assignee"].queryset) == {
        world.head,
        world.specialist,
        world.specialist2,
    }


def test_a_closed_dossier_offers_nothing(client, world):
    dossier = services.withdraw(world.receive(), services.Actor.of(world.officer))
    response = page(client, world.officer, dossier)
    assert offered(response) == [] and response.context["attach_form"] is None
    assert "Lúc này bạn không có thao tác nào với hồ sơ này." in response.content.decode()


def test_print_links_follow_the_dossiers_history(client, world, examined):
    def printed(response):
        html = response.content.decode()
        return [
            kind
            for kind in (
                "receipt",
                "supplement_request",
                "refusal",
                "apology",
                "stop_notice",
                "control_sheet",
            )
            if f"/bieu-mau/ho-so/{examined.code}/{kind}/" in html
        ]

    assert printed(page(client, world.officer, examined)) == ["receipt", "control_sheet"]
    services.request_supplement(examined, world.specialist, [{"name": "Giấy đề nghị"}], "Thiếu")
    response = page(client, world.officer, examined)
    assert printed(response) == ["receipt", "supplement_request", "control_sheet"]
    assert "Mẫu 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" in response.content.decode()
