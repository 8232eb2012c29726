from django.core.management import call_command

from motcua.catalog.constants import VersionStatus
from motcua.catalog.models import Procedure, ProcedureVersion
from motcua.demo.loader import load_demo
from motcua.demo.org_seed import DEPARTMENT, LOGINS
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.org.constants import Role
from motcua.org.models import Agency, Staff, Unit
from motcua.worktime.models import CalendarDay


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Agency,
            Unit,
            Staff,
            Procedure,
            ProcedureVersion,
            CalendarDay,
            Dossier,
            DossierEvent,
        )
    }


def test_demo_loads_the_department_and_twice_changes_nothing(db):
    load_demo(days=20)
    first = _counts()
    load_demo(days=20)
    assert _counts() == first

    department = Agency.objects.get(code=DEPARTMENT["code"])
    assert department.parent.name == "Ủy ban nhân dân tỉnh Khánh Hòa"
    assert department.units.filter(is_counter=True).count() == 1
    assert Staff.objects.filter(agency=department).count() == len(LOGINS)
    published = ProcedureVersion.objects.filter(
        procedure__agency=department, status=VersionStatus.PUBLISHED
    )
    assert published.count() >= 25
    assert published.filter(procedure__national_code="2.001610").exists()
    assert Dossier.objects.filter(agency=department).count() > 10


def test_every_role_has_a_demo_login(db):
    load_demo(days=20)
    roles = {role for login in LOGINS for role in login.roles}
    assert roles == set(Role.values)


def _signs_in(client, username, password) -> bool:
    """Through the sign-in page: django-axes refuses `client.login`, which passes no request."""
    answer = client.post("/dang-nhap/", {"username": username, "password": password})
    return answer.status_code == 302


def test_demo_logins_sign_in_with_the_documented_password(client, db, settings):
    call_command("load_demo", "--days", "5", verbosity=0)
    for username in ("motcua", "giamdoc", "quantri"):
        assert _signs_in(client, username, settings.MOTCUA_DEMO_PASSWORD)
        client.logout()


def test_a_changed_demo_password_is_kept_on_reload(client, db, settings):
    load_demo(days=20)
    staff = Staff.objects.get(user__username="motcua")
    staff.user.set_password("doi-mat-khau-2026")
    staff.user.save()
    load_demo(days=20)
    assert _signs_in(client, "motcua", "doi-mat-khau-2026")
