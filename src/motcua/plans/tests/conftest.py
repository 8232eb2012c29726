from types import SimpleNamespace

import pytest

from motcua.demo.org_seed import UNITS
from motcua.org.constants import Role
from motcua.org.models import Unit
from motcua.org.tests.factories import make_staff


@pytest.fixture
def dept(agency):
    """The demo Department's units with an office clerk, a unit head (with e-mail) and a
    specialist of the business-registration unit, and a head of the investment centre."""
    units = {
        code: Unit.objects.create(agency=agency, code=code, name=name, is_counter=counter)
        for code, name, counter, _ in UNITS
    }
    office = make_staff(
        "vanphong", agency, units["van-phong"], Role.OFFICE, full_name="Lê Thị Thu Hà"
    )
    head = make_staff(
        "lanhdao.dkkd",
        agency,
        units["dang-ky-kinh-doanh"],
        Role.UNIT_HEAD,
        full_name="Huỳnh Văn Tâm",
    )
    head.user.email = "tam@example.vn"
    head.user.save()
    specialist = make_staff(
        "chuyenvien.dkkd",
        agency,
        units["dang-ky-kinh-doanh"],
        Role.SPECIALIST,
        full_name="Ngô Thị Hồng",
    )
    investment_head = make_staff(
        "lanhdao.xtdt", agency, units["xuc-tien-dau-tu"], Role.UNIT_HEAD, full_name="Phan Thị Ngọc"
    )
    return SimpleNamespace(
        agency=agency,
        units=units,
        office=office,
        head=head,
        specialist=specialist,
        investment_head=investment_head,
    )
