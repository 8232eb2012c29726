"""Vietnam's national days off and make-up working days, from the `holidays` package.

`holidays.VN` follows the Labour Code (Art. 111–112) with the observed-day rules and the official
day swaps the package knows of. What it lacks, or what the Government announces later, goes into
each agency's calendar rows (see `official_rows`).
"""

from dataclasses import dataclass
from datetime import date
from functools import cache

import holidays


@dataclass(frozen=True)
class NationalYear:
    days_off: frozenset[date]
    # Weekend days worked in exchange for a day off (e.g. Saturday 26/4/2025).
    working_days: frozenset[date]


@cache  # one entry per year asked, and only SUPPORTED_YEARS are ever asked
def national_year(year: int) -> NationalYear:
    """The national calendar of one year; computed once per process, as it never changes."""
    vietnam = holidays.VN(years=year)
    return NationalYear(
        days_off=frozenset(vietnam),
        # The package lists swaps across a new year (27/12/2014 for 2/1/2015) under every year.
        working_days=frozenset(day for day in vietnam.weekend_workdays if day.year == year),
    )
