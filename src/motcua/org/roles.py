"""Role groups and the model permissions each role holds in the Django admin."""

from django.contrib.auth.models import Group, Permission

from .constants import Role

# Which apps' models each role may manage in the admin (view, add, change, delete).
ROLE_ADMIN_APPS: dict[str, list[str]] = {
    Role.ADMINISTRATOR: ["org", "worktime", "catalog", "auth", "notifications", "dossiers", "api",
                         "plans", "indices", "portal", "submissions", "payments", "feedback",
                         "desk"],
    Role.OFFICE: ["catalog", "plans", "indices", "portal", "feedback", "desk"],
}


def ensure_role_groups(**_kwargs) -> None:
    """Create one group per role and give it its permissions; safe to run again."""
    for role in Role:
        group, _ = Group.objects.get_or_create(name=role.value)
        apps = ROLE_ADMIN_APPS.get(role, [])
        if apps:
            group.permissions.set(Permission.objects.filter(content_type__app_label__in=apps))
