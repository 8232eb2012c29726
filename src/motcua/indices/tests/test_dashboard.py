"""The dashboards on the fixed month (conftest.py), seen on Monday 01/04/2024 at 08:00: J is
overdue (due 07/03, at appraisal in the business unit with Ngô Thị Hồng), K is due soon (due
01/04 09:00, one working hour left of 24), M waits for a supplement, L is finished."""

from datetime import date, timedelta
import xml.etree.ElementTree as ET

import pytest
import time_machine

from motcua.dossiers.constants import Timeliness
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import WORKING, timeliness
from motcua.dossiers.tests.conftest import vn
from motcua.indices.dashboards import (
    last_months,
    officer_ranking,
    on_time_trend,
    online_trend,
    satisfaction_trend,
    unit_ranking,
    urgent,
)
from motcua.indices.scope import Period, Scope
from motcua.indices.targets import load_demo_targets
from motcua.indices.timeliness import due_soon
from motcua.worktime.selectors import calendar_for

from .test_rates_satisfaction import rated  # noqa: F401  (the month with six ratings)

NOW = vn(2024, 4, 1, 8, 0)
YEAR = Period(date(2024, 1, 1), date(2024, 4, 1))


@pytest.fixture
def seen(month):
    with time_machine.travel(NOW, tick=False):
        load_demo_targets(month.world.agency)
        yield month


def _page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def _svgs(html: str) -> list[ET.Element]:
    """Every chart figure of the page, parsed as XML (they must be well-formed)."""
    figures, start = [], 0
    while (start := html.find('<figure class="chart', start)) != -1:
        end = html.index("</figure>", start) + len("</figure>")
        figures.append(ET.fromstring(html[start:end]))
        start = end
    return figures


def test_monthly_trends_take_one_query_each_and_count_by_month(month, django_assert_num_queries):
    months = last_months(date(2024, 4, 1), 3)
    assert months == [date(2024, 2, 1), date(2024, 3, 1), date(2024, 4, 1)]
    scope = Scope(month.world.agency)
    with django_assert_num_queries(1):
        on_time = on_time_trend(scope, months, date(2024, 4, 1))
    with django_assert_num_queries(1):
        online = online_trend(scope, months, date(2024, 4, 1))
    # N finished 01/03; A–G, I finished in March with C and D late; L on 02/04 is after today.
    assert [(p.numerator, p.denominator) for p in on_time] == [(0, 0), (7, 9), (0, 0)]
    # N received in February at the counter; B K L online of 13 in March.
    assert [(p.numerator, p.denominator) for p in online] == [(0, 1), (3, 13), (0, 0)]
    assert on_time[0].value is None and str(on_time[1].value) == "77.78"


def test_the_satisfaction_trend_counts_ratings_by_month(rated, django_assert_num_queries):  # noqa: F811
    months = last_months(date(2024, 4, 1), 2)
    with django_assert_num_queries(1):
        agency = satisfaction_trend(Scope(rated.world.agency), months, date(2024, 4, 30))
    assert [(p.numerator, p.denominator) for p in agency] == [(3, 5), (1, 1)]
    officer = satisfaction_trend(
        Scope(rated.world.agency, officer=rated.world.specialist2), months, date(2024, 4, 30)
    )
    assert [(p.numerator, p.denominator) for p in officer] == [(0, 1), (0, 0)]


def test_units_and_officers_are_ranked_by_on_time_rate_with_overdue_now(month):
    agency = month.world.agency
    units = unit_ranking(agency, YEAR, NOW)
    # Both units handled the nine finished dossiers (C, D late); J waits in the business unit.
    assert [(u.code, u.finished, u.late, u.overdue_now) for u in units] == [
        ("mot-cua", 9, 2, 0),
        ("dang-ky-kinh-doanh", 9, 2, 1),
    ]
    officers = officer_ranking(agency, YEAR, NOW)
    assert [(o.label, o.finished, o.late, o.overdue_now, str(o.on_time)) for o in officers] == [
        ("Ngô Thị Hồng", 6, 0, 1, "100.00"),  # A B E F G N
        ("Võ Thị Mai", 9, 2, 0, "77.78"),
        ("Bùi Văn Long", 2, 2, 0, "0.00"),  # C D
    ]
    assert officer_ranking(agency, YEAR, NOW, unit=month.world.counter)[0].label == "Võ Thị Mai"


def test_urgent_lists_overdue_and_due_soon_but_not_paused_or_within(month):
    agency = month.world.agency
    found = urgent(agency.dossiers.all(), calendar_for(agency), NOW)
    assert [d.pk for d in found.overdue] == [month.dossiers["J"].pk]
    assert [d.pk for d in found.due_soon] == [month.dossiers["K"].pk]
    assert (found.overdue_count, found.due_soon_count) == (1, 1)
    later = urgent(agency.dossiers.all(), calendar_for(agency), vn(2024, 4, 1, 10, 0))
    assert [d.pk for d in later.overdue] == [month.dossiers["J"].pk, month.dossiers["K"].pk]
    assert later.due_soon == []


def test_the_director_sees_targets_charts_rankings_and_urgent_dossiers(seen, client):
    html = _page(client, seen.world.director.user, "/chi-so/")
    assert "Chỉ số giải quyết hồ sơ của cơ quan" in html
    assert "≥ 99,00 %" in html  # the on-time target
    figures = _svgs(html)
    titles = [f.find("svg/title").text for f in figures]
    assert titles[:3] == [
        "Tỷ lệ giải quyết trước hạn, đúng hạn theo tháng",
        "Tỷ lệ hồ sơ trực tuyến theo tháng",
        "Tỷ lệ hài lòng của người dân theo tháng",
    ]
    assert "Đơn vị xếp theo tỷ lệ đúng hạn trong năm" in titles
    # The on-time trend: twelve months, one bar for March at 77.78 %, below the 99 % line.
    bars = [r for r in figures[0].iter("rect") if r.get("class") == "bar"]
    assert [b.get("data-value") for b in bars] == ["77.78"]
    assert figures[0].find("table/tbody/tr[11]/td").text == "77,78 %"
    assert "Xếp hạng cán bộ (năm nay)" in html and "Bùi Văn Long" in html
    j, k = seen.dossiers["J"].code, seen.dossiers["K"].code
    assert f'href="/ho-so/{j}/"' in html and f'href="/ho-so/{k}/"' in html
    assert "Hồ sơ quá hạn hiện nay: 1 hồ sơ" in html and "Hồ sơ sắp đến hạn: 1 hồ sơ" in html
    assert 'href="/chi-so/don-vi/?don-vi=dang-ky-kinh-doanh"' in html


def test_a_unit_head_sees_only_their_unit(seen, client):
    client.force_login(seen.world.head.user)
    assert client.get("/chi-so/").url == "/chi-so/don-vi/"
    # Another unit is refused, as the API refuses `unit=` of another unit to a unit head.
    assert client.get("/chi-so/don-vi/?don-vi=mot-cua").status_code == 403
    html = _page(client, seen.world.head.user, "/chi-so/don-vi/")
    assert "Chỉ số của Phòng Đăng ký kinh doanh" in html
    assert "Ngô Thị Hồng" in html and "Bùi Văn Long" in html and "Võ Thị Mai" not in html
    assert 'name="don-vi"' not in html  # no unit picker
    assert seen.dossiers["J"].code in html  # overdue in the unit
    assert seen.dossiers["K"].code not in html  # due soon, but at the counter


def test_leaders_pick_any_unit_of_their_agency(seen, client):
    html = _page(client, seen.world.office.user, "/chi-so/don-vi/?don-vi=mot-cua")
    assert "Chỉ số của Bộ phận Một cửa" in html and "Võ Thị Mai" in html
    assert seen.dossiers["K"].code in html
    assert client.get("/chi-so/don-vi/?don-vi=khong-co").status_code == 404


def test_an_officer_sees_only_their_own_figures(seen, client):
    client.force_login(seen.world.specialist2.user)
    assert client.get("/chi-so/don-vi/").status_code == 403
    html = _page(client, seen.world.specialist2.user, "/chi-so/ca-nhan/")
    assert "Chỉ số của tôi: Bùi Văn Long" in html
    assert "0,00 %" in html and "0/2" in html  # C and D, both late
    assert "Ngô Thị Hồng" not in html and "Xếp hạng" not in html
    assert "Hồ sơ quá hạn hiện nay: 0 hồ sơ" in html


def test_due_soon_in_sql_agrees_with_the_dossier_page_hour_by_hour(month):
    """The filter compares `due_at` with one moment per legal limit; the dossier page measures
    each dossier's working time left: both say the same at every hour around K's deadline."""
    agency = month.world.agency
    calendar = calendar_for(agency)
    running = list(
        Dossier.objects.filter(
            agency=agency, state__in=WORKING, clock_stopped_at__isnull=True
        ).select_related("version")
    )
    moment, seen_soon = vn(2024, 3, 27, 0, 0), set()
    while moment < vn(2024, 4, 2, 12, 0):
        expected = {d.pk for d in running if timeliness(d, calendar, moment) == Timeliness.DUE_SOON}
        found = set(
            Dossier.objects.filter(pk__in=[d.pk for d in running], due_at__gte=moment)
            .filter(due_soon(calendar, moment))
            .values_list("pk", flat=True)
        )
        assert found == expected, moment
        seen_soon |= found
        moment += timedelta(minutes=30)
    assert month.dossiers["K"].pk in seen_soon


def test_the_menu_link_opens_each_user_s_own_indices_page(seen, client):
    for user, page in (
        (seen.world.director.user, "/chi-so/"),
        (seen.world.head.user, "/chi-so/don-vi/"),
        (seen.world.specialist2.user, "/chi-so/ca-nhan/"),
    ):
        client.force_login(user)
        assert client.get("/chi-so/cua-toi/").url == page
