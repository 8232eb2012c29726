from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "motcua.payments"
    label = "payments"
    verbose_name = "Thanh toán trực tuyến"

    def ready(self):
        # The built-in sandbox gateway registers itself on import; so does the system check.
        from . import checks  # noqa: F401
        from .gateways import sandbox  # noqa: F401
