"""A bad workbook is refused whole, with the sheet, row and reason of each problem."""

from datetime import date
from io import BytesIO

import pytest

from motcua.catalog import services
from motcua.catalog.models import Fee, Field, Procedure, ProcedureVersion, ProcessStep
from motcua.catalog.xlsx import ImportRefused, Problem, export_catalog, import_catalog

from .factories import AgencyFactory, FieldFactory, UnitFactory, make_draft, make_published

pytestmark = pytest.mark.django_db


@pytest.fixture
def workbook(agency):
    """A good export: a published procedure with a unit step, a fee, and a draft."""
    unit = UnitFactory(agency=agency, code="dang-ky-kinh-doanh")
    field = FieldFactory(agency=agency, name="Thành lập và hoạt động của doanh nghiệp")
    draft = make_draft(agency, national_code="2.001610", field=field)
    services.add_fee(draft, name="Lệ phí", amount=50000)
    services.add_step(draft, name="Thẩm định", hours=24, unit=unit)
    services.publish(draft, date(2022, 1, 1))
    make_draft(agency, local_code="SKHDT-06", field=field)
    return export_catalog(agency)


@pytest.fixture
def target(db):
    agency = AgencyFactory()
    UnitFactory(agency=agency, code="dang-ky-kinh-doanh")
    return agency


def snapshot():
    return [m.objects.count() for m in (Field, Procedure, ProcedureVersion, Fee, ProcessStep)]


def refused(target, workbook) -> list[Problem]:
    before = snapshot()
    stream = BytesIO()
    workbook.save(stream)
    stream.seek(0)
    with pytest.raises(ImportRefused) as caught:
        import_catalog(target, stream)
    assert snapshot() == before, "a refused import must leave nothing behind"
    return caught.value.problems


def column(sheet, header):
    return [c.value for c in sheet[1]].index(header) + 1


def test_the_good_workbook_imports(workbook, target):
    stream = BytesIO()
    workbook.save(stream)
    stream.seek(0)
    summary = import_catalog(target, stream)
    assert (summary.procedures, summary.versions, summary.fields) == (2, 2, 1)
    assert (
        Procedure.objects.get(agency=target, national_code="2.001610")
        .versions.get()
        .steps.get()
        .unit.agency
        == target
    )


def test_wrong_headers(workbook, target):
    workbook["Phí, lệ phí"]["D1"] = "Tên phí"
    [problem] = refused(target, workbook)
    assert (problem.sheet, problem.row) == ("Phí, lệ phí", 1)
    assert "tiêu đề cột không đúng mẫu" in problem.message
    assert "«Tên phí, lệ phí»" in problem.message


def test_missing_sheet(workbook, target):
    del workbook["Quy trình nội bộ"]
    assert refused(target, workbook) == [
        Problem("Quy trình nội bộ", None, "thiếu trang này trong tệp")
    ]


def test_missing_required_value_and_bad_values_are_all_reported(workbook, target):
    versions = workbook["Thủ tục"]
    versions.cell(row=2, column=column(versions, "Tên thủ tục")).value = None
    versions.cell(row=3, column=column(versions, "Thời hạn giải quyết")).value = "ba ngày"
    versions.cell(row=3, column=column(versions, "Mức độ trực tuyến")).value = "Mức độ 5"
    steps = workbook["Quy trình nội bộ"]
    steps.cell(row=2, column=column(steps, "Thời gian (giờ làm việc)")).value = "abc"
    fees = workbook["Phí, lệ phí"]
    fees.cell(row=2, column=column(fees, "Mức thu (đồng)")).value = -5
    problems = refused(target, workbook)
    assert [(p.sheet, p.row) for p in problems] == [
        ("Thủ tục", 2),
        ("Thủ tục", 3),
        ("Thủ tục", 3),
        ("Phí, lệ phí", 2),
        ("Quy trình nội bộ", 2),
    ]
    messages = [p.message for p in problems]
    assert messages[0] == "cột «Tên thủ tục»: thiếu giá trị bắt buộc"
    assert messages[1].startswith("cột «Mức độ trực tuyến»: «Mức độ 5» không hợp lệ; chọn một")
    assert messages[2] == "cột «Thời hạn giải quyết»: «ba ngày» không phải là số"
    assert messages[3] == "cột «Mức thu (đồng)»: «-5» không phải số nguyên không âm"
    assert messages[4] == "cột «Thời gian (giờ làm việc)»: «abc» không phải là số"


def test_bad_date(workbook, target):
    versions = workbook["Thủ tục"]
    versions.cell(row=2, column=column(versions, "Hiệu lực từ ngày")).value = "31/02/2022"
    [problem] = refused(target, workbook)
    assert str(problem) == (
        "Trang «Thủ tục», dòng 2: cột «Hiệu lực từ ngày»: «31/02/2022» không phải ngày dạng "
        "dd/mm/yyyy"
    )


def test_dates_and_numbers_typed_as_text_are_accepted(workbook, target):
    versions = workbook["Thủ tục"]
    versions.cell(row=2, column=column(versions, "Hiệu lực từ ngày")).value = "01/03/2022"
    fees = workbook["Phí, lệ phí"]
    fees.cell(row=2, column=column(fees, "Mức thu (đồng)")).value = "50.000"
    steps = workbook["Quy trình nội bộ"]
    steps.cell(row=2, column=column(steps, "Thời gian (giờ làm việc)")).value = "24,0"
    stream = BytesIO()
    workbook.save(stream)
    stream.seek(0)
    import_catalog(target, stream)
    version = ProcedureVersion.objects.get(
        procedure__agency=target, procedure__local_code="2.001610"
    )
    assert version.effective_from == date(2022, 3, 1)
    assert version.fees.get().amount == 50000 and version.steps.get().hours == 24


def test_codes_typed_as_numbers_are_refused(workbook, target):
    versions = workbook["Thủ tục"]
    versions.cell(row=2, column=column(versions, "Mã thủ tục quốc gia")).value = 2.00161
    [problem] = refused(target, workbook)
    assert problem.row == 2 and "mã phải nhập dạng văn bản" in problem.message


def test_unknown_references(workbook, target):
    fees = workbook["Phí, lệ phí"]
    fees.cell(row=2, column=column(fees, "Phiên bản")).value = 7
    versions = workbook["Thủ tục"]
    versions.cell(row=3, column=column(versions, "Lĩnh vực")).value = "Lĩnh vực không có"
    problems = refused(target, workbook)
    assert [str(p) for p in problems] == [
        "Trang «Thủ tục», dòng 3: lĩnh vực «Lĩnh vực không có» không có trong trang «Lĩnh vực»",
        "Trang «Phí, lệ phí», dòng 2: không có thủ tục mã nội bộ 2.001610 phiên bản 7 trong "
        "trang «Thủ tục»",
    ]


def test_unknown_unit(workbook, target):
    steps = workbook["Quy trình nội bộ"]
    steps.cell(row=2, column=column(steps, "Mã đơn vị")).value = "phong-khong-co"
    [problem] = refused(target, workbook)
    assert str(problem) == (
        "Trang «Quy trình nội bộ», dòng 2: cơ quan không có đơn vị mã «phong-khong-co»"
    )


def test_version_numbers_must_run_from_one(workbook, target):
    versions = workbook["Thủ tục"]
    versions.cell(row=3, column=column(versions, "Phiên bản")).value = 2
    [problem] = refused(target, workbook)
    assert problem.row == 3
    assert "phải đánh số liên tục từ 1, không trùng (cần 1, có 2)" in problem.message


def test_a_rule_broken_late_undoes_what_was_already_written(workbook, target):
    # Rows read well, but the process of the published version no longer fills its limit;
    # the procedure before it in the file has already been written when this is found.
    steps = workbook["Quy trình nội bộ"]
    steps.cell(row=2, column=column(steps, "Thời gian (giờ làm việc)")).value = 20
    versions = workbook["Thủ tục"]
    versions.move_range("A2:Z2", rows=2)  # the published row now comes after the draft
    problems = refused(target, workbook)
    assert [(p.sheet, p.row) for p in problems] == [("Thủ tục", 4)]
    assert "không khớp thời hạn giải quyết" in problems[0].message


def test_a_procedure_the_agency_already_has(workbook, agency):
    make_published(agency, local_code="KHAC")
    problems = refused(agency, workbook)
    assert [p.message for p in problems] == [
        "Cơ quan đã có thủ tục mã 2.001610.",
        "Cơ quan đã có thủ tục mã nội bộ SKHDT-06.",
    ]


def test_a_file_that_is_not_a_workbook(target):
    with pytest.raises(ImportRefused) as caught:
        import_catalog(target, BytesIO(b"khong phai excel"))
    assert "không phải bảng tính Excel" in str(caught.value.problems[0])
