from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from motcua.org.constants import Role
from motcua.org.models import Staff, Unit
from motcua.org.scoping import scope_to_agency
from motcua.org.tests.factories import make_staff


def test_staff_see_only_their_own_agency(agency, other_agency, counter_unit):
    other_unit = Unit.objects.create(agency=other_agency, code="mot-cua", name="Một cửa")
    mine = make_staff("a", agency, counter_unit, Role.COUNTER_OFFICER)
    theirs = make_staff("b", other_agency, other_unit, Role.COUNTER_OFFICER)

    visible = scope_to_agency(Staff.objects.all(), mine.user)
    assert list(visible) == [mine]
    assert list(scope_to_agency(Staff.objects.all(), theirs.user)) == [theirs]
    assert list(scope_to_agency(Unit.objects.all(), mine.user)) == [counter_unit]


def test_users_without_agency_see_nothing_unless_operator(agency, counter_unit):
    make_staff("a", agency, counter_unit)
    plain = get_user_model().objects.create_user("plain")
    operator = get_user_model().objects.create_superuser("root", password="x")
    assert not scope_to_agency(Staff.objects.all(), plain).exists()
    assert not scope_to_agency(Staff.objects.all(), AnonymousUser()).exists()
    assert scope_to_agency(Staff.objects.all(), operator).count() == 1


def test_roles_come_from_groups(agency, counter_unit):
    staff = make_staff("a", agency, counter_unit, Role.UNIT_HEAD, Role.SPECIALIST)
    assert staff.has_role(Role.UNIT_HEAD)
    assert not staff.has_role(Role.DIRECTOR)
    assert staff.role_labels() == ["Chuyên viên", "Lãnh đạo phòng"]
