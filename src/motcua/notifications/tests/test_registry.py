"""Channel plugins: one registry, no two plugins under one id, chosen by the settings."""

from django.core.checks import run_checks
from django.core.exceptions import ImproperlyConfigured
import pytest

from motcua.notifications.channels.base import BaseChannel, CheckResult
from motcua.notifications.channels.registry import Registry, registry
from motcua.notifications.constants import Channel
from motcua.notifications.models import LocalSms
from motcua.notifications.services import queue_message

pytestmark = pytest.mark.django_db


def make_plugin(plugin_id, channel=Channel.SMS):
    class Plugin(BaseChannel):
        id = plugin_id
        label = "Thử nghiệm"

        def send(self, message):
            pass

        def check(self):
            return CheckResult(True)

    Plugin.channel = channel
    return Plugin


def test_a_second_plugin_under_a_taken_id_is_refused():
    plugins = Registry()
    plugins.register(make_plugin("sms_viettel"))
    with pytest.raises(ValueError, match="'sms_viettel' is already registered"):
        plugins.register(make_plugin("sms_viettel"))


def test_a_plugin_must_be_a_channel_with_an_id():
    plugins = Registry()
    with pytest.raises(TypeError):
        plugins.register(object)
    with pytest.raises(TypeError, match="does not implement send"):
        plugins.register(type("Unfinished", (BaseChannel,), {"id": "x", "channel": "sms"}))
    with pytest.raises(ValueError, match="has no id"):
        plugins.register(make_plugin(""))
    with pytest.raises(ValueError, match="unknown channel"):
        plugins.register(make_plugin("fax", channel="fax"))


def test_the_built_in_plugins_are_registered():
    assert {"email", "sms_local", "in_app"} <= {plugin.id for plugin in registry}
    assert {Channel(c): registry.plugin_for(c).id for c in Channel} == {
        Channel.EMAIL: "email",
        Channel.SMS: "sms_local",
        Channel.IN_APP: "in_app",
    }


def test_the_settings_choose_the_plugin(sms_gateway, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        message = queue_message(Channel.SMS, "0912345678", "", "Nội dung")
    assert sms_gateway.sent == [message.pk]
    assert not LocalSms.objects.exists()


@pytest.mark.parametrize(
    "plugins, options, problem",
    [
        ({"sms": "sms_viettel"}, {}, "'sms_viettel', which is not a registered channel plugin"),
        ({"sms": "email"}, {}, "delivers 'email' messages, not 'sms'"),
        ({}, {"email": {"sender": "x"}}, "NOTIFICATIONS_CHANNEL_OPTIONS['email']"),
    ],
)
def test_a_wrong_setting_is_reported_by_the_system_check(settings, plugins, options, problem):
    settings.NOTIFICATIONS_PLUGINS = {**settings.NOTIFICATIONS_PLUGINS, **plugins}
    settings.NOTIFICATIONS_CHANNEL_OPTIONS = options
    with pytest.raises(ImproperlyConfigured, match=problem.replace("[", r"\[").replace("]", r"\]")):
        for channel in Channel:
            registry.plugin_for(channel)
    errors = [e for e in run_checks() if e.id == "notifications.E001"]
    assert len(errors) == 1 and problem in errors[0].msg
