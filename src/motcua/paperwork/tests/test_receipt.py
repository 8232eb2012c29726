"""Mẫu 01: the receipt of a dossier received at the counter, as DOCX and as a print page."""

from decimal import Decimal

from django.urls import reverse
import pytest

from motcua.catalog import services as catalog
from motcua.catalog.constants import TimeUnit
from motcua.dossiers import services
from motcua.dossiers.constants import ReturnMethod
from motcua.dossiers.errors import DossierError
from motcua.dossiers.links import tracking_url
from motcua.dossiers.services import ReceivedDocument
from motcua.org.models import Agency
from motcua.paperwork.errors import FormUnavailable
from motcua.paperwork.forms import form_context, render_docx

from .conftest import docx_document, docx_rows, docx_text, vn


def _with_parent(world):
    world.agency.parent = Agency.objects.create(
        code="000.00.00.H34", name="Ủy ban nhân dân tỉnh Khánh Hòa", level="province"
    )
    world.agency.address = "Số 1 Trần Phú, phường Nha Trang, tỉnh Khánh Hòa"
    world.agency.save()


def test_the_receipt_carries_the_dossier_as_received(world):
    _with_parent(world)
    dossier = world.receive(
        at=vn(2024, 3, 4, 9, 30),
        documents=[
            ReceivedDocument(d.name, originals=1, copies=2 if i else 0, required_id=d.pk)
            for i, d in enumerate(world.procedure.versions.get().documents.all())
        ],
        sets=2,
    )
    content = render_docx("receipt", dossier)
    text = docx_text(content)

    assert "Mẫu số 01" in text
    assert "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ" in text
    assert "ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA" in text
    assert "SỞ KẾ HOẠCH VÀ ĐẦU TƯ TỈNH KHÁNH HÒA" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Khánh Hòa, ngày 04 tháng 3 năm 2024" in text
    assert f"Mã hồ sơ: {dossier.code}" in text
    assert "Ông/bà: Nguyễn Thị Hoa" in text
    assert "056190001234" in text
    assert "2. Số lượng hồ sơ: 2 bộ." in text
    assert "3. Thời hạn giải quyết hồ sơ theo quy định: 3 ngày làm việc." in text
    assert "4. Thời gian nhận hồ sơ: 09 giờ 30 phút, ngày 04/03/2024." in text
    assert "5. Thời gian trả kết quả giải quyết hồ sơ: 09 giờ 30 phút, ngày 07/03/2024." in text
    assert (
        "6. Nơi nhận kết quả: Bộ phận Một cửa, Sở Kế hoạch và Đầu tư tỉnh Khánh Hòa, "
        "Số 1 Trần Phú, phường Nha Trang, tỉnh Khánh Hòa." in text
    )
    assert "Quyển số: 2024, Số thứ tự: 1." in text
    assert docx_rows(content, "STT") == [
        ["1", "Giấy đề nghị đăng ký doanh nghiệp", "1", "0"],
        ["2", "Bản sao giấy tờ pháp lý của chủ doanh nghiệp", "1", "2"],
        ["3", "Văn bản ủy quyền", "1", "2"],
    ]
    assert f"Mã tra cứu: {dossier.tracking_secret}" in text
    assert tracking_url(dossier) in text
    assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in text and "Võ Thị Mai" in text


def test_the_qr_code_is_an_image_in_the_docx(world):
    document = docx_document(render_docx("receipt", world.receive()))
    images = [rel for rel in document.part.rels.values() if "image" in rel.reltype]
    assert len(images) == 1
    assert images[0].target_part.blob.startswith(b"\x89PNG")
    assert len(document.inline_shapes) == 1


def test_fees_are_written_with_dots_and_the_post_return_address(world):
    version = catalog.create_procedure(
        world.agency,
        name="Cấp giấy chứng nhận đầu tư",
        national_code="2.001999",
        time_limit_value=Decimal(1),
        time_limit_unit=TimeUnit.WORKING_DAYS,
    )
    catalog.add_step(version, name="Giải quyết", hours=8, unit=world.counter)
    form = catalog.add_document(version, name="Văn bản đề nghị", originals=1)
    catalog.add_fee(version, name="Lệ phí cấp giấy chứng nhận", amount=1250000)
    catalog.add_fee(version, name="Phí thẩm định", amount=0)
    catalog.publish(version, vn(2022, 1, 1, 0, 0).date())
    intake = world.intake(
        documents=[ReceivedDocument(form.name, originals=1, required_id=form.pk)],
        return_method=ReturnMethod.POST,
        postal_address="5 Yersin, Nha Trang",
    )
    dossier = services.receive(world.officer, version.procedure, intake, at=vn(2024, 3, 4, 9, 30))
    text = docx_text(render_docx("receipt", dossier))
    assert "- Lệ phí cấp giấy chứng nhận: 1.250.000 đồng" in text
    assert "- Phí thẩm định: Miễn" in text
    assert "Nơi nhận kết quả: Qua bưu chính công ích, đến địa chỉ: 5 Yersin, Nha Trang." in text


def test_numbers_run_on_through_the_year(world):
    world.receive(at=vn(2024, 3, 4, 9, 30))
    second = world.receive(at=vn(2024, 3, 5, 9, 30))
    next_year = world.receive(at=vn(2025, 1, 3, 9, 30))
    assert form_context("receipt", second)["register_number"] == 2
    assert form_context("receipt", next_year)["register_number"] == 1


def test_a_name_with_markup_characters_keeps_the_document_valid(world):
    from motcua.dossiers.services import ApplicantData

    dossier = world.receive(
        applicant=ApplicantData(
            name="Công ty A & B <Việt Nam>", kind="organization", id_number="4201234567"
        )
    )
    assert "Công ty A & B <Việt Nam>" in docx_text(render_docx("receipt", dossier))


def test_an_online_submission_not_yet_received_has_no_receipt(world):
    dossier = services.submit(
        world.procedure, world.intake(), idempotency_key="k-1", at=vn(2024, 3, 4, 9, 0)
    )
    with pytest.raises(FormUnavailable, match="chưa được tiếp nhận") as refused:
        render_docx("receipt", dossier)
    assert isinstance(refused.value, DossierError) and refused.value.status == 404


def test_the_print_page_draws_the_qr_code_inline(signed_in, world):
    dossier = world.receive()
    response = signed_in.get(reverse("paperwork:form_html", args=[dossier.code, "receipt"]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in page and 'class="qr"' in page
    assert f"Mã tra cứu: {dossier.tracking_secret}" in page
    assert "@page { size: A5;" in page
    assert "data-print" in page and "core/print-button.js" in page
    assert reverse("paperwork:form_docx", args=[dossier.code, "receipt"]) in page
    assert "07/03/2024" in page
