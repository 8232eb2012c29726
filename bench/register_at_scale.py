"""Produce a year's dossier register (XLSX) through the reports code on the database loaded by
dossiers_at_scale.py; time it and measure the process's peak memory.

Usage: DATABASE_URL=postgres://…/motcua_bench python bench/register_at_scale.py [--out FILE]
Prints one JSON line per figure. Run it in a fresh process: ru_maxrss is the process's peak.
"""

import argparse
from datetime import timedelta
import json
import os
import resource
import sys
import tempfile
import time as clock

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "motcua.conf.dev")
os.environ.setdefault("DEBUG", "false")  # DEBUG keeps every query in memory

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from openpyxl import load_workbook  # noqa: E402
from django.utils import timezone  # noqa: E402

from motcua.demo.org_seed import load_demo_organization  # noqa: E402
from motcua.indices.scope import Period  # noqa: E402
from motcua.reports.register import write_register  # noqa: E402


def peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", help="keep the file here (default: a temporary file)")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database.")
    agency = load_demo_organization()
    today = timezone.localdate()
    year = Period(today - timedelta(days=364), today)
    before = peak_mb()
    path = args.out or tempfile.mkstemp(suffix=".xlsx")[1]
    start = clock.perf_counter()
    with open(path, "wb") as out:
        rows = write_register(agency, year, out)
    seconds = clock.perf_counter() - start
    print(json.dumps({
        "figure": "register_xlsx_year", "period": f"{year.start}..{year.end}", "rows": rows,
        "seconds": round(seconds, 1), "peak_rss_mb": peak_mb(),
        "rss_before_mb": before, "file_mb": round(os.path.getsize(path) / 2**20, 1),
    }), flush=True)
    # The file opens: its header and first dossier, read back by openpyxl.
    sheet = load_workbook(path, read_only=True).active
    head = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3, max_row=4)]
    print(json.dumps({"check": "read_back", "header": head[0][:3], "first": head[1][:3]},
                     ensure_ascii=False, default=str), flush=True)
    if not args.out:
        os.remove(path)


if __name__ == "__main__":
    main()
