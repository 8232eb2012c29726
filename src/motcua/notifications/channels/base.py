"""The interface every channel plugin implements; the outbox knows nothing else about them."""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar

from ..constants import Channel


@dataclass(frozen=True)
class CheckResult:
    """The answer of a health check: ok, or the problem in words an operator can act on."""

    ok: bool
    problem: str = ""


@dataclass(frozen=True)
class NoOptions:
    pass


class BaseChannel(ABC):
    """A way of delivering messages of one `channel` (e-mail, SMS or in-app).

    `options_class` is a dataclass describing the plugin's options; their values come from
    settings.NOTIFICATIONS_CHANNEL_OPTIONS[<id>], and unknown names are refused at start-up.
    """

    id: ClassVar[str]
    label: ClassVar[str]
    channel: ClassVar[Channel]
    options_class: ClassVar[type] = NoOptions
    # Delivers to no one outside the server: refused on production deployments
    # (notifications/checks.py) unless TRAINING_DEPLOYMENT says the deployment is for training.
    simulator: ClassVar[bool] = False

    def __init__(self, **options):
        self.options = self.options_class(**options)

    @abstractmethod
    def send(self, message) -> None:
        """Deliver `message` (a notifications.Message), or raise.

        It runs inside the transaction that then marks the message sent, with the row locked:
        database writes made here commit together with that status, so a channel that only
        writes rows delivers exactly once; a gateway call can at worst repeat if the commit
        after it fails.
        """

    @abstractmethod
    def check(self) -> CheckResult:
        """Whether the channel can deliver now (server reachable, table writable…)."""
