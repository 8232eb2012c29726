"""The guidance slip of an incomplete dossier: everything missing, listed once."""

from django.urls import reverse

from motcua.dossiers import services
from motcua.dossiers.models import GuidanceSlip
from motcua.paperwork.forms import form_context, render_docx

from .conftest import docx_rows, docx_text, vn


def _slip(world):
    return services.issue_guidance_slip(
        world.officer,
        world.procedure,
        "Trần Văn Bình",
        world.documents(all_mandatory=False),
        phone="0905111222",
        note="Mang theo bản chính để đối chiếu",
        at=vn(2024, 3, 4, 8, 15),
    )


def test_the_slip_lists_every_missing_document_once(world):
    slip = _slip(world)
    content = render_docx("guidance_slip", slip)
    text = docx_text(content)
    assert "PHIẾU HƯỚNG DẪN HOÀN THIỆN HỒ SƠ" in text
    assert "Mẫu số" not in text
    assert f"Số: {slip.number}" in text
    assert "Hướng dẫn ông/bà: Trần Văn Bình" in text
    assert "Số điện thoại: 0905111222" in text
    assert "Khánh Hòa, ngày 04 tháng 3 năm 2024" in text
    assert docx_rows(content, "STT") == [
        ["1", "Giấy đề nghị đăng ký doanh nghiệp"],
        ["2", "Bản sao giấy tờ pháp lý của chủ doanh nghiệp"],
    ]
    assert "Hướng dẫn thêm: Mang theo bản chính để đối chiếu" in text


def test_a_name_recorded_twice_is_listed_once(world):
    slip = _slip(world)
    GuidanceSlip.objects.filter(pk=slip.pk).update(missing=["Tờ khai", " Tờ khai", "Ảnh 3x4"])
    slip.refresh_from_db()
    assert [m["name"] for m in form_context("guidance_slip", slip)["missing"]] == [
        "Tờ khai",
        "Ảnh 3x4",
    ]


def test_the_slip_pages(signed_in, world):
    slip = _slip(world)
    page = signed_in.get(reverse("paperwork:guidance_slip_html", args=[slip.pk]))
    assert page.status_code == 200
    assert "Trần Văn Bình" in page.content.decode()
    docx = signed_in.get(reverse("paperwork:guidance_slip_docx", args=[slip.pk]))
    assert docx.status_code == 200
    assert "Trần Văn Bình" in docx_text(docx.content)
