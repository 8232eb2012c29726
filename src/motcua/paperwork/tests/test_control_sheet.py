"""Mẫu 05 (2018) / 06 (2025): one row per hand-over, marked against the due moment of the step
that handed the file on."""

from datetime import timedelta

from django.urls import reverse

from motcua.dossiers import services
from motcua.paperwork.forms import form_context, render_docx
from motcua.paperwork.handovers import EARLY, LATE, ON_TIME, step_result

from .conftest import docx_rows, docx_text, vn


def _routed(world):
    """Received Monday 4/3/2024 08:00; each step handed on at a chosen time.

    Steps (working hours 07:00-11:30, 13:30-17:00): reception 4 h, due Mon 14:00; examination
    8 h from Mon 10:00, due Tue 10:00; approval 4 h from Tue 15:00, due Wed 09:00; signature
    4 h from Tue 16:00, due Wed 10:00; return 4 h from Wed 09:00, due Wed 15:00."""
    dossier = world.receive(at=vn(2024, 3, 4, 8, 0))
    dossier = services.forward(dossier, world.officer, at=vn(2024, 3, 4, 10, 0))  # same day
    dossier = services.assign(dossier, world.head, world.specialist, at=vn(2024, 3, 4, 10, 5))
    dossier = services.forward(
        dossier, world.specialist, note="Đủ điều kiện", at=vn(2024, 3, 5, 15, 0)
    )  # after Tue 10:00
    dossier = services.forward(dossier, world.head, at=vn(2024, 3, 5, 16, 0))  # the day before
    dossier = services.approve(
        dossier, world.director, summary="Cấp giấy chứng nhận", at=vn(2024, 3, 6, 9, 0)
    )  # same day, before 10:00
    dossier = services.register_result(dossier, world.clerk, "4201234567", at=vn(2024, 3, 6, 9, 30))
    return services.return_result(dossier, world.officer, at=vn(2024, 3, 7, 8, 0))  # late


def test_one_row_per_hand_over_with_its_mark(world):
    rows = form_context("control_sheet", _routed(world))["rows"]
    assert [(r["giver"], r["taker"], r["result"]) for r in rows] == [
        ("Võ Thị Mai", "Huỳnh Văn Tâm", ON_TIME),
        ("Ngô Thị Hồng", "Huỳnh Văn Tâm", LATE),
        ("Huỳnh Văn Tâm", "Nguyễn Văn Hải", EARLY),
        ("Nguyễn Văn Hải", "Phạm Thị Lan", ON_TIME),
        ("Võ Thị Mai", "Nguyễn Thị Hoa", LATE),
    ]
    assert [(r["giver_place"], r["taker_place"]) for r in rows] == [
        ("Bộ phận Một cửa (Tiếp nhận hồ sơ)", "Phòng Đăng ký kinh doanh (Thẩm định hồ sơ)"),
        ("Phòng Đăng ký kinh doanh (Thẩm định hồ sơ)", "Phòng Đăng ký kinh doanh (Phê duyệt)"),
        (
            "Phòng Đăng ký kinh doanh (Phê duyệt)",
            "Sở Kế hoạch và Đầu tư tỉnh Khánh Hòa (Ký kết quả)",
        ),
        ("Sở Kế hoạch và Đầu tư tỉnh Khánh Hòa (Ký kết quả)", "Bộ phận Một cửa (Trả kết quả)"),
        ("Bộ phận Một cửa (Trả kết quả)", "Tổ chức, cá nhân"),
    ]
    assert rows[1]["handed_at"] == "15 giờ 00 phút, ngày 05/03/2024"
    assert rows[1]["note"] == "Đủ điều kiện"
    assert rows[3]["note"] == "Phê duyệt kết quả: Cấp giấy chứng nhận"


def test_the_docx_table(world):
    dossier = _routed(world)
    content = render_docx("control_sheet", dossier)
    text = docx_text(content)
    assert "Mẫu số 05" in text
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text
    assert "(Kèm theo hồ sơ của: Nguyễn Thị Hoa)" in text
    assert "Thời gian nhận hồ sơ: 08 giờ 00 phút, ngày 04/03/2024" in text
    rows = docx_rows(content, "TT")
    assert len(rows) == 5
    assert rows[0] == [
        "1",
        "Giao: Bộ phận Một cửa (Tiếp nhận hồ sơ)\nNhận: Phòng Đăng ký kinh doanh (Thẩm định hồ sơ)",
        "10 giờ 00 phút, ngày 04/03/2024\nNgười giao: Võ Thị Mai\nNgười nhận: Huỳnh Văn Tâm",
        "Đúng hạn",
        "",
    ]
    assert [row[3] for row in rows] == ["Đúng hạn", "Quá hạn", "Trước hạn", "Đúng hạn", "Quá hạn"]


def test_a_send_back_is_a_hand_over_too(world):
    dossier = services.forward(
        world.receive(at=vn(2024, 3, 4, 8, 0)), world.officer, at=vn(2024, 3, 4, 9, 0)
    )
    services.send_back(dossier, world.head, "Thiếu chữ ký", at=vn(2024, 3, 4, 14, 0))
    rows = form_context("control_sheet", dossier)["rows"]
    assert rows[-1]["giver_place"] == "Phòng Đăng ký kinh doanh (Thẩm định hồ sơ)"
    assert rows[-1]["taker_place"] == "Bộ phận Một cửa (Tiếp nhận hồ sơ)"
    assert rows[-1]["note"] == "Trả lại bước trước: Thiếu chữ ký"


def test_the_mark_rule_at_its_edges():
    due = vn(2024, 3, 5, 10, 0)
    assert step_result(vn(2024, 3, 4, 16, 59), due) == EARLY
    assert step_result(vn(2024, 3, 5, 7, 0), due) == ON_TIME
    assert step_result(due, due) == ON_TIME
    assert step_result(due + timedelta(minutes=1), due) == LATE
    assert step_result(due, None) == ""


def test_the_page_shows_the_rows(signed_in, world):
    dossier = _routed(world)
    page = signed_in.get(reverse("paperwork:form_html", args=[dossier.code, "control_sheet"]))
    assert page.status_code == 200
    html = page.content.decode()
    assert html.count("Quá hạn</td>") == 2
    assert "Người nhận: Nguyễn Thị Hoa" in html
