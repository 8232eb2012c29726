from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
import pytest

from motcua.org.constants import Role
from motcua.org.scoping import require_staff
from motcua.org.tests.factories import make_staff


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_a_staff_page_gets_the_staff_member_with_roles_loaded(
    agency, counter_unit, django_assert_num_queries
):
    officer = make_staff("motcua", agency, counter_unit, Role.COUNTER_OFFICER)
    staff = require_staff(_request(officer.user), Role.COUNTER_OFFICER)
    with django_assert_num_queries(0):
        assert staff.has_role(Role.COUNTER_OFFICER) and staff.agency == agency


def test_no_agency_or_no_role_is_a_vietnamese_refusal(agency, counter_unit):
    officer = make_staff("motcua", agency, counter_unit, Role.COUNTER_OFFICER)
    with pytest.raises(PermissionDenied, match="chưa gắn với cơ quan"):
        require_staff(_request(get_user_model().objects.create_user("khach")))
    with pytest.raises(PermissionDenied, match="Chỉ lãnh đạo"):
        require_staff(_request(officer.user), Role.DIRECTOR, refusal="Chỉ lãnh đạo.")
