from django.apps import AppConfig
from django.db.models.signals import post_migrate


class IndicesConfig(AppConfig):
    name = "motcua.indices"
    label = "indices"
    verbose_name = "Chỉ số"

    def ready(self):
        from .d766.table import ensure_point_table

        # The shipped Decision 766 point table is back after every migrate and every flush.
        post_migrate.connect(ensure_point_table, dispatch_uid="motcua.indices.d766_point_table")
