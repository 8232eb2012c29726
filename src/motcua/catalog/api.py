"""The public catalogue API: only the versions in force today are shown."""

from datetime import date

from django.urls import reverse
from ninja import Field as SchemaField, Query, Router, Schema
from ninja.errors import HttpError

from motcua.core.bounds import MAX_OFFSET, MAX_OFFSET_TEXT
from motcua.core.text import fold
from motcua.org.constants import Role
from motcua.org.models import Agency

from .constants import OnlineLevel, Requirement, SupplementClock, TimeUnit
from .models import Field, ProcedureVersion
from .selectors import public_version, search, versions_in_force

router = Router()


class ErrorOut(Schema):
    detail: str = SchemaField(description="Lý do, bằng tiếng Việt.")


class AgencyRef(Schema):
    code: str = SchemaField(description="Mã định danh điện tử của cơ quan.")
    name: str


class FieldRef(Schema):
    code: str | None = SchemaField(description="Mã lĩnh vực, nếu có.")
    name: str


class TimeLimitOut(Schema):
    value: float = SchemaField(description="Số ngày hoặc giờ theo văn bản công bố.")
    unit: TimeUnit = SchemaField(
        description="working_days: ngày làm việc; working_hours: giờ làm việc; "
        "calendar_days: ngày (theo lịch)."
    )
    unit_label: str
    text: str = SchemaField(description="Thời hạn viết đầy đủ, ví dụ «3 ngày làm việc».")


class ProcedureSummary(Schema):
    code: str = SchemaField(description="Mã thủ tục quốc gia nếu có, nếu không là mã nội bộ.")
    national_code: str | None = SchemaField(description="Mã TTHC quốc gia; null nếu chưa rõ.")
    local_code: str = SchemaField(description="Mã nội bộ của cơ quan.")
    agency: AgencyRef
    name: str
    field: FieldRef | None
    level: str | None = SchemaField(description="Cấp thực hiện; null nếu chưa rõ.")
    online_level: OnlineLevel | None = SchemaField(
        description="full: toàn trình; partial: một phần; none: không trực tuyến; null: chưa rõ."
    )
    online_level_label: str
    time_limit: TimeLimitOut | None = SchemaField(description="null nếu chưa rõ thời hạn.")
    version: int = SchemaField(description="Số phiên bản đang có hiệu lực.")
    effective_from: date = SchemaField(description="Ngày phiên bản bắt đầu có hiệu lực.")


class FeeOut(Schema):
    name: str
    amount_vnd: int | None = SchemaField(description="Mức thu (đồng); 0 là miễn; null chưa rõ.")
    note: str


class UnitRef(Schema):
    code: str
    name: str


class DocumentOut(Schema):
    id: int = SchemaField(
        description="Mã giấy tờ; hồ sơ tiếp nhận qua API đánh dấu giấy tờ đã "
        "nhận bằng mã này (`required_id`)."
    )
    position: int
    name: str
    originals: int | None = SchemaField(description="Số bản chính; null nếu không quy định rõ.")
    copies: int | None = SchemaField(description="Số bản sao; null nếu không quy định rõ.")
    requirement: Requirement = SchemaField(
        description="mandatory: bắt buộc; conditional: tùy trường hợp."
    )
    condition: str = SchemaField(description="Trường hợp phải nộp (với giấy tờ tùy trường hợp).")
    note: str
    template_url: str | None = SchemaField(description="Đường dẫn tải mẫu đơn, tờ khai.")


class StepOut(Schema):
    position: int
    name: str
    unit: UnitRef | None = SchemaField(description="Đơn vị thực hiện.")
    role: Role | None = SchemaField(description="Vai trò thực hiện.")
    hours: float = SchemaField(description="Thời gian, tính bằng giờ làm việc (8 giờ một ngày).")
    duration: str = SchemaField(description="Thời gian viết đầy đủ, ví dụ «1 ngày làm việc».")


class ProcedureDetail(ProcedureSummary):
    result: str = SchemaField(description="Kết quả thực hiện; rỗng nếu chưa rõ.")
    legal_basis: list[str] = SchemaField(description="Căn cứ pháp lý, mỗi văn bản một mục.")
    conditions: str
    submission: str = SchemaField(description="Cách thức thực hiện.")
    applicants: str = SchemaField(description="Đối tượng thực hiện.")
    after_15h_next_day: bool = SchemaField(
        description="Hồ sơ nhận sau 15 giờ thì thời hạn tính từ ngày làm việc tiếp theo."
    )
    supplement_clock: SupplementClock = SchemaField(
        description="restart: tính lại thời hạn từ đầu khi nhận đủ hồ sơ bổ sung; "
        "continue: tính tiếp, cộng thêm thời gian chờ bổ sung."
    )
    fees: list[FeeOut]
    documents: list[DocumentOut]
    steps: list[StepOut] = SchemaField(description="Quy trình nội bộ, theo thứ tự.")
    sources: list[str] = SchemaField(description="Nguồn của thông tin.")
    notes: str


class ProcedurePage(Schema):
    count: int = SchemaField(description="Tổng số thủ tục khớp điều kiện.")
    limit: int
    offset: int
    items: list[ProcedureSummary]


class ProcedureQuery(Schema):
    q: str | None = SchemaField(
        None, description="Từ khóa trong tên hoặc mã thủ tục; không phân biệt dấu, hoa thường."
    )
    agency: str | None = SchemaField(None, description="Mã định danh của cơ quan.")
    field: str | None = SchemaField(None, description="Mã hoặc tên lĩnh vực.")
    limit: int = SchemaField(20, ge=1, le=100, description="Số thủ tục mỗi trang (tối đa 100).")
    offset: int = SchemaField(
        0, ge=0, le=MAX_OFFSET, description=f"Bỏ qua bao nhiêu thủ tục đầu ({MAX_OFFSET_TEXT})."
    )


def _summary(version: ProcedureVersion) -> dict:
    procedure = version.procedure
    limit = None
    if version.time_limit_value is not None:
        limit = {
            "value": float(version.time_limit_value),
            "unit": version.time_limit_unit,
            "unit_label": TimeUnit(version.time_limit_unit).label,
            "text": version.time_limit_display,
        }
    return {
        "code": procedure.code,
        "national_code": procedure.national_code,
        "local_code": procedure.local_code,
        "agency": {"code": procedure.agency.code, "name": procedure.agency.name},
        "name": version.name,
        "field": {"code": version.field.code or None, "name": version.field.name}
        if version.field
        else None,
        "level": version.get_level_display() or None,
        "online_level": version.online_level,
        "online_level_label": version.online_level_display,
        "time_limit": limit,
        "version": version.number,
        "effective_from": version.effective_from,
    }


def _detail(request, version: ProcedureVersion) -> dict:
    return {
        **_summary(version),
        "result": version.result,
        "legal_basis": version.legal_basis_lines,
        "conditions": version.conditions,
        "submission": version.submission,
        "applicants": version.applicants,
        "after_15h_next_day": version.after_15h_next_day,
        "supplement_clock": version.supplement_clock,
        "fees": [
            {"name": f.name, "amount_vnd": f.amount, "note": f.note} for f in version.fees.all()
        ],
        "documents": [
            {
                "id": d.pk,
                "position": d.position,
                "name": d.name,
                "originals": d.originals,
                "copies": d.copies,
                "requirement": d.requirement,
                "condition": d.condition,
                "note": d.note,
                "template_url": request.build_absolute_uri(
                    reverse("catalog:document_template", args=[d.pk])
                )
                if d.template
                else None,
            }
            for d in version.documents.all()
        ],
        "steps": [
            {
                "position": s.position,
                "name": s.name,
                "unit": {"code": s.unit.code, "name": s.unit.name} if s.unit else None,
                "role": s.role or None,
                "hours": float(s.hours),
                "duration": s.duration_display,
            }
            for s in version.steps.all()
        ],
        "sources": version.source_lines,
        "notes": version.notes,
    }


def _agency_or_404(code: str) -> Agency:
    agency = Agency.objects.filter(code=code).first()
    if agency is None:
        raise HttpError(404, f"Không tìm thấy cơ quan có mã định danh «{code}».")
    return agency


@router.get(
    "",
    response=ProcedurePage,
    summary="Tìm thủ tục hành chính (công khai)",
    description="Các thủ tục có phiên bản đang có hiệu lực, xếp theo tên. Tìm theo tên hoặc mã, "
    "không phân biệt dấu tiếng Việt và chữ hoa; mọi từ khóa đều phải có.",
)
def list_procedures(request, filters: Query[ProcedureQuery]):
    versions = versions_in_force().select_related("procedure__agency", "field")
    fields = Field.objects.all()
    if filters.agency:
        agency = _agency_or_404(filters.agency)
        versions = versions.filter(procedure__agency=agency)
        fields = fields.filter(agency=agency)
    if filters.field:
        # Fields are few; comparing folded names here spares a folded column on Field.
        wanted = fold(filters.field)
        versions = versions.filter(
            field__in=[f.pk for f in fields if wanted in {fold(f.name), fold(f.code)}]
        )
    versions = search(versions, filters.q).order_by("name", "procedure__agency__code")
    page = versions[filters.offset : filters.offset + filters.limit]
    return {
        "count": versions.count(),
        "limit": filters.limit,
        "offset": filters.offset,
        "items": [_summary(v) for v in page],
    }


@router.get(
    "/{code}",
    response={200: ProcedureDetail, 404: ErrorOut},
    summary="Chi tiết một thủ tục (công khai)",
    description="`code` là mã thủ tục quốc gia (ví dụ 2.001610) hoặc mã nội bộ. Trả về phiên bản "
    "đang có hiệu lực với thành phần hồ sơ, phí, lệ phí và quy trình nội bộ. Nếu nhiều cơ quan "
    "cùng công bố một mã, dùng `agency` để chọn; nếu không, trả về thủ tục của cơ quan có mã "
    "định danh nhỏ nhất. Mã quốc gia được ưu tiên hơn mã nội bộ.",
)
def get_procedure(request, code: str, agency: str | None = None):
    if agency:
        _agency_or_404(agency)
    version = public_version(code, agency)
    if version is None:
        raise HttpError(404, f"Không tìm thấy thủ tục đang có hiệu lực với mã «{code}».")
    return _detail(request, version)
