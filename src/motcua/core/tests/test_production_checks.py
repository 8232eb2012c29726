"""`motcua check` with the production settings refuses what is not real: the simulated bank and
SMS, files inside the installation, and (with --deploy) SQLite, no Redis, a loopback SITE_URL.
Each case changes one real value of PRODUCTION and expects its own error."""

import pytest

from .test_configuration import PRODUCTION, _manage

BARE_PRODUCTION = {**PRODUCTION, "DJANGO_SETTINGS_MODULE": "motcua.conf.production"}

CASES = [
    pytest.param(
        {"ONLINE_PAYMENT_ENABLED": "true"},
        ["check"],
        "payments.E002",
        id="sandbox-gateway-at-check",
    ),
    pytest.param(
        {"ONLINE_PAYMENT_ENABLED": "true"},
        ["check", "--deploy"],
        "payments.E002",
        id="sandbox-gateway-at-check-deploy",
    ),
    pytest.param(
        {"NOTIFICATIONS_SMS_PLUGIN": "sms_local"},
        ["check"],
        "notifications.E002",
        id="local-sms-at-check",
    ),
    pytest.param(
        {"NOTIFICATIONS_SMS_PLUGIN": "sms_local"},
        ["check", "--deploy"],
        "notifications.E002",
        id="local-sms-at-check-deploy",
    ),
    pytest.param(
        {"EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend"},
        ["check"],
        "notifications.E003",
        id="mail-written-to-files",
    ),
    pytest.param({"DATA_DIR": None}, ["check"], "core.E001", id="data-dir-unset"),
    pytest.param(
        {"DATABASE_URL": "sqlite:////tmp/motcua-production.sqlite3"},
        ["check", "--deploy"],
        "core.E002",
        id="sqlite",
    ),
    pytest.param({"REDIS_URL": ""}, ["check", "--deploy"], "core.E003", id="no-redis"),
    pytest.param(
        {"SITE_URL": "http://127.0.0.1:8000"},
        ["check", "--deploy"],
        "core.E004",
        id="loopback-site-url",
    ),
    pytest.param(
        {"SITE_URL": "https://localhost"},
        ["check", "--deploy"],
        "core.E004",
        id="localhost-site-url",
    ),
]


def _env(base: dict, changes: dict) -> dict:
    env = {**base, **changes}
    return {key: value for key, value in env.items() if value is not None}


@pytest.mark.parametrize(("changes", "command", "error_id"), CASES)
def test_production_check_refuses(changes, command, error_id):
    result = _manage(command, **_env(PRODUCTION, changes))
    assert result.returncode != 0, result.stdout
    assert error_id in result.stderr, result.stderr


def test_the_bare_production_settings_refuse_the_local_sms_they_default_to():
    """Motcua ships no SMS operator plugin: the default, sms_local, must be replaced."""
    changes = {"NOTIFICATIONS_SMS_PLUGIN": None}
    result = _manage(["check"], **_env(BARE_PRODUCTION, changes))
    assert result.returncode != 0
    assert "notifications.E002" in result.stderr


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param(
            {
                "ONLINE_PAYMENT_ENABLED": "true",
                "NOTIFICATIONS_SMS_PLUGIN": "sms_local",
                "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            },
            id="simulators",
        ),
    ],
)
def test_a_training_deployment_may_use_the_simulators(changes):
    env = _env(PRODUCTION, {**changes, "TRAINING_DEPLOYMENT": "true"})
    result = _manage(["check", "--deploy", "--fail-level", "WARNING"], **env)
    assert result.returncode == 0, result.stdout + result.stderr
