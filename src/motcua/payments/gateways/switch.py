"""Whether online payment is offered: switched off by ONLINE_PAYMENT_ENABLED, and never through
a simulated gateway on a production deployment that is not a training one."""

from django.conf import settings

from motcua.core.deployment import simulators_allowed

from .registry import registry

OFF = (
    "Thanh toán trực tuyến không được cung cấp. Ông/Bà vui lòng nộp phí, lệ phí tại Bộ phận "
    "Một cửa."
)


def simulator_refused(code: str) -> bool:
    """Whether `code` names a simulated gateway that may not settle payments here; its
    callbacks are then not even read."""
    gateway = registry.get(code)
    return gateway is not None and gateway.simulator and not simulators_allowed()


def online_payment_offered() -> bool:
    """Whether the portal may invite an applicant to pay online and start a payment."""
    return (
        settings.ONLINE_PAYMENT_ENABLED
        and registry.get(settings.PAYMENT_GATEWAY) is not None
        and not simulator_refused(settings.PAYMENT_GATEWAY)
    )
