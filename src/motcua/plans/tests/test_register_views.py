from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
import pytest

from motcua.core.testing.files import PDF
from motcua.org.constants import Role
from motcua.org.tests.factories import make_staff
from motcua.plans.constants import RequestStatus
from motcua.plans.demo import load_demo_registers
from motcua.plans.models import Document, Equipment, FacilityRequest, Initiative


@pytest.fixture
def demo(dept):
    load_demo_registers(dept.agency)
    return dept


def _as(client, staff):
    client.force_login(staff.user)
    return client


def test_the_registers_need_a_login(client, demo):
    response = client.get(reverse("plans:document_list"))
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_a_unit_reads_the_registers_but_cannot_write(client, demo):
    head = _as(client, demo.head)
    page = head.get(reverse("plans:document_list"), {"year": 2022}).content.decode()
    assert "1186/KH-SKHĐT" in page and "2/3" in page and "Vào sổ</button>" not in page
    response = head.post(
        reverse("plans:document_list"),
        {
            "direction": "outgoing",
            "number": "9/SKHĐT",
            "issued_on": "2022-03-01",
            "summary": "Thử",
            "correspondent": "UBND tỉnh",
        },
    )
    assert response.status_code == 403 and not Document.objects.filter(number="9/SKHĐT")
    assert "Thêm sáng kiến" not in head.get(reverse("plans:initiative_list")).content.decode()


def test_the_office_records_a_document_and_the_share_moves(client, demo):
    office = _as(client, demo.office)
    response = office.post(
        reverse("plans:document_list"),
        {
            "direction": "outgoing",
            "number": "9/SKHĐT",
            "issued_on": "2022-03-01",
            "summary": "Báo cáo quý I",
            "signer": "Nguyễn Văn Hải",
            "correspondent": "UBND tỉnh",
            "is_electronic": "on",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("?year=2022")
    assert "3/4" in office.get(response["Location"]).content.decode()
    twin = office.post(
        reverse("plans:document_list"),
        {
            "direction": "outgoing",
            "number": "9/SKHĐT",
            "issued_on": "2022-03-01",
            "summary": "Lần nữa",
            "correspondent": "UBND tỉnh",
        },
    )
    assert twin.status_code == 400 and "Trùng" in twin.content.decode()
    document = Document.objects.get(number="9/SKHĐT")
    office.post(
        reverse("plans:document_edit", args=[document.pk]),
        {
            "direction": "outgoing",
            "number": "9/SKHĐT",
            "issued_on": "2022-03-01",
            "summary": "Báo cáo quý I",
            "correspondent": "UBND tỉnh",
        },
    )
    document.refresh_from_db()
    assert document.is_electronic is False


def test_rows_of_another_agency_are_not_found(client, demo, other_agency):
    foreign = Document.objects.create(
        agency=other_agency,
        direction="incoming",
        number="1/X",
        issued_on=date(2022, 1, 1),
        summary="x",
        correspondent="y",
    )
    response = _as(client, demo.office).get(reverse("plans:document_edit", args=[foreign.pk]))
    assert response.status_code == 404


def test_the_office_adds_an_initiative_with_evidence(client, demo):
    office = _as(client, demo.office)
    response = office.post(
        reverse("plans:initiative_list"),
        {
            "year": 2022,
            "title": "Phiếu hẹn điện tử",
            "authors": "Lê Thị Thu Hà",
            "decision_number": "20/QĐ-SKHĐT",
        },
    )
    assert response.status_code == 400 and "Ghi cả số và ngày" in response.content.decode()
    response = office.post(
        reverse("plans:initiative_list"),
        {
            "year": 2022,
            "title": "Phiếu hẹn điện tử",
            "authors": "Lê Thị Thu Hà",
            "unit": demo.units["van-phong"].pk,
            "decision_number": "20/QĐ-SKHĐT",
            "decision_date": "2022-12-01",
        },
    )
    initiative = Initiative.objects.get(title="Phiếu hẹn điện tử")
    assert response["Location"] == reverse("plans:initiative_detail", args=[initiative.pk])
    office.post(response["Location"], {"files": SimpleUploadedFile("qd.pdf", PDF)})
    page = office.get(response["Location"]).content.decode()
    assert "qd.pdf" in page and "Quyết định số 20/QĐ-SKHĐT ngày 01/12/2022" in page


def test_the_director_decides_a_request_on_the_facilities_page(client, demo):
    director = make_staff("giamdoc", demo.agency, demo.units["van-phong"], Role.DIRECTOR)
    request = FacilityRequest.objects.get()
    office = _as(client, demo.office)
    assert (
        office.post(
            reverse("plans:facility_decide", args=[request.pk]), {"approve": "yes"}
        ).status_code
        == 400
    )
    office.post(
        reverse("plans:equipment_add"),
        {"name": "Ghế chờ", "quantity": 20, "condition": "good", "location": "Sảnh"},
    )
    assert Equipment.objects.filter(name="Ghế chờ", agency=demo.agency).exists()
    chief = _as(client, director)
    page = chief.get(reverse("plans:facilities")).content.decode()
    assert "Máy lấy số thứ tự" in page and "Ghi ý kiến" in page
    refused = chief.post(reverse("plans:facility_decide", args=[request.pk]), {"approve": "no"})
    assert refused.status_code == 400 and "cần ghi ý kiến" in refused.content.decode()
    chief.post(
        reverse("plans:facility_decide", args=[request.pk]), {"approve": "yes", "note": "Đồng ý"}
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    _as(client, demo.office).post(reverse("plans:facility_done", args=[request.pk]))
    request.refresh_from_db()
    assert request.status == RequestStatus.DONE


def test_the_staffing_page_shows_each_units_difference(client, demo):
    demo.units["dang-ky-kinh-doanh"].staff_quota = 1
    demo.units["dang-ky-kinh-doanh"].save()
    demo.units["thanh-tra"].staff_quota = 4
    demo.units["thanh-tra"].save()
    page = _as(client, demo.specialist).get(reverse("plans:staffing")).content.decode()
    assert "vượt 1" in page and "còn thiếu 4" in page


def test_the_office_requests_a_repair_and_edits_equipment(client, demo):
    office = _as(client, demo.office)
    scanner = Equipment.objects.get(name="Máy quét tài liệu hai mặt")
    empty = office.post(reverse("plans:facility_request"), {"kind": "repair", "item": ""})
    assert empty.status_code == 400 and FacilityRequest.objects.count() == 1
    office.post(
        reverse("plans:facility_request"),
        {
            "kind": "repair",
            "equipment": scanner.pk,
            "item": "Thay trục cuốn giấy",
            "reason": "Kẹt giấy",
            "estimated_cost": 1200000,
        },
    )
    made = FacilityRequest.objects.get(equipment=scanner)
    assert (made.requested_by, made.estimated_cost) == (demo.office, 1200000)
    url = reverse("plans:equipment_edit", args=[scanner.pk])
    assert "Máy quét tài liệu hai mặt" in office.get(url).content.decode()
    office.post(
        url, {"name": scanner.name, "quantity": 2, "condition": "broken", "location": "Quầy 1"}
    )
    scanner.refresh_from_db()
    assert scanner.condition == "broken"
