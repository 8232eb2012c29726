"""The vocabulary every app's `permissions.py` is written in.

Each app keeps its "who may do this" rules as plain predicates in its own `permissions.py`
(`may_<action>(staff, obj) -> bool`, with the refusal beside it); pages, the API, the admin, the
exports and the printed forms all ask those predicates, and `require` turns a refusal into the
403 that both a page (Django's PermissionDenied) and the API (its handler) answer.
"""

from django.core.exceptions import PermissionDenied

from .constants import Role
from .scoping import staff_of

# The agency's management: they see the whole agency's work and figures.
MANAGEMENT = (Role.DIRECTOR, Role.OFFICE)


def is_operator(user) -> bool:
    """The deployment's operator: a superuser bound to no agency. Only the operator manages
    agencies and superusers."""
    return bool(getattr(user, "is_superuser", False)) and staff_of(user) is None


def in_agency(staff, agency_id) -> bool:
    return staff is not None and agency_id is not None and staff.agency_id == agency_id


def in_unit(staff, unit_id) -> bool:
    return staff is not None and unit_id is not None and staff.unit_id == unit_id


def is_management(staff) -> bool:
    return staff is not None and staff.has_role(*MANAGEMENT)


def heads_unit(staff, unit_id) -> bool:
    """The head of `unit_id` (a unit head of that very unit)."""
    return in_unit(staff, unit_id) and staff.has_role(Role.UNIT_HEAD)


def require(allowed: bool, refusal: str = "Bạn không có quyền thực hiện việc này.") -> None:
    """Raise the 403 of `refusal` unless `allowed`."""
    if not allowed:
        raise PermissionDenied(refusal)
