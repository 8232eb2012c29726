"""The draft services: what is kept, what is refused, and the nightly cleanup."""

from datetime import timedelta
import re

from django.conf import settings
from django.utils import timezone
import pytest

from motcua.catalog import services as catalog
from motcua.catalog.constants import OnlineLevel
from motcua.catalog.models import ProcedureVersion
from motcua.catalog.selectors import version_in_force
from motcua.submissions import services, tasks
from motcua.submissions.errors import DraftSubmitted, IncompleteDraft, SubmissionError
from motcua.submissions.models import Draft, DraftFile
from motcua.submissions.services import DraftFields, Upload

from .conftest import offer_online, pdf

FIELDS = DraftFields(
    applicant_name="Nguyễn Thị Hoa",
    applicant_id_number="056190001234",
    applicant_phone="0912345678",
    applicant_email="hoa@example.vn",
    applicant_address="12 Lê Thánh Tôn, Nha Trang",
)


def _documents(world):
    return list(version_in_force(world.procedure).documents.all())


def test_only_procedures_offered_online_with_a_time_limit_can_start(world):
    offer_online(world.procedure, OnlineLevel.PARTIAL)
    at = timezone.now()
    draft, _ = services.start_draft(world.procedure, FIELDS, at=at)
    assert draft.expires_at == at + timedelta(days=settings.SUBMISSION_DRAFT_DAYS)
    ProcedureVersion.objects.filter(procedure=world.procedure).update(online_level=None)
    with pytest.raises(SubmissionError, match="chưa được cung cấp trực tuyến"):
        services.start_draft(world.procedure, FIELDS)
    ProcedureVersion.objects.filter(procedure=world.procedure).update(
        online_level=OnlineLevel.FULL, time_limit_value=None, time_limit_unit=""
    )
    with pytest.raises(SubmissionError):
        services.start_draft(world.procedure, FIELDS)


def test_good_files_are_kept_whatever_else_is_refused(world):
    request, copy, _ = _documents(world)
    draft, refusals = services.start_draft(
        world.procedure,
        FIELDS,
        [
            Upload(pdf("a.pdf"), request.pk),
            Upload(pdf("b.exe"), copy.pk),
            Upload(pdf("c.pdf"), 999999),  # not a document of this version: among the others
        ],
    )
    assert [(r.required_id, r.message) for r in refusals] == [
        (copy.pk, "Tệp «b.exe» không đúng định dạng; chỉ nhận PDF, JPG, PNG, DOCX, XLSX.")
    ]
    kept = {f.original_name: f for f in draft.files.all()}
    assert set(kept) == {"a.pdf", "c.pdf"}
    assert kept["a.pdf"].required_id == request.pk and kept["c.pdf"].required_id is None
    # Stored under a random name in the drafts folder, not under the applicant's file name.
    assert re.fullmatch(r"drafts/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", kept["a.pdf"].file.name)


def test_a_draft_holds_a_bounded_number_of_files(world, monkeypatch):
    monkeypatch.setattr(services, "MAX_FILES_PER_DRAFT", 2)
    draft, refusals = services.start_draft(
        world.procedure, FIELDS, [Upload(pdf(f"{i}.pdf")) for i in range(3)]
    )
    assert draft.files.count() == 2
    assert "là số tệp tối đa" in refusals[0].message


def test_submission_needs_an_email_and_every_mandatory_document(world):
    request, copy, _ = _documents(world)
    draft, _ = services.start_draft(
        world.procedure, DraftFields(applicant_name="Hoa"), [Upload(pdf(), request.pk)]
    )
    with pytest.raises(SubmissionError, match="Cần thư điện tử"):
        services.submit_draft(draft)
    draft, _ = services.save_draft(draft, FIELDS)
    with pytest.raises(IncompleteDraft) as refusal:
        services.submit_draft(draft)
    assert refusal.value.missing == [copy.name]
    draft, _ = services.save_draft(draft, FIELDS, [Upload(pdf(), copy.pk)])
    dossier = services.submit_draft(draft)
    assert services.submit_draft(draft) == dossier
    with pytest.raises(DraftSubmitted):
        services.save_draft(draft, FIELDS)


def test_saving_pushes_the_expiry_and_an_expired_draft_cannot_change(world):
    draft, _ = services.start_draft(world.procedure, FIELDS, at=timezone.now() - timedelta(days=10))
    before = draft.expires_at
    draft, _ = services.save_draft(draft, FIELDS)
    assert draft.expires_at - before >= timedelta(days=10) - timedelta(seconds=5)
    later = draft.expires_at + timedelta(seconds=1)
    with pytest.raises(SubmissionError, match="hết hạn"):
        services.save_draft(draft, FIELDS, at=later)
    with pytest.raises(SubmissionError, match="hết hạn"):
        services.submit_draft(draft, at=later)


def test_the_cleanup_deletes_expired_unsubmitted_drafts_and_their_files(
    world, django_capture_on_commit_callbacks
):
    request, copy, _ = _documents(world)
    old = timezone.now() - timedelta(days=settings.SUBMISSION_DRAFT_DAYS + 1)
    expired, _ = services.start_draft(world.procedure, FIELDS, [Upload(pdf(), request.pk)], at=old)
    fresh, _ = services.start_draft(world.procedure, FIELDS, [Upload(pdf(), request.pk)])
    submitted, _ = services.start_draft(
        world.procedure,
        FIELDS,
        [Upload(pdf(), request.pk), Upload(pdf(), copy.pk)],
        at=old + timedelta(days=1),
    )
    dossier = services.submit_draft(submitted, at=old + timedelta(days=1, hours=1))
    expired_file = expired.files.get().file
    storage, name = expired_file.storage, expired_file.name
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.delete_expired_drafts.delay().get() == 1
    assert set(Draft.objects.values_list("pk", flat=True)) == {fresh.pk, submitted.pk}
    assert not storage.exists(name)
    assert DraftFile.objects.filter(draft=fresh).count() == 1
    assert Draft.objects.get(pk=submitted.pk).dossier == dossier
    # Safe to run again.
    assert tasks.delete_expired_drafts() == 0


def test_the_cleanup_runs_every_night():
    entry = settings.CELERY_BEAT_SCHEDULE["submissions.delete_expired_drafts"]
    assert entry["task"] == "motcua.submissions.tasks.delete_expired_drafts"
    assert tasks.delete_expired_drafts.name == entry["task"]


def test_a_draft_follows_a_new_version_of_its_procedure(world):
    request, copy, _ = _documents(world)
    draft, _ = services.start_draft(
        world.procedure,
        FIELDS,
        [Upload(pdf("de-nghi.pdf"), request.pk), Upload(pdf("cccd.pdf"), copy.pk)],
    )
    new = catalog.new_draft_from(version_in_force(world.procedure))
    catalog.remove_item(new.documents.get(name=copy.name))
    renamed = catalog.add_document(new, name="Bản sao căn cước của chủ doanh nghiệp", copies=1)
    catalog.publish(new, timezone.localdate())

    dossier = services.submit_draft(
        services.save_draft(draft, FIELDS, [Upload(pdf("can-cuoc.pdf"), renamed.pk)])[0]
    )
    assert dossier.version == new
    by_name = {a.original_name: a.document for a in dossier.attachments.all()}
    assert by_name["de-nghi.pdf"].required == new.documents.get(name=request.name)
    assert by_name["cccd.pdf"] is None  # its document is gone: kept among the others
    assert by_name["can-cuoc.pdf"].required == renamed
