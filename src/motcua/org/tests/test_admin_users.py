"""An agency's administrator manages the accounts of their own agency's staff, and nothing more.

The blocker of issue #10: the role held every `auth` permission and Django's user and group pages
were not scoped, so one agency's administrator could list every account of the deployment, reset
another agency's director's password and make himself a superuser.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
import pytest

from motcua.org.constants import Role
from motcua.org.models import Staff, Unit
from motcua.org.tests.admin_pages import page_data
from motcua.org.tests.factories import PASSWORD, make_staff

User = get_user_model()


@pytest.fixture
def director_elsewhere(other_agency):
    unit = Unit.objects.create(agency=other_agency, code="van-phong", name="Văn phòng Sở")
    return make_staff(
        "giamdoc-stc", other_agency, unit, Role.DIRECTOR, full_name="Trần Thị Giám Đốc"
    )


@pytest.fixture
def colleague(agency, counter_unit):
    return make_staff(
        "dongnghiep", agency, counter_unit, Role.COUNTER_OFFICER, full_name="Lê Văn Đồng Nghiệp"
    )


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator.user)
    return client


def change_url(user):
    return f"/quan-tri/auth/user/{user.pk}/change/"


def test_the_user_list_shows_only_the_own_agencys_staff_and_no_superuser(
    admin_client, colleague, director_elsewhere
):
    User.objects.create_superuser("vanhanh", password=PASSWORD)
    page = admin_client.get("/quan-tri/auth/user/")
    assert page.status_code == 200
    shown = set(page.context["cl"].result_list.values_list("username", flat=True))
    assert shown == {"quantri", "dongnghiep"}


def test_another_agencys_account_cannot_be_opened_nor_its_password_reset(
    admin_client, director_elsewhere
):
    user = director_elsewhere.user
    assert admin_client.get(change_url(user)).status_code in (302, 404)
    password_url = f"/quan-tri/auth/user/{user.pk}/password/"
    assert admin_client.get(password_url).status_code == 404
    answer = admin_client.post(
        password_url,
        {"password1": "Mk-moi-2026!x", "password2": "Mk-moi-2026!x", "usable_password": "true"},
    )
    assert answer.status_code == 404
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_an_administrator_cannot_make_himself_a_superuser_nor_give_raw_permissions(
    admin_client, administrator
):
    user = administrator.user
    data = page_data(admin_client.get(change_url(user)))
    assert "is_superuser" not in data and "user_permissions" not in data
    every_permission = [str(pk) for pk in Permission.objects.values_list("pk", flat=True)]
    data.update(is_superuser="on", user_permissions=every_permission)
    answer = admin_client.post(change_url(user), data)
    assert answer.status_code == 302
    user.refresh_from_db()
    assert not user.is_superuser
    assert not user.user_permissions.exists()


def test_only_the_products_role_groups_can_be_granted(admin_client, colleague):
    powerful = Group.objects.create(name="toàn quyền")
    powerful.permissions.set(Permission.objects.all())
    page = admin_client.get(change_url(colleague.user))
    choices = set(
        page.context["adminform"].form.fields["groups"].queryset.values_list("name", flat=True)
    )
    assert choices == set(Role.values)
    data = page_data(page)
    data["groups"] = [str(powerful.pk)]
    assert admin_client.post(change_url(colleague.user), data).status_code == 200
    assert not colleague.user.groups.filter(pk=powerful.pk).exists()


def test_granting_the_administrator_role_to_a_colleague_is_allowed(admin_client, colleague):
    data = page_data(admin_client.get(change_url(colleague.user)))
    administrator_group = Group.objects.get(name=Role.ADMINISTRATOR)
    data["groups"] = data.get("groups", []) + [str(administrator_group.pk)]
    assert admin_client.post(change_url(colleague.user), data).status_code == 302
    assert Staff.objects.get(pk=colleague.pk).has_role(Role.ADMINISTRATOR)


def test_a_new_account_is_created_with_its_staff_row_in_the_own_agency(
    admin_client, agency, counter_unit, other_agency
):
    page = admin_client.get("/quan-tri/auth/user/add/")
    assert page.status_code == 200
    units = page.context["inline_admin_formsets"][0].formset.forms[0].fields["unit"].queryset
    assert list(units) == [counter_unit]
    data = {
        "username": "canbomoi",
        "usable_password": "true",
        "password1": "Mat-khau-dai-2026",
        "password2": "Mat-khau-dai-2026",
        "staff-TOTAL_FORMS": "1",
        "staff-INITIAL_FORMS": "0",
        "staff-MIN_NUM_FORMS": "1",
        "staff-MAX_NUM_FORMS": "1",
        "staff-0-unit": str(counter_unit.pk),
        "staff-0-position": "Chuyên viên",
    }
    assert admin_client.post("/quan-tri/auth/user/add/", data).status_code == 302
    staff = Staff.objects.get(user__username="canbomoi")
    assert staff.agency == agency and staff.unit == counter_unit


def test_a_new_account_needs_its_staff_row_and_a_unit_of_the_own_agency(admin_client, other_agency):
    foreign_unit = Unit.objects.create(agency=other_agency, code="khac", name="Phòng khác")
    data = {
        "username": "canbomoi",
        "usable_password": "true",
        "password1": "Mat-khau-dai-2026",
        "password2": "Mat-khau-dai-2026",
        "staff-TOTAL_FORMS": "1",
        "staff-INITIAL_FORMS": "0",
        "staff-MIN_NUM_FORMS": "1",
        "staff-MAX_NUM_FORMS": "1",
        "staff-0-unit": str(foreign_unit.pk),
    }
    assert admin_client.post("/quan-tri/auth/user/add/", data).status_code == 200
    data["staff-0-unit"] = ""
    assert admin_client.post("/quan-tri/auth/user/add/", data).status_code == 200
    assert not User.objects.filter(username="canbomoi").exists()


def test_the_agency_administrator_does_not_see_or_edit_groups(admin_client):
    group = Group.objects.get(name=Role.DIRECTOR)
    assert admin_client.get("/quan-tri/auth/group/").status_code == 403
    assert admin_client.get(f"/quan-tri/auth/group/{group.pk}/change/").status_code == 403
    assert admin_client.get("/quan-tri/auth/group/add/").status_code == 403


def test_the_operator_still_manages_every_account_and_superuser_status(
    client, colleague, director_elsewhere
):
    operator = User.objects.create_superuser("vanhanh", password=PASSWORD)
    client.force_login(operator)
    shown = set(
        client.get("/quan-tri/auth/user/")
        .context["cl"]
        .result_list.values_list("username", flat=True)
    )
    assert {"dongnghiep", "giamdoc-stc", "vanhanh"} <= shown
    page = client.get(change_url(director_elsewhere.user))
    assert "is_superuser" in page.context["adminform"].form.fields
