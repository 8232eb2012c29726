from django.apps import AppConfig
from django.db.models.signals import post_migrate


class DossiersConfig(AppConfig):
    name = "motcua.dossiers"
    label = "dossiers"
    verbose_name = "Hồ sơ"

    def ready(self):
        from .regimes import ensure_regimes

        post_migrate.connect(
            ensure_regimes, sender=self, dispatch_uid="motcua.dossiers.ensure_regimes"
        )
