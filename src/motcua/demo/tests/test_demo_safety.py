"""The demo never meets real people: `load_demo` refuses a production deployment and a channel
that delivers, and every contact it writes is a reserved address that reaches no one."""

from django.core.management import CommandError, call_command
import pytest

from motcua.demo.loader import load_demo
from motcua.desk.models import Complaint, Question
from motcua.dossiers.models import Dossier, GuidanceSlip
from motcua.notifications.constants import Channel
from motcua.notifications.reach import is_fictional
from motcua.org.models import Agency
from motcua.submissions.models import Draft

pytestmark = pytest.mark.django_db


def test_load_demo_refuses_a_production_deployment(settings):
    settings.DEPLOYMENT_KIND, settings.TRAINING_DEPLOYMENT = "production", False
    with pytest.raises(CommandError, match="bản triển khai chính thức"):
        call_command("load_demo", "--days", "5", verbosity=0)
    assert not Agency.objects.exists()


def test_load_demo_refuses_a_mail_server_that_delivers(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    with pytest.raises(CommandError, match="kênh gửi thật đang bật: email"):
        call_command("load_demo", "--days", "5", verbosity=0)
    assert not Agency.objects.exists()


def test_a_training_deployment_loads_the_demo(settings):
    settings.DEPLOYMENT_KIND, settings.TRAINING_DEPLOYMENT = "production", True
    call_command("load_demo", "--days", "5", verbosity=0)
    assert Agency.objects.exists()


def _contacts():
    for model, email, phone in (
        (Dossier, "applicant_email", "applicant_phone"),
        (Draft, "applicant_email", "applicant_phone"),
        (Question, "asker_email", "asker_phone"),
        (Complaint, "complainant_email", "complainant_phone"),
        (GuidanceSlip, None, "applicant_phone"),
    ):
        for row in model.objects.values(*filter(None, (email, phone))):
            yield model.__name__, Channel.EMAIL, row.get(email) or ""
            yield model.__name__, Channel.SMS, row[phone]


def test_every_contact_in_the_demo_is_a_reserved_one():
    load_demo(days=30)
    contacts = [contact for contact in _contacts() if contact[2]]
    assert {model for model, channel, _ in contacts if channel == Channel.SMS} >= {
        "Dossier",
        "Draft",
        "Question",
        "Complaint",
    }
    assert any(channel == Channel.EMAIL for _, channel, _ in contacts)
    real = [contact for contact in contacts if not is_fictional(contact[1], contact[2])]
    assert real == []
