"""Online submission from the portal: drafts with their files, resumed from an e-mailed link,
turned into a dossier by dossiers.services.submit. The API takes a whole submission in one
multipart request: POST /api/v1/submissions."""

from django.conf import settings
from ninja import Field, Form, Header, Router, Schema, Status
from ninja.errors import HttpError

from motcua.catalog.selectors import public_version
from motcua.core.ratelimit import Limit, client_ip
from motcua.dossiers.constants import ApplicantKind, State
from motcua.dossiers.links import dossier_ref, tracking_url

from . import services
from .constants import RETURN_CHOICES
from .errors import IncompleteDraft, SubmissionError

router = Router()

DOCUMENT_PREFIX = "document_"  # a file for the required document with this id
OTHER = "other"  # files outside the list


class SubmissionIn(Schema):
    procedure: str = Field(
        max_length=64,
        description="Mã thủ tục quốc gia (ví dụ 2.001610) "
        "hoặc mã nội bộ; thủ tục phải được cung cấp trực tuyến.",
    )
    agency: str = Field(
        "",
        max_length=64,
        description="Mã định danh cơ quan, khi nhiều cơ quan cùng công bố mã thủ tục.",
    )
    applicant_kind: ApplicantKind = Field(
        ApplicantKind.PERSON, description="person: cá nhân; organization: tổ chức."
    )
    applicant_name: str = Field(max_length=255, description="Họ tên người nộp / tên tổ chức.")
    applicant_id_number: str = Field(
        "", max_length=32, description="CCCD, CMND, hộ chiếu hoặc mã số thuế."
    )
    applicant_phone: str = Field("", max_length=20)
    applicant_email: str = Field(
        max_length=254, description="Thư điện tử: giấy xác nhận đã nhận hồ sơ được gửi tới đây."
    )
    applicant_address: str = Field("", max_length=500)
    subject: str = Field(
        "", max_length=1000, description="Nội dung yêu cầu; mặc định là tên thủ tục."
    )
    return_method: str = Field(
        "counter", description="counter: nhận tại Bộ phận Một cửa; post: qua bưu chính công ích."
    )
    postal_address: str = Field("", max_length=500, description="Bắt buộc khi return_method=post.")


class SubmissionOut(Schema):
    ref: str = Field(
        description="Số tham chiếu (truc-tuyen-<số>) cho đến khi hồ sơ được tiếp "
        "nhận và có mã hồ sơ."
    )
    state: State
    secret: str = Field(description="Mã bí mật để tra cứu.")
    tracking_url: str
    created: bool = Field(
        description="false khi khóa Idempotency-Key đã được dùng: đây là hồ sơ đã tạo lần trước."
    )


class SubmissionRefusalOut(Schema):
    detail: str
    missing: list[str] | None = None


def _api_limit() -> Limit:
    return Limit("submission-api-ip", settings.SUBMISSION_DRAFTS_PER_IP_HOUR, 3600)


def _uploads(request) -> list[services.Upload]:
    uploads = []
    for name in request.FILES:
        if name == OTHER:
            required_id = None
        elif name.startswith(DOCUMENT_PREFIX) and name[len(DOCUMENT_PREFIX) :].isdigit():
            required_id = int(name[len(DOCUMENT_PREFIX) :])
        else:
            raise HttpError(
                400, f"Trường tệp «{name}» không hợp lệ: dùng document_<id> hoặc other."
            )
        uploads += [services.Upload(f, required_id) for f in request.FILES.getlist(name)]
    return uploads


@router.post(
    "",
    response={
        200: SubmissionOut,
        201: SubmissionOut,
        400: SubmissionRefusalOut,
        404: SubmissionRefusalOut,
        429: SubmissionRefusalOut,
    },
    summary="Nộp hồ sơ trực tuyến (công khai)",
    description="Một yêu cầu multipart: các trường dưới đây và các tệp, mỗi tệp trong trường "
    "`document_<id>` (id thành phần hồ sơ của phiên bản đang có hiệu lực) hoặc `other`. Tiêu đề "
    "`Idempotency-Key` (tối đa 60 ký tự) là bắt buộc: gửi lại cùng khóa trả về hồ sơ đã tạo "
    "(200) thay vì tạo hồ sơ thứ hai (201). Mọi tệp phải hợp lệ và đủ thành phần bắt buộc, nếu "
    "không thì không tạo gì (400, `missing` liệt kê giấy tờ còn thiếu). Hồ sơ vào danh sách chờ "
    "tiếp nhận của Bộ phận Một cửa; người nộp nhận thư xác nhận.",
    operation_id="submission_create",
)
def create_submission(
    request, data: Form[SubmissionIn], idempotency_key: str = Header("", alias="Idempotency-Key")
):
    version = public_version(data.procedure, data.agency or None)
    if version is None:
        return Status(
            404, {"detail": f"Không tìm thấy thủ tục đang có hiệu lực với mã «{data.procedure}»."}
        )
    if data.return_method not in dict(RETURN_CHOICES):
        return Status(400, {"detail": "return_method chỉ nhận counter hoặc post."})
    limit, ip = _api_limit(), client_ip(request)
    if limit.exceeded(ip):
        return Status(
            429,
            {
                "detail": "Có quá nhiều hồ sơ được nộp từ địa chỉ này. Xin thử lại "
                f"sau {limit.retry_after_minutes()} phút."
            },
        )
    fields = services.DraftFields(
        **{name: getattr(data, name) for name in services.DraftFields.__dataclass_fields__}
    )
    try:
        dossier, created = services.submit_direct(
            version.procedure, fields, _uploads(request), idempotency_key=idempotency_key
        )
    except IncompleteDraft as refusal:
        return Status(400, {"detail": refusal.message, "missing": refusal.missing})
    except SubmissionError as refusal:
        return Status(refusal.status, {"detail": refusal.message})
    if created:
        limit.hit(ip)
    return Status(
        201 if created else 200,
        {
            "ref": dossier_ref(dossier),
            "state": dossier.state,
            "secret": dossier.tracking_secret,
            "tracking_url": tracking_url(dossier),
            "created": created,
        },
    )
