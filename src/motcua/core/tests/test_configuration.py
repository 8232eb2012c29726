import os
from pathlib import Path
import subprocess
import sys
import tempfile

import pytest

from motcua.conf.env import as_bool, config
from motcua.core.management.commands.config_docs import render

REPOSITORY = Path(__file__).resolve().parents[4]


def test_configuration_docs_list_every_variable_and_are_up_to_date():
    documented = (REPOSITORY / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert documented == render(), "run `motcua config_docs --write` and commit the result"
    for name in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "S3_BUCKET"):
        assert f"`{name}`" in documented


def test_config_casts_like_the_default(monkeypatch):
    monkeypatch.setenv("MOTCUA_TEST_FLAG", "yes")
    monkeypatch.setenv("MOTCUA_TEST_HOSTS", "a.gov.vn, b.gov.vn")
    monkeypatch.setenv("MOTCUA_TEST_PORT", "2525")
    assert config("MOTCUA_TEST_FLAG", False, help_text="t") is True
    assert config("MOTCUA_TEST_HOSTS", [], help_text="t") == ["a.gov.vn", "b.gov.vn"]
    assert config("MOTCUA_TEST_PORT", 25, help_text="t") == 2525
    assert config("MOTCUA_TEST_UNSET", "fallback", help_text="t") == "fallback"


def test_config_refuses_a_value_it_cannot_read(monkeypatch):
    monkeypatch.setenv("MOTCUA_TEST_FLAG", "perhaps")
    with pytest.raises(ValueError, match="MOTCUA_TEST_FLAG"):
        config("MOTCUA_TEST_FLAG", False, help_text="t")
    with pytest.raises(ValueError):
        as_bool("2")


def _manage(args, **env):
    # The browser tests allow async-unsafe ORM calls in this process; a deployment never does.
    # DATA_DIR too: the test settings set one for this process, a deployment must set its own.
    unset = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATA_DIR"}
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(
        [sys.executable, "-m", "motcua.manage", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    # motcua.conf.production with an SMS operator's plugin installed (no real one is built in).
    "DJANGO_SETTINGS_MODULE": "motcua.core.tests.production_settings",
    "SECRET_KEY": "k3Jd8-hq2!mZp0xV7rT_yW4nB6cL9aE1sF5gH2jK8uQ3oI7pR0tY4wX6zC1vN9bM5",
    "ALLOWED_HOSTS": "motcua.khanhhoa.gov.vn",
    "DATABASE_URL": "postgres://motcua:secret@db.internal:5432/motcua",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "DATA_DIR": str(Path(tempfile.gettempdir()) / "motcua-production-check"),
    "SITE_URL": "https://motcua.khanhhoa.gov.vn",
    "PAYMENT_GATEWAY": "sandbox",  # the only one built in: allowed only as a training deployment
    "ONLINE_PAYMENT_ENABLED": "false",
    "NOTIFICATIONS_SMS_PLUGIN": "sms_operator_for_tests",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
}


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = _manage(["check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_a_weak_secret_key():
    result = _manage(["check", "--deploy"], **{**PRODUCTION, "SECRET_KEY": "short"})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
