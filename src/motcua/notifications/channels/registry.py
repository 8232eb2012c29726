import inspect

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from ..constants import Channel
from .base import BaseChannel


class Registry:
    """The channel plugins by id. Registering a second plugin under a taken id is an error,
    so that a plugin can never silently replace another."""

    def __init__(self):
        self._plugins: dict[str, type[BaseChannel]] = {}

    def register(self, plugin_class: type[BaseChannel]) -> type[BaseChannel]:
        """Class decorator: `@register` above a BaseChannel subclass."""
        if not (isinstance(plugin_class, type) and issubclass(plugin_class, BaseChannel)):
            raise TypeError(f"{plugin_class!r} is not a BaseChannel")
        if inspect.isabstract(plugin_class):
            raise TypeError(f"{plugin_class.__qualname__} does not implement send() and check()")
        plugin_id = getattr(plugin_class, "id", "")
        if not plugin_id:
            raise ValueError(f"{plugin_class.__qualname__} has no id")
        channel = getattr(plugin_class, "channel", None)
        if channel not in Channel.values:
            raise ValueError(f"{plugin_class.__qualname__}: unknown channel {channel!r}")
        if plugin_id in self._plugins:
            raise ValueError(
                f"Notification channel id {plugin_id!r} is already registered by "
                f"{self._plugins[plugin_id].__module__}.{self._plugins[plugin_id].__qualname__}"
            )
        self._plugins[plugin_id] = plugin_class
        return plugin_class

    def __iter__(self):
        return iter(self._plugins.values())

    def plugin_for(self, channel: str) -> BaseChannel:
        """The plugin the settings choose for `channel`, built with its configured options."""
        channel = Channel(channel).value
        plugin_id = settings.NOTIFICATIONS_PLUGINS.get(channel)
        plugin_class = self._plugins.get(plugin_id)
        if plugin_class is None:
            raise ImproperlyConfigured(
                f"NOTIFICATIONS_PLUGINS[{channel!r}] names {plugin_id!r}, which is not a "
                f"registered channel plugin (registered: {', '.join(sorted(self._plugins))})."
            )
        if plugin_class.channel != channel:
            raise ImproperlyConfigured(
                f"The plugin {plugin_id!r} delivers {str(plugin_class.channel)!r} messages, "
                f"not {channel!r}."
            )
        options = settings.NOTIFICATIONS_CHANNEL_OPTIONS.get(plugin_id, {})
        try:
            return plugin_class(**options)
        except TypeError as exc:
            raise ImproperlyConfigured(
                f"NOTIFICATIONS_CHANNEL_OPTIONS[{plugin_id!r}]: {exc}"
            ) from exc


registry = Registry()
register = registry.register
