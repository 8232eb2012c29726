"""Mẫu 04: the apology with the old appointment, the reason, the new date, signed for the
agency."""

import pytest

from motcua.dossiers import services
from motcua.paperwork.errors import FormUnavailable
from motcua.paperwork.forms import render_docx

from .conftest import docx_text, vn


def test_the_apology_states_both_appointments_and_the_reason(world):
    world.director.position = "Phó Giám đốc"
    world.director.save()
    dossier = world.receive(at=vn(2024, 3, 4, 9, 30))
    dossier = services.apologize(
        dossier,
        world.director,
        vn(2024, 3, 11, 14, 0),
        "Chờ ý kiến của Sở Tài chính",
        at=vn(2024, 3, 5, 9, 0),
    )
    text = docx_text(render_docx("apology", dossier))
    assert "Kính gửi: Nguyễn Thị Hoa" in text
    assert "Khánh Hòa, ngày 05 tháng 3 năm 2024" in text
    assert "Thời gian hẹn trả kết quả: 09 giờ 30 phút, ngày 07/03/2024." in text
    assert "vì lý do: Chờ ý kiến của Sở Tài chính." in text
    assert "14 giờ 00 phút, ngày 11/03/2024" in text
    assert "PHÓ GIÁM ĐỐC" in text and "Nguyễn Văn Hải" in text
    assert "(Ký, ghi rõ họ tên và đóng dấu)" in text
    assert "Nơi nhận:" in text


def test_no_apology_no_letter(world):
    with pytest.raises(FormUnavailable, match="chưa có văn bản xin lỗi"):
        render_docx("apology", world.receive())
