from datetime import date

from motcua.dossiers.tests.conftest import world  # noqa: F401  (agency, units and staff)
from motcua.indices.scope import Period
from motcua.indices.tests.conftest import month  # noqa: F401  (the fixed March 2024)

MARCH = Period(date(2024, 3, 1), date(2024, 3, 31))
