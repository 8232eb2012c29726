"""The production settings with an SMS operator's plugin installed, as a deployment has."""

from motcua.conf.production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "motcua.core.tests.real_sms.RealSmsConfig"]  # noqa: F405
