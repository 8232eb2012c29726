"""GET /api/v1/indices carries the Decision 766 score and the Circular 01 evaluation; every key
it returns is in the OpenAPI schema with a description."""

import pytest
import time_machine

from motcua.api.tests.support import ApiClient
from motcua.dossiers.tests.conftest import build_world, vn

from .test_d766_data import build_march

MARCH = {"from": "2024-03-01", "to": "2024-03-31"}


@pytest.fixture
def march(db):
    with time_machine.travel(vn(2024, 6, 1, 9, 0), tick=False):
        yield build_march(build_world())


def _get(client, march, staff, **params):
    api = ApiClient(client, staff.user.username)
    response = api.get("/indices", agency=march.world.agency.code, **MARCH, **params)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_d766_score_of_march(march, client):
    body = _get(client, march, march.world.office)["d766"]
    # The worked example of test_d766_worked_example.py without the manual figures: 1.1 and
    # 1.4 have no data (−4.80, −5.40) and 3.3 is not multiplied by the sync rate: 1/12 =
    # 8.33 % → 4 × 8.33 ÷ 50 = 0.67 instead of 0.60. 45.59 − 10.20 − 0.60 + 0.67 = 35.46.
    assert (body["year"], body["total"], body["max"], body["max_with_data"]) == (
        2024,
        35.46,
        100.0,
        72.0,
    )
    criteria = {c["code"]: c for g in body["groups"] for c in g["criteria"]}
    assert criteria["2.1"] | {"numerator_url": None, "denominator_url": None} == {
        "code": "2.1",
        "name": "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn",
        "source": "system",
        "formula": criteria["2.1"]["formula"],
        "numerator": 8,
        "denominator": 13,
        "rate": 61.54,
        "points": 12.31,
        "max": 20.0,
        "threshold": 100.0,
        "no_data": False,
        "display": None,
        "note": "",
        "numerator_url": None,
        "denominator_url": None,
    }
    assert criteria["2.1"]["numerator_url"] == (
        "/chi-so/766/2.1/?ky=tu&tu=2024-03-01&den=2024-03-31&phan=tu-so"
    )
    assert criteria["1.1"]["no_data"] is True and criteria["1.1"]["numerator_url"] is None
    assert [g["points"] for g in body["groups"]] == [1.0, 12.31, 11.67, 1.89, 8.59]


def test_the_numerator_link_opens_its_dossiers(march, client):
    body = _get(client, march, march.world.office)["d766"]
    url = body["groups"][1]["criteria"][0]["numerator_url"]
    client.force_login(march.world.office.user)
    html = client.get(url).content.decode()
    assert "Từ 01/03/2024 đến 31/03/2024" in html and "Tử số: 8" in html


def test_the_evaluation_of_march(march, client):
    body = _get(client, march, march.world.office)["evaluation"]
    assert (body["total"], body["grade"]) == (7.4, "Trung bình")
    assert [i["score"] for i in body["indices"]] == [1.5, 0.1, 1.5, 1.5, 1.0, 0.0, 1.8, 0.0, 0.0]
    assert [(o["username"], o["total"]) for o in body["officers"]] == [
        ("chuyenvien", 7.5),
        ("motcua", 6.4),
        ("chuyenvien2", 3.0),
    ]


def test_a_specialist_sees_their_own_figures_without_the_agency_s_scores(march, client):
    """The 766 and evaluation pages refuse a specialist; so do those parts of the API."""
    body = _get(client, march, march.world.specialist2, officer="chuyenvien2")
    assert body["finished"]["finished"] == 2
    assert body["d766"] is None and body["evaluation"] is None


def test_a_unit_head_sees_the_grades_of_their_unit_only(march, client):
    body = _get(client, march, march.world.head, unit=march.world.business.code)
    assert {o["unit"] for o in body["evaluation"]["officers"]} == {march.world.business.code}


def test_the_openapi_schema_documents_every_new_key(march, client):
    body = _get(client, march, march.world.office)
    components = client.get("/api/v1/openapi.json").json()["components"]["schemas"]

    def check(value, schema, where):
        if "$ref" in schema:
            schema = components[schema["$ref"].split("/")[-1]]
        for option in schema.get("anyOf", []):
            if option.get("type") != "null" and value is not None:
                return check(value, option, where)
        if isinstance(value, dict) and "properties" in schema:
            assert set(value) == set(schema["properties"]), where
            for key, item in value.items():
                assert schema["properties"][key].get("description"), f"{where}.{key}"
                check(item, schema["properties"][key], f"{where}.{key}")
        elif isinstance(value, list) and value:
            for item in value:
                check(item, schema["items"], f"{where}[]")

    check(
        {"d766": body["d766"], "evaluation": body["evaluation"]},
        {
            "properties": {
                k: components["IndicesOut"]["properties"][k] for k in ("d766", "evaluation")
            }
        },
        "body",
    )
