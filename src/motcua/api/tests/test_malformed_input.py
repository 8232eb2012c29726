"""Malformed input answers a 4xx, never a 500: NUL characters anywhere (PostgreSQL cannot store
them), offsets and durations too large for the database or the calendar, page numbers of any
size. Each row was a 500 before, on PostgreSQL or on both databases."""

import pytest

from motcua.api.tests.support import issue_token
from motcua.dossiers.tests.conftest import build_world

pytestmark = pytest.mark.django_db

DUE = "/api/v1/worktime/due?agency=000.00.17.H34&start=2024-03-04T09:00:00%2B07:00"
HUGE = "99999999999999999999"


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def token(world):
    return {"Authorization": f"Bearer {issue_token('motcua')}"}


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("/api/v1/procedures?q=%00", id="api-procedures-query"),
        pytest.param("/api/v1/procedures/2.001610%00", id="api-procedure-path"),
        pytest.param(
            "/api/v1/worktime/due?agency=%00&start=2024-03-04T09:00:00&working_days=1",
            id="api-due-agency",
        ),
        pytest.param("/thu-tuc/?q=%00", id="catalogue-page-query"),
        pytest.param("/cong/thu-tuc/?q=%00", id="portal-procedures-query"),
        pytest.param("/tra-cuu/?ma=%00", id="tracking-query"),
        pytest.param("/thanh-toan/truc-tuyen-1%00/ABC/", id="payment-path"),
        pytest.param("/hoi-dap/?q=%00", id="faq-query"),
    ],
)
def test_a_nul_character_in_a_path_or_query_is_a_400(client, world, url):
    response = client.get(url)
    assert response.status_code == 400


def test_a_nul_character_in_a_form_field_is_a_400(client, world):
    response = client.post("/tra-cuu/", {"ma": "truc-tuyen-1\x00", "k": "ABC"})
    assert response.status_code == 400


def test_a_nul_character_in_a_json_body_is_a_400_in_json(client, world, token):
    body = '{"applicant": {"name": "Nguy\\u0000n"}}'
    response = client.post("/api/v1/dossiers", body, content_type="application/json", headers=token)
    assert response.status_code == 400
    assert "không hợp lệ" in response.json()["detail"]


def test_a_lone_surrogate_in_a_json_body_is_a_400(client, world, token):
    body = '{"applicant": {"name": "\\ud800"}}'
    response = client.post("/api/v1/dossiers", body, content_type="application/json", headers=token)
    assert response.status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        pytest.param(f"offset={HUGE}", id="offset"),
        pytest.param(f"limit={HUGE}", id="limit"),
    ],
)
def test_a_huge_offset_or_limit_of_a_paginated_list_is_a_400(client, token, query):
    response = client.get(f"/api/v1/dossiers?{query}", headers=token)
    assert response.status_code == 400
    assert "quá lớn" in response.json()["detail"]


def test_a_huge_offset_of_the_procedure_list_is_a_400(client, world):
    response = client.get(f"/api/v1/procedures?offset={HUGE}")
    assert response.status_code == 400


@pytest.mark.parametrize(
    "limit",
    [
        pytest.param(f"working_days={10**12}", id="working-days"),
        pytest.param(f"working_hours={10**12}", id="working-hours"),
        pytest.param(f"calendar_days={10**12}", id="calendar-days"),
        pytest.param(f"calendar_days={HUGE}", id="calendar-days-past-64-bits"),
        pytest.param("working_hours=1e999999999", id="working-hours-past-decimal"),
        pytest.param("working_days=-1e999999999", id="working-days-negative-past-decimal"),
    ],
)
def test_a_huge_duration_for_the_deadline_calculator_is_a_400(client, world, limit):
    response = client.get(f"{DUE}&{limit}")
    assert response.status_code == 400
    assert response.json()["detail"]


@pytest.mark.parametrize("page", [HUGE, "-1", "abc", "9" * 5000])
def test_any_page_number_of_a_list_page_is_not_a_500(client, world, page):
    assert client.get("/cong/thu-tuc/", {"page": page}).status_code == 200
