"""GET /api/v1/indices: the indices of the caller's agency over a period, optionally narrowed to a
unit, field, procedure, officer or channel, with the agency's Decision 766 score and Circular 01
evaluation over the same period. Another agency is "not found"; what the caller may see is asked
of indices.permissions, as the pages ask it: the leaders the agency, a unit head their unit and
its officers, anyone their own figures (`officer=<self>`), else 403 with the page's message; the
766 and evaluation parts are null for whoever may not open their pages."""

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from django.urls import reverse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from motcua.catalog.models import Field as ProcedureField, Procedure
from motcua.dossiers.api import error_responses
from motcua.org.models import Staff, Unit
from motcua.org.permissions import require

from .d766.compute import D766Score, d766_for
from .evaluation.compute import Evaluation, IndexScore, evaluation_for
from .permissions import (
    graded_officers,
    may_view_d766,
    may_view_evaluation,
    may_view_scope,
    scope_refusal,
)
from .rates import Indices, Rate, indices_for
from .scope import Period, Scope

router = Router()  # staff only: the API app mounts it behind staff_auth


class IndicesQuery(Schema):
    agency: str = Field(description="Mã cơ quan (phải là cơ quan của người gọi).")
    date_from: str = Field(alias="from", description="Từ ngày, dạng YYYY-MM-DD (giờ Việt Nam).")
    date_to: str = Field(alias="to", description="Đến ngày (tính cả ngày này), dạng YYYY-MM-DD.")
    unit: str | None = Field(None, description="Mã đơn vị: hồ sơ có bước do đơn vị này xử lý.")
    field: str | None = Field(None, description="Mã lĩnh vực của phiên bản thủ tục.")
    procedure: str | None = Field(None, description="Mã thủ tục (mã quốc gia hoặc mã nội bộ).")
    officer: str | None = Field(None, description="Tên đăng nhập của cán bộ đã xử lý một bước.")
    channel: Literal["1", "2", "3"] | None = Field(
        None, description="Kênh tiếp nhận: 1 trực tiếp, 2 trực tuyến, 3 bưu chính công ích."
    )


class PeriodOut(Schema):
    date_from: date = Field(serialization_alias="from", description="Từ ngày.")
    date_to: date = Field(serialization_alias="to", description="Đến ngày (tính cả ngày này).")
    open_at: datetime = Field(
        description="Thời điểm xét hồ sơ đang giải quyết: cuối kỳ, hoặc "
        "hiện tại nếu kỳ chưa kết thúc."
    )


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
    withdrawn: int = Field(
        description="Hồ sơ rút / dừng theo yêu cầu trong kỳ (không tính vào hồ sơ đã giải quyết)."
    )


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
    tthc_satisfaction: RateOut = Field(
        description="Tỷ lệ hài lòng: (rất hài lòng + hài lòng) ÷ số lượt đánh giá trong kỳ."
    )
    satisfaction_index1: RateOut = Field(
        description="Chỉ số 1 (thời gian giải quyết so với quy định): điểm ÷ (2 × lượt đánh giá)."
    )
    satisfaction_index3: RateOut = Field(
        description="Chỉ số 3 (số lần liên hệ để hoàn thiện hồ sơ): điểm ÷ (2 × lượt đánh giá)."
    )
    satisfaction_index4: RateOut = Field(
        description="Chỉ số 4 (số cơ quan phải liên hệ): điểm ÷ (2 × lượt đánh giá)."
    )
    satisfaction_index7: RateOut = Field(
        description="Chỉ số 7 (thái độ của cán bộ): điểm ÷ (2 × lượt đánh giá)."
    )
    investment_satisfaction: RateOut = Field(
        description="Tỷ lệ hài lòng với thủ tục lĩnh vực đầu tư (cài đặt INVESTMENT_FIELDS)."
    )


class OtherTargetOut(Schema):
    key: str = Field(description="Mã chỉ tiêu, ví dụ satisfaction, par_index.")
    label: str = Field(description="Tên chỉ tiêu.")
    target: float = Field(description="Chỉ tiêu % (tối thiểu).")
    actual: float | None = Field(
        description="Thực tế %: với satisfaction, chỉ số hài lòng chung (SIPAS) của các đợt khảo "
        "sát kết thúc trong kỳ (bình quân chỉ số năm yếu tố); null nếu chưa có dữ liệu."
    )
    source: str = Field(description="Căn cứ giao chỉ tiêu.")


class D766CriterionOut(Schema):
    code: str = Field(description="Mã tiêu chí, ví dụ 2.1.")
    name: str = Field(description="Tên tiêu chí.")
    source: Literal["system", "manual"] = Field(
        description="system: tính từ dữ liệu Motcua; manual: số liệu Văn phòng nhập tay."
    )
    formula: str = Field(description="Công thức: tử số ÷ mẫu số.")
    numerator: int | None = Field(description="Tử số; null khi không có dữ liệu.")
    denominator: int | None = Field(description="Mẫu số; null khi không có dữ liệu.")
    rate: float | None = Field(
        description="Tỷ lệ %, 2 chữ số thập phân; null khi không có dữ "
        "liệu, mẫu số 0 hoặc tiêu chí chỉ hiển thị."
    )
    points: float = Field(
        description="Điểm đạt: tối đa khi tỷ lệ ≥ ngưỡng, nếu không thì "
        "tỷ lệ × điểm tối đa ÷ ngưỡng; 0 khi không có dữ liệu."
    )
    max: float = Field(description="Điểm tối đa theo bảng điểm của năm (0: chỉ theo dõi).")
    threshold: float = Field(description="Ngưỡng đủ điểm, %.")
    no_data: bool = Field(description="Không có dữ liệu: không tính điểm, không ước lượng.")
    display: str | None = Field(
        description="Giá trị hiển thị của tiêu chí chỉ theo dõi "
        "(2.2 thời gian trung bình, 5.1 số PAKN)."
    )
    note: str = Field(description="Ghi chú: nguồn số liệu nhập tay, tỷ lệ đồng bộ, N/A.")
    numerator_url: str | None = Field(
        description="Trang danh sách hồ sơ (thủ tục, PAKN) của tử số; null với tiêu chí nhập tay."
    )
    denominator_url: str | None = Field(description="Trang danh sách của mẫu số.")


class D766GroupOut(Schema):
    number: int = Field(description="Số nhóm (1–5), như mã tiêu chí.")
    name: str = Field(description="Tên nhóm chỉ số.")
    points: float = Field(description="Điểm của nhóm: tổng điểm các tiêu chí.")
    max: float = Field(description="Điểm tối đa của nhóm.")
    max_with_data: float = Field(description="Điểm tối đa của các tiêu chí có dữ liệu.")
    criteria: list[D766CriterionOut] = Field(description="Các tiêu chí của nhóm.")


class D766Out(Schema):
    year: int = Field(description="Năm của bảng điểm được dùng.")
    total: float = Field(description="Tổng điểm (trên 100); tiêu chí không có dữ liệu được 0.")
    max: float = Field(description="Điểm tối đa (100).")
    max_with_data: float = Field(description="Điểm tối đa của các tiêu chí có dữ liệu.")
    groups: list[D766GroupOut] = Field(description="Năm nhóm chỉ số.")


class EvaluationIndexOut(Schema):
    number: int = Field(description="Số chỉ số theo Điều 13 Thông tư 01/2018 (1–9).")
    name: str = Field(description="Tên chỉ số.")
    source: Literal["citizen", "system"] = Field(
        description="citizen: từ đánh giá của người dân; system: từ hệ thống."
    )
    points: int | None = Field(
        description="Chỉ số theo hồ sơ: tổng điểm các hồ sơ; chỉ số cơ quan: điểm 0/1/2."
    )
    dossiers: int | None = Field(description="Số hồ sơ được chấm (chỉ số theo hồ sơ).")
    score: float | None = Field(
        description="Điểm chỉ số (tổng ÷ số hồ sơ, 1 chữ số thập "
        "phân); null: không có dữ liệu, không tính vào tổng."
    )
    basis: str = Field(description="Số liệu làm căn cứ chấm chỉ số cơ quan.")


class OfficerOut(Schema):
    username: str = Field(description="Tên đăng nhập của cán bộ.")
    full_name: str = Field(description="Họ và tên.")
    unit: str = Field(description="Mã đơn vị.")
    indices: list[EvaluationIndexOut] = Field(
        description="Chỉ số 1, 2, 3, 4, 7 trên các hồ sơ cán bộ đã tiếp nhận hoặc xử lý."
    )
    total: float | None = Field(description="Tổng điểm (tối đa 10).")
    grade: str | None = Field(
        description="Xếp loại: ≥ 5 hoàn thành 100 %; 3,5 đến dưới 5: "
        "70 % đến dưới 100 %; dưới 3,5: dưới 70 % nhiệm vụ."
    )


class EvaluationOut(Schema):
    indices: list[EvaluationIndexOut] = Field(description="Chín chỉ số của cơ quan.")
    total: float | None = Field(
        description="Tổng điểm cơ quan (tối đa 18), chỉ số không có dữ liệu được bỏ qua."
    )
    grade: str | None = Field(
        description="Xếp loại: Xuất sắc ≥ 15, Tốt 12–15, Khá 9–12, Trung bình 6–9, Yếu < 6."
    )
    officers: list[OfficerOut] = Field(
        description="Cán bộ xếp theo tổng điểm giảm dần (Văn "
        "phòng, lãnh đạo Sở, quản trị: mọi cán bộ; lãnh đạo "
        "phòng: cán bộ của phòng)."
    )


class IndicesOut(Schema):
    agency: str = Field(description="Mã cơ quan.")
    period: PeriodOut = Field(description="Kỳ báo cáo.")
    received: ReceivedOut = Field(description="Hồ sơ tiếp nhận trong kỳ.")
    finished: FinishedOut = Field(description="Hồ sơ kết thúc xử lý trong kỳ.")
    open: OpenOut = Field(description="Hồ sơ đang giải quyết tại thời điểm xét.")
    rates: RatesOut = Field(description="Các tỷ lệ, với chỉ tiêu và chênh lệch.")
    other_targets: list[OtherTargetOut] = Field(
        description="Chỉ tiêu của năm chưa tính được từ hồ sơ (hài lòng, PAR INDEX)."
    )
    d766: D766Out | None = Field(
        description="Bộ chỉ số Quyết định 766/QĐ-TTg của cả cơ quan trong kỳ (không thu hẹp theo "
        "đơn vị, lĩnh vực, thủ tục, cán bộ, kênh); null với người không được xem trang 766 "
        "(chỉ Văn phòng, lãnh đạo, trưởng đơn vị, quản trị)."
    )
    evaluation: EvaluationOut | None = Field(
        description="Đánh giá giải quyết TTHC theo Thông tư 01/2018 (Điều 13–15) của cả cơ quan "
        "trong kỳ; null với người không được xem trang đánh giá (như d766)."
    )


def _day(text: str, name: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise HttpError(
            400, f"Ngày «{text}» ({name}) không hợp lệ; dùng dạng YYYY-MM-DD."
        ) from None


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
        unit = _one(
            Unit.objects.filter(agency=agency, code=q.unit), f"Cơ quan không có đơn vị mã {q.unit}."
        )
    if q.field:
        field = _one(
            ProcedureField.objects.filter(agency=agency, code=q.field),
            f"Cơ quan không có lĩnh vực mã {q.field}.",
        )
    if q.procedure:
        procedure = _one(
            Procedure.objects.filter(agency=agency, national_code=q.procedure)
            | Procedure.objects.filter(agency=agency, local_code=q.procedure),
            f"Cơ quan không có thủ tục mã {q.procedure}.",
        )
    if q.officer:
        officer = _one(
            Staff.objects.filter(agency=agency, user__username=q.officer),
            f"Cơ quan không có cán bộ {q.officer}.",
        )
    return Scope(
        agency, unit=unit, field=field, procedure=procedure, officer=officer, channel=q.channel
    )


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _rate(rate: Rate) -> dict:
    return {
        "label": rate.label,
        "definition": rate.definition,
        "numerator": rate.numerator,
        "denominator": rate.denominator,
        "value": _number(rate.value),
        "target": _number(rate.target),
        "gap": _number(rate.gap),
    }


def _drill(code: str, part: str, period: Period) -> str:
    query = f"ky=tu&tu={period.start.isoformat()}&den={period.end.isoformat()}"
    return f"{reverse('indices:d766_drill', args=[code])}?{query}&phan={part}"


def d766_json(score: D766Score) -> dict:
    def criterion(c) -> dict:
        drill = c.drillable
        return {
            "code": c.code,
            "name": c.criterion.name,
            "source": c.criterion.source,
            "formula": c.criterion.formula,
            "numerator": c.numerator,
            "denominator": c.denominator,
            "rate": _number(c.rate),
            "points": float(c.points),
            "max": float(c.criterion.max_points),
            "threshold": float(c.criterion.threshold),
            "no_data": c.no_data,
            "display": c.display or None,
            "note": c.note,
            "numerator_url": _drill(c.code, "tu-so", score.period) if drill else None,
            "denominator_url": _drill(c.code, "mau-so", score.period) if drill else None,
        }

    return {
        "year": score.year,
        "total": float(score.total),
        "max": float(score.max_points),
        "max_with_data": float(score.max_with_data),
        "groups": [
            {
                "number": g.group.value,
                "name": g.group.label,
                "points": float(g.points),
                "max": float(g.max_points),
                "max_with_data": float(g.max_with_data),
                "criteria": [criterion(c) for c in g.criteria],
            }
            for g in score.groups
        ],
    }


def _index(i: IndexScore) -> dict:
    return {
        "number": i.number,
        "name": i.name,
        "source": i.source,
        "points": i.points,
        "dossiers": i.dossiers,
        "score": _number(i.score),
        "basis": i.basis,
    }


def evaluation_json(evaluation: Evaluation) -> dict:
    return {
        "indices": [_index(i) for i in evaluation.indices.values()],
        "total": _number(evaluation.total),
        "grade": evaluation.grade,
        "officers": [
            {
                "username": o.staff.user.username,
                "full_name": o.staff.full_name,
                "unit": o.staff.unit.code if o.staff.unit else "",
                "indices": [_index(i) for i in o.indices.values()],
                "total": _number(o.total),
                "grade": o.grade,
            }
            for o in evaluation.officers
        ],
    }


def as_json(indices: Indices) -> dict:
    finished = indices.finished
    return {
        "agency": indices.scope.agency.code,
        "period": {
            "date_from": indices.period.start,
            "date_to": indices.period.end,
            "open_at": indices.open_at,
        },
        "received": vars(indices.received),
        "finished": {**vars(finished), "refused": indices.refused, "withdrawn": indices.withdrawn},
        "open": vars(indices.open),
        "rates": {key: _rate(rate) for key, rate in indices.rates.items()},
        "other_targets": [
            {
                "key": t.key,
                "label": t.label,
                "target": float(t.target),
                "actual": None if t.actual is None else float(t.actual),
                "source": t.source,
            }
            for t in indices.other_targets
        ],
    }


def _evaluation(staff: Staff, period: Period) -> dict:
    return evaluation_json(evaluation_for(staff.agency, period, officers=graded_officers(staff)))


@router.get(
    "",
    response={200: IndicesOut, **error_responses(400, 401, 403, 404)},
    summary="Chỉ số giải quyết hồ sơ của cơ quan trong một kỳ",
    by_alias=True,
)
def indices(request, q: Query[IndicesQuery]):
    """Tiếp nhận, giải quyết trước hạn / đúng hạn / trễ hạn, hồ sơ đang giải quyết (trong hạn,
    sắp đến hạn, quá hạn) và các tỷ lệ, tính trực tiếp từ dữ liệu hồ sơ, kèm chỉ tiêu năm và
    chênh lệch; Bộ chỉ số Quyết định 766 (nhóm, tiêu chí, tử số, mẫu số, điểm, tổng điểm) và
    kết quả đánh giá theo Thông tư 01/2018 (chín chỉ số, xếp loại cơ quan và cán bộ).

    Văn phòng, lãnh đạo Sở và quản trị xem cả cơ quan; lãnh đạo phòng xem đơn vị mình và cán bộ
    của đơn vị; mọi cán bộ xem số liệu của chính mình (`officer=<tên đăng nhập của mình>`);
    ngoài ra trả 403 với lý do như trang chỉ số."""
    start, end = _day(q.date_from, "from"), _day(q.date_to, "to")
    if end < start:
        raise HttpError(400, "Ngày kết thúc (to) phải không trước ngày bắt đầu (from).")
    staff, period = request.auth, Period(start, end)
    scope = _scope(staff, q)
    require(may_view_scope(staff, scope), scope_refusal(scope))
    body = as_json(indices_for(scope, period))
    body["d766"] = d766_json(d766_for(staff.agency, period)) if may_view_d766(staff) else None
    body["evaluation"] = _evaluation(staff, period) if may_view_evaluation(staff) else None
    return body
