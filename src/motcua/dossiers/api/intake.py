"""Intake at the counter: POST /api/v1/dossiers."""

from datetime import datetime

from django.utils import timezone
from ninja import Field, Schema, Status

from motcua.catalog.models import Procedure
from motcua.catalog.selectors import version_in_force

from .. import services
from ..constants import (
    ApplicantKind,
    ReturnMethod,
)
from ..errors import InvalidInput
from .common import error_responses, procedure_of, router
from .schemas import DossierOut, dossier_detail


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
        "",
        max_length=1000,
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
        None,
        max_length=64,
        description="Khóa chống tiếp nhận trùng, do máy khách tạo cho mỗi lần tiếp nhận: gửi "
        "lại cùng khóa (ví dụ khi mạng chập chờn) thì nhận lại hồ sơ đã tạo.",
    )


def _received_documents(
    procedure: Procedure, at: datetime, lines: list[ReceivedDocumentIn]
) -> list[services.ReceivedDocument]:
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
        documents.append(
            services.ReceivedDocument(name, line.originals, line.copies, line.required_id)
        )
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
    procedure = procedure_of(staff, intake.procedure)
    key = intake.idempotency_key or None
    at = timezone.now()
    applicant = intake.applicant
    dossier = services.receive(
        staff,
        procedure,
        services.Intake(
            applicant=services.ApplicantData(
                name=applicant.name,
                kind=applicant.kind,
                id_number=applicant.id_number,
                phone=applicant.phone,
                email=applicant.email,
                address=applicant.address,
                owner_name=applicant.owner_name,
            ),
            documents=_received_documents(procedure, at, intake.documents),
            return_method=intake.return_method,
            postal_address=intake.postal_address,
            sets=intake.sets,
            subject=intake.subject,
        ),
        at=at,
        idempotency_key=key,
    )
    return Status(201, dossier_detail(staff, dossier.pk))
