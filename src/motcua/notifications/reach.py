"""Whom a message can reach: which configured channels deliver to people outside the server, and
which addresses are fiction (the demo's, the tests') that must never be sent through them.

Fiction, so that no real person is ever messaged by demo data:
- e-mail: the domains reserved for examples (RFC 2606, RFC 6761): example.com/.net/.org and any
  name under .example, .invalid, .test or .localhost;
- SMS: mobile numbers 0300 xxx xxx. Vietnam reserves no number range for fiction; the 030
  prefix is allocated to no network (Viettel holds 032–039), and the outbox withholds it anyway
  on a channel that delivers, in case it ever is."""

from django.conf import settings

from .channels.registry import registry
from .constants import Channel

# Django mail backends that deliver nothing: files, the console, memory, nowhere.
UNDELIVERING_MAIL_BACKENDS = {
    "django.core.mail.backends.filebased.EmailBackend",
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
}
RESERVED_EMAIL_DOMAINS = ("example.com", "example.net", "example.org")
RESERVED_EMAIL_SUFFIXES = (".example", ".invalid", ".test", ".localhost")
FICTIONAL_PHONE_PREFIX = "0300"


def fictional_phone(tail: int) -> str:
    """The demo number ending in `tail` (up to six digits)."""
    return f"{FICTIONAL_PHONE_PREFIX}{tail:06d}"


def is_fictional(channel: str, address: str) -> bool:
    """`address` as stored on a message (normalised by recipients.py)."""
    if channel == Channel.EMAIL:
        domain = address.rpartition("@")[2].lower()
        return domain in RESERVED_EMAIL_DOMAINS or domain.endswith(
            RESERVED_EMAIL_SUFFIXES + tuple("." + name for name in RESERVED_EMAIL_DOMAINS)
        )
    if channel == Channel.SMS:
        return address.startswith(FICTIONAL_PHONE_PREFIX)
    return False


def reaches_people(plugin) -> bool:
    """Whether the plugin delivers outside the server (in-app notices stay inside it)."""
    if plugin.simulator or plugin.channel == Channel.IN_APP:
        return False
    if plugin.channel == Channel.EMAIL:
        return settings.EMAIL_BACKEND not in UNDELIVERING_MAIL_BACKENDS
    return True


def delivering_channels() -> list[str]:
    """The configured channels that reach people, e.g. ["email", "sms"] with SMTP and a gateway."""
    return [
        channel
        for channel in (Channel.EMAIL, Channel.SMS)
        if reaches_people(registry.plugin_for(channel))
    ]
