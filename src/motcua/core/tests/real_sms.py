"""How a deployment adds its SMS operator: an app whose `ready()` registers a channel plugin.
The production-settings tests install this stand-in so that they can name a real SMS channel."""

from django.apps import AppConfig


class RealSmsConfig(AppConfig):
    name = "motcua.core.tests"
    label = "real_sms_for_tests"

    def ready(self):
        from motcua.notifications.channels.base import BaseChannel, CheckResult
        from motcua.notifications.channels.registry import register
        from motcua.notifications.constants import Channel

        @register
        class OperatorSms(BaseChannel):
            id = "sms_operator_for_tests"
            label = "SMS qua nhà mạng (giả lập cho kiểm thử cấu hình)"
            channel = Channel.SMS

            def send(self, message) -> None:
                raise NotImplementedError("only the system checks use this plugin")

            def check(self) -> CheckResult:
                return CheckResult(True)
