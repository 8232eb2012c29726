"""A cast for the role × action × resource matrices: every role in the agency's own unit, the
counter roles at its counter, a specialist and a unit head of another unit, and every role in
another agency. People are keyed by `"<role>"`, `"other_unit_<role>"` and `"other_agency_<role>"`.
"""

from dataclasses import dataclass, field

from motcua.org.constants import Role
from motcua.org.models import Agency, Staff, Unit

from .factories import make_staff

COUNTER_ROLES = {Role.COUNTER_OFFICER, Role.CLERK}
UNIT_ROLES = (Role.SPECIALIST, Role.UNIT_HEAD)


@dataclass
class Cast:
    agency: Agency
    other_agency: Agency
    counter: Unit
    unit: Unit
    other_unit: Unit
    people: dict[str, Staff] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Staff:
        return self.people[key]


def make_cast(agency: Agency, other_agency: Agency) -> Cast:
    counter = Unit.objects.get_or_create(
        agency=agency, code="mot-cua", defaults={"name": "Bộ phận Một cửa", "is_counter": True}
    )[0]
    unit = Unit.objects.create(agency=agency, code="dkkd", name="Phòng Đăng ký kinh doanh")
    other_unit = Unit.objects.create(agency=agency, code="kthd", name="Phòng Kinh tế đối ngoại")
    other_counter = Unit.objects.create(
        agency=other_agency, code="mot-cua", name="Bộ phận Một cửa", is_counter=True
    )
    other_agency_unit = Unit.objects.create(agency=other_agency, code="nv", name="Phòng Nghiệp vụ")
    cast = Cast(agency, other_agency, counter, unit, other_unit)
    for role in Role:
        home = counter if role in COUNTER_ROLES else unit
        away = other_counter if role in COUNTER_ROLES else other_agency_unit
        cast.people[role.value] = make_staff(
            f"c-{role.value}", agency, home, role, full_name=f"Cán bộ {role.label}"
        )
        cast.people[f"other_agency_{role.value}"] = make_staff(
            f"c-oa-{role.value}", other_agency, away, role, full_name=f"Cán bộ khác {role.label}"
        )
    for role in UNIT_ROLES:
        cast.people[f"other_unit_{role.value}"] = make_staff(
            f"c-ou-{role.value}",
            agency,
            other_unit,
            role,
            full_name=f"Cán bộ phòng khác {role.label}",
        )
    return cast
