"""GET /api/v1/worktime/due across the holidays, swaps and make-up Saturdays of 2022–2027.

The agency has the default hours and the official rows loaded, as the demo Department has.
Expected due moments were counted by hand on a calendar of each year.
"""

from datetime import date

import pytest

from motcua.worktime.constants import DayKind
from motcua.worktime.models import CalendarDay, WorkSchedule
from motcua.worktime.official_rows import load_official_rows

URL = "/api/v1/worktime/due"


@pytest.fixture
def department(agency):
    load_official_rows(agency)
    return agency


def due(client, agency, **params):
    response = client.get(URL, {"agency": agency.code, **params})
    assert response.status_code == 200, response.json()
    return response.json()["due"]


@pytest.mark.parametrize(
    "start, days, expected",
    [
        pytest.param(
            "2023-10-27T09:32:00+07:00",
            5,
            "2023-11-03T09:32:00+07:00",
            id="worked example of Decision 2",
        ),
        pytest.param(
            "2022-01-28T10:00:00+07:00", 3, "2022-02-09T10:00:00+07:00", id="Tết 2022, morning"
        ),
        pytest.param(
            "2023-01-19T14:00:00+07:00", 3, "2023-01-31T14:00:00+07:00", id="Tết 2023, afternoon"
        ),
        pytest.param(
            "2024-02-07T12:15:00+07:00",
            2,
            "2024-02-16T13:30:00+07:00",
            id="Tết 2024, lunch: counts from 13:30",
        ),
        pytest.param("2024-04-17T10:00:00+07:00", 1, "2024-04-19T10:00:00+07:00", id="Giỗ Tổ 2024"),
        pytest.param(
            "2024-04-26T16:00:00+07:00",
            3,
            "2024-05-04T16:00:00+07:00",
            id="30/4/2024 swap, due on the make-up Saturday",
        ),
        pytest.param(
            "2025-01-24T06:00:00+07:00",
            2,
            "2025-02-04T07:00:00+07:00",
            id="Tết 2025, before opening",
        ),
        pytest.param(
            "2025-04-25T17:30:00+07:00",
            2,
            "2025-04-29T07:00:00+07:00",
            id="after closing, counts from the make-up Saturday 26/4/2025",
        ),
        pytest.param(
            "2025-04-29T09:00:00+07:00",
            1,
            "2025-05-05T09:00:00+07:00",
            id="30/4–4/5/2025 with the 2/5 swap",
        ),
        pytest.param(
            "2025-12-31T10:00:00+07:00",
            2,
            "2026-01-06T10:00:00+07:00",
            id="New Year 2026 swap (official row)",
        ),
        pytest.param(
            "2026-01-09T09:00:00+07:00",
            1,
            "2026-01-10T09:00:00+07:00",
            id="make-up Saturday 10/1/2026 (official row)",
        ),
        pytest.param(
            "2026-02-14T10:00:00+07:00",
            3,
            "2026-02-26T07:00:00+07:00",
            id="Tết 2026, received on a weekend",
        ),
        pytest.param(
            "2026-04-24T10:00:00+07:00",
            2,
            "2026-04-29T10:00:00+07:00",
            id="Giỗ Tổ 2026 on a Sunday, made up on Monday",
        ),
        pytest.param(
            "2026-08-21T08:00:00+07:00",
            1,
            "2026-08-22T08:00:00+07:00",
            id="make-up Saturday 22/8/2026",
        ),
        pytest.param(
            "2026-08-28T15:30:00+07:00",
            1,
            "2026-09-03T15:30:00+07:00",
            id="National Day 2026 with the 31/8 swap",
        ),
        pytest.param(
            "2026-11-23T11:00:00+07:00",
            1,
            "2026-11-25T11:00:00+07:00",
            id="Ngày Văn hóa Việt Nam 24/11/2026",
        ),
        pytest.param(
            "2027-04-29T14:00:00+07:00",
            1,
            "2027-05-04T14:00:00+07:00",
            id="30/4–1/5/2027, 1/5 on a Saturday made up on Monday",
        ),
        # No official Tết 2027 schedule yet: the package's estimate, 29 Tết to mùng 5.
        pytest.param(
            "2027-02-03T16:00:00+07:00", 1, "2027-02-11T16:00:00+07:00", id="Tết 2027 (estimate)"
        ),
    ],
)
def test_due_in_working_days(client, department, start, days, expected):
    assert due(client, department, start=start, working_days=days) == expected


@pytest.mark.parametrize(
    "params, expected",
    [
        pytest.param(
            {"start": "2022-08-31T16:00:00+07:00", "working_hours": "4"},
            "2022-09-05T10:00:00+07:00",
            id="hours over National Day 2022",
        ),
        pytest.param(
            {"start": "2023-05-04T12:00:00+07:00", "working_hours": "0.5"},
            "2023-05-04T14:00:00+07:00",
            id="half an hour from lunch",
        ),
        pytest.param(
            {"start": "2023-08-31T15:00:00+07:00", "working_days": "0.5"},
            "2023-09-05T09:00:00+07:00",
            id="half a day over National Day 2023",
        ),
        pytest.param(
            {"start": "2023-01-16T09:00:00+07:00", "calendar_days": "15"},
            "2023-01-31T09:00:00+07:00",
            id="calendar days ending on a working day",
        ),
        pytest.param(
            {"start": "2023-01-16T09:00:00+07:00", "calendar_days": "4"},
            "2023-01-27T07:00:00+07:00",
            id="calendar days ending in Tết 2023",
        ),
        pytest.param(
            {
                "start": "2026-08-28T15:30:00+07:00",
                "working_days": "1",
                "after_15h_next_day": "true",
            },
            "2026-09-04T07:00:00+07:00",
            id="after 15:00 counts from the next day",
        ),
        pytest.param(
            {"start": "2023-10-27T02:32:00Z", "working_days": "5"},
            "2023-11-03T09:32:00+07:00",
            id="UTC start, Vietnamese due",
        ),
        pytest.param(
            {"start": "2023-10-27T09:32:00", "working_days": "5"},
            "2023-11-03T09:32:00+07:00",
            id="no offset: Vietnamese time",
        ),
    ],
)
def test_due_in_other_units_and_zones(client, department, params, expected):
    assert due(client, department, **params) == expected


def test_an_unencoded_plus_in_the_offset_is_understood(client, department):
    response = client.get(
        f"{URL}?agency={department.code}&start=2023-10-27T09:32:00+07:00&working_days=5"
    )
    assert response.json() == {"due": "2023-11-03T09:32:00+07:00"}


def test_each_agency_has_its_own_calendar(client, department, other_agency):
    WorkSchedule.objects.create(agency=other_agency, weekend_days=[6])
    CalendarDay.objects.create(
        agency=other_agency,
        date=date(2023, 10, 30),
        kind=DayKind.DAY_OFF,
        name="Ngày nghỉ riêng",
        source="Quyết định thử nghiệm",
    )
    start = "2023-10-27T09:32:00+07:00"
    assert due(client, department, start=start, working_days=1) == "2023-10-30T09:32:00+07:00"
    # Saturday 28/10 is worked there, Monday 30/10 is not.
    assert due(client, other_agency, start=start, working_days=2) == "2023-10-31T09:32:00+07:00"


@pytest.mark.parametrize(
    "params, message",
    [
        pytest.param(
            {"start": "27/10/2023 09:32", "working_days": "5"}, "ISO 8601", id="not ISO 8601"
        ),
        pytest.param(
            {"start": "2023-02-30T09:00:00+07:00", "working_days": "5"},
            "ISO 8601",
            id="no such date",
        ),
        pytest.param(
            {"start": "1800-01-02T09:00:00+07:00", "working_days": "5"},
            "từ năm 1995",
            id="year out of range",
        ),
        pytest.param(
            {"start": "2023-10-27T09:32:00+07:00", "working_days": "-1"},
            "không được âm",
            id="negative days",
        ),
        pytest.param(
            {"start": "2023-10-27T09:32:00+07:00", "working_hours": "-0.5"},
            "không được âm",
            id="negative hours",
        ),
        pytest.param(
            {"start": "2023-10-27T09:32:00+07:00", "working_days": "1001"},
            "quá dài",
            id="absurd days",
        ),
        pytest.param(
            {"start": "2023-10-27T09:32:00+07:00", "working_hours": "8000.25"},
            "quá dài",
            id="absurd hours",
        ),
        pytest.param(
            {"start": "2023-10-27T09:32:00+07:00", "calendar_days": "1001"},
            "từ 0 đến 1000 ngày",
            id="absurd calendar days",
        ),
        pytest.param(
            {"start": "2023-10-27T09:32:00+07:00", "working_days": "năm"},
            "phải là một số",
            id="not a number",
        ),
        pytest.param(
            {"start": "2023-10-27T09:32:00+07:00", "working_days": "0.125"},
            "tối đa 2 chữ số thập phân",
            id="too many decimals",
        ),
        pytest.param(
            {"start": "2023-10-27T09:32:00+07:00", "calendar_days": "1.5"},
            "số nguyên",
            id="calendar days not whole",
        ),
        pytest.param(
            {"start": "2023-10-27T09:32:00+07:00", "working_days": "5", "working_hours": "4"},
            "Cần đúng một thời hạn",
            id="two limits",
        ),
        pytest.param(
            {"start": "2023-10-27T09:32:00+07:00"}, "Cần đúng một thời hạn", id="no limit"
        ),
        pytest.param(
            {"start": "2023-10-27T09:32:00+07:00", "working_days": "5", "after_15h_next_day": "có"},
            "true hoặc false",
            id="bad flag",
        ),
    ],
)
def test_refusals_are_400_with_a_vietnamese_detail(client, department, params, message):
    response = client.get(URL, {"agency": department.code, **params})
    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_an_unknown_agency_is_a_400(client, db):
    response = client.get(
        URL, {"agency": "000.00.99.H34", "start": "2023-10-27T09:32:00+07:00", "working_days": "5"}
    )
    assert response.status_code == 400
    assert response.json() == {"detail": "Không có cơ quan nào mang mã định danh «000.00.99.H34»."}


def test_the_openapi_schema_describes_the_parameters_in_vietnamese(client, db):
    operation = client.get("/api/v1/openapi.json").json()["paths"][URL]["get"]
    descriptions = {p["name"]: p["description"] for p in operation["parameters"]}
    assert set(descriptions) == {
        "agency",
        "start",
        "working_days",
        "working_hours",
        "calendar_days",
        "after_15h_next_day",
    }
    assert "giờ Việt Nam" in descriptions["start"]
    assert "ngày làm việc" in descriptions["working_days"]
    assert set(operation["responses"]) == {"200", "400"}
