"""Export → import into an empty agency → export gives the same workbook, cell by cell."""

from datetime import date, datetime
from decimal import Decimal

from openpyxl import load_workbook
import pytest

from motcua.catalog import services
from motcua.catalog.constants import Requirement, TimeUnit
from motcua.catalog.models import Procedure, ProcedureVersion
from motcua.catalog.xlsx import SHEETS, import_catalog, write_catalog
from motcua.demo.catalog_seed import load_demo_catalog

from .conftest import with_demo_units
from .factories import AgencyFactory, FieldFactory, make_draft, make_published

pytestmark = pytest.mark.django_db


def history_for(agency):
    """Versions in every state, on top of the demo catalogue."""
    v1 = ProcedureVersion.objects.get(procedure__agency=agency, procedure__national_code="2.001610")
    draft = services.new_draft_from(v1)
    services.edit_draft(draft, time_limit_value=Decimal("2.5"), effective_from=date(2024, 1, 1))
    services.add_document(
        draft,
        name="Tờ khai",
        originals=1,
        copies=2,
        requirement=Requirement.CONDITIONAL,
        condition="Khi ủy quyền",
    )
    services.remove_item(draft.steps.get(position=2))  # leaves a gap in the positions
    counter = agency.units.get(code="mot-cua")
    services.add_step(draft, name="Kiểm tra lại", hours=Decimal("3.5"), unit=counter)
    services.add_step(draft, name="Báo cáo", hours=Decimal("0.5"), role="director")
    services.publish(draft)
    services.new_draft_from(draft)  # v3, an open draft
    retired = make_published(
        agency,
        local_code="CU-01",
        name="Thủ tục đã bãi bỏ",
        time_limit_value=Decimal(15),
        time_limit_unit=TimeUnit.CALENDAR_DAYS,
        field=FieldFactory(agency=agency, name="Lĩnh vực chưa dùng ở đâu khác", code="LV9"),
    )
    services.retire(retired, date(2023, 7, 1))
    FieldFactory(agency=agency, name="Lĩnh vực trống")


def cells(path):
    workbook = load_workbook(path)
    return {ws.title: [list(row) for row in ws.iter_rows(values_only=True)] for ws in workbook}


def test_round_trip_keeps_every_cell(tmp_path):
    source = with_demo_units(AgencyFactory())
    load_demo_catalog(source)
    history_for(source)
    target = with_demo_units(AgencyFactory())
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"

    write_catalog(source, first)
    summary = import_catalog(target, first)
    write_catalog(target, second)

    assert summary.procedures == 36 and summary.versions == 38
    before, after = cells(first), cells(second)
    assert list(before) == [sheet.title for sheet in SHEETS]
    for title in before:
        assert len(before[title]) == len(after[title]), title
        for number, (row_a, row_b) in enumerate(zip(before[title], after[title]), start=1):
            assert row_a == row_b, (title, number)
    assert Procedure.objects.filter(agency=target).count() == 36


def test_the_workbook_is_readable_by_people(tmp_path, agency):
    field = FieldFactory(agency=agency, name="Thành lập và hoạt động của doanh nghiệp", code="LV1")
    make_published(agency, national_code="2.001610", field=field, legal_basis="Luật A\nLuật B")
    make_draft(agency, local_code="SKHDT-06", time_limit_value=None, time_limit_unit="")
    path = tmp_path / "danh-muc.xlsx"
    write_catalog(agency, path)

    workbook = load_workbook(path)
    versions = workbook["Thủ tục"]
    header = [c.value for c in versions[1]]
    rows = [dict(zip(header, row)) for row in versions.iter_rows(min_row=2, values_only=True)]
    published = next(r for r in rows if r["Mã nội bộ thủ tục"] == "2.001610")
    assert published["Mã thủ tục quốc gia"] == "2.001610"
    assert published["Trạng thái"] == "Đã công bố"
    assert published["Hiệu lực từ ngày"] == datetime(2022, 1, 1)
    assert published["Lĩnh vực"] == field.name
    assert (published["Thời hạn giải quyết"], published["Đơn vị thời hạn"]) == (3, "ngày làm việc")
    assert published["Căn cứ pháp lý"] == "Luật A\nLuật B"
    assert published["Thời hạn khi bổ sung hồ sơ"] == "Tính lại từ đầu"
    assert published["Nhận sau 15 giờ thì tính từ ngày làm việc tiếp theo"] == "Không"
    draft = next(r for r in rows if r["Mã nội bộ thủ tục"] == "SKHDT-06")
    assert draft["Mã thủ tục quốc gia"] is None and draft["Thời hạn giải quyết"] is None
    assert versions.cell(row=2, column=header.index("Hiệu lực từ ngày") + 1).number_format == (
        "DD/MM/YYYY"
    )
    steps = workbook["Quy trình nội bộ"]
    assert [c.value for c in steps[2]] == ["2.001610", 1, 1, "Bước 1", None, "Chuyên viên", 24]
