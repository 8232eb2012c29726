"""Portal fixtures: the demo Department with its 35 procedures and the portal's demo rows."""

from django.db import transaction
import pytest

from motcua.catalog.models import Procedure
from motcua.demo.loader import load_demo
from motcua.org.models import Agency
from motcua.portal.demo import load_demo_portal

PRIVATE_COMPANY = "Đăng ký thành lập doanh nghiệp tư nhân"


def load_portal_demo() -> Agency:
    load_demo(days=0)
    department = Agency.objects.filter(procedures__isnull=False).distinct().get()
    load_demo_portal(department)
    return department


@pytest.fixture(scope="module")
def _module_demo(django_db_setup, django_db_blocker):
    """The demo loaded once per module inside a transaction rolled back at its end; each test's
    own transaction nests in it. Not for `transaction=True` tests."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_portal_demo()
        transaction.set_rollback(True)


@pytest.fixture
def department(db, _module_demo):
    return _module_demo


@pytest.fixture
def private_company(department):
    return Procedure.objects.get(agency=department, versions__name=PRIVATE_COMPANY)
