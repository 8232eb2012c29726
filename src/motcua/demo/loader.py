"""Load the whole demo Department: organisation, working calendar rows, procedure catalogue."""

from django.db import transaction

from motcua.worktime.official_rows import load_official_rows

from .catalog_seed import load_demo_catalog
from .org_seed import load_demo_organization


@transaction.atomic
def load_demo() -> str:
    department = load_demo_organization()
    load_official_rows(department)
    procedures = load_demo_catalog(department)
    return f"{department.name}: {department.units.count()} đơn vị, " \
        f"{department.staff.count()} cán bộ, {procedures} thủ tục"
