import inspect

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .base import Gateway


class Registry:
    """The gateway plugins by code. A second plugin under a taken code is an error, so that a
    plugin can never silently replace another."""

    def __init__(self):
        self._plugins: dict[str, type[Gateway]] = {}

    def register(self, plugin_class: type[Gateway]) -> type[Gateway]:
        """Class decorator: `@register` above a Gateway subclass."""
        if not (isinstance(plugin_class, type) and issubclass(plugin_class, Gateway)):
            raise TypeError(f"{plugin_class!r} is not a Gateway")
        if inspect.isabstract(plugin_class):
            raise TypeError(f"{plugin_class.__qualname__} does not implement the whole Gateway")
        code = getattr(plugin_class, "code", "")
        if not code:
            raise ValueError(f"{plugin_class.__qualname__} has no code")
        if code in self._plugins:
            raise ValueError(
                f"Payment gateway {code!r} is already registered by "
                f"{self._plugins[code].__module__}"
            )
        self._plugins[code] = plugin_class
        return plugin_class

    def __iter__(self):
        return iter(self._plugins.values())

    def get(self, code: str) -> Gateway | None:
        """The plugin registered as `code` (callbacks name it in their URL), or None."""
        plugin_class = self._plugins.get(code)
        return plugin_class() if plugin_class else None

    def selected(self) -> Gateway:
        """The plugin PAYMENT_GATEWAY chooses for new payments."""
        gateway = self.get(settings.PAYMENT_GATEWAY)
        if gateway is None:
            raise ImproperlyConfigured(
                f"PAYMENT_GATEWAY names {settings.PAYMENT_GATEWAY!r}, which is not a registered "
                f"payment gateway (registered: {', '.join(sorted(self._plugins))})."
            )
        return gateway


registry = Registry()
register = registry.register
