"""GET /api/v1/indices: the month of conftest.py through the real URL, with a token."""

import pytest
import time_machine

from motcua.api.tests.support import ApiClient
from motcua.dossiers.tests.conftest import vn
from motcua.org.constants import Role
from motcua.org.models import Agency, Unit
from motcua.org.tests.factories import make_staff

MARCH = {"from": "2024-03-01", "to": "2024-03-31"}


@pytest.fixture(autouse=True)
def in_june():
    with time_machine.travel(vn(2024, 6, 1, 9, 0), tick=False):
        yield


@pytest.fixture
def api(month, client):
    return ApiClient(client, month.world.office.user.username)


def _get(api, month, **params):
    return api.get("/indices", agency=month.world.agency.code, **params)


def test_march_for_the_agency(api, month):
    response = _get(api, month, **MARCH)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["period"] == {
        "from": "2024-03-01",
        "to": "2024-03-31",
        "open_at": "2024-04-01T00:00:00+07:00",
    }
    assert body["received"] == {
        "received": 13,
        "online": 3,
        "online_full": 2,
        "online_partial": 1,
        "with_supplement": 2,
        "digitized": 4,
    }
    assert body["finished"] == {
        "finished": 9,
        "early": 4,
        "on_time": 3,
        "late": 2,
        "refused": 1,
        "withdrawn": 1,
    }
    assert body["open"] == {"open": 4, "within": 1, "due_soon": 1, "overdue": 1, "paused": 1}
    assert body["rates"]["on_time"] == {
        "label": "Tỷ lệ giải quyết trước hạn, đúng hạn",
        "definition": "(trước hạn + đúng hạn) ÷ hồ sơ có kết quả hoặc từ chối trong kỳ",
        "numerator": 7,
        "denominator": 9,
        "value": 77.78,
        "target": None,
        "gap": None,
    }
    assert {k: r["value"] for k, r in body["rates"].items()} == {
        "on_time": 77.78,
        "online": 23.08,
        "online_full": 15.38,
        "online_partial": 7.69,
        "supplement": 15.38,
        "refusal": 11.11,
        "digitization": 30.77,
        # No rating in the month: the satisfaction rates have no denominator.
        "tthc_satisfaction": None,
        "satisfaction_index1": None,
        "satisfaction_index3": None,
        "satisfaction_index4": None,
        "satisfaction_index7": None,
        "investment_satisfaction": None,
    }


def test_filters_by_unit_field_procedure_officer_and_channel(api, month):
    def finished(**params):
        response = _get(api, month, **MARCH, **params)
        assert response.status_code == 200, response.content
        return response.json()["finished"]["finished"], response.json()["received"]["received"]

    assert finished(unit="dang-ky-kinh-doanh") == (9, 10)
    assert finished(field="dau-tu") == (2, 2)
    assert finished(procedure="1.009645") == (2, 2)
    assert finished(officer="chuyenvien2") == (2, 2)
    assert finished(channel="2") == (1, 3)


@pytest.mark.parametrize(
    "params, status, message",
    [
        ({"from": "2024-13-01", "to": "2024-03-31"}, 400, "Ngày «2024-13-01» (from) không hợp lệ"),
        ({"from": "2024-03-31", "to": "2024-03-01"}, 400, "phải không trước ngày bắt đầu"),
        ({**MARCH, "unit": "khong-co"}, 404, "không có đơn vị mã khong-co"),
        ({**MARCH, "channel": "9"}, 400, "Tham số không hợp lệ"),
    ],
)
def test_bad_parameters_are_refused_in_vietnamese(api, month, params, status, message):
    response = _get(api, month, **params)
    assert response.status_code == status
    assert message in response.json()["detail"]


def test_another_agency_is_not_found_and_anonymous_is_refused(api, month, client):
    other = Agency.objects.create(code="000.00.18.H34", name="Sở Tài chính", level="department")
    unit = Unit.objects.create(agency=other, code="mot-cua", name="Một cửa", is_counter=True)
    make_staff("la", other, unit, Role.COUNTER_OFFICER)
    response = ApiClient(client, "la").get("/indices", agency=month.world.agency.code, **MARCH)
    assert response.status_code == 404
    assert client.get("/api/v1/indices", {"agency": other.code, **MARCH}).status_code == 401


def test_every_key_is_documented_in_the_schema(api, client):
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    for name in ["IndicesOut", "ReceivedOut", "FinishedOut", "OpenOut", "RateOut", "RatesOut"]:
        properties = schema[name]["properties"]
        assert all(p.get("description") for p in properties.values()), name
    assert set(schema["PeriodOut"]["properties"]) == {"from", "to", "open_at"}
