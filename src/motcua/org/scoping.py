"""The one permission layer for tenancy: every staff query goes through `scope_to_agency`."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from .models import Staff


def staff_of(user) -> Staff | None:
    """The Staff row of a signed-in user, or None (anonymous, or a user with no agency)."""
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.staff
    except Staff.DoesNotExist:
        return None


def scope_to_agency(queryset: QuerySet, user, agency_field: str = "agency") -> QuerySet:
    """Rows of `queryset` the user may see: those of the user's own agency.

    A superuser with no agency (the deployment's operator) sees every agency; any other user
    without a Staff row sees nothing.
    """
    staff = staff_of(user)
    if staff is None:
        return queryset if getattr(user, "is_superuser", False) else queryset.none()
    return queryset.filter(**{agency_field: staff.agency_id})


def require_staff(request, *roles: str, refusal: str = "") -> Staff:
    """The signed-in staff member of a staff page, with agency, unit and roles loaded once.

    PermissionDenied (a Vietnamese 403) for a user of no agency, and — when `roles` are given —
    for one holding none of them, with `refusal` as the message.
    """
    staff = staff_of(request.user)
    if staff is None:
        raise PermissionDenied("Tài khoản chưa gắn với cơ quan nào.")
    staff = (
        Staff.objects.select_related("user", "unit", "agency")
        .prefetch_related("user__groups")
        .get(pk=staff.pk)
    )
    if roles and not staff.has_role(*roles):
        raise PermissionDenied(refusal or "Trang này dành cho vai trò khác.")
    return staff
