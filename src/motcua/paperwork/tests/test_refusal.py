"""Mẫu 03: the refusal, with the reason written when the dossier was refused."""

import pytest

from motcua.dossiers import services
from motcua.paperwork.errors import FormUnavailable
from motcua.paperwork.forms import render_docx

from .conftest import docx_text, vn


def test_the_refusal_gives_the_reason_of_the_refusal(world):
    world.agency.phone = "0258 3822 000"
    world.agency.save()
    dossier = services.forward(
        world.receive(at=vn(2024, 3, 4, 9, 30)), world.officer, at=vn(2024, 3, 4, 10, 0)
    )
    dossier = services.refuse(
        dossier, world.head, "Ngành nghề kinh doanh bị cấm", at=vn(2024, 3, 5, 15, 0)
    )
    text = docx_text(render_docx("refusal", dossier))
    assert "Mẫu số 03" in text
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert "Khánh Hòa, ngày 05 tháng 3 năm 2024" in text
    assert f"Mã hồ sơ: {dossier.code}" in text
    assert "Kính gửi: Nguyễn Thị Hoa" in text
    assert "\nNgành nghề kinh doanh bị cấm\n" in text
    assert "số điện thoại 0258 3822 000" in text
    assert "NGƯỜI NỘP HỒ SƠ" in text and "Võ Thị Mai" in text


def test_a_dossier_not_refused_has_no_refusal(world):
    with pytest.raises(FormUnavailable, match="không bị từ chối"):
        render_docx("refusal", world.receive())
