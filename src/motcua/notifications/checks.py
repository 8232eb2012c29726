from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from motcua.core.deployment import simulators_allowed

from .channels.registry import registry
from .constants import Channel
from .reach import UNDELIVERING_MAIL_BACKENDS

HINT = (
    "Configure a real channel, or set TRAINING_DEPLOYMENT=true if this deployment is for "
    "training only."
)


@register()
def check_selected_channel_plugins(app_configs, **kwargs):
    """Catch a misspelt plugin id or option at `motcua check`, not at the first send."""
    errors = []
    for channel in Channel:
        try:
            registry.plugin_for(channel)
        except ImproperlyConfigured as exc:
            errors.append(Error(str(exc), obj="NOTIFICATIONS_PLUGINS", id="notifications.E001"))
    return errors


@register()
def check_no_simulated_channel_in_production(app_configs, **kwargs):
    """An applicant told "we sent you an SMS" on a production server must have been sent one:
    the local SMS table and mail backends that deliver nothing are refused there, unless the
    deployment is declared a training one."""
    if simulators_allowed():
        return []
    simulated = {plugin.id for plugin in registry if plugin.simulator}
    errors = [
        Error(
            f"The {channel} channel uses {plugin_id!r}, a simulated channel that reaches no one; "
            "a production deployment may not use it.",
            hint=HINT,
            obj="NOTIFICATIONS_PLUGINS",
            id="notifications.E002",
        )
        for channel, plugin_id in settings.NOTIFICATIONS_PLUGINS.items()
        if plugin_id in simulated
    ]
    if settings.EMAIL_BACKEND in UNDELIVERING_MAIL_BACKENDS:
        errors.append(
            Error(
                f"EMAIL_BACKEND={settings.EMAIL_BACKEND!r} delivers no e-mail; a production "
                "deployment may not use it.",
                hint="Set EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend and the "
                "EMAIL_HOST settings, or TRAINING_DEPLOYMENT=true for a training deployment.",
                obj="EMAIL_BACKEND",
                id="notifications.E003",
            )
        )
    return errors
