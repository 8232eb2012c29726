"""/chi-so/766/ and its drill-down, /chi-so/danh-gia/: who may see them, what they show."""

import pytest
import time_machine

from motcua.dossiers.tests.conftest import build_world, vn
from motcua.indices.models import D766ManualValue

from .test_d766_data import build_march

MARCH = {"ky": "thang", "nam": 2024, "so": 3}


@pytest.fixture
def march(db):
    with time_machine.travel(vn(2024, 6, 1, 9, 0), tick=False):
        yield build_march(build_world())


def test_the_office_sees_the_month_with_groups_points_and_links(march, client):
    client.force_login(march.world.office.user)
    html = client.get("/chi-so/766/", MARCH).content.decode()
    assert "Tháng 3/2024" in html and "01/03/2024–31/03/2024" in html
    assert "Tổng điểm: <strong>" in html
    assert "2.1. Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn" in html
    assert "61,54 %" in html and "12,31 / 20,00" in html
    assert "Không có dữ liệu" in html  # 1.1 not entered
    assert "/chi-so/766/2.1/?ky=thang&amp;nam=2024&amp;so=3&amp;phan=tu-so" in html


def test_a_manual_figure_scores_and_shows(march, client):
    D766ManualValue.objects.create(
        agency=march.world.agency,
        code="1.1",
        start="2024-03-01",
        end="2024-03-31",
        numerator=4,
        denominator=5,
        note="Báo cáo của Văn phòng",
    )
    client.force_login(march.world.director.user)
    html = client.get("/chi-so/766/", MARCH).content.decode()
    assert "80,00 %" in html and "4,80 / 6,00" in html and "Báo cáo của Văn phòng" in html


def test_the_drill_down_lists_the_dossiers_behind_a_figure(march, client):
    client.force_login(march.world.office.user)
    d = march.d
    late = client.get("/chi-so/766/2.1/", {**MARCH, "phan": "mau-so"}).content.decode()
    assert "Mẫu số: 13" in late
    assert all(d[k].code in late for k in "ABCDEFGHIJKLM") and d["N"].code not in late
    on_time = client.get("/chi-so/766/2.1/", {**MARCH, "phan": "tu-so"}).content.decode()
    assert "Tử số: 8" in on_time and d["G"].code not in on_time and d["H"].code in on_time
    procedures = client.get("/chi-so/766/1.3/", {**MARCH, "phan": "tu-so"}).content.decode()
    assert "1.009645" in procedures and "2.001610" not in procedures
    complaints = client.get("/chi-so/766/5.2/", {**MARCH, "phan": "tu-so"}).content.decode()
    assert "PA-1" in complaints and "PA-2" not in complaints


def test_a_manual_criterion_has_no_drill_down(march, client):
    client.force_login(march.world.office.user)
    assert client.get("/chi-so/766/1.1/", MARCH).status_code == 404
    assert client.get("/chi-so/766/9.9/", MARCH).status_code == 404


def test_another_agency_sees_its_own_dossiers_only(march, client, db):
    from motcua.org.constants import Role
    from motcua.org.models import Agency, Unit
    from motcua.org.tests.factories import make_staff

    other = Agency.objects.create(code="000.00.18.H34", name="Sở Tài chính", level="department")
    unit = Unit.objects.create(agency=other, code="vp", name="Văn phòng")
    client.force_login(make_staff("vp-stc", other, unit, Role.OFFICE).user)
    html = client.get("/chi-so/766/2.1/", {**MARCH, "phan": "mau-so"}).content.decode()
    assert "Mẫu số: 0" in html and march.d["A"].code not in html


def test_a_specialist_may_not_see_them(march, client):
    client.force_login(march.world.specialist.user)
    assert client.get("/chi-so/766/").status_code == 403
    assert client.get("/chi-so/766/2.1/", MARCH).status_code == 403
    assert client.get("/chi-so/danh-gia/").status_code == 403


def test_a_bad_period_is_explained_beside_its_field(march, client):
    client.force_login(march.world.office.user)
    html = client.get("/chi-so/766/", {"ky": "quy", "nam": 2024, "so": 7}).content.decode()
    assert "Quý phải từ 1 đến 4." in html and 'aria-describedby="id_so-err"' in html


def test_the_evaluation_page_ranks_officers_with_grades(march, client):
    client.force_login(march.world.director.user)
    html = client.get("/chi-so/danh-gia/", {"ky": "quy", "nam": 2024, "so": 1}).content.decode()
    assert "Quý 1/2024" in html and "Trung bình" in html
    assert html.index("Ngô Thị Hồng") < html.index("Võ Thị Mai") < html.index("Bùi Văn Long")
    assert "Hoàn thành dưới 70 % nhiệm vụ" in html


def test_a_unit_head_sees_the_officers_of_their_unit(march, client):
    client.force_login(march.world.head.user)
    html = client.get("/chi-so/danh-gia/", {"ky": "quy", "nam": 2024, "so": 1}).content.decode()
    assert "Ngô Thị Hồng" in html and "Bùi Văn Long" in html and "Võ Thị Mai" not in html
