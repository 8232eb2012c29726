"""The staff API of dossiers, /api/v1/dossiers: intake at the counter, the dossier, the
worklists, one operation per lifecycle action, and the record.

Every endpoint needs a staff member (a token or the session, `motcua.api.auth`) and sees only
the dossiers of the caller's agency: another agency's dossier is "not found", never "forbidden".
Each action calls its service; the services' refusals (`DossierError`) become JSON errors with
their own status in `motcua.api.api`.
"""

from datetime import datetime
from decimal import Decimal

from django.db.models import F, Q
from django.utils import timezone
from ninja import P, Field, File, Form, Path, Query, Router, Schema, Status, UploadedFile

from motcua.api.auth import staff_auth
from motcua.catalog.models import Procedure
from motcua.catalog.selectors import version_in_force
from motcua.org.constants import Role
from motcua.org.models import Agency, Staff
from motcua.worktime.selectors import calendar_for

from . import services
from .constants import (
    NATIONAL_STATUS,
    Action,
    ApplicantKind,
    CancelCase,
    Channel,
    ReturnMethod,
    State,
    Timeliness,
    Worklist,
)
from .errors import InvalidInput, NotFound
from .lifecycle import EVERY_STAFF, TRANSITIONS, Actor, allowed_actions
from .links import dossier_ref, ref_lookup
from .models import Attachment, Dossier, DossierEvent, DossierStep
from .selectors import filter_dossiers, timeliness, visible_dossiers, worklist

router = Router(auth=staff_auth)

# How a URL names a dossier that has no code yet (an online submission not yet received); the
# staff pages use the same form.
DossierRef = Path[str, P(
    description="Mã hồ sơ, ví dụ 000.00.17.H34-240304-0001; hồ sơ nộp trực tuyến chưa tiếp "
    "nhận (chưa có mã) là truc-tuyen-<số>, như trường `ref`."
)]

# ---------------------------------------------------------------------------------------------
# What the API answers


class RefusalOut(Schema):
    detail: str = Field(description="Lý do, bằng tiếng Việt, hiển thị được cho người dùng.")


class BadRequestOut(RefusalOut):
    errors: list[dict] | None = Field(
        None, description="Lỗi kiểm tra tham số: chi tiết từng trường (theo pydantic)."
    )
    missing: list[str] | None = Field(
        None, description="Hồ sơ chưa đầy đủ: tên các giấy tờ bắt buộc còn thiếu."
    )


ERRORS = {
    400: BadRequestOut,
    401: RefusalOut,  # no token, an unknown or revoked one
    403: RefusalOut,  # not a staff member, or a role that may not take the action
    404: RefusalOut,  # no such dossier in the caller's agency
    409: RefusalOut,  # not in this state, or someone acted since (expected_revision)
}


def error_responses(*statuses: int) -> dict:
    return {status: ERRORS[status] for status in statuses}


class DossierUnitRef(Schema):
    code: str = Field(description="Mã đơn vị trong cơ quan.")
    name: str = Field(description="Tên đơn vị.")


class StaffRef(Schema):
    username: str = Field(description="Tên đăng nhập của cán bộ.")
    name: str = Field(description="Họ tên.")


class ProcedureRef(Schema):
    code: str = Field(description="Mã thủ tục quốc gia nếu có, nếu không là mã nội bộ.")
    national_code: str | None = Field(description="Mã TTHC quốc gia; null nếu chưa rõ.")
    local_code: str = Field(description="Mã nội bộ của cơ quan.")
    name: str = Field(description="Tên thủ tục theo phiên bản áp dụng cho hồ sơ.")
    version: int = Field(description="Số phiên bản thủ tục áp dụng cho hồ sơ.")


class DossierStepOut(Schema):
    position: int = Field(description="Thứ tự của bước trong quy trình.")
    name: str = Field(description="Tên bước xử lý.")
    unit: DossierUnitRef | None = Field(description="Đơn vị thực hiện bước.")
    role: Role | None = Field(description="Vai trò thực hiện bước, nếu quy trình quy định.")
    hours: float = Field(description="Thời gian của bước, tính bằng giờ làm việc.")
    assignee: StaffRef | None = Field(description="Cán bộ được giao; null nếu chưa giao.")
    started_at: datetime | None = Field(description="Bắt đầu lúc; null nếu chưa tới bước.")
    due_at: datetime | None = Field(description="Hạn của bước.")
    finished_at: datetime | None = Field(description="Kết thúc lúc; null nếu chưa xong.")


class DossierSummary(Schema):
    ref: str = Field(description="Tên của hồ sơ trong đường dẫn: mã hồ sơ, hoặc truc-tuyen-<số> "
                     "khi hồ sơ nộp trực tuyến chưa có mã.")
    code: str | None = Field(description="Mã hồ sơ; null khi hồ sơ trực tuyến chưa tiếp nhận.")
    state: State = Field(description="Trạng thái nội bộ của hồ sơ.")
    state_label: str = Field(description="Tên trạng thái, tiếng Việt.")
    national_status: int = Field(description="Mã trạng thái theo danh mục quốc gia (1–10).")
    channel: Channel = Field(description="1: trực tiếp; 2: trực tuyến; 3: bưu chính công ích.")
    channel_label: str = Field(description="Tên kênh tiếp nhận.")
    procedure: ProcedureRef = Field(description="Thủ tục hành chính của hồ sơ.")
    applicant_name: str = Field(description="Người nộp hồ sơ.")
    subject: str = Field(description="Nội dung yêu cầu giải quyết.")
    received_at: datetime | None = Field(description="Tiếp nhận lúc; null nếu chưa tiếp nhận.")
    due_at: datetime | None = Field(
        description="Hẹn trả kết quả theo quy định (đã tính tạm dừng, bổ sung, gia hạn)."
    )
    apology_due_at: datetime | None = Field(
        description="Ngày hẹn lại trong văn bản xin lỗi; hồ sơ vẫn tính là trễ hạn."
    )
    revision: int = Field(description="Tăng sau mỗi thao tác; gửi lại làm `expected_revision`.")
    current_step: DossierStepOut | None = Field(
        description="Bước đang xử lý (tên, đơn vị, người được giao, hạn); null khi không còn."
    )
    timeliness: Timeliness | None = Field(
        description="Hồ sơ đã có kết quả: early/on_time/late; đang giải quyết: within/due_soon/"
        "overdue, paused khi dừng tính thời gian; null nếu chưa tiếp nhận hoặc đã dừng."
    )
    timeliness_label: str | None = Field(description="Tên của `timeliness`, tiếng Việt.")


class ApplicantOut(Schema):
    kind: ApplicantKind = Field(description="person: cá nhân; organization: tổ chức.")
    name: str = Field(description="Họ tên người nộp, hoặc tên tổ chức.")
    id_number: str = Field(description="Số CCCD, CMND, hộ chiếu hoặc mã số thuế.")
    phone: str = Field(description="Điện thoại.")
    email: str = Field(description="Thư điện tử.")
    address: str = Field(description="Địa chỉ.")
    owner_name: str = Field(description="Chủ hồ sơ (người được giải quyết thủ tục).")


class DossierDocumentOut(Schema):
    position: int = Field(description="Thứ tự giấy tờ trong hồ sơ.")
    name: str = Field(description="Tên giấy tờ.")
    required_id: int | None = Field(description="id thành phần hồ sơ; null nếu ngoài danh mục.")
    originals: int = Field(description="Số bản chính đã nhận.")
    copies: int = Field(description="Số bản sao đã nhận.")


class AttachmentOut(Schema):
    id: int = Field(description="Số định danh của tệp.")
    kind: Attachment.Kind = Field(description="document: thành phần hồ sơ; result: kết quả; "
                                  "other: khác.")
    name: str = Field(description="Tên tệp.")
    content_type: str = Field(description="Định dạng (MIME), xác định theo nội dung tệp.")
    size: int = Field(description="Dung lượng (byte).")
    document: int | None = Field(description="Thứ tự giấy tờ của hồ sơ mà tệp số hóa, nếu có.")
    uploaded_at: datetime = Field(description="Tải lên lúc.")
    uploaded_by: str | None = Field(description="Cán bộ tải lên.")


class SupplementItem(Schema):
    name: str = Field(max_length=1000, description="Giấy tờ cần bổ sung, hoàn thiện.")
    note: str = Field("", max_length=2000, description="Cần bổ sung, sửa gì.")


class SupplementOut(Schema):
    number: int = Field(description="Lần yêu cầu bổ sung.")
    items: list[SupplementItem] = Field(description="Giấy tờ cần bổ sung, hoàn thiện.")
    reason: str = Field(description="Lý do yêu cầu bổ sung.")
    requested_at: datetime = Field(description="Yêu cầu lúc.")
    requested_by: str = Field(description="Cán bộ yêu cầu.")
    answered_at: datetime | None = Field(description="Người nộp đã bổ sung lúc; null nếu chưa.")


class ConsultationOut(Schema):
    id: int = Field(description="Số định danh; gửi lại khi ghi nhận trả lời.")
    consulted_agency: str | None = Field(description="Mã định danh cơ quan được lấy ý kiến.")
    consulted_name: str = Field(description="Tên cơ quan được lấy ý kiến.")
    question: str = Field(description="Nội dung lấy ý kiến.")
    sent_at: datetime = Field(description="Gửi lúc.")
    due_at: datetime = Field(description="Hạn trả lời.")
    answered_at: datetime | None = Field(description="Trả lời lúc; null nếu chưa trả lời.")
    answer: str = Field(description="Nội dung trả lời.")
    first_reminder_at: datetime | None = Field(description="Văn bản đôn đốc lần 1.")
    second_reminder_at: datetime | None = Field(description="Văn bản đôn đốc lần 2.")
    escalated_at: datetime | None = Field(description="Báo cáo UBND tỉnh việc chậm trả lời.")


class ActionRef(Schema):
    action: Action = Field(description="Tên thao tác: POST /dossiers/{code}/actions/{action}.")
    label: str = Field(description="Tên thao tác, tiếng Việt (nhãn của nút bấm).")


class DossierOut(DossierSummary):
    applicant: ApplicantOut = Field(description="Người nộp hồ sơ.")
    sets: int = Field(description="Số bộ hồ sơ.")
    return_method: ReturnMethod = Field(
        description="counter: tại Bộ phận Một cửa; post: bưu chính công ích; online: điện tử."
    )
    postal_address: str = Field(description="Địa chỉ nhận kết quả qua bưu chính.")
    submitted_at: datetime | None = Field(description="Nộp trực tuyến lúc.")
    initial_due_at: datetime | None = Field(description="Hẹn trả ban đầu, khi tiếp nhận.")
    clock_stopped_at: datetime | None = Field(
        description="Dừng tính thời gian từ (chờ bổ sung, tạm dừng); null khi đang tính."
    )
    finished_at: datetime | None = Field(description="Kết thúc xử lý (có kết quả, dừng).")
    returned_at: datetime | None = Field(description="Đã trả kết quả lúc.")
    result_number: str = Field(description="Số văn bản kết quả, do Văn thư vào sổ.")
    result_summary: str = Field(description="Kết quả giải quyết, hoặc lý do từ chối.")
    steps: list[DossierStepOut] = Field(description="Quy trình nội bộ của hồ sơ, theo thứ tự.")
    documents: list[DossierDocumentOut] = Field(description="Giấy tờ đã nhận.")
    attachments: list[AttachmentOut] = Field(description="Tệp đính kèm (bản số hóa, kết quả).")
    supplements: list[SupplementOut] = Field(description="Các lần yêu cầu bổ sung.")
    consultations: list[ConsultationOut] = Field(description="Các lần lấy ý kiến cơ quan khác.")
    allowed_actions: list[ActionRef] = Field(
        description="Thao tác người gọi được làm ngay bây giờ (theo vai trò, bước và trạng thái)."
    )


class DossierPage(Schema):
    count: int = Field(description="Tổng số hồ sơ khớp điều kiện.")
    limit: int = Field(description="Số hồ sơ tối đa của trang.")
    offset: int = Field(description="Số hồ sơ đã bỏ qua.")
    items: list[DossierSummary] = Field(description="Hồ sơ của trang, hạn sớm nhất trước.")


class EventOut(Schema):
    at: datetime = Field(description="Thời điểm thao tác.")
    action: Action = Field(description="Thao tác.")
    action_label: str = Field(description="Tên thao tác, tiếng Việt.")
    actor: str = Field(description="Người thực hiện (cán bộ, người nộp, hoặc «Hệ thống»).")
    actor_username: str | None = Field(description="Tên đăng nhập, nếu là cán bộ.")
    from_state: State | None = Field(description="Trạng thái trước; null khi tạo hồ sơ.")
    to_state: State = Field(description="Trạng thái sau.")
    step: str | None = Field(description="Bước xử lý liên quan.")
    note: str = Field(description="Ghi chú, lý do.")
    data: dict = Field(description="Chi tiết của thao tác (hạn mới, người được giao, …).")


# ---------------------------------------------------------------------------------------------
# Building the answers


def _local(moment: datetime | None) -> datetime | None:
    """Vietnam time, so that every date in the API carries +07:00."""
    return timezone.localtime(moment) if moment else None


def _staff_ref(staff: Staff | None) -> dict | None:
    return {"username": staff.user.get_username(), "name": staff.full_name} if staff else None


def _step(step: DossierStep | None) -> dict | None:
    if step is None:
        return None
    return {
        "position": step.position,
        "name": step.name,
        "unit": {"code": step.unit.code, "name": step.unit.name} if step.unit else None,
        "role": step.role or None,
        "hours": float(step.hours),
        "assignee": _staff_ref(step.assignee),
        "started_at": _local(step.started_at),
        "due_at": _local(step.due_at),
        "finished_at": _local(step.finished_at),
    }


def _summary(dossier: Dossier, calendar, now: datetime) -> dict:
    procedure, version = dossier.procedure, dossier.version
    state_of_time = timeliness(dossier, calendar, now)
    return {
        "ref": dossier_ref(dossier),
        "code": dossier.code,
        "state": dossier.state,
        "state_label": dossier.get_state_display(),
        "national_status": NATIONAL_STATUS[dossier.state],
        "channel": dossier.channel,
        "channel_label": dossier.get_channel_display(),
        "procedure": {
            "code": procedure.code, "national_code": procedure.national_code,
            "local_code": procedure.local_code, "name": version.name, "version": version.number,
        },
        "applicant_name": dossier.applicant_name,
        "subject": dossier.subject,
        "received_at": _local(dossier.received_at),
        "due_at": _local(dossier.due_at),
        "apology_due_at": _local(dossier.apology_due_at),
        "revision": dossier.revision,
        "current_step": _step(dossier.current_step),
        "timeliness": state_of_time,
        "timeliness_label": state_of_time.label if state_of_time else None,
    }


_FOR_SUMMARY = ("procedure", "version", "current_step__unit", "current_step__assignee__user")


def _detail(staff: Staff, pk: int) -> dict:
    dossier = (
        Dossier.objects.select_related(*_FOR_SUMMARY)
        .prefetch_related("steps__unit", "steps__assignee__user", "documents",
                          "attachments__document", "attachments__uploaded_by__user",
                          "supplements__requested_by__user", "consultations__consulted_agency")
        .get(pk=pk)
    )
    actions = allowed_actions(dossier, Actor.of(staff))
    return {
        **_summary(dossier, calendar_for(dossier.agency_id), timezone.now()),
        "applicant": {
            "kind": dossier.applicant_kind, "name": dossier.applicant_name,
            "id_number": dossier.applicant_id_number, "phone": dossier.applicant_phone,
            "email": dossier.applicant_email, "address": dossier.applicant_address,
            "owner_name": dossier.owner_name,
        },
        "sets": dossier.sets,
        "return_method": dossier.return_method,
        "postal_address": dossier.postal_address,
        "submitted_at": _local(dossier.submitted_at),
        "initial_due_at": _local(dossier.initial_due_at),
        "clock_stopped_at": _local(dossier.clock_stopped_at),
        "finished_at": _local(dossier.finished_at),
        "returned_at": _local(dossier.returned_at),
        "result_number": dossier.result_number,
        "result_summary": dossier.result_summary,
        "steps": [_step(s) for s in dossier.steps.all()],
        "documents": [
            {"position": d.position, "name": d.name, "required_id": d.required_id,
             "originals": d.originals, "copies": d.copies}
            for d in dossier.documents.all()
        ],
        "attachments": [
            {"id": a.pk, "kind": a.kind, "name": a.original_name, "content_type": a.content_type,
             "size": a.size, "document": a.document.position if a.document else None,
             "uploaded_at": _local(a.uploaded_at),
             "uploaded_by": a.uploaded_by.full_name if a.uploaded_by else None}
            for a in dossier.attachments.all()
        ],
        "supplements": [
            {"number": s.number, "items": s.items, "reason": s.reason,
             "requested_at": _local(s.requested_at), "requested_by": s.requested_by.full_name,
             "answered_at": _local(s.answered_at)}
            for s in dossier.supplements.all()
        ],
        "consultations": [
            {"id": c.pk,
             "consulted_agency": c.consulted_agency.code if c.consulted_agency else None,
             "consulted_name": c.consulted_name, "question": c.question,
             "sent_at": _local(c.sent_at), "due_at": _local(c.due_at),
             "answered_at": _local(c.answered_at), "answer": c.answer,
             "first_reminder_at": _local(c.first_reminder_at),
             "second_reminder_at": _local(c.second_reminder_at),
             "escalated_at": _local(c.escalated_at)}
            for c in dossier.consultations.all()
        ],
        "allowed_actions": [{"action": a, "label": Action(a).label} for a in actions],
    }


def _event(event: DossierEvent) -> dict:
    return {
        "at": _local(event.at),
        "action": event.action,
        "action_label": event.get_action_display(),
        "actor": event.actor_name,
        "actor_username": event.actor.user.get_username() if event.actor else None,
        "from_state": event.from_state or None,
        "to_state": event.to_state,
        "step": event.step.name if event.step else None,
        "note": event.note,
        "data": event.data,
    }


# ---------------------------------------------------------------------------------------------
# Finding what a request names, always inside the caller's agency


def dossier_or_404(staff: Staff, ref: str) -> Dossier:
    dossier = visible_dossiers(staff.user).filter(**ref_lookup(ref)).first()
    if dossier is None:
        raise NotFound(f"Không tìm thấy hồ sơ «{ref}».")
    return dossier


def _procedure(staff: Staff, code: str) -> Procedure:
    procedures = Procedure.objects.filter(agency_id=staff.agency_id)
    # A national code wins over another procedure's local code written the same way.
    procedure = (procedures.filter(national_code=code).first()
                 or procedures.filter(local_code=code).first())
    if procedure is None:
        raise InvalidInput(f"Cơ quan của bạn không có thủ tục mã «{code}».")
    return procedure


def _colleague(staff: Staff, username: str) -> Staff:
    colleague = (
        Staff.objects.select_related("user", "unit")
        .filter(agency_id=staff.agency_id, user__username=username)
        .first()
    )
    if colleague is None:
        raise InvalidInput(f"Cơ quan của bạn không có cán bộ «{username}».")
    return colleague


def _vietnam_time(moment: datetime) -> datetime:
    """A moment written without offset is Vietnam time, as on every form and counter."""
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


# ---------------------------------------------------------------------------------------------
# Intake


class ApplicantIn(Schema):
    kind: ApplicantKind = Field(
        ApplicantKind.PERSON, description="person: cá nhân; organization: tổ chức, doanh nghiệp."
    )
    name: str = Field(max_length=255, description="Họ tên người nộp, hoặc tên tổ chức.")
    id_number: str = Field(
        "", max_length=32, description="CCCD (12 số), CMND (9 số), hộ chiếu, hoặc mã số thuế."
    )
    phone: str = Field("", max_length=20, description="Điện thoại, ví dụ 0912345678.")
    email: str = Field("", max_length=254, description="Thư điện tử, để nhận thông báo.")
    address: str = Field("", max_length=500, description="Địa chỉ.")
    owner_name: str = Field(
        "", max_length=255, description="Chủ hồ sơ, nếu khác người nộp (ví dụ khi ủy quyền)."
    )


class ReceivedDocumentIn(Schema):
    required_id: int | None = Field(
        None,
        description="id thành phần hồ sơ của phiên bản thủ tục đang có hiệu lực; bỏ trống với "
        "giấy tờ ngoài danh mục.",
    )
    name: str = Field(
        "", max_length=1000,
        description="Tên giấy tờ ngoài danh mục; với thành phần hồ sơ, tên lấy từ danh mục.",
    )
    originals: int = Field(0, ge=0, le=100, description="Số bản chính đã nhận.")
    copies: int = Field(0, ge=0, le=100, description="Số bản sao đã nhận.")


class IntakeIn(Schema):
    procedure: str = Field(
        max_length=64, description="Mã thủ tục quốc gia (ví dụ 2.001610) hoặc mã nội bộ."
    )
    applicant: ApplicantIn = Field(description="Người nộp hồ sơ.")
    documents: list[ReceivedDocumentIn] = Field(
        description="Giấy tờ đã nhận. Thành phần bắt buộc không có bản chính hay bản sao nào "
        "thì hồ sơ chưa đầy đủ và không được tiếp nhận."
    )
    subject: str = Field(
        "", max_length=1000, description="Nội dung yêu cầu; mặc định là tên thủ tục."
    )
    sets: int = Field(1, ge=1, le=100, description="Số bộ hồ sơ.")
    return_method: ReturnMethod = Field(
        ReturnMethod.COUNTER,
        description="counter: nhận tại Bộ phận Một cửa; post: qua bưu chính công ích; "
        "online: nhận kết quả điện tử.",
    )
    postal_address: str = Field(
        "", max_length=500, description="Địa chỉ nhận kết quả (bắt buộc khi return_method=post)."
    )
    idempotency_key: str | None = Field(
        None, max_length=64,
        description="Khóa chống tiếp nhận trùng, do máy khách tạo cho mỗi lần tiếp nhận: gửi "
        "lại cùng khóa (ví dụ khi mạng chập chờn) thì nhận lại hồ sơ đã tạo.",
    )


def _received_documents(procedure: Procedure, at: datetime,
                        lines: list[ReceivedDocumentIn]) -> list[services.ReceivedDocument]:
    """The checklist lines, named from the catalogue (the names printed on the receipt)."""
    version = version_in_force(procedure, on=at)
    if version is None:
        raise InvalidInput(f"Thủ tục {procedure.code} chưa có phiên bản đang có hiệu lực.")
    required = {d.pk: d.name for d in version.documents.all()}
    documents = []
    for line in lines:
        if line.required_id is None and not line.name.strip():
            raise InvalidInput("Giấy tờ ngoài danh mục cần ghi tên.")
        if line.required_id is not None and line.required_id not in required:
            raise InvalidInput(
                f"Thành phần hồ sơ id {line.required_id} không thuộc thủ tục {procedure.code} "
                "đang có hiệu lực."
            )
        name = required[line.required_id] if line.required_id else line.name.strip()
        documents.append(services.ReceivedDocument(name, line.originals, line.copies,
                                                   line.required_id))
    return documents


@router.post(
    "",
    response={201: DossierOut, **error_responses(400, 401, 403)},
    summary="Tiếp nhận hồ sơ tại Bộ phận Một cửa",
    description="Cán bộ Một cửa tiếp nhận hồ sơ đầy đủ: cấp mã hồ sơ, hẹn ngày trả kết quả, lập "
    "quy trình xử lý. Hồ sơ thiếu giấy tờ bắt buộc không được tạo: trả về 400 với `missing` là "
    "danh sách giấy tờ còn thiếu (để lập phiếu hướng dẫn).",
    operation_id="dossier_receive",
)
def receive(request, intake: IntakeIn):
    staff = request.auth
    procedure = _procedure(staff, intake.procedure)
    key = intake.idempotency_key or None
    at = timezone.now()
    applicant = intake.applicant
    dossier = services.receive(
        staff, procedure,
        services.Intake(
            applicant=services.ApplicantData(
                name=applicant.name, kind=applicant.kind, id_number=applicant.id_number,
                phone=applicant.phone, email=applicant.email, address=applicant.address,
                owner_name=applicant.owner_name,
            ),
            documents=_received_documents(procedure, at, intake.documents),
            return_method=intake.return_method, postal_address=intake.postal_address,
            sets=intake.sets, subject=intake.subject,
        ),
        at=at, idempotency_key=key,
    )
    return Status(201, _detail(staff, dossier.pk))


# ---------------------------------------------------------------------------------------------
# Reading


class DossierQuery(Schema):
    worklist: Worklist | None = Field(
        None,
        description="Danh sách việc của người gọi: to_receive (chờ tiếp nhận trực tuyến), "
        "to_assign (chờ phân công trong đơn vị), my_steps (tôi đang xử lý), waiting (chờ bổ "
        "sung), consulting (đang lấy ý kiến), to_sign (chờ ký duyệt), to_register (chờ vào sổ), "
        "to_return (chờ trả kết quả), all_open (mọi hồ sơ đang giải quyết).",
    )
    state: State | None = Field(None, description="Trạng thái hồ sơ.")
    due_before: datetime | None = Field(
        None, description="Hẹn trả trước thời điểm này (ISO 8601; không ghi múi giờ là giờ "
        "Việt Nam; dấu + của múi giờ phải viết %2B).",
    )
    q: str | None = Field(
        None, max_length=200,
        description="Mã hồ sơ, tên người nộp hay chủ hồ sơ, số giấy tờ, điện thoại; không "
        "phân biệt dấu.",
    )
    procedure: str | None = Field(None, description="Mã thủ tục quốc gia hoặc mã nội bộ.")
    channel: Channel | None = Field(None, description="1: trực tiếp; 2: trực tuyến; 3: bưu chính.")
    limit: int = Field(20, ge=1, le=100, description="Số hồ sơ mỗi trang (tối đa 100).")
    offset: int = Field(0, ge=0, description="Bỏ qua bao nhiêu hồ sơ đầu.")


@router.get(
    "",
    response={200: DossierPage, **error_responses(400, 401, 403)},
    summary="Danh sách hồ sơ của cơ quan",
    description="Hồ sơ của cơ quan người gọi, hồ sơ đến hạn sớm nhất trước (hồ sơ chưa có hẹn "
    "trả, tức hồ sơ trực tuyến chờ tiếp nhận, xếp theo thời điểm nộp). Các điều kiện lọc kết "
    "hợp với nhau.",
    operation_id="dossier_list",
)
def list_dossiers(request, filters: Query[DossierQuery]):
    staff = request.auth
    if filters.worklist:
        dossiers = worklist(staff, filters.worklist)
    else:
        dossiers = visible_dossiers(staff.user).order_by(
            F("due_at").asc(nulls_last=True), "submitted_at", "pk"
        )
    dossiers = filter_dossiers(dossiers, q=filters.q or "", channel=filters.channel or "",
                               state=filters.state or "")
    if filters.procedure:
        dossiers = dossiers.filter(Q(procedure__national_code=filters.procedure)
                                   | Q(procedure__local_code=filters.procedure))
    if filters.due_before:
        dossiers = dossiers.filter(due_at__lt=_vietnam_time(filters.due_before))
    page = dossiers.select_related(*_FOR_SUMMARY)[filters.offset : filters.offset + filters.limit]
    calendar, now = calendar_for(staff.agency_id), timezone.now()
    return {
        "count": dossiers.count(),
        "limit": filters.limit,
        "offset": filters.offset,
        "items": [_summary(d, calendar, now) for d in page],
    }


@router.get(
    "/{code}",
    response={200: DossierOut, **error_responses(401, 403, 404)},
    summary="Chi tiết hồ sơ",
    description="Hồ sơ của cơ quan người gọi, kèm các bước, giấy tờ, tệp, yêu cầu bổ sung, lấy "
    "ý kiến và các thao tác người gọi được làm ngay (`allowed_actions`).",
    operation_id="dossier_get",
)
def get_dossier(request, code: DossierRef):
    return _detail(request.auth, dossier_or_404(request.auth, code).pk)


@router.get(
    "/{code}/events",
    response={200: list[EventOut], **error_responses(401, 403, 404)},
    summary="Nhật ký xử lý hồ sơ",
    description="Mọi thao tác trên hồ sơ theo thứ tự thời gian (Phiếu kiểm soát quá trình giải "
    "quyết hồ sơ được in từ đây). Chỉ ghi thêm, không sửa, không xóa.",
    operation_id="dossier_events",
)
def list_events(request, code: DossierRef):
    dossier = dossier_or_404(request.auth, code)
    events = dossier.events.select_related("actor__user", "step").order_by("at", "pk")
    return [_event(e) for e in events]


# ---------------------------------------------------------------------------------------------
# Actions: POST /{code}/actions/<action>, one operation each, answered with the dossier as it
# is afterwards. `submit` is the applicant's (the portal); `receive` is POST /dossiers.


def _who_and_when(action: Action) -> str:
    """The rule of the transition table, in words, so the documentation cannot drift from it."""
    rule = TRANSITIONS[action]
    states = ", ".join(s.label for s in State if s in rule.sources)
    if rule.roles == EVERY_STAFF:
        roles = "mọi cán bộ"
    else:
        roles = ", ".join(r.label for r in Role if r in rule.roles)
    text = f"Khi hồ sơ ở trạng thái: {states}. Dành cho: {roles}."
    if rule.at_step:
        text += " Người gọi phải đang giữ bước xử lý hiện tại."
    return text


def _action(action: Action, payload_schema: type[Schema], description: str):
    """Register the operation of `action`: the decorated `perform(staff, dossier, payload)`
    calls the service on the dossier found in the caller's agency."""

    def register(perform):
        def endpoint(request, code: DossierRef, payload: payload_schema):
            dossier = dossier_or_404(request.auth, code)
            perform(request.auth, dossier, payload)
            return _detail(request.auth, dossier.pk)

        endpoint.__name__ = f"dossier_{action.value}"
        router.post(
            f"/{{code}}/actions/{action.value}",
            response={200: DossierOut, **ERRORS},
            summary=action.label,
            description=f"{description}\n\n{_who_and_when(action)}",
            operation_id=f"dossier_{action.value}",
        )(endpoint)
        return perform

    return register


class RevisionIn(Schema):
    expected_revision: int | None = Field(
        None, ge=0,
        description="`revision` của hồ sơ người dùng đang xem. Nếu hồ sơ đã đổi từ đó, thao "
        "tác bị từ chối (409) thay vì ghi đè. Nên luôn gửi.",
    )


class NoteIn(RevisionIn):
    note: str = Field("", max_length=4000, description="Ghi chú, ghi vào nhật ký.")


class ReasonIn(RevisionIn):
    reason: str = Field(max_length=4000, description="Lý do (bắt buộc), ghi vào nhật ký, phiếu.")


class AssignIn(RevisionIn):
    assignee: str = Field(max_length=150, description="Tên đăng nhập của cán bộ được giao.")


class ForwardIn(NoteIn):
    assignee: str | None = Field(
        None, max_length=150,
        description="Tên đăng nhập của cán bộ nhận bước tiếp theo, nếu giao luôn.",
    )


class SupplementRequestIn(ReasonIn):
    items: list[SupplementItem] = Field(min_length=1, description="Giấy tờ cần bổ sung.")


class CancelIn(ReasonIn):
    case: CancelCase = Field(
        description="Trường hợp hủy: "
        + "; ".join(f"{case.value}: {case.label}" for case in CancelCase) + "."
    )


class ExtendIn(ReasonIn):
    working_days: Decimal = Field(
        gt=0, le=365, decimal_places=2, description="Số ngày làm việc được gia hạn."
    )


class ApologyIn(ReasonIn):
    new_due_at: datetime = Field(
        description="Ngày giờ hẹn trả mới (ISO 8601; không ghi múi giờ là giờ Việt Nam), trong "
        "giờ làm việc, sau ngày hẹn hiện tại."
    )


class ConsultIn(RevisionIn):
    consulted_agency: str | None = Field(
        None, max_length=20, description="Mã định danh cơ quan được lấy ý kiến, nếu có trong hệ "
        "thống.",
    )
    consulted_name: str = Field(
        "", max_length=255, description="Tên cơ quan được lấy ý kiến (mặc định theo mã)."
    )
    question: str = Field(max_length=4000, description="Nội dung lấy ý kiến.")
    working_days: Decimal = Field(
        gt=0, le=365, decimal_places=2, description="Thời hạn trả lời, số ngày làm việc."
    )


class AnswerIn(Schema):
    consultation: int = Field(description="`id` của lần lấy ý kiến trong hồ sơ.")
    answer: str = Field(max_length=8000, description="Nội dung trả lời của cơ quan.")


class ApproveIn(RevisionIn):
    summary: str = Field("", max_length=4000, description="Tóm tắt kết quả giải quyết.")


class RegisterIn(RevisionIn):
    number: str = Field(max_length=64, description="Số văn bản kết quả trong sổ văn bản đi.")


class ReturnIn(NoteIn):
    tracking_number: str = Field(
        "", max_length=64, description="Số hiệu bưu gửi (bắt buộc khi trả qua bưu chính)."
    )


@_action(Action.ACCEPT, RevisionIn, "Tiếp nhận hồ sơ nộp trực tuyến: cấp mã, hẹn ngày trả, "
         "lập quy trình. Hồ sơ thiếu giấy tờ bắt buộc: 400 kèm `missing`.")
def accept(staff, dossier, payload: RevisionIn):
    services.accept(dossier, staff, expected_revision=payload.expected_revision)


@_action(Action.REJECT_ONLINE, ReasonIn, "Trả lại hồ sơ nộp trực tuyến không đủ điều kiện "
         "tiếp nhận, nêu rõ lý do.")
def reject_online(staff, dossier, payload: ReasonIn):
    services.reject_online(dossier, staff, payload.reason,
                           expected_revision=payload.expected_revision)


@_action(Action.ASSIGN, AssignIn, "Lãnh đạo phòng giao (hoặc giao lại) bước hiện tại cho cán "
         "bộ trong đơn vị của bước.")
def assign(staff, dossier, payload: AssignIn):
    services.assign(dossier, staff, _colleague(staff, payload.assignee),
                    expected_revision=payload.expected_revision)


@_action(Action.CLAIM, RevisionIn, "Cán bộ của đơn vị nhận xử lý bước hiện tại chưa có người.")
def claim(staff, dossier, payload: RevisionIn):
    services.claim(dossier, staff, expected_revision=payload.expected_revision)


@_action(Action.FORWARD, ForwardIn, "Chuyển hồ sơ sang bước tiếp theo của quy trình nội bộ.")
def forward(staff, dossier, payload: ForwardIn):
    assignee = _colleague(staff, payload.assignee) if payload.assignee else None
    services.forward(dossier, staff, note=payload.note, assignee=assignee,
                     expected_revision=payload.expected_revision)


@_action(Action.SEND_BACK, ReasonIn, "Trả hồ sơ về bước trước, kèm lý do; bước trước bắt đầu "
         "lại với thời gian của nó.")
def send_back(staff, dossier, payload: ReasonIn):
    services.send_back(dossier, staff, payload.reason,
                       expected_revision=payload.expected_revision)


@_action(Action.REQUEST_SUPPLEMENT, SupplementRequestIn, "Yêu cầu bổ sung, hoàn thiện hồ sơ "
         "(Mẫu 02): liệt kê giấy tờ và lý do; thời hạn dừng tính đến khi nhận đủ bổ sung.")
def request_supplement(staff, dossier, payload: SupplementRequestIn):
    services.request_supplement(dossier, staff, [i.dict() for i in payload.items],
                                payload.reason, expected_revision=payload.expected_revision)


@_action(Action.SUPPLEMENT, NoteIn, "Bộ phận Một cửa nhận hồ sơ bổ sung người nộp mang đến; "
         "thời hạn tính lại hoặc tính tiếp theo quy định của thủ tục.")
def supplement(staff, dossier, payload: NoteIn):
    services.supplement(dossier, Actor.of(staff), note=payload.note,
                        expected_revision=payload.expected_revision)


@_action(Action.REFUSE, ReasonIn, "Từ chối giải quyết, nêu rõ lý do (Mẫu 03); hồ sơ về Bộ phận "
         "Một cửa để trả.")
def refuse(staff, dossier, payload: ReasonIn):
    services.refuse(dossier, staff, payload.reason, expected_revision=payload.expected_revision)


@_action(Action.WITHDRAW, NoteIn, "Người nộp đến Bộ phận Một cửa xin rút hồ sơ (dừng giải "
         "quyết theo yêu cầu).")
def withdraw(staff, dossier, payload: NoteIn):
    services.withdraw(dossier, Actor.of(staff), note=payload.note,
                      expected_revision=payload.expected_revision)


@_action(Action.CANCEL, CancelIn, "Hủy hồ sơ, chỉ trong các trường hợp quy định.")
def cancel(staff, dossier, payload: CancelIn):
    services.cancel(dossier, staff, payload.case, payload.reason,
                    expected_revision=payload.expected_revision)


@_action(Action.SUSPEND, ReasonIn, "Tạm dừng giải quyết; thời hạn dừng tính.")
def suspend(staff, dossier, payload: ReasonIn):
    services.suspend(dossier, staff, payload.reason, expected_revision=payload.expected_revision)


@_action(Action.RESUME, NoteIn, "Tiếp tục giải quyết; thời gian tạm dừng được cộng vào hạn.")
def resume(staff, dossier, payload: NoteIn):
    services.resume(dossier, staff, note=payload.note,
                    expected_revision=payload.expected_revision)


@_action(Action.EXTEND, ExtendIn, "Gia hạn theo quy định: hạn trả dời thêm số ngày làm việc.")
def extend(staff, dossier, payload: ExtendIn):
    services.extend(dossier, staff, payload.working_days, payload.reason,
                    expected_revision=payload.expected_revision)


@_action(Action.APOLOGIZE, ApologyIn, "Xin lỗi và hẹn lại ngày trả (Mẫu 04): chậm nhất 01 ngày "
         "làm việc trước hạn, một lần; hạn theo quy định không đổi.")
def apologize(staff, dossier, payload: ApologyIn):
    services.apologize(dossier, staff, _vietnam_time(payload.new_due_at), payload.reason,
                       expected_revision=payload.expected_revision)


@_action(Action.CONSULT, ConsultIn, "Lấy ý kiến cơ quan liên quan, với hạn trả lời riêng; quá "
         "hạn thì hệ thống đôn đốc.")
def consult(staff, dossier, payload: ConsultIn):
    agency = None
    if payload.consulted_agency:
        agency = Agency.objects.filter(code=payload.consulted_agency).first()
        if agency is None:
            raise InvalidInput(f"Không có cơ quan mã «{payload.consulted_agency}».")
    services.consult(dossier, staff, payload.consulted_name, payload.question,
                     payload.working_days, consulted_agency=agency,
                     expected_revision=payload.expected_revision)


@_action(Action.ANSWER_CONSULTATION, AnswerIn, "Ghi nhận ý kiến trả lời của cơ quan được lấy "
         "ý kiến.")
def answer_consultation(staff, dossier, payload: AnswerIn):
    consultation = dossier.consultations.filter(pk=payload.consultation).first()
    if consultation is None:
        raise InvalidInput(f"Hồ sơ không có lần lấy ý kiến id {payload.consultation}.")
    services.answer_consultation(consultation, staff, payload.answer)


@_action(Action.APPROVE, ApproveIn, "Phê duyệt kết quả ở bước ký; hồ sơ về Bộ phận Một cửa "
         "chờ vào sổ và trả.")
def approve(staff, dossier, payload: ApproveIn):
    services.approve(dossier, staff, summary=payload.summary,
                     expected_revision=payload.expected_revision)


@_action(Action.REGISTER_RESULT, RegisterIn, "Văn thư vào sổ, cấp số văn bản kết quả.")
def register_result(staff, dossier, payload: RegisterIn):
    services.register_result(dossier, staff, payload.number,
                             expected_revision=payload.expected_revision)


@_action(Action.RETURN_RESULT, ReturnIn, "Trả kết quả tại Bộ phận Một cửa hoặc gửi qua bưu "
         "chính; hồ sơ kết thúc.")
def return_result(staff, dossier, payload: ReturnIn):
    services.return_result(dossier, staff, note=payload.note,
                           tracking_number=payload.tracking_number,
                           expected_revision=payload.expected_revision)


class AttachIn(Schema):
    kind: Attachment.Kind = Field(
        Attachment.Kind.DOCUMENT,
        description="document: thành phần hồ sơ; result: kết quả giải quyết; other: khác.",
    )
    document: int | None = Field(
        None, description="Thứ tự giấy tờ của hồ sơ mà tệp là bản số hóa, nếu có."
    )


@router.post(
    "/{code}/actions/attach",
    response={200: DossierOut, **ERRORS},
    summary=Action.ATTACH.label,
    description="Đính kèm một tệp (multipart/form-data, trường `file`): bản số hóa giấy tờ hoặc "
    "kết quả. Nhận PDF, JPG, PNG, DOCX, XLSX; kiểm tra theo nội dung tệp và dung lượng.\n\n"
    + _who_and_when(Action.ATTACH),
    operation_id="dossier_attach",
)
def attach(request, code: DossierRef, file: File[UploadedFile], details: Form[AttachIn]):
    staff = request.auth
    dossier = dossier_or_404(staff, code)
    document = None
    if details.document is not None:
        document = dossier.documents.filter(position=details.document).first()
        if document is None:
            raise InvalidInput(f"Hồ sơ không có giấy tờ thứ {details.document}.")
    services.attach(dossier, staff, file, document=document, kind=details.kind)
    return _detail(staff, dossier.pk)
