"""Role groups and the model permissions each role holds in the Django admin.

Permission bits say which kinds of rows a role may touch in `/quan-tri/`; whose rows they are is
decided by the admin classes (`AgencyScopedAdmin`, the accounts admin) asking `org.permissions`.
The administrator role gets no `auth` permission beyond the accounts it manages: never groups
or raw permissions, which only the deployment's operator (a superuser) handles.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from .constants import Role

EVERY_ACTION = ("view", "add", "change", "delete")

# Apps whose admin pages are scoped to the administrator's agency: every permission of them.
AGENCY_ADMIN_APPS = [
    "worktime",
    "catalog",
    "notifications",
    "api",
    "plans",
    "indices",
    "portal",
    "submissions",
    "payments",
    "feedback",
    "desk",
]

# "app.model": the actions a role has on it. Accounts are deactivated, not deleted: their names
# stay on the dossiers they handled. Agencies are added and deleted by the operator only.
ADMINISTRATOR_MODELS: dict[str, tuple[str, ...]] = {
    "auth.user": ("view", "add", "change"),
    "org.agency": ("view", "change"),
    "org.unit": EVERY_ACTION,
    "org.staff": ("view", "add", "change"),
}

ROLE_ADMIN_APPS: dict[str, list[str]] = {
    Role.ADMINISTRATOR: AGENCY_ADMIN_APPS,
    Role.OFFICE: ["catalog", "plans", "indices", "portal", "feedback", "desk"],
}
ROLE_ADMIN_MODELS: dict[str, dict[str, tuple[str, ...]]] = {
    Role.ADMINISTRATOR: ADMINISTRATOR_MODELS,
}


def role_permissions(role: str):
    """The permissions `role` holds: whole apps, plus the listed actions on single models."""
    wanted = Q(content_type__app_label__in=ROLE_ADMIN_APPS.get(role, []))
    for label, actions in ROLE_ADMIN_MODELS.get(role, {}).items():
        app_label, model = label.split(".")
        wanted |= Q(
            content_type__app_label=app_label,
            content_type__model=model,
            codename__in=[f"{action}_{model}" for action in actions],
        )
    return Permission.objects.filter(wanted)


def ensure_role_groups(**_kwargs) -> None:
    """Create one group per role and set its permissions to exactly these; safe to run again
    (and it takes away what an earlier version gave)."""
    for role in Role:
        group, _ = Group.objects.get_or_create(name=role.value)
        group.permissions.set(role_permissions(role))
