from django.conf import settings
from django.core.checks import Error, Warning, register
from django.core.exceptions import ImproperlyConfigured

from motcua.core.deployment import simulators_allowed

from .gateways.registry import registry


@register()
def check_selected_gateway(app_configs, **kwargs):
    """Catch a misspelt PAYMENT_GATEWAY or a missing key at `motcua check`, not at a payment."""
    try:
        gateway = registry.selected()
    except ImproperlyConfigured as exc:
        return [Error(str(exc), obj="PAYMENT_GATEWAY", id="payments.E001")]
    health = gateway.health()
    if not health.ok:
        return [Warning(health.problem, obj=gateway.code, id="payments.W001")]
    return []


@register()
def check_no_simulated_gateway_in_production(app_configs, **kwargs):
    """On a production server an applicant "paying" in the sandbox would see the fee as paid
    with no money moved: refuse it unless the deployment is declared a training one."""
    gateway = registry.get(settings.PAYMENT_GATEWAY)
    if not settings.ONLINE_PAYMENT_ENABLED or gateway is None or not gateway.simulator:
        return []
    if simulators_allowed():
        return []
    return [
        Error(
            f"PAYMENT_GATEWAY={gateway.code!r} is a simulated gateway that moves no money; a "
            "production deployment may not use it.",
            hint="Configure a real payment gateway, set ONLINE_PAYMENT_ENABLED=false, or set "
            "TRAINING_DEPLOYMENT=true if this deployment is for training only.",
            obj="PAYMENT_GATEWAY",
            id="payments.E002",
        )
    ]
