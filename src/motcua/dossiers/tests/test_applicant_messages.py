"""The applicant is told of the steps that concern them, by e-mail and SMS, after commit."""

from django.core import mail
import pytest

from motcua.dossiers import services
from motcua.dossiers.errors import IncompleteDossier
from motcua.dossiers.lifecycle import Actor
from motcua.dossiers.services import ApplicantData
from motcua.notifications.models import LocalSms, Message

from .conftest import vn


def test_receipt_is_announced_by_email_and_sms(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        dossier = world.receive(at=vn(2024, 3, 4, 9, 0))
    assert [m.subject for m in mail.outbox] == [f"Đã tiếp nhận hồ sơ {dossier.code}"]
    assert "Hẹn trả kết quả: 09:00 ngày 07/03/2024" in mail.outbox[0].body
    assert f"ma={dossier.code}" in mail.outbox[0].body
    sms = LocalSms.objects.get()
    assert sms.phone == "0912345678" and dossier.code in sms.text
    assert set(Message.objects.values_list("topic", "reference")) == {
        ("dossier.received", dossier.code)
    }


def test_a_refused_intake_sends_nothing(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(IncompleteDossier):
            world.receive(documents=world.documents(all_mandatory=False))
    assert mail.outbox == [] and not Message.objects.exists()


def test_a_landline_gets_no_sms_but_the_email_still_goes(world, django_capture_on_commit_callbacks):
    applicant = ApplicantData(
        name="Công ty TNHH Biển Xanh",
        kind="organization",
        phone="02583822123",
        email="lienhe@bienxanh.vn",
    )
    with django_capture_on_commit_callbacks(execute=True):
        world.receive(applicant=applicant)
    assert len(mail.outbox) == 1 and not LocalSms.objects.exists()


def test_supplement_apology_and_result_are_announced(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        dossier = services.forward(
            world.receive(at=vn(2024, 3, 4, 9, 0)), world.officer, at=vn(2024, 3, 4, 10, 0)
        )
        services.assign(dossier, world.head, world.specialist)
        services.request_supplement(
            dossier,
            world.specialist,
            [{"name": "Giấy đề nghị đăng ký doanh nghiệp"}],
            "Thiếu chữ ký",
            at=vn(2024, 3, 4, 14, 0),
        )
        dossier = services.supplement(dossier, Actor.of(world.officer), at=vn(2024, 3, 5, 9, 0))
        services.apologize(
            dossier, world.head, vn(2024, 3, 12, 9, 0), "Chờ xác minh", at=vn(2024, 3, 6, 9, 0)
        )
    topics = list(
        Message.objects.filter(channel="email").order_by("pk").values_list("topic", flat=True)
    )
    assert topics == ["dossier.received", "dossier.supplement_requested", "dossier.apology"]
    assert "Giấy đề nghị đăng ký doanh nghiệp" in mail.outbox[1].body
    assert "Hẹn lại: 09:00 ngày 12/03/2024" in mail.outbox[2].body
