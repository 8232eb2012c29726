"""A draft and its files open only for the holder of the draft's link: not for staff of any
role, not for another draft's holder, not once submitted. Files leave as downloads. The API
has no door to drafts at all (one multipart POST makes a dossier directly)."""

from django.test import Client
from django.urls import reverse
import pytest

from motcua.catalog.constants import Requirement
from motcua.catalog.selectors import version_in_force
from motcua.org.tests.cast import make_cast
from motcua.submissions import services
from motcua.submissions.services import Upload

from .conftest import PDF, pdf

FIELDS = services.DraftFields(
    applicant_name="Nguyễn Thị Hoa",
    applicant_id_number="056190001234",
    applicant_phone="0912345678",
    applicant_email="hoa@example.vn",
    applicant_address="12 Lê Thánh Tôn, Nha Trang",
)


@pytest.fixture
def drafts(world):
    """Mine with a file for each required document (ready to submit), and someone else's."""
    documents = version_in_force(world.procedure).documents.filter(
        requirement=Requirement.MANDATORY
    )
    mine, _ = services.start_draft(
        world.procedure, FIELDS, [Upload(pdf(f"cua-toi-{d.pk}.pdf"), d.pk) for d in documents]
    )
    theirs, _ = services.start_draft(world.procedure, FIELDS, [Upload(pdf("cua-ho.pdf"))])
    return mine, theirs


def _file_url(token, stored):
    return reverse("submissions:draft_file", args=[token, stored.pk])


def test_the_holder_downloads_the_file_as_an_attachment(client, drafts):
    mine, _ = drafts
    stored = mine.files.first()
    response = client.get(_file_url(mine.token, stored))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    page = client.get(reverse("submissions:draft", args=[mine.token])).content.decode()
    assert _file_url(mine.token, stored) in page and "/media/" not in page


@pytest.mark.parametrize("case", ["another draft's file", "a wrong token", "a truncated token"])
def test_nobody_else_gets_the_file(client, drafts, case):
    mine, theirs = drafts
    token, stored = {
        "another draft's file": (mine.token, theirs.files.get()),
        "a wrong token": ("x" * len(mine.token), mine.files.first()),
        "a truncated token": (mine.token[:-1], mine.files.first()),
    }[case]
    assert client.get(_file_url(token, stored)).status_code == 404


@pytest.mark.parametrize(
    "who", ["counter_officer", "office", "director", "administrator", "other_agency_office"]
)
def test_staff_of_any_role_without_the_link_get_nothing(world, drafts, other_agency, who):
    mine, _ = drafts
    person = make_cast(world.agency, other_agency)[who]
    client = Client()
    client.force_login(person.user)
    stored = mine.files.first()
    assert client.get(_file_url("x" * len(mine.token), stored)).status_code == 404
    assert client.get(reverse("submissions:draft", args=["x" * 43])).status_code == 404
    # The API has no draft endpoint: only the direct multipart submission.
    assert client.get("/api/v1/submissions").status_code == 405


def test_a_submitted_drafts_files_are_the_dossiers(client, drafts):
    mine, _ = drafts
    stored = mine.files.first()
    services.submit_draft(mine)
    assert client.get(_file_url(mine.token, stored)).status_code == 404
