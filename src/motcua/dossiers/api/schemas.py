"""What the dossier API answers, and building those answers from the models."""

from datetime import datetime

from django.utils import timezone
from ninja import Field, Schema

from motcua.org.constants import Role
from motcua.org.models import Staff
from motcua.worktime.selectors import calendar_for

from ..constants import (
    NATIONAL_STATUS,
    Action,
    ApplicantKind,
    Channel,
    ReturnMethod,
    State,
    Timeliness,
)
from ..lifecycle import Actor, allowed_actions
from ..links import dossier_ref
from ..models import Attachment, Dossier, DossierEvent, DossierStep
from ..selectors import timeliness


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
    ref: str = Field(
        description="Tên của hồ sơ trong đường dẫn: mã hồ sơ, hoặc truc-tuyen-<số> "
        "khi hồ sơ nộp trực tuyến chưa có mã."
    )
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
    kind: Attachment.Kind = Field(
        description="document: thành phần hồ sơ; result: kết quả; other: khác."
    )
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


def dossier_summary(dossier: Dossier, calendar, now: datetime) -> dict:
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
            "code": procedure.code,
            "national_code": procedure.national_code,
            "local_code": procedure.local_code,
            "name": version.name,
            "version": version.number,
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


FOR_SUMMARY = ("procedure", "version", "current_step__unit", "current_step__assignee__user")


def dossier_detail(staff: Staff, pk: int) -> dict:
    dossier = (
        Dossier.objects.select_related(*FOR_SUMMARY)
        .prefetch_related(
            "steps__unit",
            "steps__assignee__user",
            "documents",
            "attachments__document",
            "attachments__uploaded_by__user",
            "supplements__requested_by__user",
            "consultations__consulted_agency",
        )
        .get(pk=pk)
    )
    actions = allowed_actions(dossier, Actor.of(staff))
    return {
        **dossier_summary(dossier, calendar_for(dossier.agency_id), timezone.now()),
        "applicant": {
            "kind": dossier.applicant_kind,
            "name": dossier.applicant_name,
            "id_number": dossier.applicant_id_number,
            "phone": dossier.applicant_phone,
            "email": dossier.applicant_email,
            "address": dossier.applicant_address,
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
            {
                "position": d.position,
                "name": d.name,
                "required_id": d.required_id,
                "originals": d.originals,
                "copies": d.copies,
            }
            for d in dossier.documents.all()
        ],
        "attachments": [
            {
                "id": a.pk,
                "kind": a.kind,
                "name": a.original_name,
                "content_type": a.content_type,
                "size": a.size,
                "document": a.document.position if a.document else None,
                "uploaded_at": _local(a.uploaded_at),
                "uploaded_by": a.uploaded_by.full_name if a.uploaded_by else None,
            }
            for a in dossier.attachments.all()
        ],
        "supplements": [
            {
                "number": s.number,
                "items": s.items,
                "reason": s.reason,
                "requested_at": _local(s.requested_at),
                "requested_by": s.requested_by.full_name,
                "answered_at": _local(s.answered_at),
            }
            for s in dossier.supplements.all()
        ],
        "consultations": [
            {
                "id": c.pk,
                "consulted_agency": c.consulted_agency.code if c.consulted_agency else None,
                "consulted_name": c.consulted_name,
                "question": c.question,
                "sent_at": _local(c.sent_at),
                "due_at": _local(c.due_at),
                "answered_at": _local(c.answered_at),
                "answer": c.answer,
                "first_reminder_at": _local(c.first_reminder_at),
                "second_reminder_at": _local(c.second_reminder_at),
                "escalated_at": _local(c.escalated_at),
            }
            for c in dossier.consultations.all()
        ],
        "allowed_actions": [{"action": a, "label": Action(a).label} for a in actions],
    }


def event_out(event: DossierEvent) -> dict:
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
