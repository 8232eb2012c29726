"""dossiers.services.submit and supplement with the applicant's files (ApplicantFile)."""

from django.core.files.uploadedfile import SimpleUploadedFile
import pytest

from motcua.catalog.selectors import version_in_force
from motcua.dossiers import services
from motcua.dossiers.errors import InvalidInput
from motcua.dossiers.lifecycle import Actor
from motcua.dossiers.models import Attachment, Dossier, DossierDocument
from motcua.dossiers.services import ApplicantFile, ReceivedDocument
from motcua.dossiers.tests.conftest import vn

from .conftest import PDF, PNG, pdf


def _documents(world):
    return list(version_in_force(world.procedure, on=vn(2024, 3, 4, 9, 0)).documents.all())


def test_submitted_files_become_attachments_of_their_documents(world):
    request, copy, _ = _documents(world)
    intake = world.intake(
        documents=[
            ReceivedDocument(request.name, copies=1, required_id=request.pk),
            ReceivedDocument(copy.name, copies=1, required_id=copy.pk),
        ]
    )
    dossier = services.submit(
        world.procedure,
        intake,
        idempotency_key="k-1",
        at=vn(2024, 3, 4),
        files=[
            ApplicantFile(pdf("de-nghi.pdf"), request.pk),
            ApplicantFile(SimpleUploadedFile("cccd.png", PNG), copy.pk),
            ApplicantFile(pdf("them.pdf")),
        ],
    )
    by_name = {a.original_name: a for a in dossier.attachments.all()}
    assert set(by_name) == {"de-nghi.pdf", "cccd.png", "them.pdf"}
    assert by_name["de-nghi.pdf"].document.required_id == request.pk
    assert by_name["cccd.png"].document.required_id == copy.pk
    assert by_name["cccd.png"].content_type == "image/png"
    assert by_name["them.pdf"].document is None
    assert by_name["de-nghi.pdf"].uploaded_by is None
    with by_name["de-nghi.pdf"].file.open("rb") as stored:
        assert stored.read() == PDF
    assert dossier.events.get().data == {"files": ["de-nghi.pdf", "cccd.png", "them.pdf"]}


def test_a_bad_file_refuses_the_submission_and_creates_nothing(world):
    request = _documents(world)[0]
    with pytest.raises(InvalidInput, match="không khớp"):
        services.submit(
            world.procedure,
            world.intake(),
            idempotency_key="k-2",
            at=vn(2024, 3, 4),
            files=[
                ApplicantFile(pdf("tot.pdf"), request.pk),
                ApplicantFile(pdf("gia.pdf", b"MZ not a pdf"), request.pk),
            ],
        )
    assert not Dossier.objects.exists()
    assert not DossierDocument.objects.exists()
    assert not Attachment.objects.exists()


def test_the_same_key_with_files_gives_the_same_dossier_and_no_second_copy(world):
    first = services.submit(
        world.procedure,
        world.intake(),
        idempotency_key="k-3",
        at=vn(2024, 3, 4),
        files=[ApplicantFile(pdf())],
    )
    again = services.submit(
        world.procedure,
        world.intake(),
        idempotency_key="k-3",
        at=vn(2024, 3, 4),
        files=[ApplicantFile(pdf())],
    )
    assert again.pk == first.pk
    assert Attachment.objects.count() == 1


def test_an_online_supplement_stores_its_files(world):
    dossier = world.receive(at=vn(2024, 3, 4, 9, 0))
    dossier = services.forward(dossier, world.officer, at=vn(2024, 3, 4, 10, 0))
    dossier = services.assign(dossier, world.head, world.specialist, at=vn(2024, 3, 4, 10, 0))
    services.request_supplement(
        dossier,
        world.specialist,
        [{"name": "Giấy đề nghị đăng ký doanh nghiệp"}],
        "Thiếu chữ ký",
        at=vn(2024, 3, 5, 9, 0),
    )
    request_doc = dossier.documents.get(required__name="Giấy đề nghị đăng ký doanh nghiệp")
    dossier = services.supplement(
        dossier,
        Actor.applicant("Nguyễn Thị Hoa"),
        at=vn(2024, 3, 6, 9, 0),
        files=[ApplicantFile(pdf("de-nghi-da-ky.pdf"), request_doc.required_id)],
    )
    attachment = dossier.attachments.get()
    assert attachment.original_name == "de-nghi-da-ky.pdf"
    assert attachment.document == request_doc
    assert dossier.events.last().data["files"] == ["de-nghi-da-ky.pdf"]


def test_a_bad_supplement_file_changes_nothing(world):
    dossier = world.receive(at=vn(2024, 3, 4, 9, 0))
    dossier = services.forward(dossier, world.officer, at=vn(2024, 3, 4, 10, 0))
    dossier = services.assign(dossier, world.head, world.specialist, at=vn(2024, 3, 4, 10, 0))
    services.request_supplement(
        dossier,
        world.specialist,
        [{"name": "Giấy đề nghị"}],
        "Thiếu chữ ký",
        at=vn(2024, 3, 5, 9, 0),
    )
    with pytest.raises(InvalidInput, match="rỗng"):
        services.supplement(
            dossier,
            Actor.applicant("Nguyễn Thị Hoa"),
            at=vn(2024, 3, 6, 9, 0),
            files=[ApplicantFile(pdf("rong.pdf", b""))],
        )
    dossier.refresh_from_db()
    assert dossier.state == "awaiting_supplement"
    assert not dossier.attachments.exists()
