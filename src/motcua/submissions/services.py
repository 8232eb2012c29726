"""The business actions of online submission. A draft keeps what the applicant typed and every
file that passed the checks, whatever else was wrong; submitting it creates the dossier once,
whatever the number of clicks or retries (the draft's token is the idempotency key)."""

from dataclasses import dataclass
from datetime import datetime, timedelta
import secrets

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from motcua.catalog.constants import OnlineLevel, Requirement
from motcua.catalog.models import Procedure, ProcedureVersion
from motcua.catalog.selectors import version_in_force
from motcua.core.uploads import UnacceptableFile, check_file
from motcua.dossiers import services as dossiers
from motcua.dossiers.constants import ReturnMethod
from motcua.dossiers.errors import InvalidInput
from motcua.dossiers.links import dossier_ref, tracking_url
from motcua.dossiers.models import Dossier
from motcua.dossiers.services import ApplicantData, ApplicantFile, Intake, ReceivedDocument
from motcua.dossiers.validation import validate_applicant
from motcua.notifications.constants import Channel
from motcua.notifications.errors import NotificationError
from motcua.notifications.services import queue_message

from .constants import MAX_FILES_PER_DRAFT, RETURN_CHOICES
from .errors import DraftSubmitted, IncompleteDraft, SubmissionError
from .models import Draft, DraftFile

ONLINE_LEVELS = (OnlineLevel.FULL, OnlineLevel.PARTIAL)


@dataclass(frozen=True)
class DraftFields:
    """What the applicant typed; stored as typed, checked only on review and submission."""

    applicant_kind: str = "person"
    applicant_name: str = ""
    applicant_id_number: str = ""
    applicant_phone: str = ""
    applicant_email: str = ""
    applicant_address: str = ""
    subject: str = ""
    return_method: str = ReturnMethod.COUNTER
    postal_address: str = ""


@dataclass(frozen=True)
class Upload:
    """A file sent for one required document (its id) or among the other documents (None)."""

    file: object
    required_id: int | None = None


@dataclass(frozen=True)
class FileRefusal:
    required_id: int | None
    message: str


def offered_online(version: ProcedureVersion | None) -> bool:
    """Only a version offered online with a known time limit can be submitted from the portal."""
    return (
        version is not None
        and version.online_level in ONLINE_LEVELS
        and version.time_limit_value is not None
    )


def online_version(procedure: Procedure, at: datetime | None = None) -> ProcedureVersion:
    version = version_in_force(procedure, on=at)
    if version is None:
        raise SubmissionError("Thủ tục này hiện không có phiên bản đang có hiệu lực.", status=404)
    if not offered_online(version):
        raise SubmissionError(
            "Thủ tục này chưa được cung cấp trực tuyến. Xin nộp hồ sơ tại Bộ phận Một cửa "
            f"của {procedure.agency.name} hoặc qua bưu chính công ích.",
            status=404,
        )
    return version


def _expiry(at: datetime) -> datetime:
    return at + timedelta(days=settings.SUBMISSION_DRAFT_DAYS)


def _apply(draft: Draft, fields: DraftFields) -> None:
    for name in DraftFields.__dataclass_fields__:
        value = str(getattr(fields, name) or "").strip()
        setattr(draft, name, value[: Draft._meta.get_field(name).max_length])
    if draft.return_method not in dict(RETURN_CHOICES):
        draft.return_method = ReturnMethod.COUNTER


def _random_name(original: str) -> str:
    """Stored under a random name: the original may carry personal data, and is kept apart."""
    extension = original.rsplit(".", 1)[-1].lower() if "." in original else "bin"
    return f"{secrets.token_hex(16)}.{extension}"


def _store(draft: Draft, uploads: list[Upload], at: datetime) -> list[FileRefusal]:
    """Keep every acceptable file at once; return a refusal for each other one."""
    document_ids = set(draft.version.documents.values_list("pk", flat=True))
    count = draft.files.count()
    refusals = []
    for upload in uploads:
        required_id = upload.required_id if upload.required_id in document_ids else None
        try:
            checked = check_file(upload.file, settings.MOTCUA_MAX_UPLOAD_MB)
        except UnacceptableFile as refusal:
            refusals.append(FileRefusal(required_id, str(refusal)))
            continue
        if count >= MAX_FILES_PER_DRAFT:
            refusals.append(
                FileRefusal(
                    required_id,
                    (
                        f"Tệp «{checked.name}» chưa được nhận: hồ sơ đã có "
                        f"{MAX_FILES_PER_DRAFT} tệp, là số tệp tối đa."
                    ),
                )
            )
            continue
        # The name's end (with its extension) fits the column on every database.
        stored = DraftFile(
            draft=draft,
            required_id=required_id,
            original_name=checked.name[-255:],
            content_type=checked.content_type,
            size=checked.size,
            uploaded_at=at,
        )
        stored.file.save(_random_name(checked.name), upload.file, save=False)
        stored.save()
        count += 1
    return refusals


def _follow_version(draft: Draft, at: datetime) -> None:
    """A new version came into force since the draft began: the draft moves to it, each file
    to the document of the same name (or among the other documents)."""
    version = online_version(draft.procedure, at)
    if version.pk == draft.version_id:
        return
    by_name = {d.name: d.pk for d in version.documents.all()}
    for stored in draft.files.exclude(required=None).select_related("required"):
        stored.required_id = by_name.get(stored.required.name)
        stored.save(update_fields=["required"])
    draft.version = version
    draft.save(update_fields=["version", "updated_at"])


def _open_draft(draft: Draft, at: datetime) -> Draft:
    """The draft row, locked until the transaction ends, on the version in force; refused once
    submitted or expired."""
    locked = (
        Draft.objects.select_for_update()
        .select_related("version", "procedure__agency")
        .get(pk=draft.pk)
    )
    if locked.is_submitted:
        raise DraftSubmitted()
    if locked.expires_at <= at:
        raise SubmissionError("Hồ sơ nháp đã hết hạn lưu giữ; xin lập hồ sơ mới.", status=410)
    _follow_version(locked, at)
    return locked


@transaction.atomic
def refresh_draft(draft: Draft, *, at: datetime | None = None) -> Draft:
    """The draft as it must be shown now: on the version in force."""
    return _open_draft(draft, at or timezone.now())


@transaction.atomic
def start_draft(
    procedure: Procedure,
    fields: DraftFields,
    uploads: list[Upload] = (),
    *,
    at: datetime | None = None,
) -> tuple[Draft, list[FileRefusal]]:
    """A new draft for a procedure offered online, with what was typed and the good files."""
    at = at or timezone.now()
    version = online_version(procedure, at)
    draft = Draft(
        agency_id=procedure.agency_id, procedure=procedure, version=version, expires_at=_expiry(at)
    )
    _apply(draft, fields)
    draft.save()
    return draft, _store(draft, list(uploads), at)


@transaction.atomic
def save_draft(
    draft: Draft, fields: DraftFields, uploads: list[Upload] = (), *, at: datetime | None = None
) -> tuple[Draft, list[FileRefusal]]:
    """Save what was typed and the good files; the draft lives on for the configured days."""
    at = at or timezone.now()
    draft = _open_draft(draft, at)
    _apply(draft, fields)
    draft.expires_at = _expiry(at)
    draft.save()
    return draft, _store(draft, list(uploads), at)


@transaction.atomic
def remove_file(draft: Draft, file_id: int) -> None:
    draft = _open_draft(draft, timezone.now())
    stored = draft.files.filter(pk=file_id).first()
    if stored is None:
        raise SubmissionError("Không tìm thấy tệp này trong hồ sơ nháp.", status=404)
    name = stored.file.name
    stored.delete()
    transaction.on_commit(lambda: stored.file.storage.delete(name))


def resume_url(draft: Draft) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("submissions:draft", args=[draft.token])


@transaction.atomic
def send_resume_link(draft: Draft, request_key: str):
    """E-mail the resume link to the address on the draft, once per save request."""
    if not draft.applicant_email:
        raise SubmissionError("Cần thư điện tử để nhận đường dẫn tiếp tục hồ sơ.")
    body = (
        f"Hồ sơ nộp trực tuyến của Ông/Bà ({draft.version.name}, {draft.procedure.agency.name}) "
        f"đã được lưu nháp.\n\nTiếp tục hoàn thiện và nộp hồ sơ tại: {resume_url(draft)}\n\n"
        f"Bản nháp được giữ đến {timezone.localtime(draft.expires_at):%d/%m/%Y}. Không chia "
        "sẻ đường dẫn này: ai có đường dẫn đều xem và sửa được hồ sơ nháp."
    )
    try:
        return queue_message(
            Channel.EMAIL,
            draft.applicant_email,
            "Đường dẫn tiếp tục hồ sơ nộp trực tuyến",
            body,
            agency=draft.agency,
            topic="submissions.draft_saved",
            reference=f"nhap-{draft.pk}",
            key=f"draft-saved:{draft.pk}:{request_key[:64]}",
        )
    except NotificationError as refusal:
        raise SubmissionError(str(refusal)) from None


def missing_documents(draft: Draft) -> list[str]:
    """The mandatory documents of the draft's version that have no file yet."""
    covered = set(draft.files.exclude(required=None).values_list("required_id", flat=True))
    return [
        d.name
        for d in draft.version.documents.all()
        if d.requirement == Requirement.MANDATORY and d.pk not in covered
    ]


def _intake_of(draft: Draft, documents) -> Intake:
    """The dossier's intake: each document with a file counts as one copy received."""
    applicant = ApplicantData(
        name=draft.applicant_name,
        kind=draft.applicant_kind,
        id_number=draft.applicant_id_number,
        phone=draft.applicant_phone,
        email=draft.applicant_email,
        address=draft.applicant_address,
    )
    return Intake(
        applicant=applicant,
        documents=[ReceivedDocument(d.name, copies=1, required_id=d.pk) for d in documents],
        return_method=draft.return_method,
        postal_address=draft.postal_address,
        subject=draft.subject,
    )


def _intake(draft: Draft) -> Intake:
    covered = set(draft.files.exclude(required=None).values_list("required_id", flat=True))
    return _intake_of(draft, [d for d in draft.version.documents.all() if d.pk in covered])


def _check_applicant(draft: Draft) -> None:
    if not draft.applicant_email:
        raise SubmissionError("Cần thư điện tử: giấy xác nhận đã nhận hồ sơ được gửi qua đó.")
    try:
        validate_applicant(_intake_of(draft, []).applicant)
    except InvalidInput as refusal:
        raise SubmissionError(refusal.message) from None
    if draft.return_method == ReturnMethod.POST and not draft.postal_address:
        raise SubmissionError("Nhận kết quả qua bưu chính cần địa chỉ nhận.")


def check_ready(draft: Draft) -> None:
    """Refuse a draft that cannot be submitted yet, saying why."""
    _check_applicant(draft)
    missing = missing_documents(draft)
    if missing:
        raise IncompleteDraft(missing)


def _acknowledge(dossier: Dossier) -> None:
    ref = dossier_ref(dossier)
    body = (
        f"{dossier.agency.name} đã nhận hồ sơ nộp trực tuyến của Ông/Bà.\n\n"
        f"Thủ tục: {dossier.version.name}\n"
        f"Số tham chiếu: {ref}\n"
        f"Mã bí mật để tra cứu: {dossier.tracking_secret}\n"
        f"Tra cứu tình trạng: {tracking_url(dossier)}\n\n"
        "Hồ sơ đang chờ Bộ phận Một cửa kiểm tra; ngày hẹn trả được tính khi Bộ phận Một cửa "
        "tiếp nhận, và Ông/Bà sẽ nhận thông báo kèm mã hồ sơ khi đó."
    )
    queue_message(
        Channel.EMAIL,
        dossier.applicant_email,
        "Đã nhận hồ sơ nộp trực tuyến",
        body,
        agency=dossier.agency,
        topic="submissions.submitted",
        reference=ref,
        key=f"submitted:{dossier.pk}",
    )


@transaction.atomic
def submit_draft(draft: Draft, *, at: datetime | None = None) -> Dossier:
    """Turn the draft into a dossier waiting in the counter's online queue, exactly once.

    The draft row is locked first, so a second request waits and then finds the dossier the
    first made; the token is also the dossier's idempotency key, the database's own guard.
    """
    at = at or timezone.now()
    try:
        locked = _open_draft(draft, at)
    except DraftSubmitted:
        return Draft.objects.select_related("dossier").get(pk=draft.pk).dossier
    check_ready(locked)
    stored = list(locked.files.all())
    handles = [File(f.file.open("rb"), name=f.original_name) for f in stored]
    try:
        dossier = dossiers.submit(
            locked.procedure,
            _intake(locked),
            idempotency_key=locked.token,
            at=at,
            files=[ApplicantFile(handle, f.required_id) for handle, f in zip(handles, stored)],
        )
    finally:
        for handle in handles:
            handle.close()
    locked.dossier, locked.submitted_at = dossier, at
    locked.save(update_fields=["dossier", "submitted_at", "updated_at"])
    _acknowledge(dossier)
    # The files now live with the dossier; the draft's copies go once this commits.
    names = [f.file.name for f in stored]
    locked.files.all().delete()
    transaction.on_commit(lambda: _delete_stored(names))
    return dossier


API_KEY_PREFIX = "api:"  # keeps the API's keys apart from the drafts' tokens


@transaction.atomic
def submit_direct(
    procedure: Procedure,
    fields: DraftFields,
    uploads: list[Upload],
    *,
    idempotency_key: str,
    at: datetime | None = None,
) -> tuple[Dossier, bool]:
    """A whole submission in one request (the API): every file must pass, or nothing is made.

    Returns the dossier and whether it was made now; the same key returns the first one, even
    when two requests race (they queue on the procedure's row; the later ones read the first's).
    """
    key = API_KEY_PREFIX + idempotency_key.strip()
    longest = Dossier._meta.get_field("idempotency_key").max_length
    if not idempotency_key.strip() or len(key) > longest:
        raise SubmissionError("Tiêu đề Idempotency-Key là bắt buộc, tối đa 60 ký tự.")
    existing = Dossier.objects.filter(agency_id=procedure.agency_id, idempotency_key=key).first()
    if existing is not None:
        return existing, False
    at = at or timezone.now()
    version = online_version(procedure, at)
    draft = Draft(agency_id=procedure.agency_id, procedure=procedure, version=version)
    _apply(draft, fields)
    refusals = []
    for upload in uploads:
        try:
            check_file(upload.file, settings.MOTCUA_MAX_UPLOAD_MB)
        except UnacceptableFile as refusal:
            refusals.append(str(refusal))
    if refusals:
        raise SubmissionError(" ".join(refusals))
    documents = {d.pk: d for d in version.documents.all()}
    covered = {u.required_id for u in uploads if u.required_id in documents}
    _check_applicant(draft)  # an unsaved draft: the same checks as the form's
    missing = [
        d.name
        for d in documents.values()
        if d.requirement == Requirement.MANDATORY and d.pk not in covered
    ]
    if missing:
        raise IncompleteDraft(missing)
    intake = _intake_of(draft, [d for d in documents.values() if d.pk in covered])
    files = [
        ApplicantFile(u.file, u.required_id if u.required_id in documents else None)
        for u in uploads
    ]
    with transaction.atomic():
        # Requests racing with one key queue on the procedure's row: the later ones find the
        # first one's dossier and answer that it was not made now.
        Procedure.objects.select_for_update().filter(pk=procedure.pk).first()
        existing = Dossier.objects.filter(
            agency_id=procedure.agency_id, idempotency_key=key
        ).first()
        if existing is not None:
            return existing, False
        dossier = dossiers.submit(procedure, intake, idempotency_key=key, files=files, at=at)
        _acknowledge(dossier)
    return dossier, True


def _delete_stored(names: list[str]) -> None:
    storage = DraftFile._meta.get_field("file").storage
    for name in names:
        storage.delete(name)


def delete_expired_drafts(now: datetime | None = None) -> int:
    """Remove the drafts never submitted whose time is over, with their files."""
    now = now or timezone.now()
    expired = list(
        Draft.objects.filter(dossier__isnull=True, expires_at__lte=now).values_list("pk", flat=True)
    )
    deleted = 0
    for pk in expired:
        with transaction.atomic():
            # Locked and checked again: it may have been saved or submitted meanwhile.
            draft = (
                Draft.objects.select_for_update()
                .filter(pk=pk, dossier__isnull=True, expires_at__lte=now)
                .first()
            )
            if draft is None:
                continue
            names = list(draft.files.values_list("file", flat=True))
            draft.delete()
            transaction.on_commit(lambda names=names: _delete_stored(names))
            deleted += 1
    return deleted
