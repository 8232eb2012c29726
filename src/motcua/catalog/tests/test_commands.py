"""`motcua export_catalog` and `motcua import_catalog`."""

from django.core.management import CommandError, call_command
from openpyxl import load_workbook
import pytest

from motcua.catalog.models import Procedure

from .factories import AgencyFactory, make_draft, make_published

pytestmark = pytest.mark.django_db


def test_export_then_import_into_another_agency(tmp_path, agency, capsys):
    make_published(agency, national_code="2.001610")
    make_draft(agency, local_code="SKHDT-06")
    path = tmp_path / "danh-muc.xlsx"
    call_command("export_catalog", agency.code, str(path))
    assert load_workbook(path)["Thủ tục"].max_row == 3

    other = AgencyFactory()
    call_command("import_catalog", other.code, str(path))
    assert "Đã nhập: 2 thủ tục, 2 phiên bản" in capsys.readouterr().out
    assert set(Procedure.objects.filter(agency=other).values_list("local_code", flat=True)) == {
        "2.001610",
        "SKHDT-06",
    }


def test_import_lists_the_problems_and_fails(tmp_path, agency, capsys):
    make_published(agency, national_code="2.001610")
    path = tmp_path / "danh-muc.xlsx"
    call_command("export_catalog", agency.code, str(path))
    workbook = load_workbook(path)
    workbook["Thủ tục"]["A2"] = None
    workbook.save(path)

    with pytest.raises(CommandError, match="Không có dữ liệu nào được ghi"):
        call_command("import_catalog", AgencyFactory().code, str(path))
    errors = capsys.readouterr().err
    assert "Trang «Thủ tục», dòng 2: cột «Mã nội bộ thủ tục»: thiếu giá trị" in errors


def test_unknown_agency(tmp_path, db):
    with pytest.raises(CommandError, match="Không có cơ quan mã 999.99.99.H99"):
        call_command("export_catalog", "999.99.99.H99", str(tmp_path / "x.xlsx"))
    with pytest.raises(CommandError, match="Không có cơ quan mã 999.99.99.H99"):
        call_command("import_catalog", "999.99.99.H99", str(tmp_path / "x.xlsx"))
