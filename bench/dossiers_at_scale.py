"""Load N dossiers into PostgreSQL through COPY and time the pages officers use most.

Usage: DATABASE_URL=postgres://…/motcua_bench python bench/dossiers_at_scale.py [--dossiers N]
Prints one JSON line per figure.
"""

import argparse
from datetime import datetime, time, timedelta
from decimal import Decimal
import json
import os
import random
import statistics
import sys
import time as clock

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.conf.dev")
os.environ.setdefault("DEBUG", "false")  # DEBUG keeps every query in memory

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from motcua.catalog.selectors import versions_in_force  # noqa: E402
from motcua.core.text import fold  # noqa: E402
from motcua.demo.catalog_seed import load_demo_catalog  # noqa: E402
from motcua.demo.org_seed import load_demo_organization  # noqa: E402
from motcua.dossiers import services  # noqa: E402
from motcua.dossiers.constants import Action, State, Worklist  # noqa: E402
from motcua.dossiers.models import Dossier, RuleRegime  # noqa: E402
from motcua.dossiers.selectors import worklist  # noqa: E402
from motcua.dossiers.services import ApplicantData, Intake, ReceivedDocument  # noqa: E402
from motcua.org.constants import Role  # noqa: E402
from motcua.org.models import Staff, Unit  # noqa: E402
from motcua.worktime import arithmetic  # noqa: E402
from motcua.worktime.selectors import calendar_for  # noqa: E402

SPECIALISTS_PER_UNIT = 20
OPEN_SHARE = 0.02  # dossiers still open: about a week's intake of a year's


def emit(**figure):
    print(json.dumps(figure, ensure_ascii=False), flush=True)


def bench_staff(agency):
    """Enough specialists for a million dossiers a year, in each handling unit."""
    group = Group.objects.get(name=Role.SPECIALIST)
    staff = {}
    for unit in Unit.objects.filter(agency=agency, is_counter=False):
        members = []
        for n in range(SPECIALISTS_PER_UNIT):
            user, _ = get_user_model().objects.get_or_create(
                username=f"bench.{unit.code}.{n}", defaults={"last_name": "Chuyên viên",
                                                             "first_name": str(n)})
            user.groups.add(group)
            member, _ = Staff.objects.get_or_create(user=user, defaults={
                "agency": agency, "unit": unit, "position": "Chuyên viên"})
            members.append(member)
        staff[unit.pk] = members
    return staff


def copy_rows(table, columns, rows):
    with connection.cursor() as cursor:
        with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def next_id(table):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {table}")
        return cursor.fetchone()[0]


def reset_sequences(tables):
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT MAX(id) FROM {table}))"
            )


def load(agency, count, rng):
    """COPY `count` dossiers spread over the past year, with five steps and their events."""
    now = timezone.now()
    calendar = calendar_for(agency)
    versions = [v for v in versions_in_force(now).filter(procedure__agency=agency)
                .prefetch_related("steps") if v.time_limit_value is not None]
    counter = list(Staff.objects.filter(agency=agency, unit__is_counter=True))
    specialists = bench_staff(agency)
    regime = {r.code: r.pk for r in RuleRegime.objects.all()}
    days = [d for d in (now.date() - timedelta(days=i) for i in range(365, -1, -1))
            if calendar.is_working_day(d)]
    per_day = count // len(days) + 1
    dossier_id, step_id, event_id = (next_id("dossiers_dossier"),
                                     next_id("dossiers_dossierstep"),
                                     next_id("dossiers_dossierevent"))
    dossiers, steps, events, sequences = [], [], [], []
    made = 0
    for day in days:
        n_today = min(per_day, count - made)
        sequences.append((agency.pk, day, n_today))
        for number in range(1, n_today + 1):
            made += 1
            version = rng.choice(versions)
            plan = list(version.steps.all())
            received = timezone.make_aware(datetime.combine(
                day, time(7 + rng.randrange(9), rng.randrange(60))))
            received = arithmetic.next_working_moment(calendar, received)
            due = arithmetic.due_at(calendar, received, version.time_limit_value,
                                    version.time_limit_unit)
            is_open = made > count * (1 - OPEN_SHARE)
            current = rng.randrange(len(plan)) if is_open else None
            code = f"{agency.code}-{day:%y%m%d}-{number:04d}"
            officer = rng.choice(counter)
            specialist = None
            moment = received
            step_rows, first_step = [], step_id
            for index, planned in enumerate(plan):
                assignee = None
                if planned.unit_id in specialists:
                    specialist = specialist or rng.choice(specialists[planned.unit_id])
                    assignee = specialist.pk
                started = moment if current is None or index <= current else None
                step_due = (arithmetic.add_working_hours(calendar, moment, planned.hours)
                            if started else None)
                finished = None
                if started and (current is None or index < current):
                    finished = arithmetic.add_working_hours(
                        calendar, moment, planned.hours * rng.choice([Decimal("0.3"), Decimal("0.6"), Decimal("0.9")]))
                    moment = finished
                step_rows.append((step_id, dossier_id, index + 1, planned.pk,
                                  planned.name, planned.unit_id, planned.role, planned.hours,
                                  assignee, started, step_due, finished))
                step_id += 1
            steps += step_rows
            state = (State.PROCESSING if current else State.RECEIVED) if is_open \
                else State.RETURNED
            finished_at = None if is_open else moment
            applicant = f"Nguyễn Văn Bench {made}"
            dossiers.append((
                dossier_id, agency.pk, code, regime["2025" if day.year >= 2026 else "2018"],
                version.procedure_id, version.pk, rng.choice("12"), state, 8,
                "person", applicant, f"{made:012d}", f"09{made % 10**8:08d}", "", "", applicant,
                version.name[:1000], 1, "counter", "", None, received, officer.pk, due, due,
                None, None, None, 0, finished_at, finished_at, first_step + current
                if is_open else None,
                step_rows[current][8] if is_open else None,  # current_assignee_id
                step_rows[current][5] if is_open else None,  # current_unit_id
                "" if is_open else f"{made}/GCN", "", "BENCH001", None,
                fold(f"{code} {applicant} {made:012d} 09{made % 10**8:08d}"), now,
            ))
            for action, at in ((Action.RECEIVE, received), (Action.FORWARD, received),
                               (Action.ASSIGN, received)) + (
                    () if is_open else ((Action.FORWARD, moment), (Action.FORWARD, moment),
                                        (Action.APPROVE, moment), (Action.REGISTER_RESULT, moment),
                                        (Action.RETURN_RESULT, moment))):
                events.append((event_id, dossier_id, at, action, officer.pk,
                               officer.full_name, "", state, None, "", "{}"))
                event_id += 1
            dossier_id += 1
            if len(dossiers) >= 20000:
                flush(dossiers, steps, events)
                dossiers, steps, events = [], [], []
                emit(phase="load", dossiers=made)
    flush(dossiers, steps, events)
    copy_rows("dossiers_dailysequence", ["agency_id", "day", "last"], sequences)
    reset_sequences(["dossiers_dossier", "dossiers_dossierstep", "dossiers_dossierevent",
                     "dossiers_dailysequence"])


DOSSIER_COLUMNS = [
    "id", "agency_id", "code", "regime_id", "procedure_id", "version_id", "channel", "state",
    "revision", "applicant_kind", "applicant_name", "applicant_id_number", "applicant_phone",
    "applicant_email", "applicant_address", "owner_name", "subject", "sets", "return_method",
    "postal_address", "submitted_at", "received_at", "received_by_id", "initial_due_at",
    "due_at", "apology_due_at", "apologized_at", "clock_stopped_at", "supplement_count",
    "finished_at", "returned_at", "current_step_id", "current_assignee_id", "current_unit_id",
    "result_number", "result_summary",
    "tracking_secret", "idempotency_key", "search_text", "created_at",
]
STEP_COLUMNS = ["id", "dossier_id", "position", "process_step_id", "name", "unit_id", "role",
                "hours", "assignee_id", "started_at", "due_at", "finished_at"]
EVENT_COLUMNS = ["id", "dossier_id", "at", "action", "actor_id", "actor_name", "from_state",
                 "to_state", "step_id", "note", "data"]


def flush(dossiers, steps, events):
    # Django's foreign keys are deferred on PostgreSQL: dossiers may name their current step
    # before the step rows arrive, within the transaction.
    with transaction.atomic():
        copy_rows("dossiers_dossier", DOSSIER_COLUMNS, dossiers)
        copy_rows("dossiers_dossierstep", STEP_COLUMNS, steps)
        copy_rows("dossiers_dossierevent", EVENT_COLUMNS, events)


def timed(function, repeat):
    samples = []
    for _ in range(repeat):
        start = clock.perf_counter()
        function()
        samples.append((clock.perf_counter() - start) * 1000)
    return {"median_ms": round(statistics.median(samples), 2),
            "p95_ms": round(sorted(samples)[int(0.95 * len(samples)) - 1], 2),
            "runs": repeat}


def measure(agency, rng, repeat):
    total = Dossier.objects.filter(agency=agency).count()
    busiest_id = (Dossier.objects.filter(agency=agency, current_assignee__isnull=False,
                                         state__in=(State.RECEIVED, State.PROCESSING))
                  .values("current_assignee").annotate(n=django.db.models.Count("pk"))
                  .order_by("-n").values_list("current_assignee", flat=True).first())
    busiest = Staff.objects.select_related("user").get(pk=busiest_id)
    open_steps = worklist(busiest, Worklist.MY_STEPS).count()
    emit(dossiers=total, specialist=busiest.user.username, open_steps=open_steps)
    emit(figure="worklist_query_first_page", **timed(
        lambda: list(worklist(busiest, Worklist.MY_STEPS)[:50]), repeat))

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(busiest.user)
    sample = rng.choice(list(worklist(busiest, Worklist.MY_STEPS)[:50]))
    pages = {"worklist_page": ("dossiers:worklist", []),
             "dossier_page": ("dossiers:detail", [sample.code])}
    for name, (url_name, args) in pages.items():
        try:
            url = reverse(url_name, args=args)
        except NoReverseMatch:
            emit(figure=name, skipped=f"no URL named {url_name}")
            continue
        assert client.get(url).status_code == 200
        emit(figure=name, url=url, **timed(lambda url=url: client.get(url), repeat))
    url = f"/api/v1/dossiers/{sample.code}"
    if client.get(url).status_code == 200:
        emit(figure="dossier_api", url=url, **timed(lambda: client.get(url), repeat))

    officer = Staff.objects.filter(agency=agency, unit__is_counter=True).first()
    version = versions_in_force().filter(procedure__agency=agency,
                                         procedure__national_code="2.001610").get()
    documents = [ReceivedDocument(d.name, 1, 0, d.pk) for d in version.documents.all()]
    intake = Intake(ApplicantData(name="Trần Thị Đo Hiệu Năng", phone="0912345678",
                                  id_number="056190009999"), documents)
    emit(figure="intake", **timed(
        lambda: services.receive(officer, version.procedure, intake), repeat))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dossiers", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database.")
    call_command("migrate", verbosity=0)
    agency = load_demo_organization()
    load_demo_catalog(agency)
    rng = random.Random(766)
    have = Dossier.objects.filter(agency=agency).count()
    if have < args.dossiers:
        start = clock.perf_counter()
        load(agency, args.dossiers - have, rng)
        with connection.cursor() as cursor:
            # Autovacuum keeps a live database vacuumed; a fresh COPY is not yet.
            cursor.execute("VACUUM ANALYZE")
        emit(phase="loaded", dossiers=args.dossiers - have,
             seconds=round(clock.perf_counter() - start, 1))
    measure(agency, rng, args.repeat)


if __name__ == "__main__":
    main()
