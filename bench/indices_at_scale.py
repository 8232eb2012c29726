"""Time the indices of one agency over a year, and the dashboards' reads, on the database
loaded by dossiers_at_scale.py.

Usage: DATABASE_URL=postgres://…/motcua_bench python bench/indices_at_scale.py [--repeat N]
Prints one JSON line per figure.
"""

import argparse
from datetime import timedelta
import json
import os
import statistics
import sys
import time as clock

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.conf.dev")
os.environ.setdefault("DEBUG", "false")  # DEBUG keeps every query in memory

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from motcua.demo.org_seed import load_demo_organization  # noqa: E402
from motcua.feedback.models import Rating  # noqa: E402
from motcua.indices.dashboards import (  # noqa: E402
    last_months,
    officer_ranking,
    on_time_trend,
    online_trend,
    satisfaction_trend,
    unit_ranking,
    urgent,
)
from motcua.indices.rates import indices_for  # noqa: E402
from motcua.indices.scope import Period, Scope  # noqa: E402
from motcua.org.models import Staff  # noqa: E402
from motcua.worktime.selectors import calendar_for  # noqa: E402


def emit(**figure):
    print(json.dumps(figure, ensure_ascii=False, default=str), flush=True)


def timed(function, repeat):
    samples = []
    for _ in range(repeat):
        start = clock.perf_counter()
        function()
        samples.append((clock.perf_counter() - start) * 1000)
    return {"median_ms": round(statistics.median(samples), 1),
            "max_ms": round(max(samples), 1), "runs": repeat}


def explain(function):
    """EXPLAIN ANALYZE of every query `function` runs: its time and the plan's top line."""
    with CaptureQueriesContext(connection) as captured:
        function()
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + query["sql"])
            plan = cursor.fetchone()[0][0]
            emit(explain=query["sql"][:160], execution_ms=round(plan["Execution Time"], 1),
                 node=plan["Plan"]["Node Type"])


def add_ratings(agency, share: float) -> int:
    """Ratings for `share` of the returned dossiers, one INSERT … SELECT: scores and the
    overall answer drawn at random, rated a day after the return."""
    with connection.cursor() as cursor:
        cursor.execute(
            """INSERT INTO feedback_rating (agency_id, dossier_id, version_id, channel, index1,
                   index3, index4, index7, overall, comment, rated_at, updated_at)
               SELECT agency_id, id, version_id, 'web', (random() * 2)::int, (random() * 2)::int,
                   (random() * 2)::int, (random() * 2)::int,
                   (ARRAY['very_satisfied', 'satisfied', 'satisfied', 'dissatisfied'])
                       [1 + floor(random() * 4)::int],
                   '', returned_at + interval '1 day', returned_at + interval '1 day'
               FROM dossiers_dossier
               WHERE agency_id = %s AND state = 'returned' AND random() < %s
               ON CONFLICT DO NOTHING""", [agency.pk, share])
        added = cursor.rowcount
        cursor.execute("ANALYZE feedback_rating")
    return added


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE each query")
    parser.add_argument("--rated", type=float, default=0.3,
                        help="share of returned dossiers given a rating when none exist yet")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database.")
    agency = load_demo_organization()
    today, now = timezone.localdate(), timezone.now()
    year = Period(today - timedelta(days=364), today)
    scope = Scope(agency)
    if not Rating.objects.filter(agency=agency).exists() and args.rated:
        start = clock.perf_counter()
        emit(phase="ratings", added=add_ratings(agency, args.rated),
             seconds=round(clock.perf_counter() - start, 1))
    emit(dossiers=agency.dossiers.count(), ratings=Rating.objects.filter(agency=agency).count(),
         period=f"{year.start}..{year.end}")
    month = Period(today.replace(day=1), today)
    figures = {
        "indices_for_agency_year": lambda: indices_for(scope, year, now),
        "indices_for_agency_month": lambda: indices_for(scope, month, now),
        "on_time_trend_12_months": lambda: on_time_trend(scope, last_months(today), today),
        "online_trend_12_months": lambda: online_trend(scope, last_months(today), today),
        "satisfaction_trend_12_months": lambda: satisfaction_trend(scope, last_months(today),
                                                                   today),
        "unit_ranking_year": lambda: unit_ranking(agency, year, now),
        "officer_ranking_year": lambda: officer_ranking(agency, year, now),
        "urgent_now": lambda: urgent(scope.dossiers(), calendar_for(agency), now),
    }
    for name, function in figures.items():
        if args.explain:
            explain(function)
        emit(figure=name, **timed(function, args.repeat))
    indices = indices_for(scope, year, now)
    emit(received=indices.received.received, finished=indices.finished.finished,
         open=indices.open.open, due_soon=indices.open.due_soon,
         on_time=indices.rates["on_time"].value,
         satisfaction=indices.rates["tthc_satisfaction"].value)

    director = Staff.objects.select_related("user").get(agency=agency,
                                                        user__username="giamdoc")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(director.user)
    assert client.get("/chi-so/").status_code == 200
    emit(figure="director_dashboard_page", url="/chi-so/",
         **timed(lambda: client.get("/chi-so/"), max(args.repeat // 2, 1)))


if __name__ == "__main__":
    main()
