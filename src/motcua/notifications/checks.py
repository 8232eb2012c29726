from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from .channels.registry import registry
from .constants import Channel


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
