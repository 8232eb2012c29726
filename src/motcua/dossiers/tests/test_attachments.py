from django.core.files.uploadedfile import SimpleUploadedFile
import pytest

from motcua.core.testing.files import PDF
from motcua.dossiers import services
from motcua.dossiers.errors import InvalidInput
from motcua.dossiers.models import Attachment


def test_a_scanned_document_is_stored_and_readable(world):
    dossier = world.receive()
    document = dossier.documents.first()
    attachment = services.attach(
        dossier, world.officer, SimpleUploadedFile("giay-de-nghi.pdf", PDF), document=document
    )
    assert attachment.digitized and attachment.content_type == "application/pdf"
    with attachment.file.open("rb") as stored:
        assert stored.read() == PDF
    assert dossier.events.last().data["document"] == document.name


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("virus.exe", b"MZ\x90\x00", "không đúng định dạng"),
        ("fake.pdf", b"<html>not a pdf</html>", "không khớp với định dạng .pdf"),
        ("empty.pdf", b"", "rỗng"),
    ],
)
def test_bad_files_are_refused_by_name_and_nothing_is_kept(world, name, content, message):
    dossier = world.receive()
    with pytest.raises(InvalidInput, match=message):
        services.attach(dossier, world.officer, SimpleUploadedFile(name, content))
    assert not Attachment.objects.exists()


def test_files_over_the_limit_are_refused(world, settings):
    settings.MOTCUA_MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("scan.pdf", PDF + b"0" * (1024 * 1024))
    with pytest.raises(InvalidInput, match="vượt giới hạn 1 MB"):
        services.attach(world.receive(), world.officer, big)
