"""Reading: the worklists, one dossier, its record."""

from datetime import datetime

from django.db.models import F, Q
from django.utils import timezone
from ninja import Field, Query, Schema

from motcua.core.bounds import MAX_OFFSET, MAX_OFFSET_TEXT
from motcua.core.downloads import attachment
from motcua.org.permissions import require
from motcua.worktime.selectors import calendar_for

from ..constants import (
    Channel,
    State,
    Worklist,
)
from ..errors import NotFound
from ..permissions import may_download
from ..selectors import filter_dossiers, visible_dossiers, worklist
from .common import DossierRef, dossier_or_404, error_responses, router, vietnam_time
from .schemas import (
    FOR_SUMMARY,
    DossierOut,
    DossierPage,
    EventOut,
    dossier_detail,
    dossier_summary,
    event_out,
)


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
        None,
        description="Hẹn trả trước thời điểm này (ISO 8601; không ghi múi giờ là giờ "
        "Việt Nam; dấu + của múi giờ phải viết %2B).",
    )
    q: str | None = Field(
        None,
        max_length=200,
        description="Mã hồ sơ, tên người nộp hay chủ hồ sơ, số giấy tờ, điện thoại; không "
        "phân biệt dấu.",
    )
    procedure: str | None = Field(None, description="Mã thủ tục quốc gia hoặc mã nội bộ.")
    channel: Channel | None = Field(None, description="1: trực tiếp; 2: trực tuyến; 3: bưu chính.")
    limit: int = Field(20, ge=1, le=100, description="Số hồ sơ mỗi trang (tối đa 100).")
    offset: int = Field(
        0, ge=0, le=MAX_OFFSET, description=f"Bỏ qua bao nhiêu hồ sơ đầu ({MAX_OFFSET_TEXT})."
    )


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
    dossiers = filter_dossiers(
        dossiers, q=filters.q or "", channel=filters.channel or "", state=filters.state or ""
    )
    if filters.procedure:
        dossiers = dossiers.filter(
            Q(procedure__national_code=filters.procedure)
            | Q(procedure__local_code=filters.procedure)
        )
    if filters.due_before:
        dossiers = dossiers.filter(due_at__lt=vietnam_time(filters.due_before))
    page = dossiers.select_related(*FOR_SUMMARY)[filters.offset : filters.offset + filters.limit]
    calendar, now = calendar_for(staff.agency_id), timezone.now()
    return {
        "count": dossiers.count(),
        "limit": filters.limit,
        "offset": filters.offset,
        "items": [dossier_summary(d, calendar, now) for d in page],
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
    return dossier_detail(request.auth, dossier_or_404(request.auth, code).pk)


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
    return [event_out(e) for e in events]


@router.get(
    "/{code}/attachments/{attachment_id}",
    response={200: bytes, **error_responses(401, 403, 404)},
    summary="Tải tệp đính kèm của hồ sơ",
    description="Tệp `attachments[].id` của hồ sơ, luôn dưới dạng tải về (attachment, nosniff), "
    "cho cán bộ được xem hồ sơ.",
    operation_id="dossier_attachment",
    openapi_extra={
        "responses": {
            200: {"description": "Tệp đính kèm", "content": {"application/octet-stream": {}}}
        }
    },
)
def download_attachment(request, code: DossierRef, attachment_id: int):
    dossier = dossier_or_404(request.auth, code)
    stored = dossier.attachments.select_related("dossier").filter(pk=attachment_id).first()
    if stored is None:
        raise NotFound(f"Hồ sơ «{code}» không có tệp số {attachment_id}.")
    require(may_download(request.auth, stored))
    return attachment(stored.file, stored.original_name, stored.content_type)
