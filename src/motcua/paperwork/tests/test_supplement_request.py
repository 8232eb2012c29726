"""Mẫu 02: a supplement request, chosen by its number (?lan=n), its latest by default."""

from django.urls import reverse
import pytest

from motcua.dossiers import services
from motcua.dossiers.lifecycle import Actor
from motcua.paperwork.errors import FormUnavailable
from motcua.paperwork.forms import form_context, render_docx, supplement_request_of

from .conftest import docx_rows, docx_text, vn


@pytest.fixture
def twice_asked(world):
    """A dossier asked twice for documents, answered once in between."""
    world.officer.phone = "0258 3822 123"
    world.officer.save()
    dossier = world.receive(at=vn(2024, 3, 4, 9, 30))
    services.request_supplement(
        dossier,
        world.officer,
        [
            {
                "name": "Giấy đề nghị đăng ký doanh nghiệp",
                "note": "Thiếu chữ ký của chủ doanh nghiệp",
            },
            {"name": "Bản sao CCCD", "note": ""},
        ],
        "Hồ sơ chưa hợp lệ",
        at=vn(2024, 3, 4, 10, 0),
    )
    dossier = services.supplement(dossier, Actor.of(world.officer), at=vn(2024, 3, 5, 9, 0))
    services.request_supplement(
        dossier,
        world.officer,
        [{"name": "Văn bản ủy quyền", "note": "Chưa công chứng"}],
        "Người nộp không phải chủ doanh nghiệp",
        at=vn(2024, 3, 5, 10, 0),
    )
    return dossier


def test_the_request_lists_its_items_reason_and_officer(twice_asked):
    content = render_docx("supplement_request", supplement_request_of(twice_asked, 1))
    text = docx_text(content)
    assert "Mẫu số 02" in text
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert f"Mã hồ sơ: {twice_asked.code} — Lần yêu cầu: 1" in text
    assert "Khánh Hòa, ngày 04 tháng 3 năm 2024" in text
    assert "Ngày 04/03/2024, Sở Kế hoạch và Đầu tư tỉnh Khánh Hòa tiếp nhận hồ sơ" in text
    assert docx_rows(content, "STT") == [
        ["1", "Giấy đề nghị đăng ký doanh nghiệp", "Thiếu chữ ký của chủ doanh nghiệp"],
        ["2", "Bản sao CCCD", ""],
    ]
    assert "Lý do: Hồ sơ chưa hợp lệ" in text
    assert "Thời hạn giải quyết được tính lại từ đầu" in text
    assert "ông/bà liên hệ Võ Thị Mai, số điện thoại 0258 3822 123" in text
    assert "NGƯỜI HƯỚNG DẪN" in text


def test_a_dossier_stands_for_its_latest_request(twice_asked):
    context = form_context("supplement_request", twice_asked)
    assert context["supplement_number"] == 2
    assert [item["name"] for item in context["items"]] == ["Văn bản ủy quyền"]


def test_the_page_takes_the_number_from_lan(signed_in, twice_asked):
    url = reverse("paperwork:form_html", args=[twice_asked.code, "supplement_request"])
    first = signed_in.get(url, {"lan": "1"})
    assert first.status_code == 200
    assert "Thiếu chữ ký của chủ doanh nghiệp" in first.content.decode()
    assert "supplement_request.docx?lan=1" in first.content.decode()
    latest = signed_in.get(url)
    assert "Chưa công chứng" in latest.content.decode()
    for wrong in ("9", "abc"):
        response = signed_in.get(url, {"lan": wrong})
        assert response.status_code == 404
        assert f"không có yêu cầu bổ sung, hoàn thiện lần «{wrong}»" in response.content.decode()
    docx = signed_in.get(url.rstrip("/") + ".docx", {"lan": "1"})
    assert docx.status_code == 200


def test_no_request_no_form(world):
    with pytest.raises(FormUnavailable, match="chưa có yêu cầu bổ sung"):
        render_docx("supplement_request", world.receive())
