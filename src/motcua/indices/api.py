"""GET /api/v1/indices: the indices of the caller's agency over a period, optionally narrowed to a
unit, field, procedure, officer or channel. Another agency is "not found"."""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from motcua.api.auth import staff_auth
from motcua.catalog.models import Field as ProcedureField
from motcua.catalog.models import Procedure
from motcua.dossiers.api import error_responses
from motcua.org.models import Staff, Unit

from .rates import Indices, Rate, indices_for
from .scope import Period, Scope

router = Router(auth=staff_auth)


class IndicesQuery(Schema):
    agency: str = Field(description="Mã cơ quan (phải là cơ quan của người gọi).")
    date_from: str = Field(alias="from", description="Từ ngày, dạng YYYY-MM-DD (giờ Việt Nam).")
    date_to: str = Field(alias="to", description="Đến ngày (tính cả ngày này), dạng YYYY-MM-DD.")
    unit: str | None = Field(None, description="Mã đơn vị: hồ sơ có bước do đơn vị này xử lý.")
    field: str | None = Field(None, description="Mã lĩnh vực của phiên bản thủ tục.")
    procedure: str | None = Field(None, description="Mã thủ tục (mã quốc gia hoặc mã nội bộ).")
    officer: str | None = Field(None, description="Tên đăng nhập của cán bộ đã xử lý một bước.")
    channel: Literal["1", "2", "3"] | None = Field(
        None, description="Kênh tiếp nhận: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích.")


class PeriodOut(Schema):
    date_from: date = Field(serialization_alias="from", description="Từ ngày.")
    date_to: date = Field(serialization_alias="to", description="Đến ngày (tính cả ngày này).")
    open_at: datetime = Field(description="Thời điểm xét hồ sơ đang giải quyết: cuối kỳ, hoặc "
                              "hiện tại nếu kỳ chưa kết thúc.")


class ReceivedOut(Schema):
    received: int = Field(description="Hồ sơ tiếp nhận trong kỳ.")
    online: int = Field(description="Trong đó nộp trực tuyến.")
    online_full: int = Field(description="Trong đó trực tuyến, thủ tục toàn trình.")
    online_partial: int = Field(description="Trong đó trực tuyến, thủ tục một phần.")
    with_supplement: int = Field(description="Trong đó có ít nhất một yêu cầu bổ sung.")
    digitized: int = Field(description="Trong đó có ít nhất một thành phần hồ sơ đã số hóa.")


class FinishedOut(Schema):
    finished: int = Field(description="Hồ sơ có kết quả hoặc từ chối giải quyết trong kỳ.")
    early: int = Field(description="Trước hạn: kết thúc trước ngày hẹn trả.")
    on_time: int = Field(description="Đúng hạn: trong ngày hẹn trả, không sau giờ hẹn.")
    late: int = Field(description="Trễ hạn: sau thời điểm hẹn trả (kể cả đã xin lỗi).")
    refused: int = Field(description="Trong đó từ chối giải quyết.")
    withdrawn: int = Field(description="Hồ sơ rút / dừng theo yêu cầu trong kỳ (không tính "
                           "vào hồ sơ đã giải quyết).")


class OpenOut(Schema):
    open: int = Field(description="Hồ sơ đang giải quyết tại thời điểm xét.")
    within: int = Field(description="Trong hạn.")
    due_soon: int = Field(description="Sắp đến hạn: đã dùng quá 80 % thời hạn.")
    overdue: int = Field(description="Quá hạn.")
    paused: int = Field(description="Đang dừng tính thời gian (chờ bổ sung, tạm dừng).")


class RateOut(Schema):
    label: str = Field(description="Tên chỉ số.")
    definition: str = Field(description="Cách tính: tử số ÷ mẫu số.")
    numerator: int = Field(description="Tử số.")
    denominator: int = Field(description="Mẫu số.")
    value: float | None = Field(description="Tỷ lệ %, làm tròn 2 chữ số; null nếu mẫu số 0.")
    target: float | None = Field(description="Chỉ tiêu % của năm (tối thiểu); null nếu không có.")
    gap: float | None = Field(description="Thực tế trừ chỉ tiêu, điểm %; âm là chưa đạt.")


class RatesOut(Schema):
    on_time: RateOut = Field(description="Tỷ lệ giải quyết trước hạn, đúng hạn.")
    online: RateOut = Field(description="Tỷ lệ hồ sơ trực tuyến.")
    online_full: RateOut = Field(description="Tỷ lệ hồ sơ trực tuyến toàn trình.")
    online_partial: RateOut = Field(description="Tỷ lệ hồ sơ trực tuyến một phần.")
    supplement: RateOut = Field(description="Tỷ lệ hồ sơ phải bổ sung.")
    refusal: RateOut = Field(description="Tỷ lệ hồ sơ từ chối giải quyết.")
    digitization: RateOut = Field(description="Tỷ lệ hồ sơ số hóa.")


class OtherTargetOut(Schema):
    key: str = Field(description="Mã chỉ tiêu, ví dụ satisfaction, par_index.")
    label: str = Field(description="Tên chỉ tiêu.")
    target: float = Field(description="Chỉ tiêu % (tối thiểu).")
    actual: float | None = Field(description="Thực tế: chưa tính từ hồ sơ (khảo sát, đánh giá).")
    source: str = Field(description="Căn cứ giao chỉ tiêu.")


class IndicesOut(Schema):
    agency: str = Field(description="Mã cơ quan.")
    period: PeriodOut = Field(description="Kỳ báo cáo.")
    received: ReceivedOut = Field(description="Hồ sơ tiếp nhận trong kỳ.")
    finished: FinishedOut = Field(description="Hồ sơ kết thúc xử lý trong kỳ.")
    open: OpenOut = Field(description="Hồ sơ đang giải quyết tại thời điểm xét.")
    rates: RatesOut = Field(description="Các tỷ lệ, với chỉ tiêu và chênh lệch.")
    other_targets: list[OtherTargetOut] = Field(
        description="Chỉ tiêu của năm chưa tính được từ hồ sơ (hài lòng, PAR INDEX).")


def _day(text: str, name: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise HttpError(400, f"Ngày «{text}» ({name}) không hợp lệ; dùng dạng YYYY-MM-DD.")


def _one(queryset, message: str):
    found = queryset.first()
    if found is None:
        raise HttpError(404, message)
    return found


def _scope(staff: Staff, q: IndicesQuery) -> Scope:
    agency = staff.agency
    if q.agency != agency.code:
        raise HttpError(404, f"Không tìm thấy cơ quan mã {q.agency}.")
    unit = field = procedure = officer = None
    if q.unit:
        unit = _one(Unit.objects.filter(agency=agency, code=q.unit),
                    f"Cơ quan không có đơn vị mã {q.unit}.")
    if q.field:
        field = _one(ProcedureField.objects.filter(agency=agency, code=q.field),
                     f"Cơ quan không có lĩnh vực mã {q.field}.")
    if q.procedure:
        procedure = _one(
            Procedure.objects.filter(agency=agency, national_code=q.procedure)
            | Procedure.objects.filter(agency=agency, local_code=q.procedure),
            f"Cơ quan không có thủ tục mã {q.procedure}.")
    if q.officer:
        officer = _one(Staff.objects.filter(agency=agency, user__username=q.officer),
                       f"Cơ quan không có cán bộ {q.officer}.")
    return Scope(agency, unit=unit, field=field, procedure=procedure, officer=officer,
                 channel=q.channel)


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _rate(rate: Rate) -> dict:
    return {"label": rate.label, "definition": rate.definition, "numerator": rate.numerator,
            "denominator": rate.denominator, "value": _number(rate.value),
            "target": _number(rate.target), "gap": _number(rate.gap)}


def as_json(indices: Indices) -> dict:
    finished = indices.finished
    return {
        "agency": indices.scope.agency.code,
        "period": {"date_from": indices.period.start, "date_to": indices.period.end,
                   "open_at": indices.open_at},
        "received": vars(indices.received),
        "finished": {**vars(finished), "refused": indices.refused,
                     "withdrawn": indices.withdrawn},
        "open": vars(indices.open),
        "rates": {key: _rate(rate) for key, rate in indices.rates.items()},
        "other_targets": [{"key": t.key, "label": t.label, "target": float(t.target),
                           "actual": None, "source": t.source} for t in indices.other_targets],
    }


@router.get("", response={200: IndicesOut, **error_responses(400, 401, 403, 404)},
            summary="Chỉ số giải quyết hồ sơ của cơ quan trong một kỳ", by_alias=True)
def indices(request, q: Query[IndicesQuery]):
    """Tiếp nhận, giải quyết trước hạn / đúng hạn / trễ hạn, hồ sơ đang giải quyết (trong hạn,
    sắp đến hạn, quá hạn) và các tỷ lệ, tính trực tiếp từ dữ liệu hồ sơ, kèm chỉ tiêu năm và
    chênh lệch."""
    start, end = _day(q.date_from, "from"), _day(q.date_to, "to")
    if end < start:
        raise HttpError(400, "Ngày kết thúc (to) phải không trước ngày bắt đầu (from).")
    return as_json(indices_for(_scope(request.auth, q), Period(start, end)))
