"""The export download and the import form, for the Office and the administrator."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook
import pytest

from motcua.catalog.models import Procedure
from motcua.catalog.xlsx import export_catalog
from motcua.org.constants import Role

from .factories import AgencyFactory, StaffFactory, make_draft, make_published

pytestmark = pytest.mark.django_db
EXPORT, IMPORT = reverse("catalog:export"), reverse("catalog:import")


def upload(workbook, name="danh-muc.xlsx"):
    stream = BytesIO()
    workbook.save(stream)
    return SimpleUploadedFile(name, stream.getvalue())


@pytest.fixture
def office(client, office_staff):
    client.force_login(office_staff.user)
    return client


@pytest.fixture
def source_workbook():
    source = AgencyFactory()
    make_published(source, national_code="2.001610")
    make_draft(source, local_code="SKHDT-06")
    return export_catalog(source)


def test_the_office_downloads_its_catalogue(office, agency):
    make_published(agency, national_code="2.001610")
    make_published(AgencyFactory(), national_code="1.000016")
    response = office.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f"danh-muc-thu-tuc-{agency.code}" in response["Content-Disposition"]
    sheet = load_workbook(BytesIO(response.content))["Thủ tục"]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["2.001610"]


@pytest.mark.parametrize("role", [Role.SPECIALIST, Role.COUNTER_OFFICER, Role.DIRECTOR])
def test_other_roles_may_not_import_or_export(client, agency, role):
    client.force_login(StaffFactory(agency=agency, roles=[role]).user)
    assert client.get(EXPORT).status_code == 403
    assert client.get(IMPORT).status_code == 403


def test_the_administrator_may(client, agency):
    client.force_login(StaffFactory(agency=agency, roles=[Role.ADMINISTRATOR]).user)
    assert client.get(IMPORT).status_code == 200


def test_import_adds_the_file_to_the_users_agency(office, agency, source_workbook):
    page = office.get(IMPORT)
    assert 'for="id_file"' in page.content.decode()
    response = office.post(IMPORT, {"file": upload(source_workbook)}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("catalog:procedure_list")
    assert "Đã nhập danh mục: 2 thủ tục, 2 phiên bản" in response.content.decode()
    assert Procedure.objects.filter(agency=agency).count() == 2


def test_a_bad_file_shows_every_problem_and_saves_nothing(office, agency, source_workbook):
    source_workbook["Thủ tục"]["G2"] = None  # the name
    source_workbook["Quy trình nội bộ"]["E2"] = "khong-co"  # unit code
    response = office.post(IMPORT, {"file": upload(source_workbook)})
    html = response.content.decode()
    assert response.status_code == 200
    assert [(p.sheet, p.row) for p in response.context["problems"]] == [
        ("Thủ tục", 2),
        ("Quy trình nội bộ", 2),
    ]
    assert "cột «Tên thủ tục»: thiếu giá trị bắt buộc" in html
    assert "cơ quan không có đơn vị mã «khong-co»" in html
    assert "Không có dữ liệu nào được ghi" in html
    assert not Procedure.objects.filter(agency=agency).exists()


def test_only_xlsx_files_are_taken(office, agency):
    response = office.post(IMPORT, {"file": SimpleUploadedFile("danh-muc.csv", b"a,b")})
    assert "Chỉ nhận tệp Excel .xlsx." in response.content.decode()
    response = office.post(IMPORT, {"file": SimpleUploadedFile("hong.xlsx", b"khong phai")})
    assert "không phải bảng tính Excel" in response.content.decode()
