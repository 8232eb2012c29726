from django.apps import AppConfig
from django.db.models.signals import post_migrate


class OrgConfig(AppConfig):
    name = "motcua.org"
    label = "org"
    verbose_name = "Tổ chức"

    def ready(self):
        from .roles import ensure_role_groups

        # Permissions exist only after every app has migrated, hence post_migrate.
        post_migrate.connect(ensure_role_groups, dispatch_uid="motcua.org.ensure_role_groups")

        from . import admin_signins

        # axes' own admin is off (AXES_ENABLE_ADMIN): these pages are scoped to the agency.
        admin_signins.register()
