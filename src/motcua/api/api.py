"""The public and integration API under /api/v1, assembled from the routers each app owns."""

from django.core.exceptions import PermissionDenied
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError as NinjaValidationError

from motcua.catalog.api import router as catalog_router
from motcua.desk.api import router as desk_router
from motcua.dossiers.api import router as dossiers_router
from motcua.dossiers.errors import DossierError
from motcua.feedback.api import router as feedback_router
from motcua.indices.api import router as indices_router
from motcua.org.api import router as org_router
from motcua.paperwork.api import router as paperwork_router
from motcua.payments.api import router as payments_router
from motcua.plans.api import router as plans_router
from motcua.submissions.api import router as submissions_router
from motcua.worktime.api import router as worktime_router

from .auth import UNAUTHENTICATED, staff_auth

api = NinjaAPI(
    title="Motcua API",
    version="1",
    description="API của Motcua: lịch làm việc, danh mục thủ tục hành chính, cơ quan (công khai) "
    "và hồ sơ (dành cho cán bộ: mã truy cập `Authorization: Bearer <mã>` cấp bằng lệnh "
    "`motcua issue_api_token`, hoặc phiên đăng nhập kèm tiêu đề X-CSRFToken). "
    "Lỗi trả về JSON có trường `detail` bằng tiếng Việt.",
    urls_namespace="api",
    docs_url="/docs",
)


# Pydantic's English messages for the commonest errors, in Vietnamese.
_MESSAGES = {
    "missing": "thiếu giá trị bắt buộc",
    "int_parsing": "phải là số nguyên",
    "decimal_parsing": "phải là số",
    "float_parsing": "phải là số",
    "bool_parsing": "phải là true hoặc false",
    "datetime_from_date_parsing": "không phải ngày giờ hợp lệ",
    "datetime_parsing": "không phải ngày giờ hợp lệ",
    "date_from_datetime_parsing": "không phải ngày hợp lệ",
    "date_parsing": "không phải ngày hợp lệ",
    "string_too_long": "quá dài",
    "string_too_short": "quá ngắn",
    "too_short": "quá ít phần tử",
    "greater_than": "quá nhỏ",
    "greater_than_equal": "quá nhỏ",
    "less_than": "quá lớn",
    "less_than_equal": "quá lớn",
    "literal_error": "không thuộc các giá trị cho phép",
    "enum": "không thuộc các giá trị cho phép",
    "json_invalid": "không phải JSON hợp lệ",
}


@api.exception_handler(NinjaValidationError)
def invalid_request(request, exc: NinjaValidationError):
    """Ninja's schema errors, in the same {"detail": ...} shape as every other error."""
    problems = []
    for error in exc.errors:
        where = ".".join(str(part) for part in error.get("loc", [])[1:]) or "yêu cầu"
        message = _MESSAGES.get(error.get("type"), error.get("msg", "không hợp lệ"))
        problems.append(f"{where}: {message}")
    return api.create_response(
        request,
        {"detail": "Tham số không hợp lệ — " + "; ".join(problems), "errors": exc.errors},
        status=400,
    )


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    """Ninja's own refusals; the one a client meets most, an unreadable body, in Vietnamese."""
    message = str(exc)
    if message.startswith("Cannot parse request body"):
        message = "Nội dung yêu cầu không phải JSON hợp lệ."
    return api.create_response(request, {"detail": message}, status=exc.status_code)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc: AuthenticationError):
    response = api.create_response(request, {"detail": UNAUTHENTICATED}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="motcua"'
    return response


@api.exception_handler(PermissionDenied)
def forbidden(request, exc: PermissionDenied):
    """A refusal of a `permissions.py` predicate: the same 403 and message as the page."""
    detail = str(exc) or "Bạn không có quyền thực hiện việc này."
    return api.create_response(request, {"detail": detail}, status=403)


@api.exception_handler(DossierError)
def refused(request, exc: DossierError):
    """A refused dossier action: its own status (400, 403, 404, 409) and Vietnamese message;
    an incomplete intake also lists the missing documents."""
    body = {"detail": exc.message}
    if hasattr(exc, "missing"):
        body["missing"] = exc.missing
    return api.create_response(request, body, status=exc.status)


# The staff routers are mounted behind staff_auth here, so that no app imports this one; the
# others are public (the catalogue, the calendar, the FAQ) or check their own secret.
api.add_router("/agencies", org_router, tags=["Cơ quan"])
api.add_router("/worktime", worktime_router, tags=["Lịch làm việc"])
api.add_router("/procedures", catalog_router, tags=["Thủ tục hành chính"])
api.add_router("/dossiers", dossiers_router, auth=staff_auth, tags=["Hồ sơ"])
api.add_router("/dossiers", paperwork_router, auth=staff_auth, tags=["Biểu mẫu"])
api.add_router("/indices", indices_router, auth=staff_auth, tags=["Chỉ số"])
api.add_router("/plans", plans_router, tags=["Kế hoạch, nhiệm vụ"])
api.add_router("/submissions", submissions_router, tags=["Nộp hồ sơ trực tuyến"])
api.add_router("/payments", payments_router, auth=staff_auth, tags=["Thanh toán"])
api.add_router("/ratings", feedback_router, auth=staff_auth, tags=["Đánh giá hài lòng"])
api.add_router("/desk", desk_router, tags=["Hỏi đáp, phản ánh kiến nghị"])
