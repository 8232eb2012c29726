"""Business actions of the questions desk and of complaints: one transaction each, refusals as
`DeskError` with a Vietnamese message."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from motcua.catalog.models import Procedure, ProcedureVersion
from motcua.core.text import fold
from motcua.dossiers.links import ref_lookup
from motcua.dossiers.models import Dossier
from motcua.notifications.constants import Channel
from motcua.notifications.errors import NotificationError
from motcua.notifications.recipients import normalize_email
from motcua.notifications.services import queue_message
from motcua.org.constants import Role
from motcua.org.models import Agency, Staff, Unit
from motcua.worktime.arithmetic import add_working_days
from motcua.worktime.selectors import calendar_for

from . import permissions
from .codes import COMPLAINT_PREFIX, QUESTION_PREFIX, create_with_code, new_secret
from .constants import ComplaintKind, ComplaintOutcome, ComplaintState, DeskChannel
from .errors import DeskError
from .links import follow_url
from .models import Complaint, ComplaintNote, Question


@dataclass(frozen=True)
class Person:
    """The asker or complainant, with the contact the answer goes to (kept private)."""

    name: str
    email: str = ""
    phone: str = ""


def answer_due(agency: Agency, received_at: datetime, days: int) -> datetime:
    """`days` working days after `received_at` on the agency's calendar."""
    return add_working_days(calendar_for(agency), received_at, days)


# --- questions ------------------------------------------------------------------------------


@transaction.atomic
def ask_question(
    agency: Agency,
    *,
    channel: str,
    asker: Person,
    subject: str,
    body: str,
    at: datetime | None = None,
    entered_by: Staff | None = None,
    message_id: str | None = None,
    procedures=(),
) -> Question:
    """A question from the portal, an e-mail, or a phone call typed in by the hotline officer.

    The answer is due QUESTION_ANSWER_DAYS working days after it arrives, whoever answers it.
    """
    at = at or timezone.now()
    if channel not in DeskChannel.values:
        raise DeskError("Kênh tiếp nhận không hợp lệ.")
    if channel in (DeskChannel.HOTLINE, DeskChannel.COUNTER, DeskChannel.MAIL):
        if entered_by is None:
            raise DeskError("Câu hỏi qua điện thoại, trực tiếp hoặc văn bản do cán bộ nhập.")
        _same_agency(entered_by, agency)
    person = _clean_person(asker)
    subject, body = _required(subject, "tiêu đề"), _required(body, "nội dung câu hỏi")
    question = create_with_code(
        Question,
        QUESTION_PREFIX,
        at,
        agency=agency,
        channel=channel,
        asked_at=at,
        asker_name=person.name,
        asker_email=person.email,
        asker_phone=person.phone,
        subject=subject[:500],
        body=body,
        entered_by=entered_by,
        message_id=message_id or None,
        due_at=answer_due(agency, at, settings.MOTCUA_QUESTION_ANSWER_DAYS),
    )
    if procedures:
        question.procedures.set(_own_procedures(agency, procedures))
    _index(question)
    return question


@transaction.atomic
def assign_question(
    question: Question, staff: Staff, unit: Unit, at: datetime | None = None
) -> Question:
    question = _locked(Question, question)
    _same_agency(staff, question.agency)
    if not permissions.may_assign_question(staff, question):
        raise DeskError(permissions.ASSIGN_QUESTION_REFUSAL)
    if unit.agency_id != question.agency_id:
        raise DeskError("Đơn vị không thuộc cơ quan.")
    if question.is_answered:
        raise DeskError("Câu hỏi đã được trả lời.")
    question.unit, question.assigned_at = unit, at or timezone.now()
    question.save(update_fields=["unit", "assigned_at"])
    for head in Staff.objects.filter(unit=unit, user__groups__name=Role.UNIT_HEAD):
        queue_message(
            Channel.IN_APP,
            head.user,
            f"Câu hỏi {question.code} giao cho đơn vị",
            f"{question.subject}\nHạn trả lời: {moment_text(question.due_at)}.",
            agency=question.agency,
            topic="desk.question",
            reference=question.code,
        )
    return question


@transaction.atomic
def answer_question(
    question: Question, staff: Staff, answer: str, at: datetime | None = None
) -> Question:
    """Record the answer and e-mail it to the asker when they gave an address."""
    question = _locked(Question, question)
    if question.is_answered:
        raise DeskError("Câu hỏi đã được trả lời.")
    if not permissions.may_answer_question(staff, question):
        raise DeskError(permissions.ANSWER_REFUSAL)
    question.answer = _required(answer, "nội dung trả lời")
    question.answered_at, question.answered_by = at or timezone.now(), staff
    question.save(update_fields=["answer", "answered_at", "answered_by"])
    _index(question)
    if question.asker_email:
        queue_message(
            Channel.EMAIL,
            question.asker_email,
            f"Trả lời câu hỏi {question.code}: {question.subject}"[:250],
            f"Kính gửi {question.asker_name},\n\n{question.agency.name} trả lời câu hỏi "
            f"{question.code} của Quý vị:\n\n{question.answer}\n",
            agency=question.agency,
            topic="desk.answer",
            reference=question.code,
            key=f"desk:question:{question.pk}:answer",
        )
    return question


@transaction.atomic
def publish_question(
    question: Question, staff: Staff, procedures=None, at: datetime | None = None
) -> Question:
    """Publish an answered question in the FAQ, linked to `procedures` (kept when None)."""
    question = _locked(Question, question)
    _same_agency(staff, question.agency)
    if not permissions.may_publish_question(staff, question):
        raise DeskError(permissions.PUBLISH_REFUSAL)
    if not question.is_answered:
        raise DeskError("Chỉ đăng được câu hỏi đã có trả lời.")
    if procedures is not None:
        question.procedures.set(_own_procedures(question.agency, procedures))
    question.published, question.published_at = True, at or timezone.now()
    question.save(update_fields=["published", "published_at"])
    _index(question)
    return question


@transaction.atomic
def unpublish_question(question: Question, staff: Staff) -> Question:
    question = _locked(Question, question)
    _same_agency(staff, question.agency)
    if not permissions.may_publish_question(staff, question):
        raise DeskError(permissions.PUBLISH_REFUSAL)
    question.published, question.published_at = False, None
    question.save(update_fields=["published", "published_at"])
    return question


def _index(question: Question) -> None:
    names = ProcedureVersion.objects.filter(procedure__in=question.procedures.all()).values_list(
        "name", flat=True
    )
    question.search_text = fold(
        " ".join([question.code, question.subject, question.body, question.answer, *names])
    )
    question.save(update_fields=["search_text"])


def _own_procedures(agency: Agency, procedures) -> list[Procedure]:
    chosen = list(procedures)
    if any(p.agency_id != agency.pk for p in chosen):
        raise DeskError("Thủ tục liên quan phải là thủ tục của cơ quan.")
    return chosen


# --- complaints -----------------------------------------------------------------------------


@transaction.atomic
def receive_complaint(
    agency: Agency,
    *,
    channel: str,
    complainant: Person,
    subject: str,
    body: str,
    kind: str = ComplaintKind.FEEDBACK,
    dossier_code: str = "",
    officer: Staff | None = None,
    officer_named: str = "",
    at: datetime | None = None,
    entered_by: Staff | None = None,
) -> Complaint:
    """Feedback or a proposal from any channel; it may name a dossier (by code) and an officer.

    Due COMPLAINT_ANSWER_DAYS working days after receipt (Decision 766/QĐ-TTg criterion 5.2:
    feedback is handled on time within 15 working days).
    """
    at = at or timezone.now()
    if channel not in DeskChannel.values:
        raise DeskError("Kênh tiếp nhận không hợp lệ.")
    if kind not in ComplaintKind.values:
        raise DeskError("Loại phản ánh, kiến nghị không hợp lệ.")
    if channel != DeskChannel.PORTAL and channel != DeskChannel.EMAIL and entered_by is None:
        raise DeskError("Phản ánh qua điện thoại, trực tiếp hoặc văn bản do cán bộ nhập.")
    if entered_by is not None:
        _same_agency(entered_by, agency)
    if officer is not None and officer.agency_id != agency.pk:
        raise DeskError("Cán bộ được nêu không thuộc cơ quan.")
    person = _clean_person(complainant)
    dossier = _dossier(agency, dossier_code)
    complaint = create_with_code(
        Complaint,
        COMPLAINT_PREFIX,
        at,
        agency=agency,
        secret=new_secret(),
        kind=kind,
        channel=channel,
        received_at=at,
        complainant_name=person.name,
        complainant_email=person.email,
        complainant_phone=person.phone,
        subject=_required(subject, "tiêu đề")[:500],
        body=_required(body, "nội dung"),
        dossier=dossier,
        officer=officer,
        officer_named=officer_named.strip()[:255],
        entered_by=entered_by,
        state=ComplaintState.RECEIVED,
        due_at=answer_due(agency, at, settings.MOTCUA_COMPLAINT_ANSWER_DAYS),
    )
    if complaint.complainant_email:
        queue_message(
            Channel.EMAIL,
            complaint.complainant_email,
            f"Đã tiếp nhận phản ánh, kiến nghị {complaint.code}",
            f"Kính gửi {complaint.complainant_name},\n\n{agency.name} đã tiếp nhận "
            f"{complaint.get_kind_display().lower()} của Quý vị.\nMã: {complaint.code}\n"
            f"Mã bí mật: {complaint.secret}\nHạn trả lời: {moment_text(complaint.due_at)}\n"
            f"Theo dõi tại: {follow_url(complaint)}\n",
            agency=agency,
            topic="desk.complaint",
            reference=complaint.code,
            key=f"desk:complaint:{complaint.pk}:received",
        )
    return complaint


@transaction.atomic
def assign_complaint(
    complaint: Complaint,
    staff: Staff,
    unit: Unit,
    *,
    officer: Staff | None = None,
    at: datetime | None = None,
) -> Complaint:
    """Send the complaint to the unit that investigates it; `officer`, when given, is the
    officer it concerns (as identified by the desk)."""
    complaint = _locked(Complaint, complaint)
    _same_agency(staff, complaint.agency)
    if not permissions.may_assign_complaint(staff, complaint):
        raise DeskError(permissions.ASSIGN_COMPLAINT_REFUSAL)
    _open(complaint)
    if unit.agency_id != complaint.agency_id:
        raise DeskError("Đơn vị không thuộc cơ quan.")
    if officer is not None:
        if officer.agency_id != complaint.agency_id:
            raise DeskError("Cán bộ được nêu không thuộc cơ quan.")
        complaint.officer = officer
    complaint.unit, complaint.assigned_at = unit, at or timezone.now()
    complaint.state = ComplaintState.ASSIGNED
    complaint.save(update_fields=["unit", "assigned_at", "state", "officer"])
    for head in Staff.objects.filter(unit=unit, user__groups__name=Role.UNIT_HEAD):
        queue_message(
            Channel.IN_APP,
            head.user,
            f"Phản ánh {complaint.code} giao cho đơn vị",
            f"{complaint.subject}\nHạn trả lời: {moment_text(complaint.due_at)}.",
            agency=complaint.agency,
            topic="desk.complaint",
            reference=complaint.code,
        )
    return complaint


@transaction.atomic
def add_note(
    complaint: Complaint, staff: Staff, text: str, at: datetime | None = None
) -> ComplaintNote:
    """Record a step of the investigation."""
    complaint = _locked(Complaint, complaint)
    _may_handle(staff, complaint)
    _open(complaint)
    return ComplaintNote.objects.create(
        complaint=complaint,
        author=staff,
        written_at=at or timezone.now(),
        text=_required(text, "nội dung xác minh"),
    )


@transaction.atomic
def answer_complaint(
    complaint: Complaint, staff: Staff, answer: str, outcome: str, at: datetime | None = None
) -> Complaint:
    """Answer with the finding; the finding goes on the named officer's record."""
    complaint = _locked(Complaint, complaint)
    _may_handle(staff, complaint)
    _open(complaint)
    if outcome not in ComplaintOutcome.values:
        raise DeskError("Chọn kết quả xác minh: đúng, đúng một phần hoặc không đúng.")
    complaint.answer = _required(answer, "nội dung trả lời")
    complaint.outcome, complaint.answered_by = outcome, staff
    complaint.answered_at, complaint.state = at or timezone.now(), ComplaintState.ANSWERED
    if complaint.unit_id is None:
        complaint.unit, complaint.assigned_at = staff.unit, complaint.answered_at
    complaint.save()
    if complaint.complainant_email:
        queue_message(
            Channel.EMAIL,
            complaint.complainant_email,
            f"Trả lời phản ánh, kiến nghị {complaint.code}",
            f"Kính gửi {complaint.complainant_name},\n\n{complaint.agency.name} trả lời "
            f"{complaint.get_kind_display().lower()} {complaint.code}:\n\n{complaint.answer}\n\n"
            f"Kết quả xác minh: {complaint.get_outcome_display()}.\nXem và cho biết Quý vị có "
            f"hài lòng không tại: {follow_url(complaint)}\n",
            agency=complaint.agency,
            topic="desk.complaint",
            reference=complaint.code,
            key=f"desk:complaint:{complaint.pk}:answer",
        )
    return complaint


@transaction.atomic
def record_satisfaction(complaint: Complaint, satisfied: bool) -> Complaint:
    """The complainant's like or dislike of the answer (Decision 766 criterion 5.3)."""
    complaint = _locked(Complaint, complaint)
    if complaint.answered_at is None:
        raise DeskError("Phản ánh chưa có trả lời để đánh giá.")
    complaint.applicant_satisfied = bool(satisfied)
    complaint.save(update_fields=["applicant_satisfied"])
    return complaint


@transaction.atomic
def close_complaint(complaint: Complaint, staff: Staff, at: datetime | None = None) -> Complaint:
    complaint = _locked(Complaint, complaint)
    _same_agency(staff, complaint.agency)
    _may_handle(staff, complaint)
    if complaint.state != ComplaintState.ANSWERED:
        raise DeskError("Chỉ kết thúc được phản ánh đã trả lời.")
    complaint.state, complaint.closed_at = ComplaintState.CLOSED, at or timezone.now()
    complaint.save(update_fields=["state", "closed_at"])
    return complaint


def _may_handle(staff: Staff, complaint: Complaint) -> None:
    if not permissions.may_handle_complaint(staff, complaint):
        raise DeskError(permissions.handle_refusal(staff, complaint))


def _open(complaint: Complaint) -> None:
    if complaint.state in (ComplaintState.ANSWERED, ComplaintState.CLOSED):
        raise DeskError("Phản ánh đã được trả lời.")


def _dossier(agency: Agency, code: str) -> Dossier | None:
    code = (code or "").strip()
    if not code:
        return None
    dossier = Dossier.objects.filter(agency=agency, **ref_lookup(code)).first()
    if dossier is None:
        raise DeskError(f"Không tìm thấy hồ sơ có mã «{code}» tại {agency.name}.")
    return dossier


# --- shared ---------------------------------------------------------------------------------


def _locked(model, row):
    return model.objects.select_for_update().select_related("agency").get(pk=row.pk)


def _same_agency(staff: Staff, agency: Agency) -> None:
    if staff.agency_id != agency.pk:
        raise DeskError("Cán bộ không thuộc cơ quan này.")


def _required(text: str, what: str) -> str:
    text = (text or "").strip()
    if not text:
        raise DeskError(f"Vui lòng nhập {what}.")
    return text


def _clean_person(person: Person) -> Person:
    name = _required(person.name, "họ tên")
    email, phone = (person.email or "").strip(), (person.phone or "").strip()
    if not email and not phone:
        raise DeskError("Vui lòng cho biết thư điện tử hoặc số điện thoại để nhận trả lời.")
    if email:
        try:
            email = normalize_email(email)
        except NotificationError as error:
            raise DeskError(str(error)) from None
    return Person(name[:255], email, phone[:32])


def moment_text(moment: datetime | None) -> str:
    return f"{timezone.localtime(moment):%H:%M ngày %d/%m/%Y}" if moment else ""
