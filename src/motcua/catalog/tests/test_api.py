"""The public API: search the catalogue and read a procedure's version in force."""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
import pytest

from motcua.catalog import services
from motcua.catalog.constants import OnlineLevel, Requirement

from .factories import AgencyFactory, FieldFactory, UnitFactory, make_draft, make_published

pytestmark = pytest.mark.django_db
URL = "/api/v1/procedures"


@pytest.fixture
def catalogue(agency):
    field = FieldFactory(agency=agency, name="Thành lập và hoạt động của doanh nghiệp", code="LV01")
    unit = UnitFactory(agency=agency, code="dang-ky-kinh-doanh", name="Phòng Đăng ký kinh doanh")
    draft = make_draft(
        agency,
        national_code="2.001610",
        name="Đăng ký thành lập doanh nghiệp tư nhân",
        field=field,
        online_level=OnlineLevel.FULL,
        legal_basis="Luật A\nLuật B",
        result="GCN",
    )
    services.add_fee(draft, name="Lệ phí", amount=50000, note="Thông tư 47/2019/TT-BTC")
    services.add_document(
        draft,
        name="Giấy đề nghị",
        requirement=Requirement.CONDITIONAL,
        condition="Khi ủy quyền",
        template=ContentFile(b"mau", name="giay-de-nghi.docx"),
    )
    services.add_step(draft, name="Tiếp nhận", hours=4, role="counter_officer")
    services.add_step(draft, name="Thẩm định", hours=20, unit=unit, role="specialist")
    published = services.publish(draft, date(2022, 1, 1))
    services.edit_draft(services.new_draft_from(published), name="Đăng ký DNTN (dự thảo)")
    make_published(agency, local_code="SKHDT-06", name="Đăng ký hoạt động chi nhánh")
    make_draft(agency, local_code="SKHDT-07", name="Đăng ký thay đổi, chưa công bố")
    tomorrow = timezone.localdate() + timedelta(days=1)
    make_published(
        agency, local_code="SKHDT-08", name="Đăng ký sắp có hiệu lực", effective_from=tomorrow
    )
    abolished = make_published(agency, local_code="SKHDT-09", name="Đăng ký đã bãi bỏ")
    services.retire(abolished, date(2023, 1, 1))
    return published


def codes(response):
    return [item["code"] for item in response.json()["items"]]


def test_search_shows_only_versions_in_force(client, catalogue):
    response = client.get(URL, {"q": "dang ky"})
    assert response.status_code == 200
    assert codes(response) == ["SKHDT-06", "2.001610"]
    body = response.json()
    assert body["count"] == 2 and (body["limit"], body["offset"]) == (20, 0)
    item = next(i for i in body["items"] if i["code"] == "2.001610")
    assert item["name"] == "Đăng ký thành lập doanh nghiệp tư nhân"  # not the newer draft
    assert item["time_limit"] == {
        "value": 3.0,
        "unit": "working_days",
        "unit_label": "ngày làm việc",
        "text": "3 ngày làm việc",
    }
    assert item["online_level"] == "full" and item["field"]["code"] == "LV01"


def test_search_ignores_marks_and_matches_codes(client, catalogue):
    assert codes(client.get(URL, {"q": "ĐĂNG KÝ DOANH NGHIỆP"})) == ["2.001610"]
    assert codes(client.get(URL, {"q": "2.001610"})) == ["2.001610"]


def test_filters_by_agency_and_field(client, catalogue, agency):
    make_published(AgencyFactory(), local_code="KHAC", name="Đăng ký ở cơ quan khác")
    assert len(codes(client.get(URL, {"q": "dang ky"}))) == 3
    mine = client.get(URL, {"q": "dang ky", "agency": agency.code})
    assert codes(mine) == ["SKHDT-06", "2.001610"]
    by_name = client.get(URL, {"field": "thanh lap va hoat dong cua doanh nghiep"})
    assert codes(by_name) == ["2.001610"]
    assert codes(client.get(URL, {"field": "lv01"})) == ["2.001610"]


def test_pagination(client, catalogue):
    body = client.get(URL, {"limit": 1, "offset": 1}).json()
    assert body["count"] == 2 and [i["code"] for i in body["items"]] == ["2.001610"]
    refused = client.get(URL, {"limit": 1000})
    assert refused.status_code == 400 and "limit" in refused.json()["detail"]


def test_detail_by_national_or_local_code(client, catalogue):
    body = client.get(f"{URL}/2.001610").json()
    assert body["version"] == 1 and body["legal_basis"] == ["Luật A", "Luật B"]
    assert body["fees"] == [
        {"name": "Lệ phí", "amount_vnd": 50000, "note": "Thông tư 47/2019/TT-BTC"}
    ]
    [document] = body["documents"]
    assert document["requirement"] == "conditional" and document["condition"] == "Khi ủy quyền"
    assert document["template_url"].startswith("http://testserver/thu-tuc/mau-don/")
    assert client.get(document["template_url"]).status_code == 200
    assert [(s["name"], s["hours"], s["duration"], s["role"]) for s in body["steps"]] == [
        ("Tiếp nhận", 4.0, "4 giờ làm việc", "counter_officer"),
        ("Thẩm định", 20.0, "20 giờ làm việc", "specialist"),
    ]
    assert body["steps"][1]["unit"] == {
        "code": "dang-ky-kinh-doanh",
        "name": "Phòng Đăng ký kinh doanh",
    }
    assert client.get(f"{URL}/SKHDT-06").json()["name"] == "Đăng ký hoạt động chi nhánh"


@pytest.mark.parametrize("code", ["9.999999", "SKHDT-07", "SKHDT-08", "SKHDT-09"])
def test_unknown_or_unpublished_codes_are_404_in_vietnamese(client, catalogue, code):
    response = client.get(f"{URL}/{code}")
    assert response.status_code == 404
    assert response.json() == {
        "detail": f"Không tìm thấy thủ tục đang có hiệu lực với mã «{code}»."
    }


def test_unknown_agency_is_404(client, catalogue):
    for url in (URL, f"{URL}/2.001610"):
        response = client.get(url, {"agency": "999.99.99.H99"})
        assert response.status_code == 404
        assert response.json()["detail"] == (
            "Không tìm thấy cơ quan có mã định danh «999.99.99.H99»."
        )


def test_a_code_published_by_several_agencies(client, db):
    later = make_published(AgencyFactory(code="000.00.20.H34"), national_code="2.001610", name="B")
    first = make_published(AgencyFactory(code="000.00.10.H34"), national_code="2.001610", name="A")
    assert client.get(f"{URL}/2.001610").json()["agency"]["code"] == first.procedure.agency.code
    chosen = client.get(f"{URL}/2.001610", {"agency": later.procedure.agency.code}).json()
    assert chosen["name"] == "B"


def test_the_openapi_schema_documents_every_key(client, catalogue):
    schema = client.get("/api/v1/openapi.json").json()
    components = schema["components"]["schemas"]

    def check(value, schema_part, where):
        if "$ref" in schema_part:
            schema_part = components[schema_part["$ref"].split("/")[-1]]
        for option in schema_part.get("anyOf", []):
            if option.get("type") != "null" and value is not None:
                return check(value, option, where)
        if isinstance(value, dict):
            assert set(value) == set(schema_part["properties"]), where
            for key, item in value.items():
                check(item, schema_part["properties"][key], f"{where}.{key}")
        elif isinstance(value, list):
            for item in value:
                check(item, schema_part["items"], f"{where}[]")

    check(client.get(f"{URL}/2.001610").json(), {"$ref": "#/ProcedureDetail"}, "detail")
    check(client.get(URL).json(), {"$ref": "#/ProcedurePage"}, "page")
    parameters = {p["name"] for p in schema["paths"]["/api/v1/procedures"]["get"]["parameters"]}
    assert parameters == {"q", "agency", "field", "limit", "offset"}
