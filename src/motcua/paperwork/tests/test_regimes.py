"""A form's number and title follow the regime of the dossier's receipt date: the 2025 rules
renumber the forms, retitle the apology and add the stop notice, which a 2018 dossier lacks."""

from django.urls import reverse
import pytest

from motcua.dossiers import services
from motcua.dossiers.lifecycle import Actor
from motcua.paperwork.errors import FormUnavailable
from motcua.paperwork.forms import form_context, printable_forms, render_docx

from .conftest import docx_text, vn


def _apologized(world, received, apologized, new_due):
    dossier = world.receive(at=received)
    return services.apologize(
        dossier, world.director, new_due, "Chờ ý kiến của Sở Tài chính", at=apologized
    )


def test_a_2018_dossier_prints_the_2018_apology(world):
    dossier = _apologized(
        world, vn(2024, 3, 4, 9, 30), vn(2024, 3, 5, 9, 0), vn(2024, 3, 11, 9, 30)
    )
    text = docx_text(render_docx("apology", dossier))
    assert "Mẫu số 04" in text
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "hẹn lại thời gian trả kết quả vào 09 giờ 30 phút, ngày 11/03/2024" in text
    assert form_context("control_sheet", dossier)["form_number"] == "Mẫu số 05"


def test_a_2025_dossier_prints_the_2025_apology_and_numbers(world):
    dossier = _apologized(world, vn(2025, 7, 2, 9, 0), vn(2025, 7, 3, 9, 0), vn(2025, 7, 10, 9, 0))
    context = form_context("apology", dossier)
    assert (context["form_number"], context["title"]) == (
        "Mẫu số 04",
        "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết",
    )
    text = docx_text(render_docx("apology", dossier))
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in text
    assert "đề nghị gia hạn thời gian giải quyết đến 09 giờ 00 phút, ngày 10/07/2025" in text
    assert form_context("control_sheet", dossier)["form_number"] == "Mẫu số 06"


def test_a_withdrawn_2025_dossier_has_a_stop_notice(world):
    dossier = world.receive(at=vn(2025, 7, 2, 9, 0))
    dossier = services.withdraw(
        dossier,
        Actor.applicant("Nguyễn Thị Hoa"),
        note="Đơn đề nghị dừng giải quyết ngày 03/7/2025",
        at=vn(2025, 7, 3, 14, 15),
    )
    text = docx_text(render_docx("stop_notice", dossier))
    assert "Mẫu số 05" in text
    assert "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text
    assert "Khánh Hòa, ngày 03 tháng 7 năm 2025" in text
    assert f"mã hồ sơ {dossier.code}" in text
    assert (
        "Ngày 03/07/2025, ông/bà đề nghị dừng giải quyết hồ sơ (Đơn đề nghị dừng giải "
        "quyết ngày 03/7/2025)." in text
    )
    assert "kể từ 14 giờ 15 phút, ngày 03/07/2025" in text
    assert "stop_notice" in [form["kind"] for form in printable_forms(dossier)]


def test_a_2018_dossier_refuses_to_print_a_stop_notice(world, signed_in):
    dossier = world.receive(at=vn(2025, 6, 30, 9, 0))
    dossier = services.withdraw(
        dossier, Actor.of(world.officer), note="Đơn xin rút hồ sơ", at=vn(2025, 7, 2, 9, 0)
    )
    with pytest.raises(FormUnavailable) as refused:
        render_docx("stop_notice", dossier)
    assert refused.value.status == 404
    assert refused.value.message == (
        "Biểu mẫu «Thông báo dừng giải quyết hồ sơ» không có trong chế độ quy định áp dụng "
        "(Nghị định 61/2018/NĐ-CP và Thông tư 01/2018/TT-VPCP)."
    )
    assert "stop_notice" not in [form["kind"] for form in printable_forms(dossier)]
    response = signed_in.get(reverse("paperwork:form_html", args=[dossier.code, "stop_notice"]))
    assert response.status_code == 404
    assert "không có trong chế độ quy định áp dụng" in response.content.decode()
    response = signed_in.get(reverse("paperwork:form_docx", args=[dossier.code, "stop_notice"]))
    assert response.status_code == 404


def test_an_unknown_kind_is_refused_in_vietnamese(world):
    with pytest.raises(FormUnavailable, match="Không có biểu mẫu «giay-phep»"):
        form_context("giay-phep", world.receive())
