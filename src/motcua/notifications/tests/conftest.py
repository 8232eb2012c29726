import time

import pytest

from motcua.notifications.channels.base import BaseChannel, CheckResult
from motcua.notifications.channels.registry import registry
from motcua.notifications.constants import Channel
from motcua.org.constants import Role
from motcua.org.tests.factories import make_staff


class GatewaySms(BaseChannel):
    """A stand-in for an SMS gateway plugin: records what it sends, can be slow or down."""

    id = "sms_test_gateway"
    label = "Cổng SMS thử nghiệm"
    channel = Channel.SMS

    sent: list[int]
    down = False
    delay = 0.0

    def send(self, message) -> None:
        time.sleep(self.delay)
        if self.down:
            raise ConnectionError("Cổng SMS không trả lời")
        type(self).sent.append(message.pk)

    def check(self) -> CheckResult:
        return CheckResult(False, "Cổng SMS không trả lời") if self.down else CheckResult(True)


@pytest.fixture
def sms_gateway(monkeypatch, settings):
    """GatewaySms registered (in a copy of the registry) and chosen for SMS."""
    monkeypatch.setattr(registry, "_plugins", dict(registry._plugins))
    gateway = type("Gateway", (GatewaySms,), {"sent": [], "down": False, "delay": 0.0})
    registry.register(gateway)
    settings.NOTIFICATIONS_PLUGINS = {**settings.NOTIFICATIONS_PLUGINS, "sms": gateway.id}
    return gateway


@pytest.fixture
def officer(agency, counter_unit):
    return make_staff("canbo", agency, counter_unit, Role.COUNTER_OFFICER)
