"""Returning the result queues the invitation to rate, carrying the public rating link."""

from django.urls import reverse

from motcua.notifications.models import Message

from .conftest import refused_and_returned


def test_the_invitation_is_queued_with_the_rating_link(returned, settings):
    messages = Message.objects.filter(topic="dossier.rating_invitation")
    assert sorted(messages.values_list("channel", "recipient")) == [
        ("email", "hoa@example.vn"),
        ("sms", "0912345678"),
    ]
    link = f"{settings.SITE_URL}/danh-gia/{returned.code}/{returned.tracking_secret}/"
    assert link == settings.SITE_URL + reverse(
        "feedback:rate", args=[returned.code, returned.tracking_secret]
    )
    for message in messages:
        assert link in message.body
        assert message.reference == returned.code
    subject = messages.get(channel="email").subject
    assert subject == f"Mời đánh giá việc giải quyết hồ sơ {returned.code}"


def test_a_refused_dossier_is_invited_when_its_refusal_is_handed_over(world):
    dossier = refused_and_returned(world)
    assert (
        Message.objects.filter(topic="dossier.rating_invitation", reference=dossier.code).count()
        == 2
    )


def test_nothing_is_invited_before_the_result_is_returned(world):
    world.receive()
    assert not Message.objects.filter(topic="dossier.rating_invitation").exists()
