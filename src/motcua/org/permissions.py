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


# --- Administration (`/quan-tri/`) -----------------------------------------------------------
# These take the acting *user*, not a Staff row: the deployment's operator has none.

# The only groups an agency's administrator may grant: the product's roles, defined by code.
GRANTABLE_ROLES = tuple(Role.values)

NOT_YOUR_AGENCY = "Bạn chỉ quản trị được dữ liệu của cơ quan mình."
OPERATOR_ONLY = "Chỉ người vận hành hệ thống mới thực hiện được việc này."


def administers(staff, agency_id) -> bool:
    """An administrator of `agency_id` (an agency's own administrator)."""
    return in_agency(staff, agency_id) and staff.has_role(Role.ADMINISTRATOR)


def may_administer(actor, agency_id) -> bool:
    """May `actor` manage the admin rows of `agency_id`: the operator, or that agency's
    administrator. Permission bits say which kinds of rows; this says whose."""
    return is_operator(actor) or administers(staff_of(actor), agency_id)


def may_manage_users(actor) -> bool:
    """Opens the accounts pages at all: the operator, or an administrator of some agency."""
    staff = staff_of(actor)
    return is_operator(actor) or administers(staff, getattr(staff, "agency_id", None))


def may_manage_user(actor, user) -> bool:
    """Change `user`'s account (name, password, roles, active): the operator for everyone; an
    agency's administrator only for staff of that agency, and never for a superuser."""
    if is_operator(actor):
        return True
    if user is None or user.is_superuser:
        return False
    return administers(staff_of(actor), getattr(staff_of(user), "agency_id", None))


def may_grant_superuser(actor) -> bool:
    """Superuser status, raw permissions and groups other than the roles: the operator only."""
    return is_operator(actor)


def may_manage_agencies(actor) -> bool:
    """Add or delete agencies, change their codes and parents: the operator only (the code is in
    every dossier's reference, the parent decides who reports to whom)."""
    return is_operator(actor)


def may_edit_agency(actor, agency) -> bool:
    """Change an agency's name, contacts and units: the operator, or that agency's
    administrator."""
    return agency is not None and may_administer(actor, agency.pk)
