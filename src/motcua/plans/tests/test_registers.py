from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
import pytest

from motcua.core.testing.files import PDF
from motcua.org.constants import Role
from motcua.org.tests.factories import make_staff
from motcua.plans import registers
from motcua.plans.constants import Direction, RequestKind, RequestStatus
from motcua.plans.demo import load_demo_registers
from motcua.plans.errors import PlanError
from motcua.plans.models import Document, Equipment, FacilityRequest, Initiative, InitiativeEvidence


@pytest.fixture
def director(dept):
    return make_staff(
        "giamdoc", dept.agency, dept.units["van-phong"], Role.DIRECTOR, full_name="Nguyễn Văn Hải"
    )


def _document(agency, number, electronic, direction=Direction.OUTGOING, day=date(2022, 5, 2)):
    return Document.objects.create(
        agency=agency,
        direction=direction,
        number=number,
        issued_on=day,
        summary="Trích yếu",
        correspondent="Sở Nội vụ",
        is_electronic=electronic,
    )


def test_the_electronic_share_counts_outgoing_documents_of_the_year(dept, other_agency):
    _document(dept.agency, "1/SKHĐT", True)
    _document(dept.agency, "2/SKHĐT", True)
    _document(dept.agency, "3/SKHĐT", False)
    _document(dept.agency, "9/UBND", True, direction=Direction.INCOMING)
    _document(dept.agency, "4/SKHĐT", True, day=date(2021, 12, 31))
    _document(other_agency, "5/STC", False)
    share = registers.electronic_share(dept.agency, 2022)
    assert (share.numerator, share.denominator) == (2, 3)
    assert share.percent == pytest.approx(66.67, abs=0.01)
    assert registers.electronic_share(dept.agency, 2019).percent is None


def test_only_the_office_keeps_a_register_and_duplicates_are_refused(dept):
    row = Document(
        direction=Direction.OUTGOING,
        number="7/SKHĐT",
        issued_on=date(2022, 1, 3),
        summary="Trích yếu",
        correspondent="UBND tỉnh",
    )
    with pytest.raises(PlanError):
        registers.save_row(dept.head, row)
    registers.save_row(dept.office, row)
    assert row.agency == dept.agency
    twin = Document(
        direction=Direction.OUTGOING,
        number="7/SKHĐT",
        issued_on=date(2022, 1, 3),
        summary="Khác",
        correspondent="UBND tỉnh",
    )
    with pytest.raises(PlanError, match="Trùng"):
        registers.save_row(dept.office, twin)


def test_initiative_evidence_is_checked_by_its_first_bytes(dept):
    initiative = registers.save_row(
        dept.office, Initiative(year=2022, title="Mã QR", authors="Huỳnh Văn Tâm")
    )
    with pytest.raises(PlanError, match="không khớp"):
        registers.add_initiative_evidence(
            initiative, dept.office, [SimpleUploadedFile("qd.pdf", b"MZ not a pdf")]
        )
    assert (
        registers.add_initiative_evidence(
            initiative, dept.office, [SimpleUploadedFile("qd.pdf", PDF)]
        )
        == 1
    )
    assert InitiativeEvidence.objects.get().content_type == "application/pdf"


def test_a_request_is_decided_by_the_director_then_carried_out(dept, director):
    request = registers.request_facility(
        dept.office, kind=RequestKind.REPAIR, item="Thay máy in", reason="Hỏng", estimated_cost=900
    )
    with pytest.raises(PlanError, match="Giám đốc"):
        registers.decide_facility(request, dept.office, approve=True)
    with pytest.raises(PlanError, match="Đã duyệt|trạng thái"):
        registers.complete_facility(request, dept.office)
    with pytest.raises(PlanError, match="ý kiến"):
        registers.decide_facility(request, director, approve=False)
    registers.decide_facility(request, director, approve=True, note="Đồng ý")
    request.refresh_from_db()
    assert (request.status, request.decided_by) == (RequestStatus.APPROVED, director)
    with pytest.raises(PlanError):
        registers.decide_facility(request, director, approve=False, note="Đổi ý")
    registers.complete_facility(request, dept.office, done_on=date(2022, 8, 1))
    request.refresh_from_db()
    assert request.status == RequestStatus.DONE and request.done_on == date(2022, 8, 1)


def test_a_rejection_keeps_the_directors_note(dept, director):
    request = registers.request_facility(
        dept.office, kind=RequestKind.PURCHASE, item="Ghế chờ", reason="Thiếu chỗ ngồi"
    )
    registers.decide_facility(request, director, approve=False, note="Dùng ghế của phòng họp")
    request.refresh_from_db()
    assert request.status == RequestStatus.REJECTED
    assert request.decision_note == "Dùng ghế của phòng họp"
    with pytest.raises(PlanError):
        registers.complete_facility(request, dept.office)


def test_staffing_sets_each_units_quota_against_its_staff_in_post(dept):
    dept.units["dang-ky-kinh-doanh"].staff_quota = 1
    dept.units["dang-ky-kinh-doanh"].save()
    dept.units["van-phong"].staff_quota = 3
    dept.units["van-phong"].save()
    rows = {row.unit.code: row for row in registers.staffing_table(dept.agency)}
    business = rows["dang-ky-kinh-doanh"]
    assert (business.quota, business.in_post, business.difference) == (1, 2, -1)
    assert business.excess == 1
    assert (rows["van-phong"].in_post, rows["van-phong"].difference) == (1, 2)
    assert rows["thanh-tra"].in_post == 0


def test_the_demo_registers_load_once(dept):
    load_demo_registers(dept.agency)
    load_demo_registers(dept.agency)
    assert Initiative.objects.count() == 2 and Equipment.objects.count() == 4
    assert FacilityRequest.objects.get().status == RequestStatus.REQUESTED
    share = registers.electronic_share(dept.agency, 2022)
    assert (share.numerator, share.denominator) == (2, 3)
    assert all("minh họa" in d.summary for d in Document.objects.all())
