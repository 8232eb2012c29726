"""The one permission layer for tenancy: every staff query goes through `scope_to_agency`."""

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
