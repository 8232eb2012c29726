"""Actions: POST /{code}/actions/<action>, one operation each, and attachments."""

from datetime import datetime
from decimal import Decimal

from ninja import Field, File, Form, Schema, UploadedFile

from motcua.org.constants import Role
from motcua.org.models import Agency

from .. import services
from ..constants import (
    Action,
    CancelCase,
    State,
)
from ..errors import InvalidInput
from ..lifecycle import EVERY_STAFF, TRANSITIONS, Actor
from ..models import Attachment
from .common import ERRORS, DossierRef, colleague, dossier_or_404, router, vietnam_time
from .schemas import DossierOut, SupplementItem, dossier_detail

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
            return dossier_detail(request.auth, dossier.pk)

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
        None,
        ge=0,
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
        None,
        max_length=150,
        description="Tên đăng nhập của cán bộ nhận bước tiếp theo, nếu giao luôn.",
    )


class SupplementRequestIn(ReasonIn):
    items: list[SupplementItem] = Field(min_length=1, description="Giấy tờ cần bổ sung.")


class CancelIn(ReasonIn):
    case: CancelCase = Field(
        description="Trường hợp hủy: "
        + "; ".join(f"{case.value}: {case.label}" for case in CancelCase)
        + "."
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
        None,
        max_length=20,
        description="Mã định danh cơ quan được lấy ý kiến, nếu có trong hệ thống.",
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


@_action(
    Action.ACCEPT,
    RevisionIn,
    "Tiếp nhận hồ sơ nộp trực tuyến: cấp mã, hẹn ngày trả, "
    "lập quy trình. Hồ sơ thiếu giấy tờ bắt buộc: 400 kèm `missing`.",
)
def accept(staff, dossier, payload: RevisionIn):
    services.accept(dossier, staff, expected_revision=payload.expected_revision)


@_action(
    Action.REJECT_ONLINE,
    ReasonIn,
    "Trả lại hồ sơ nộp trực tuyến không đủ điều kiện tiếp nhận, nêu rõ lý do.",
)
def reject_online(staff, dossier, payload: ReasonIn):
    services.reject_online(
        dossier, staff, payload.reason, expected_revision=payload.expected_revision
    )


@_action(
    Action.ASSIGN,
    AssignIn,
    "Lãnh đạo phòng giao (hoặc giao lại) bước hiện tại cho cán bộ trong đơn vị của bước.",
)
def assign(staff, dossier, payload: AssignIn):
    services.assign(
        dossier,
        staff,
        colleague(staff, payload.assignee),
        expected_revision=payload.expected_revision,
    )


@_action(Action.CLAIM, RevisionIn, "Cán bộ của đơn vị nhận xử lý bước hiện tại chưa có người.")
def claim(staff, dossier, payload: RevisionIn):
    services.claim(dossier, staff, expected_revision=payload.expected_revision)


@_action(Action.FORWARD, ForwardIn, "Chuyển hồ sơ sang bước tiếp theo của quy trình nội bộ.")
def forward(staff, dossier, payload: ForwardIn):
    assignee = colleague(staff, payload.assignee) if payload.assignee else None
    services.forward(
        dossier,
        staff,
        note=payload.note,
        assignee=assignee,
        expected_revision=payload.expected_revision,
    )


@_action(
    Action.SEND_BACK,
    ReasonIn,
    "Trả hồ sơ về bước trước, kèm lý do; bước trước bắt đầu lại với thời gian của nó.",
)
def send_back(staff, dossier, payload: ReasonIn):
    services.send_back(dossier, staff, payload.reason, expected_revision=payload.expected_revision)


@_action(
    Action.REQUEST_SUPPLEMENT,
    SupplementRequestIn,
    "Yêu cầu bổ sung, hoàn thiện hồ sơ "
    "(Mẫu 02): liệt kê giấy tờ và lý do; thời hạn dừng tính đến khi nhận đủ bổ sung.",
)
def request_supplement(staff, dossier, payload: SupplementRequestIn):
    services.request_supplement(
        dossier,
        staff,
        [i.dict() for i in payload.items],
        payload.reason,
        expected_revision=payload.expected_revision,
    )


@_action(
    Action.SUPPLEMENT,
    NoteIn,
    "Bộ phận Một cửa nhận hồ sơ bổ sung người nộp mang đến; "
    "thời hạn tính lại hoặc tính tiếp theo quy định của thủ tục.",
)
def supplement(staff, dossier, payload: NoteIn):
    services.supplement(
        dossier, Actor.of(staff), note=payload.note, expected_revision=payload.expected_revision
    )


@_action(
    Action.REFUSE,
    ReasonIn,
    "Từ chối giải quyết, nêu rõ lý do (Mẫu 03); hồ sơ về Bộ phận Một cửa để trả.",
)
def refuse(staff, dossier, payload: ReasonIn):
    services.refuse(dossier, staff, payload.reason, expected_revision=payload.expected_revision)


@_action(
    Action.WITHDRAW,
    NoteIn,
    "Người nộp đến Bộ phận Một cửa xin rút hồ sơ (dừng giải quyết theo yêu cầu).",
)
def withdraw(staff, dossier, payload: NoteIn):
    services.withdraw(
        dossier, Actor.of(staff), note=payload.note, expected_revision=payload.expected_revision
    )


@_action(Action.CANCEL, CancelIn, "Hủy hồ sơ, chỉ trong các trường hợp quy định.")
def cancel(staff, dossier, payload: CancelIn):
    services.cancel(
        dossier, staff, payload.case, payload.reason, expected_revision=payload.expected_revision
    )


@_action(Action.SUSPEND, ReasonIn, "Tạm dừng giải quyết; thời hạn dừng tính.")
def suspend(staff, dossier, payload: ReasonIn):
    services.suspend(dossier, staff, payload.reason, expected_revision=payload.expected_revision)


@_action(Action.RESUME, NoteIn, "Tiếp tục giải quyết; thời gian tạm dừng được cộng vào hạn.")
def resume(staff, dossier, payload: NoteIn):
    services.resume(dossier, staff, note=payload.note, expected_revision=payload.expected_revision)


@_action(Action.EXTEND, ExtendIn, "Gia hạn theo quy định: hạn trả dời thêm số ngày làm việc.")
def extend(staff, dossier, payload: ExtendIn):
    services.extend(
        dossier,
        staff,
        payload.working_days,
        payload.reason,
        expected_revision=payload.expected_revision,
    )


@_action(
    Action.APOLOGIZE,
    ApologyIn,
    "Xin lỗi và hẹn lại ngày trả (Mẫu 04): chậm nhất 01 ngày "
    "làm việc trước hạn, một lần; hạn theo quy định không đổi.",
)
def apologize(staff, dossier, payload: ApologyIn):
    services.apologize(
        dossier,
        staff,
        vietnam_time(payload.new_due_at),
        payload.reason,
        expected_revision=payload.expected_revision,
    )


@_action(
    Action.CONSULT,
    ConsultIn,
    "Lấy ý kiến cơ quan liên quan, với hạn trả lời riêng; quá hạn thì hệ thống đôn đốc.",
)
def consult(staff, dossier, payload: ConsultIn):
    agency = None
    if payload.consulted_agency:
        agency = Agency.objects.filter(code=payload.consulted_agency).first()
        if agency is None:
            raise InvalidInput(f"Không có cơ quan mã «{payload.consulted_agency}».")
    services.consult(
        dossier,
        staff,
        payload.consulted_name,
        payload.question,
        payload.working_days,
        consulted_agency=agency,
        expected_revision=payload.expected_revision,
    )


@_action(
    Action.ANSWER_CONSULTATION, AnswerIn, "Ghi nhận ý kiến trả lời của cơ quan được lấy ý kiến."
)
def answer_consultation(staff, dossier, payload: AnswerIn):
    consultation = dossier.consultations.filter(pk=payload.consultation).first()
    if consultation is None:
        raise InvalidInput(f"Hồ sơ không có lần lấy ý kiến id {payload.consultation}.")
    services.answer_consultation(consultation, staff, payload.answer)


@_action(
    Action.APPROVE,
    ApproveIn,
    "Phê duyệt kết quả ở bước ký; hồ sơ về Bộ phận Một cửa chờ vào sổ và trả.",
)
def approve(staff, dossier, payload: ApproveIn):
    services.approve(
        dossier, staff, summary=payload.summary, expected_revision=payload.expected_revision
    )


@_action(Action.REGISTER_RESULT, RegisterIn, "Văn thư vào sổ, cấp số văn bản kết quả.")
def register_result(staff, dossier, payload: RegisterIn):
    services.register_result(
        dossier, staff, payload.number, expected_revision=payload.expected_revision
    )


@_action(
    Action.RETURN_RESULT,
    ReturnIn,
    "Trả kết quả tại Bộ phận Một cửa hoặc gửi qua bưu chính; hồ sơ kết thúc.",
)
def return_result(staff, dossier, payload: ReturnIn):
    services.return_result(
        dossier,
        staff,
        note=payload.note,
        tracking_number=payload.tracking_number,
        expected_revision=payload.expected_revision,
    )


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
    return dossier_detail(staff, dossier.pk)
