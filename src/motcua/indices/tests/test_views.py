"""/chi-so/: the month and the year so far, target beside actual."""

import time_machine

from motcua.dossiers.tests.conftest import vn
from motcua.indices.targets import load_demo_targets


def test_the_office_sees_month_and_year_with_targets_and_gaps(month, client):
    with time_machine.travel(vn(2024, 3, 31, 20, 0), tick=False):
        load_demo_targets(month.world.agency)
        client.force_login(month.world.office.user)
        response = client.get("/chi-so/")
    assert response.status_code == 200
    html = response.content.decode()
    # On time: 7 of 9 in the month and the year; online: 3 of 13 in March, 3 of 14 since
    # January (N came in February), 21,43 % against 55 %.
    assert "77,78 %" in html and "7/9" in html
    assert "23,08 %" in html and "3/13" in html and "21,43 %" in html and "3/14" in html
    assert "≥ 55,00 %" in html and "-33,57" in html
    assert "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)" in html


def test_a_specialist_may_not_see_the_agency_page(month, client):
    client.force_login(month.world.specialist.user)
    assert client.get("/chi-so/").status_code == 403
