from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "motcua.core"
    label = "core"
    verbose_name = "Lõi hệ thống"

    def ready(self):
        # The production checks register themselves on import.
        from . import checks  # noqa: F401
