from motcua.api.tests.support import issue_token
from motcua.org.constants import AgencyLevel, Role
from motcua.org.models import Agency
from motcua.org.tests.factories import make_staff


def test_agencies_are_public_with_code_name_parent(client, agency):
    province = Agency.objects.create(
        code="000.00.00.H34", name="Ủy ban nhân dân tỉnh Khánh Hòa", level=AgencyLevel.PROVINCE
    )
    agency.parent = province
    agency.save()
    response = client.get("/api/v1/agencies")
    assert response.status_code == 200
    assert response.json() == [
        {"code": "000.00.00.H34", "name": "Ủy ban nhân dân tỉnh Khánh Hòa", "parent": None},
        {"code": "000.00.17.H34", "name": agency.name, "parent": "000.00.00.H34"},
    ]


def test_openapi_schema_documents_the_public_endpoints(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/v1/agencies",
        "/api/v1/procedures",
        "/api/v1/procedures/{code}",
        "/api/v1/worktime/due",
    ):
        assert path in paths, f"{path} is missing from the OpenAPI schema"


def test_schema_errors_are_vietnamese_json(client, agency):
    response = client.get("/api/v1/worktime/due", {"working_days": 3})
    assert response.status_code == 400
    body = response.json()
    assert "Tham số không hợp lệ" in body["detail"]
    assert "thiếu giá trị bắt buộc" in body["detail"]


def test_an_unreadable_body_is_refused_in_vietnamese(client, agency, counter_unit):
    make_staff("motcua", agency, counter_unit, Role.COUNTER_OFFICER)
    response = client.post(
        "/api/v1/dossiers",
        "{not json",
        content_type="application/json",
        headers={"Authorization": f"Bearer {issue_token('motcua')}"},
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "Nội dung yêu cầu không phải JSON hợp lệ."}
