from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from motcua.org.models import Staff

PASSWORD = "mat-khau-thu-nghiem"


def make_staff(username, agency, unit, *roles, is_staff=False, full_name="Nguyễn Văn An"):
    """A user with a Staff row in `agency`/`unit` and the given role groups."""
    last_name, _, first_name = full_name.rpartition(" ")
    user = get_user_model().objects.create_user(
        username,
        password=PASSWORD,
        first_name=first_name,
        last_name=last_name,
        is_staff=is_staff,
    )
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return Staff.objects.create(user=user, agency=agency, unit=unit)
