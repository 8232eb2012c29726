"""The lifecycle's business actions. Each is one call and one transaction: it locks the dossier
row, checks the transition table (`lifecycle.check`), changes state and deadlines, appends the
event, and queues what the applicant must be told. Views, the API and scheduled jobs all call
these functions; none of them changes a dossier by itself."""

from dataclasses import dataclass
from datetime import datetime, timedelta
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from motcua.catalog.constants import Requirement
from motcua.catalog.models import Procedure, ProcedureVersion
from motcua.catalog.selectors import version_in_force
from motcua.core.uploads import UnacceptableFile, check_file
from motcua.org.models import Staff
from motcua.worktime import arithmetic
from motcua.worktime.errors import WorktimeError
from motcua.worktime.selectors import calendar_for

from .constants import Action, ApplicantKind, CancelCase, Channel, ReturnMethod, State
from .errors import (
    DuplicateNumber,
    Forbidden,
    IncompleteDossier,
    InvalidInput,
    NotAllowedInState,
    StaleDossier,
)
from .lifecycle import Actor, check
from .messages import notify_applicant
from .models import (
    Attachment,
    Consultation,
    DailySequence,
    Dossier,
    DossierDocument,
    DossierEvent,
    DossierStep,
    GuidanceSlip,
    RuleRegime,
    SlipSequence,
    SupplementRequest,
)
from .validation import validate_applicant


@dataclass(frozen=True)
class ApplicantData:
    name: str
    kind: str = ApplicantKind.PERSON
    id_number: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    owner_name: str = ""


@dataclass(frozen=True)
class ReceivedDocument:
    """One line of the intake checklist: a required document (by id) or an extra one."""

    name: str
    originals: int = 0
    copies: int = 0
    required_id: int | None = None


@dataclass(frozen=True)
class ApplicantFile:
    """A file the applicant sent online (a Django File or upload), for one required document or
    none. Its type and size are checked again here whatever the caller checked before."""

    file: object
    required_id: int | None = None


@dataclass(frozen=True)
class Intake:
    applicant: ApplicantData
    documents: list[ReceivedDocument]
    return_method: str = ReturnMethod.COUNTER
    postal_address: str = ""
    sets: int = 1
    subject: str = ""


# ---------------------------------------------------------------------------------------------
# Shared steps of every action


def regime_for(moment: datetime) -> RuleRegime:
    """The rule regime in force on the day of `moment` (a dossier keeps it for life)."""
    regime = (
        RuleRegime.objects.filter(effective_from__lte=timezone.localdate(moment))
        .order_by("-effective_from")
        .first()
    )
    if regime is None:
        raise InvalidInput("Không có chế độ quy định nào áp dụng cho ngày tiếp nhận này.")
    return regime


def _locked(dossier: Dossier, expected_revision: int | None) -> Dossier:
    """The dossier row, locked until the transaction ends; refuses a stale screen."""
    locked = (
        Dossier.objects.select_for_update()
        .select_related("agency", "version", "regime")
        .get(pk=dossier.pk)
    )
    if expected_revision is not None and locked.revision != expected_revision:
        raise StaleDossier(
            "Hồ sơ vừa được người khác cập nhật. Xin tải lại trang để thấy tình trạng mới nhất."
        )
    return locked


def _current_step(dossier: Dossier) -> DossierStep | None:
    if dossier.current_step_id is None:
        return None
    return DossierStep.objects.select_related("unit", "assignee").get(pk=dossier.current_step_id)


def _act(dossier, action, actor: Actor, *, note="", expected_revision=None):
    """Lock, check the table, and return (locked dossier, its current step, the rule)."""
    locked = _locked(dossier, expected_revision)
    if actor.kind == "staff" and actor.staff.agency_id != locked.agency_id:
        raise Forbidden("Hồ sơ không thuộc cơ quan của bạn.")
    step = _current_step(locked)
    rule = check(action, locked.state, actor, step=step, note=note, dossier=locked)
    return locked, step, rule


def _record(dossier, action, actor: Actor, from_state, *, at, step=None, note="", data=None):
    """Append the event and bump the dossier's revision (the dossier is saved by the caller;
    the row lock held since `_locked` makes the plain increment safe)."""
    dossier.revision += 1
    return DossierEvent.objects.create(
        dossier=dossier,
        at=at,
        action=action,
        actor=actor.staff if actor.kind == "staff" else None,
        actor_name=actor.name,
        from_state=from_state or "",
        to_state=dossier.state,
        step=step,
        note=note,
        data=data or {},
    )


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _save(dossier: Dossier) -> Dossier:
    dossier.save()
    return dossier


def _calendar(dossier_or_agency):
    agency_id = getattr(dossier_or_agency, "agency_id", None) or dossier_or_agency.pk
    return calendar_for(agency_id)


def _start_step(step: DossierStep, calendar, at: datetime) -> None:
    step.started_at = at
    step.finished_at = None
    step.due_at = arithmetic.add_working_hours(calendar, at, step.hours)
    step.save(update_fields=["started_at", "finished_at", "due_at"])


def _finish_step(step: DossierStep | None, at: datetime) -> None:
    if step is not None and step.finished_at is None:
        step.finished_at = at
        step.save(update_fields=["finished_at"])


def _set_current(dossier: Dossier, step: DossierStep | None) -> None:
    """Move the dossier to `step` (None: no step), copying who holds it for the worklists."""
    dossier.current_step = step
    dossier.current_unit_id = step.unit_id if step else None
    dossier.current_assignee_id = step.assignee_id if step else None


def _last_step(dossier: Dossier) -> DossierStep | None:
    return dossier.steps.order_by("-position").first()


# ---------------------------------------------------------------------------------------------
# Intake


def _missing_documents(version: ProcedureVersion, documents: list[ReceivedDocument]) -> list[str]:
    ticked = {d.required_id for d in documents if d.required_id and (d.originals or d.copies)}
    return [
        doc.name
        for doc in version.documents.all()
        if doc.requirement == Requirement.MANDATORY and doc.pk not in ticked
    ]


def _version_for(procedure: Procedure, at: datetime) -> ProcedureVersion:
    version = version_in_force(procedure, on=at)
    if version is None:
        raise InvalidInput(
            f"Thủ tục {procedure.code} chưa có phiên bản có hiệu lực vào ngày "
            f"{timezone.localtime(at):%d/%m/%Y}; không thể tiếp nhận."
        )
    return version


def _next_number(sequences, **key) -> int:
    """The next number of a running sequence (its row found by `key`, created at 0). The row
    stays locked until the transaction ends, so concurrent callers each get their own number
    and a rolled-back caller gives its number back."""
    row, _ = sequences.get_or_create(**key)
    row = sequences.select_for_update().get(pk=row.pk)
    row.last += 1
    row.save(update_fields=["last"])
    return row.last


def _allocate_code(dossier: Dossier, at: datetime) -> str:
    """The next code of the agency's day."""
    day = timezone.localdate(at)
    number = _next_number(DailySequence.objects, agency_id=dossier.agency_id, day=day)
    return dossier.regime.code_format.format(agency=dossier.agency.code, day=day, number=number)


def _fill(dossier: Dossier, intake: Intake) -> None:
    applicant = intake.applicant
    dossier.applicant_kind = applicant.kind
    dossier.applicant_name = applicant.name.strip()
    dossier.applicant_id_number = applicant.id_number.strip()
    dossier.applicant_phone = applicant.phone.strip()
    dossier.applicant_email = applicant.email.strip()
    dossier.applicant_address = applicant.address.strip()
    dossier.owner_name = (applicant.owner_name or applicant.name).strip()
    dossier.subject = intake.subject.strip() or dossier.version.name
    dossier.sets = intake.sets
    dossier.return_method = intake.return_method
    dossier.postal_address = intake.postal_address.strip()


def _validate_intake(intake: Intake) -> None:
    validate_applicant(intake.applicant)
    if intake.return_method == ReturnMethod.POST and not intake.postal_address.strip():
        raise InvalidInput("Nhận kết quả qua bưu chính cần địa chỉ nhận.")
    if intake.sets < 1:
        raise InvalidInput("Số bộ hồ sơ phải từ 1 trở lên.")


def _save_documents(dossier: Dossier, documents: list[ReceivedDocument]) -> None:
    """The intake checklist of a new dossier: the documents actually handed in."""
    DossierDocument.objects.bulk_create(
        DossierDocument(
            dossier=dossier,
            required_id=d.required_id,
            position=i,
            name=d.name,
            originals=d.originals,
            copies=d.copies,
        )
        for i, d in enumerate(documents, start=1)
        if d.originals or d.copies
    )


def _store_applicant_files(dossier: Dossier, files: list[ApplicantFile], at: datetime) -> list[str]:
    """Keep the applicant's files as attachments (no staff uploader), each on its document."""
    if not files:
        return []
    # Every file is checked before any is written: a refusal leaves nothing in storage.
    try:
        checked_files = [
            (item, check_file(item.file, settings.MOTCUA_MAX_UPLOAD_MB)) for item in files
        ]
    except UnacceptableFile as refusal:
        raise InvalidInput(str(refusal)) from None
    documents = {d.required_id: d for d in dossier.documents.exclude(required_id=None)}
    names = []
    for item, checked in checked_files:
        attachment = Attachment(
            dossier=dossier,
            document=documents.get(item.required_id),
            kind=Attachment.Kind.DOCUMENT,
            original_name=checked.name,
            content_type=checked.content_type,
            size=checked.size,
            uploaded_at=at,
        )
        attachment.file.save(checked.name, item.file, save=False)
        attachment.save()
        names.append(checked.name)
    return names


def _open(dossier: Dossier, actor: Actor, at: datetime) -> None:
    """Give a complete dossier its code, appointment and planned steps (receipt)."""
    calendar = _calendar(dossier)
    version = dossier.version
    if version.time_limit_value is None:
        raise InvalidInput("Thủ tục chưa có thời hạn giải quyết; không thể hẹn ngày trả kết quả.")
    dossier.code = _allocate_code(dossier, at)
    dossier.received_at = at
    dossier.received_by = actor.staff
    # An online submission keeps the secret it was given (already shown and e-mailed).
    dossier.tracking_secret = dossier.tracking_secret or secrets.token_hex(4).upper()
    dossier.due_at = dossier.initial_due_at = arithmetic.due_at(
        calendar,
        at,
        version.time_limit_value,
        version.time_limit_unit,
        after_15h_next_day=version.after_15h_next_day,
    )
    dossier.save()
    steps = DossierStep.objects.bulk_create(
        DossierStep(
            dossier=dossier,
            position=s.position,
            process_step=s,
            name=s.name,
            unit_id=s.unit_id,
            role=s.role,
            hours=s.hours,
        )
        for s in version.steps.order_by("position")
    )
    if steps:
        first = steps[0]
        # The officer who received the dossier holds the counter step, so it is in their list.
        if actor.staff is not None and first.unit_id == actor.staff.unit_id:
            first.assignee = actor.staff
            first.save(update_fields=["assignee"])
        _start_step(first, calendar, at)
        _set_current(dossier, first)


@transaction.atomic
def receive(
    officer: Staff,
    procedure: Procedure,
    intake: Intake,
    *,
    channel: str = Channel.COUNTER,
    at: datetime | None = None,
    idempotency_key: str | None = None,
) -> Dossier:
    """Receive a complete dossier at the counter (or by post): code, appointment, receipt."""
    actor = Actor.of(officer)
    check(Action.RECEIVE, None, actor)
    if procedure.agency_id != officer.agency_id:
        raise Forbidden("Thủ tục không thuộc cơ quan của bạn.")
    existing = _replayed(officer.agency_id, idempotency_key)
    if existing is not None:
        return existing
    at = at or timezone.now()
    version = _version_for(procedure, at)
    _validate_intake(intake)
    missing = _missing_documents(version, intake.documents)
    if missing:
        raise IncompleteDossier(missing)

    def create() -> Dossier:
        dossier = Dossier(
            agency_id=procedure.agency_id,
            procedure=procedure,
            version=version,
            regime=regime_for(at),
            channel=channel,
            state=State.RECEIVED,
            idempotency_key=idempotency_key or None,
        )
        _fill(dossier, intake)
        _open(dossier, actor, at)
        _save_documents(dossier, intake.documents)
        event = _record(
            dossier,
            Action.RECEIVE,
            actor,
            "",
            at=at,
            step=dossier.current_step,
            data={"due_at": dossier.due_at.isoformat()},
        )
        notify_applicant(dossier, "received", event)
        return _save(dossier)

    return _once(procedure.agency_id, idempotency_key, create)


def _replayed(agency_id: int, idempotency_key: str | None) -> Dossier | None:
    """The dossier an earlier request with the same idempotency key created, if any."""
    if not idempotency_key:
        return None
    return Dossier.objects.filter(agency_id=agency_id, idempotency_key=idempotency_key).first()


def _once(agency_id: int, idempotency_key: str | None, create) -> Dossier:
    """Run `create` in a savepoint. When a concurrent request with the same key created the
    dossier first, the unique key refuses this one: its work is undone and the winner's dossier
    is returned, so every retry gets the one dossier and none a server error."""
    try:
        with transaction.atomic():
            return create()
    except IntegrityError:
        existing = _replayed(agency_id, idempotency_key)
        if existing is None:
            raise
        return existing


@transaction.atomic
def issue_guidance_slip(
    officer: Staff,
    procedure: Procedure,
    applicant_name: str,
    documents: list[ReceivedDocument],
    *,
    phone: str = "",
    note: str = "",
    at: datetime | None = None,
) -> GuidanceSlip:
    """The guidance slip for an incomplete dossier: everything missing, listed once."""
    check(Action.RECEIVE, None, Actor.of(officer))
    at = at or timezone.now()
    version = _version_for(procedure, at)
    if not applicant_name.strip():
        raise InvalidInput("Cần ghi họ tên người được hướng dẫn.")
    missing = _missing_documents(version, documents)
    if not missing:
        raise InvalidInput("Hồ sơ đã đủ thành phần bắt buộc: hãy tiếp nhận thay vì hướng dẫn.")
    year = timezone.localdate(at).year
    number = _next_number(SlipSequence.objects, agency_id=officer.agency_id, year=year)
    return GuidanceSlip.objects.create(
        agency_id=officer.agency_id,
        number=f"{number}/{year}/HDHS",
        issued_at=at,
        issued_by=officer,
        version=version,
        applicant_name=applicant_name.strip(),
        applicant_phone=phone.strip(),
        missing=missing,
        note=note.strip(),
    )


@transaction.atomic
def submit(
    procedure: Procedure,
    intake: Intake,
    *,
    idempotency_key: str,
    files: list[ApplicantFile] = (),
    at: datetime | None = None,
) -> Dossier:
    """An online submission from the portal: it waits in the counter's online queue.

    The same idempotency key returns the dossier already created: a double click or a retried
    request never makes two. `files` become the dossier's attachments in the same transaction.
    """
    if not idempotency_key:
        raise InvalidInput("Thiếu khóa chống nộp trùng.")
    existing = _replayed(procedure.agency_id, idempotency_key)
    if existing is not None:
        return existing
    at = at or timezone.now()
    actor = Actor.applicant(intake.applicant.name or "Người nộp")
    check(Action.SUBMIT, None, actor)
    version = _version_for(procedure, at)
    _validate_intake(intake)

    def create() -> Dossier:
        dossier = Dossier(
            agency_id=procedure.agency_id,
            procedure=procedure,
            version=version,
            regime=regime_for(at),
            channel=Channel.ONLINE,
            state=State.SUBMITTED,
            submitted_at=at,
            idempotency_key=idempotency_key,
            tracking_secret=secrets.token_hex(4).upper(),
        )
        _fill(dossier, intake)
        dossier.save()
        _save_documents(dossier, intake.documents)
        names = _store_applicant_files(dossier, list(files), at)
        _record(dossier, Action.SUBMIT, actor, "", at=at, data={"files": names} if names else None)
        return _save(dossier)

    return _once(procedure.agency_id, idempotency_key, create)


@transaction.atomic
def accept(
    dossier: Dossier, officer: Staff, *, expected_revision=None, at: datetime | None = None
) -> Dossier:
    """The counter accepts an online submission: it is received now."""
    actor = Actor.of(officer)
    dossier, _, _ = _act(dossier, Action.ACCEPT, actor, expected_revision=expected_revision)
    at = at or timezone.now()
    documents = [
        ReceivedDocument(d.name, d.originals, d.copies, d.required_id)
        for d in dossier.documents.all()
    ]
    missing = _missing_documents(dossier.version, documents)
    if missing:
        raise IncompleteDossier(missing)
    # The version and regime are those in force when it is received, not when it was submitted.
    dossier.version = _version_for(dossier.procedure, at)
    dossier.regime = regime_for(at)
    from_state, dossier.state = dossier.state, State.RECEIVED
    _open(dossier, actor, at)
    event = _record(
        dossier,
        Action.ACCEPT,
        actor,
        from_state,
        at=at,
        step=dossier.current_step,
        data={"due_at": dossier.due_at.isoformat()},
    )
    notify_applicant(dossier, "received", event)
    return _save(dossier)


@transaction.atomic
def reject_online(
    dossier: Dossier,
    officer: Staff,
    reason: str,
    *,
    expected_revision=None,
    at: datetime | None = None,
) -> Dossier:
    """The counter returns an online submission it cannot accept, with the reasons."""
    actor = Actor.of(officer)
    dossier, _, _ = _act(
        dossier, Action.REJECT_ONLINE, actor, note=reason, expected_revision=expected_revision
    )
    at = at or timezone.now()
    from_state, dossier.state = dossier.state, State.NOT_ACCEPTED
    dossier.finished_at = at
    event = _record(dossier, Action.REJECT_ONLINE, actor, from_state, at=at, note=reason)
    notify_applicant(dossier, "not_accepted", event)
    return _save(dossier)


# ---------------------------------------------------------------------------------------------
# Routing through the internal process


@transaction.atomic
def assign(
    dossier: Dossier,
    head: Staff,
    assignee: Staff,
    *,
    expected_revision=None,
    at: datetime | None = None,
) -> Dossier:
    """The unit head assigns (or reassigns) the current step to a member of the unit."""
    actor = Actor.of(head)
    dossier, step, _ = _act(dossier, Action.ASSIGN, actor, expected_revision=expected_revision)
    if step.unit_id is not None and assignee.unit_id != step.unit_id:
        raise InvalidInput(f"{assignee.full_name} không thuộc {step.unit}.")
    previous = step.assignee
    step.assignee = assignee
    step.save(update_fields=["assignee"])
    dossier.current_assignee = assignee
    _record(
        dossier,
        Action.ASSIGN,
        actor,
        dossier.state,
        at=at or timezone.now(),
        step=step,
        data={"assignee": assignee.full_name, "previous": previous.full_name if previous else None},
    )
    return _save(dossier)


@transaction.atomic
def claim(
    dossier: Dossier, staff: Staff, *, expected_revision=None, at: datetime | None = None
) -> Dossier:
    """A member of the step's unit takes the unassigned step."""
    actor = Actor.of(staff)
    dossier, step, _ = _act(dossier, Action.CLAIM, actor, expected_revision=expected_revision)
    step.assignee = staff
    step.save(update_fields=["assignee"])
    dossier.current_assignee = staff
    _record(dossier, Action.CLAIM, actor, dossier.state, at=at or timezone.now(), step=step)
    return _save(dossier)


@transaction.atomic
def forward(
    dossier: Dossier,
    staff: Staff,
    *,
    note: str = "",
    assignee: Staff | None = None,
    expected_revision=None,
    at: datetime | None = None,
) -> Dossier:
    """Hand the dossier over to the next step of the internal process."""
    actor = Actor.of(staff)
    dossier, step, rule = _act(dossier, Action.FORWARD, actor, expected_revision=expected_revision)
    following = dossier.steps.filter(position__gt=step.position).order_by("position").first()
    if assignee is not None and following.unit_id and assignee.unit_id != following.unit_id:
        raise InvalidInput(f"{assignee.full_name} không thuộc {following.unit}.")
    at = at or timezone.now()
    _finish_step(step, at)
    following.assignee = assignee
    following.save(update_fields=["assignee"])
    _start_step(following, _calendar(dossier), at)
    from_state, dossier.state = dossier.state, rule.target
    _set_current(dossier, following)
    _record(
        dossier,
        Action.FORWARD,
        actor,
        from_state,
        at=at,
        step=following,
        note=note,
        data={
            "from_step": step.name,
            "from_step_due_at": _iso(step.due_at),
            "to_step": following.name,
            "to_step_due_at": _iso(following.due_at),
        },
    )
    return _save(dossier)


@transaction.atomic
def send_back(
    dossier: Dossier,
    staff: Staff,
    reason: str,
    *,
    expected_revision=None,
    at: datetime | None = None,
) -> Dossier:
    """Return the dossier to the previous step, which starts again with its own time."""
    actor = Actor.of(staff)
    dossier, step, _ = _act(
        dossier, Action.SEND_BACK, actor, note=reason, expected_revision=expected_revision
    )
    previous = dossier.steps.filter(position__lt=step.position).order_by("-position").first()
    at = at or timezone.now()
    step.started_at = step.due_at = None
    step.save(update_fields=["started_at", "due_at"])
    _start_step(previous, _calendar(dossier), at)
    _set_current(dossier, previous)
    from_state = dossier.state
    dossier.state = State.RECEIVED if previous.position == 1 else State.PROCESSING
    _record(
        dossier,
        Action.SEND_BACK,
        actor,
        from_state,
        at=at,
        step=previous,
        note=reason,
        data={"from_step": step.name, "to_step": previous.name},
    )
    return _save(dossier)


# ---------------------------------------------------------------------------------------------
# Supplement, suspension, extension, apology: the clock


@transaction.atomic
def request_supplement(
    dossier: Dossier,
    staff: Staff,
    items: list[dict],
    reason: str,
    *,
    expected_revision=None,
    at: datetime | None = None,
) -> SupplementRequest:
    """Ask the applicant, in writing (Mẫu 02), for what is missing or wrong; the clock stops."""
    actor = Actor.of(staff)
    dossier, step, rule = _act(
        dossier, Action.REQUEST_SUPPLEMENT, actor, note=reason, expected_revision=expected_revision
    )
    items = [
        {"name": str(i.get("name", "")).strip(), "note": str(i.get("note", "")).strip()}
        for i in items
    ]
    items = [i for i in items if i["name"]]
    if not items:
        raise InvalidInput("Cần liệt kê ít nhất một giấy tờ phải bổ sung, hoàn thiện.")
    at = at or timezone.now()
    calendar = _calendar(dossier)
    # Decree 61 Art. 19(4): within 3 working days of receipt; later requests are recorded as such.
    in_time = arithmetic.working_time_between(calendar, dossier.received_at, at) <= (
        3 * calendar.day_length
    )
    dossier.supplement_count += 1
    dossier.clock_stopped_at = at
    from_state, dossier.state = dossier.state, rule.target
    request = SupplementRequest.objects.create(
        dossier=dossier,
        number=dossier.supplement_count,
        items=items,
        reason=reason.strip(),
        requested_at=at,
        requested_by=staff,
    )
    event = _record(
        dossier,
        Action.REQUEST_SUPPLEMENT,
        actor,
        from_state,
        at=at,
        step=step,
        note=reason,
        data={"items": items, "number": request.number, "within_3_working_days": in_time},
    )
    notify_applicant(
        dossier, "supplement_requested", event, items="; ".join(i["name"] for i in items)
    )
    _save(dossier)
    return request


def _waited(calendar, dossier: Dossier, at: datetime) -> timedelta:
    return arithmetic.working_time_between(calendar, dossier.clock_stopped_at, at)


@transaction.atomic
def supplement(
    dossier: Dossier,
    actor: Actor,
    *,
    note: str = "",
    expected_revision=None,
    files: list[ApplicantFile] = (),
    at: datetime | None = None,
) -> Dossier:
    """The applicant's supplement arrived (at the counter or online): the clock runs again.

    By the procedure's setting the time limit restarts from zero (Decree 61 Art. 19(4), the
    default) or continues, the waiting time added to the appointment. Files sent online are
    kept as the dossier's attachments in the same transaction.
    """
    dossier, step, _ = _act(
        dossier, Action.SUPPLEMENT, actor, note=note, expected_revision=expected_revision
    )
    at = at or timezone.now()
    calendar = _calendar(dossier)
    version = dossier.version
    if version.supplement_clock == "continue":
        waited = _waited(calendar, dossier, at)
        dossier.due_at = arithmetic.add_working_time(calendar, dossier.due_at, waited)
    else:
        dossier.due_at = arithmetic.due_at(
            calendar, at, version.time_limit_value, version.time_limit_unit
        )
    if step is not None:
        _start_step(step, calendar, at)
    shifted = arithmetic.add_working_time(
        calendar, dossier.initial_due_at, _waited(calendar, dossier, at)
    )
    dossier.clock_stopped_at = None
    SupplementRequest.objects.filter(dossier=dossier, answered_at__isnull=True).update(
        answered_at=at, shifted_due_at=shifted
    )
    from_state = dossier.state
    dossier.state = State.RECEIVED if step is None or step.position == 1 else State.PROCESSING
    names = _store_applicant_files(dossier, list(files), at)
    _record(
        dossier,
        Action.SUPPLEMENT,
        actor,
        from_state,
        at=at,
        step=step,
        note=note,
        data={
            "due_at": dossier.due_at.isoformat(),
            "clock": version.supplement_clock,
            **({"files": names} if names else {}),
        },
    )
    return _save(dossier)


@transaction.atomic
def suspend(
    dossier: Dossier,
    staff: Staff,
    reason: str,
    *,
    expected_revision=None,
    at: datetime | None = None,
) -> Dossier:
    actor = Actor.of(staff)
    dossier, step, rule = _act(
        dossier, Action.SUSPEND, actor, note=reason, expected_revision=expected_revision
    )
    at = at or timezone.now()
    dossier.clock_stopped_at = at
    from_state, dossier.state = dossier.state, rule.target
    _record(dossier, Action.SUSPEND, actor, from_state, at=at, step=step, note=reason)
    return _save(dossier)


@transaction.atomic
def resume(
    dossier: Dossier,
    staff: Staff,
    *,
    note: str = "",
    expected_revision=None,
    at: datetime | None = None,
) -> Dossier:
    """Processing continues; the suspended working time is added to the deadlines."""
    actor = Actor.of(staff)
    dossier, step, rule = _act(
        dossier, Action.RESUME, actor, note=note, expected_revision=expected_revision
    )
    at = at or timezone.now()
    calendar = _calendar(dossier)
    waited = _waited(calendar, dossier, at)
    dossier.due_at = arithmetic.add_working_time(calendar, dossier.due_at, waited)
    if step is not None and step.due_at is not None:
        step.due_at = arithmetic.add_working_time(calendar, step.due_at, waited)
        step.save(update_fields=["due_at"])
    dossier.clock_stopped_at = None
    from_state, dossier.state = dossier.state, rule.target
    _record(
        dossier,
        Action.RESUME,
        actor,
        from_state,
        at=at,
        step=step,
        note=note,
        data={"due_at": dossier.due_at.isoformat()},
    )
    return _save(dossier)


@transaction.atomic
def extend(
    dossier: Dossier,
    director: Staff,
    working_days,
    reason: str,
    *,
    expected_revision=None,
    at: datetime | None = None,
) -> Dossier:
    """An extension the law allows: the legal deadline moves by `working_days`."""
    actor = Actor.of(director)
    dossier, step, _ = _act(
        dossier, Action.EXTEND, actor, note=reason, expected_revision=expected_revision
    )
    if working_days <= 0:
        raise InvalidInput("Số ngày gia hạn phải lớn hơn 0.")
    try:
        new_due = arithmetic.add_working_days(_calendar(dossier), dossier.due_at, working_days)
    except WorktimeError as exc:
        raise InvalidInput(str(exc)) from exc
    previous, dossier.due_at = dossier.due_at, new_due
    _record(
        dossier,
        Action.EXTEND,
        actor,
        dossier.state,
        at=at or timezone.now(),
        step=step,
        note=reason,
        data={
            "previous_due_at": previous.isoformat(),
            "due_at": new_due.isoformat(),
            "working_days": str(working_days),
        },
    )
    return _save(dossier)


@transaction.atomic
def apologize(
    dossier: Dossier,
    staff: Staff,
    new_due_at: datetime,
    reason: str,
    *,
    expected_revision=None,
    at: datetime | None = None,
) -> Dossier:
    """The apology with a new appointment (Mẫu 04): at least one working day before the
    deadline, only once. The dossier still counts as late if it misses its deadline."""
    actor = Actor.of(staff)
    dossier, step, _ = _act(
        dossier, Action.APOLOGIZE, actor, note=reason, expected_revision=expected_revision
    )
    at = at or timezone.now()
    calendar = _calendar(dossier)
    if arithmetic.working_time_between(calendar, at, dossier.due_at) < calendar.day_length:
        raise NotAllowedInState(
            "Văn bản xin lỗi phải được ban hành chậm nhất 01 ngày làm việc trước ngày hẹn trả "
            f"({timezone.localtime(dossier.due_at):%H:%M %d/%m/%Y}); đã quá thời điểm này."
        )
    if timezone.is_naive(new_due_at):
        new_due_at = timezone.make_aware(new_due_at)
    if new_due_at <= dossier.due_at:
        raise InvalidInput("Ngày hẹn mới phải sau ngày hẹn trả hiện tại.")
    if not arithmetic.within_working_hours(calendar, new_due_at):
        raise InvalidInput("Ngày hẹn mới phải rơi vào giờ làm việc.")
    dossier.apologized_at = at
    dossier.apology_due_at = new_due_at
    event = _record(
        dossier,
        Action.APOLOGIZE,
        actor,
        dossier.state,
        at=at,
        step=step,
        note=reason,
        data={"due_at": dossier.due_at.isoformat(), "new_due_at": new_due_at.isoformat()},
    )
    notify_applicant(
        dossier, "apology", event, new_due=f"{timezone.localtime(new_due_at):%H:%M ngày %d/%m/%Y}"
    )
    return _save(dossier)


# ---------------------------------------------------------------------------------------------
# Ending: approval, refusal, withdrawal, cancellation, result


def _stop_processing(dossier: Dossier, step: DossierStep | None, at: datetime) -> None:
    """Processing ends now: the current step is finished and the clock no longer runs."""
    _finish_step(step, at)
    dossier.finished_at = at
    dossier.clock_stopped_at = None
    _set_current(dossier, None)


def _end_processing(dossier: Dossier, step: DossierStep | None, at: datetime) -> None:
    """Stop processing with a result, which waits at the last step (the return at the
    counter) when there is one after the current step."""
    _stop_processing(dossier, step, at)
    last = _last_step(dossier)
    if last is not None and step is not None and last.position > step.position:
        _start_step(last, _calendar(dossier), at)
        _set_current(dossier, last)


@transaction.atomic
def approve(
    dossier: Dossier,
    staff: Staff,
    *,
    summary: str = "",
    expected_revision=None,
    at: datetime | None = None,
) -> Dossier:
    actor = Actor.of(staff)
    dossier, step, rule = _act(dossier, Action.APPROVE, actor, expected_revision=expected_revision)
    at = at or timezone.now()
    _end_processing(dossier, step, at)
    dossier.result_summary = summary.strip()
    from_state, dossier.state = dossier.state, rule.target
    _record(
        dossier,
        Action.APPROVE,
        actor,
        from_state,
        at=at,
        step=step,
        note=summary,
        data={"from_step": step.name, "from_step_due_at": _iso(step.due_at)},
    )
    return _save(dossier)


@transaction.atomic
def refuse(
    dossier: Dossier,
    staff: Staff,
    reason: str,
    *,
    expected_revision=None,
    at: datetime | None = None,
) -> Dossier:
    """Refuse to resolve the dossier, with the written reason (Mẫu 03)."""
    actor = Actor.of(staff)
    dossier, step, rule = _act(
        dossier, Action.REFUSE, actor, note=reason, expected_revision=expected_revision
    )
    at = at or timezone.now()
    _end_processing(dossier, step, at)
    dossier.result_summary = reason.strip()
    from_state, dossier.state = dossier.state, rule.target
    event = _record(
        dossier,
        Action.REFUSE,
        actor,
        from_state,
        at=at,
        step=step,
        note=reason,
        data={
            "from_step": step.name if step else None,
            "from_step_due_at": _iso(step.due_at) if step else None,
        },
    )
    notify_applicant(dossier, "refused", event)
    return _save(dossier)


@transaction.atomic
def withdraw(
    dossier: Dossier,
    actor: Actor,
    *,
    note: str = "",
    expected_revision=None,
    at: datetime | None = None,
) -> Dossier:
    """The applicant withdraws the dossier (2025 rules: asks to stop; a stop notice follows)."""
    dossier, step, rule = _act(
        dossier, Action.WITHDRAW, actor, note=note, expected_revision=expected_revision
    )
    at = at or timezone.now()
    _stop_processing(dossier, step, at)
    from_state, dossier.state = dossier.state, rule.target
    notice = "stop_notice" if dossier.regime.form("stop_notice") else None
    event = _record(
        dossier,
        Action.WITHDRAW,
        actor,
        from_state,
        at=at,
        step=step,
        note=note,
        data={"form": notice},
    )
    notify_applicant(dossier, "withdrawn", event)
    return _save(dossier)


@transaction.atomic
def cancel(
    dossier: Dossier,
    director: Staff,
    case: str,
    reason: str,
    *,
    expected_revision=None,
    at: datetime | None = None,
) -> Dossier:
    actor = Actor.of(director)
    dossier, step, rule = _act(
        dossier, Action.CANCEL, actor, note=reason, expected_revision=expected_revision
    )
    if case not in CancelCase.values:
        raise InvalidInput(
            "Chỉ được hủy hồ sơ trong các trường hợp: " + "; ".join(CancelCase.labels) + "."
        )
    at = at or timezone.now()
    _stop_processing(dossier, step, at)
    from_state, dossier.state = dossier.state, rule.target
    _record(
        dossier,
        Action.CANCEL,
        actor,
        from_state,
        at=at,
        step=step,
        note=reason,
        data={"case": case, "case_label": CancelCase(case).label},
    )
    return _save(dossier)


def _duplicate(number: str, year: int, holder: Dossier | None) -> DuplicateNumber:
    held_by = f" cho hồ sơ {holder}" if holder is not None else ""
    return DuplicateNumber(
        f"Số kết quả {number} đã được cấp{held_by} trong năm {year}; mỗi số chỉ được cấp "
        "một lần trong năm. Xin kiểm tra lại sổ văn bản đi."
    )


def _take_result_number(dossier: Dossier, number: str, year: int) -> None:
    """Write the number on the dossier, unique in the agency's year. The unique constraint
    decides between two clerks registering the same number at once: the later one is
    refused (409) inside its own savepoint, never a server error."""
    holder = (
        Dossier.objects.filter(agency_id=dossier.agency_id, result_year=year, result_number=number)
        .exclude(pk=dossier.pk)
        .first()
    )
    if holder is not None:
        raise _duplicate(number, year, holder)
    dossier.result_number, dossier.result_year = number, year
    try:
        with transaction.atomic():
            dossier.save(update_fields=["result_number", "result_year"])
    except IntegrityError:
        raise _duplicate(number, year, None) from None


@transaction.atomic
def register_result(
    dossier: Dossier,
    clerk: Staff,
    number: str,
    *,
    expected_revision=None,
    at: datetime | None = None,
) -> Dossier:
    """The clerk registers the result with its number (the outgoing-document register)."""
    actor = Actor.of(clerk)
    dossier, step, _ = _act(
        dossier, Action.REGISTER_RESULT, actor, expected_revision=expected_revision
    )
    if not number.strip():
        raise InvalidInput("Cần số văn bản kết quả.")
    at = at or timezone.now()
    _take_result_number(dossier, number.strip(), timezone.localdate(at).year)
    event = _record(
        dossier,
        Action.REGISTER_RESULT,
        actor,
        dossier.state,
        at=at,
        step=step,
        data={"number": dossier.result_number},
    )
    if dossier.state == State.RESOLVED:
        notify_applicant(dossier, "result_ready", event)
    return _save(dossier)


@transaction.atomic
def return_result(
    dossier: Dossier,
    officer: Staff,
    *,
    note: str = "",
    tracking_number: str = "",
    expected_revision=None,
    at: datetime | None = None,
) -> Dossier:
    """Hand the result over at the counter or send it by post; this closes the dossier."""
    actor = Actor.of(officer)
    dossier, step, rule = _act(
        dossier, Action.RETURN_RESULT, actor, note=note, expected_revision=expected_revision
    )
    if dossier.return_method == ReturnMethod.POST and not tracking_number.strip():
        raise InvalidInput("Trả qua bưu chính cần số hiệu bưu gửi.")
    at = at or timezone.now()
    _finish_step(step, at)
    _set_current(dossier, None)
    dossier.returned_at = at
    from_state, dossier.state = dossier.state, rule.target
    event = _record(
        dossier,
        Action.RETURN_RESULT,
        actor,
        from_state,
        at=at,
        step=step,
        note=note,
        data={"method": dossier.return_method, "tracking_number": tracking_number.strip()},
    )
    # The applicant is invited to rate the handling (Circular 01/2018 Art. 14(3)); the page
    # belongs to the feedback app, which this app may not import, hence the URL name.
    from django.urls import reverse

    rating_path = reverse(
        "feedback:rate", kwargs={"ref": dossier.code, "secret": dossier.tracking_secret}
    )
    notify_applicant(
        dossier,
        "rating_invitation",
        event,
        rating_url=f"{settings.SITE_URL.rstrip('/')}{rating_path}",
    )
    return _save(dossier)


# ---------------------------------------------------------------------------------------------
# Attachments and consultations


@transaction.atomic
def attach(
    dossier: Dossier,
    staff: Staff,
    uploaded,
    *,
    document: DossierDocument | None = None,
    kind: str = Attachment.Kind.DOCUMENT,
    expected_revision=None,
    at: datetime | None = None,
) -> Attachment:
    """Store a scanned document or the result file through Django storage, marked digitized."""
    actor = Actor.of(staff)
    dossier, step, _ = _act(dossier, Action.ATTACH, actor, expected_revision=expected_revision)
    try:
        checked = check_file(uploaded, settings.MOTCUA_MAX_UPLOAD_MB)
    except UnacceptableFile as refusal:
        raise InvalidInput(str(refusal)) from None
    if document is not None and document.dossier_id != dossier.pk:
        raise InvalidInput("Giấy tờ không thuộc hồ sơ này.")
    at = at or timezone.now()
    attachment = Attachment(
        dossier=dossier,
        document=document,
        kind=kind,
        original_name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        uploaded_at=at,
        uploaded_by=staff,
    )
    attachment.file.save(checked.name, uploaded, save=False)
    attachment.save()
    _record(
        dossier,
        Action.ATTACH,
        actor,
        dossier.state,
        at=at,
        step=step,
        data={"file": checked.name, "kind": kind, "document": document.name if document else None},
    )
    _save(dossier)
    return attachment


@transaction.atomic
def consult(
    dossier: Dossier,
    staff: Staff,
    consulted_name: str,
    question: str,
    working_days,
    *,
    consulted_agency=None,
    expected_revision=None,
    at: datetime | None = None,
) -> Consultation:
    """Ask another agency's opinion, with its own deadline in working days."""
    actor = Actor.of(staff)
    dossier, step, _ = _act(dossier, Action.CONSULT, actor, expected_revision=expected_revision)
    if consulted_agency is not None:
        consulted_name = consulted_name or consulted_agency.name
    if not consulted_name.strip() or not question.strip():
        raise InvalidInput("Cần ghi cơ quan được lấy ý kiến và nội dung lấy ý kiến.")
    if working_days <= 0:
        raise InvalidInput("Thời hạn trả lời phải lớn hơn 0 ngày làm việc.")
    at = at or timezone.now()
    try:
        due = arithmetic.add_working_days(_calendar(dossier), at, working_days)
    except WorktimeError as exc:
        raise InvalidInput(str(exc)) from exc
    consultation = Consultation.objects.create(
        dossier=dossier,
        consulted_agency=consulted_agency,
        consulted_name=consulted_name.strip(),
        question=question.strip(),
        sent_at=at,
        sent_by=staff,
        due_at=due,
    )
    _record(
        dossier,
        Action.CONSULT,
        actor,
        dossier.state,
        at=at,
        step=step,
        note=question,
        data={
            "consultation": consultation.pk,
            "agency": consultation.consulted_name,
            "due_at": due.isoformat(),
        },
    )
    _save(dossier)
    return consultation


@transaction.atomic
def answer_consultation(
    consultation: Consultation,
    staff: Staff,
    answer: str,
    *,
    expected_revision=None,
    at: datetime | None = None,
) -> Consultation:
    actor = Actor.of(staff)
    dossier, step, _ = _act(
        consultation.dossier,
        Action.ANSWER_CONSULTATION,
        actor,
        note=answer,
        expected_revision=expected_revision,
    )
    consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if consultation.answered_at is not None:
        raise NotAllowedInState(f"Ý kiến của {consultation.consulted_name} đã được ghi nhận.")
    if not answer.strip():
        raise InvalidInput("Cần ghi nội dung trả lời.")
    at = at or timezone.now()
    consultation.answered_at, consultation.answer = at, answer.strip()
    consultation.save(update_fields=["answered_at", "answer"])
    _record(
        dossier,
        Action.ANSWER_CONSULTATION,
        actor,
        dossier.state,
        at=at,
        step=step,
        note=answer,
        data={"consultation": consultation.pk, "late": at > consultation.due_at},
    )
    _save(dossier)
    return consultation


# The escalation ladder of a late consultation: each rung waits the interval after the last.
_LADDER = (
    ("first_reminder_at", Action.REMIND_CONSULTATION, 1),
    ("second_reminder_at", Action.REMIND_CONSULTATION, 2),
    ("escalated_at", Action.ESCALATE_CONSULTATION, None),
)


def _next_rung(consultation: Consultation, calendar, at: datetime, interval: timedelta):
    """The rung due now for a late consultation, or None; each rung fires once.

    The first reminder is due as soon as the answer is late; each later rung, `interval` of
    working time after the one before it.
    """
    previous = consultation.due_at
    for index, (field_name, action, number) in enumerate(_LADDER):
        done = getattr(consultation, field_name)
        if done is not None:
            previous = done
            continue
        wait = interval if index else timedelta(0)
        if at > previous and arithmetic.working_time_between(calendar, previous, at) >= wait:
            return field_name, action, number
        return None
    return None


def remind_late_consultation(consultation: Consultation, at: datetime | None = None) -> str | None:
    """Climb one rung for a late consultation: first reminder, second, then the report to the
    Provincial People's Committee. Returns the field it set, or None. Safe to run repeatedly."""
    at = at or timezone.now()
    with transaction.atomic():
        dossier = _locked(consultation.dossier, None)
        consultation = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if consultation.answered_at is not None:
            return None
        calendar = _calendar(dossier)
        interval = settings.MOTCUA_CONSULTATION_REMINDER_DAYS * calendar.day_length
        rung = _next_rung(consultation, calendar, at, interval)
        if rung is None:
            return None
        field_name, action, number = rung
        actor = Actor.system()
        check(action, dossier.state, actor)
        setattr(consultation, field_name, at)
        consultation.save(update_fields=[field_name])
        _record(
            dossier,
            action,
            actor,
            dossier.state,
            at=at,
            data={
                "consultation": consultation.pk,
                "agency": consultation.consulted_name,
                "reminder": number,
                "due_at": consultation.due_at.isoformat(),
            },
        )
        _save(dossier)
        return field_name
