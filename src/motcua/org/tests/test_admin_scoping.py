from motcua.org.constants import Role
from motcua.org.models import Unit
from motcua.org.tests.factories import make_staff


def test_administrator_manages_only_their_agency_in_the_admin(client, administrator, other_agency):
    Unit.objects.create(agency=other_agency, code="van-phong", name="Văn phòng Sở Tài chính")
    client.force_login(administrator.user)
    html = client.get("/quan-tri/org/unit/").content.decode()
    assert "Bộ phận Một cửa" in html
    assert "Văn phòng Sở Tài chính" not in html
    assert client.get("/quan-tri/org/agency/").content.decode().count("000.00.18.H34") == 0


def test_counter_officer_has_no_admin(client, agency, counter_unit):
    officer = make_staff("motcua", agency, counter_unit, Role.COUNTER_OFFICER)
    client.force_login(officer.user)
    assert client.get("/quan-tri/").status_code == 302
