"""The forms through the API: `GET /api/v1/dossiers/{code}/forms/{form}.docx`, for staff."""

from ninja import Path, Router
from ninja.params import P

from motcua.dossiers.api import DossierRef, dossier_or_404, error_responses
from motcua.dossiers.errors import NotFound

from .downloads import docx_response
from .errors import FormUnavailable
from .forms import DOSSIER_KINDS, docx_file, supplement_request_of
from .permissions import may_print_dossier_form

router = Router()  # staff only: the API app mounts it behind staff_auth

FormKindParam = Path[
    str,
    P(
        description="Loại biểu mẫu: " + ", ".join(DOSSIER_KINDS) + ". Số và tên mẫu theo chế độ "
        "quy định của hồ sơ (2018 hoặc 2025); mẫu mà chế độ không có trả về 404."
    ),
]


@router.get(
    "/{code}/forms/{form}.docx",
    response={200: bytes, **error_responses(401, 403, 404)},
    summary="Tải biểu mẫu của hồ sơ (DOCX)",
    description="Giấy tiếp nhận (Mẫu 01), yêu cầu bổ sung (lần gần nhất), từ chối, xin lỗi, "
    "thông báo dừng giải quyết, phiếu kiểm soát quá trình — tệp Word theo mẫu chính thức.",
    operation_id="dossier_form_docx",
    openapi_extra={
        "responses": {
            200: {
                "description": "Tệp DOCX",
                "content": {
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {}
                },
            }
        }
    },
)
def form_docx(request, code: DossierRef, form: FormKindParam):
    dossier = dossier_or_404(request.auth, code)
    if not may_print_dossier_form(request.auth, dossier):
        raise NotFound(f"Không tìm thấy hồ sơ «{code}».")
    if form not in DOSSIER_KINDS:
        raise FormUnavailable(
            f"Không có biểu mẫu «{form}» của hồ sơ; các loại: {', '.join(DOSSIER_KINDS)}."
        )
    source = supplement_request_of(dossier) if form == "supplement_request" else dossier
    return docx_response(*docx_file(form, source))
