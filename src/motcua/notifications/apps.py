from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "motcua.notifications"
    label = "notifications"
    verbose_name = "Thông báo"

    def ready(self):
        # The built-in channel plugins register themselves on import; so does the system check.
        from . import checks  # noqa: F401
        from .channels import email, in_app, sms_local  # noqa: F401
