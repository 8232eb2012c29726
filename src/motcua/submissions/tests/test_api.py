"""POST /api/v1/submissions: a whole submission in one multipart request, idempotent."""

from django.core.cache import cache
import pytest

from motcua.catalog.constants import OnlineLevel
from motcua.catalog.selectors import version_in_force
from motcua.dossiers.constants import State
from motcua.dossiers.models import Attachment, Dossier
from motcua.notifications.models import Message

from .conftest import offer_online, pdf

URL = "/api/v1/submissions"
DATA = {
    "procedure": "2.001610",
    "applicant_name": "Nguyễn Thị Hoa",
    "applicant_id_number": "056190001234",
    "applicant_phone": "0912345678",
    "applicant_email": "hoa@example.vn",
    "applicant_address": "Nha Trang",
}


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()


def _files(world, **extra):
    request, copy, _ = version_in_force(world.procedure).documents.all()
    return {
        f"document_{request.pk}": pdf("de-nghi.pdf"),
        f"document_{copy.pk}": pdf("cccd.pdf"),
        **extra,
    }


def test_a_submission_is_made_once_per_key(client, world):
    first = client.post(
        URL,
        {**DATA, **_files(world, other=pdf("them.pdf"))},
        headers={"Idempotency-Key": "may-khach-1"},
    )
    assert first.status_code == 201, first.json()
    body = first.json()
    dossier = Dossier.objects.get()
    assert body["ref"] == f"truc-tuyen-{dossier.pk}" and body["created"] is True
    assert body["secret"] == dossier.tracking_secret and body["state"] == State.SUBMITTED
    assert {a.original_name: a.document and a.document.name for a in dossier.attachments.all()} == {
        "de-nghi.pdf": "Giấy đề nghị đăng ký doanh nghiệp",
        "cccd.pdf": "Bản sao giấy tờ pháp lý của chủ doanh nghiệp",
        "them.pdf": None,
    }
    again = client.post(URL, {**DATA, **_files(world)}, headers={"Idempotency-Key": "may-khach-1"})
    assert again.status_code == 200
    assert again.json()["ref"] == body["ref"] and again.json()["created"] is False
    assert Dossier.objects.count() == 1 and Attachment.objects.count() == 3
    assert Message.objects.filter(topic="submissions.submitted").count() == 1


def test_the_key_is_required(client, world):
    response = client.post(URL, {**DATA, **_files(world)})
    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()["detail"]
    assert not Dossier.objects.exists()


def test_a_bad_file_or_a_missing_document_makes_nothing(client, world):
    response = client.post(
        URL,
        {**DATA, **_files(world, other=pdf("x.pdf", b"not a pdf"))},
        headers={"Idempotency-Key": "k-1"},
    )
    assert response.status_code == 400
    assert "Nội dung tệp «x.pdf» không khớp" in response.json()["detail"]
    request = version_in_force(world.procedure).documents.first()
    response = client.post(
        URL, {**DATA, f"document_{request.pk}": pdf()}, headers={"Idempotency-Key": "k-2"}
    )
    assert response.status_code == 400
    assert response.json()["missing"] == ["Bản sao giấy tờ pháp lý của chủ doanh nghiệp"]
    assert not Dossier.objects.exists() and not Attachment.objects.exists()


def test_a_procedure_not_offered_online_is_not_found(client, world):
    offer_online(world.procedure, OnlineLevel.NONE)
    response = client.post(URL, {**DATA, **_files(world)}, headers={"Idempotency-Key": "k-3"})
    assert response.status_code == 404
    assert "chưa được cung cấp trực tuyến" in response.json()["detail"]
