"""The point table and the manual figures in the admin."""

from datetime import date
from decimal import Decimal

from motcua.dossiers.tests.conftest import build_world
from motcua.indices.d766.table import ROWS
from motcua.indices.models import D766Criterion, D766ManualValue


def _office(db):
    w = build_world()
    w.office.user.is_staff = True
    w.office.user.save()
    return w


def test_the_seeded_tables_sum_to_the_decisions_group_points(db):
    for year in range(2022, 2027):
        rows = D766Criterion.objects.filter(year=year)
        assert rows.count() == len(ROWS)
        by_group = {g: sum(r.max_points for r in rows if r.group == g) for g in range(1, 6)}
        assert by_group == {1: 18, 2: 20, 3: 22, 4: 22, 5: 18}
    assert D766Criterion.objects.get(year=2024, code="5.4").threshold == Decimal(90)


def test_the_office_enters_a_figure_and_is_recorded_as_its_author(db, client):
    w = _office(db)
    client.force_login(w.office.user)
    response = client.post(
        "/quan-tri/indices/d766manualvalue/add/",
        {
            "agency": w.agency.pk,
            "code": "1.4",
            "start": "01/03/2024",
            "end": "31/03/2024",
            "numerator": 9,
            "denominator": 10,
            "note": "Số liệu Cổng DVCQG",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    value = D766ManualValue.objects.get()
    assert (value.entered_by, value.start, value.numerator) == (w.office, date(2024, 3, 1), 9)


def test_a_numerator_above_its_denominator_is_refused_beside_the_field(db, client):
    w = _office(db)
    client.force_login(w.office.user)
    response = client.post(
        "/quan-tri/indices/d766manualvalue/add/",
        {
            "agency": w.agency.pk,
            "code": "1.4",
            "start": "01/03/2024",
            "end": "31/03/2024",
            "numerator": 11,
            "denominator": 10,
            "note": "",
        },
    )
    assert response.status_code == 200
    assert "Tử số không được lớn hơn mẫu số." in response.content.decode()
    assert not D766ManualValue.objects.exists()


def test_only_the_operator_changes_the_point_table_shared_by_every_agency(db, client):
    from django.contrib.auth import get_user_model

    from motcua.org.constants import Role
    from motcua.org.tests.factories import make_staff

    w = build_world()
    admin = make_staff("quantri", w.agency, w.counter, Role.ADMINISTRATOR, is_staff=True)
    criterion = D766Criterion.objects.get(year=2024, code="2.1")
    fields = {
        "year": 2024,
        "code": "2.1",
        "group": 2,
        "position": 5,
        "name": criterion.name,
        "max_points": "20",
        "threshold": "95",
        "source": "system",
        "formula": criterion.formula,
        "source_note": "Ngưỡng của tỉnh",
    }
    url = f"/quan-tri/indices/d766criterion/{criterion.pk}/change/"
    client.force_login(admin.user)
    assert client.post(url, fields).status_code == 403
    client.force_login(get_user_model().objects.create_superuser("vanhanh"))
    response = client.post(url, fields)
    assert response.status_code == 302
    criterion.refresh_from_db()
    assert criterion.threshold == 95


def test_the_office_reads_the_point_table_but_does_not_change_it(db, client):
    w = _office(db)
    criterion = D766Criterion.objects.get(year=2024, code="2.1")
    client.force_login(w.office.user)
    assert client.get("/quan-tri/indices/d766criterion/").status_code == 200
    fields = {
        "year": 2024,
        "code": "2.1",
        "group": 2,
        "position": 5,
        "name": criterion.name,
        "max_points": "30",
        "threshold": "100",
        "source": "system",
        "formula": criterion.formula,
        "source_note": "",
    }
    response = client.post(f"/quan-tri/indices/d766criterion/{criterion.pk}/change/", fields)
    assert response.status_code == 403
    criterion.refresh_from_db()
    assert criterion.max_points == 20


def test_the_demo_figures_say_they_are_illustrative_and_load_once(db):
    from motcua.indices.d766.demo import load_demo_d766

    w = build_world()
    load_demo_d766(w.agency, date(2024, 3, 15))
    load_demo_d766(w.agency, date(2024, 3, 15))
    values = D766ManualValue.objects.filter(agency=w.agency)
    assert values.count() == 9  # three criteria × January to March
    assert values.get(code="1.4", start=date(2024, 2, 1)).end == date(2024, 2, 29)
    assert all("MINH HỌA" in v.note for v in values)


def test_a_flushed_database_gets_the_shipped_table_back_and_edits_are_kept(db):
    from django.core.management.sql import emit_post_migrate_signal

    D766Criterion.objects.filter(year=2022).delete()
    D766Criterion.objects.filter(year=2024, code="2.1").update(threshold=95)
    emit_post_migrate_signal(0, False, "default")  # what `flush` sends: no registry
    assert D766Criterion.objects.filter(year=2022).count() == len(ROWS)
    assert D766Criterion.objects.get(year=2024, code="2.1").threshold == 95
