from django.core.checks import Error, Warning, register
from django.core.exceptions import ImproperlyConfigured

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
