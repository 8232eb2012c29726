"""The public deadline calculator: GET /api/v1/worktime/due.

Choices made for callers:
* `start` without a UTC offset is read as Vietnamese time (+07:00), the time every counter and
  every form uses; with an offset, any zone is accepted. A '+' left unencoded in the query string
  (read back as a space) is put back.
* Exactly one limit: `working_days` and `working_hours` take up to two decimals (0.5 day = 4
  working hours, 0.25 hour = 15 minutes), `calendar_days` a whole number.
* Every refusal is a 400 with a Vietnamese `detail`, an unknown agency included.
"""

from datetime import datetime
from decimal import Decimal
import re

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import ValidationError, field_validator
from pydantic_core import PydanticCustomError

from motcua.org.models import Agency

from .arithmetic import MAX_DAYS, due_at
from .clock import VIETNAM
from .constants import TimeUnit
from .errors import WorktimeError
from .selectors import calendar_for

router = Router()

# "2023-10-27T09:32:00 07:00": the '+' of the offset decoded as a space from a raw query string.
_OFFSET_WITHOUT_PLUS = re.compile(
    r"^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}(?::?\d{2})?)$"
)
_VALUE_ERRORS = {
    "working_days": "phải là một số, ví dụ 5 hoặc 0.5.",
    "working_hours": "phải là một số, ví dụ 4 hoặc 0.5.",
    "calendar_days": "phải là một số nguyên, ví dụ 15.",
    "after_15h_next_day": "phải là true hoặc false.",
}
# Far above any real limit: the calendar refuses beyond MAX_DAYS with its own message, but only
# numbers it can compute with may reach it.
_LARGEST = 1_000_000


class DueQuery(Schema):
    agency: str = Field(
        description="Mã định danh điện tử của cơ quan giải quyết, ví dụ 000.00.17.H34."
    )
    start: datetime = Field(
        description="Thời điểm tiếp nhận hồ sơ, theo ISO 8601, ví dụ 2023-10-27T09:32:00+07:00. "
        "Không ghi múi giờ thì hiểu là giờ Việt Nam (+07:00)."
    )
    working_days: Decimal | None = Field(
        None,
        description=f"Thời hạn tính bằng ngày làm việc, mỗi ngày là một ngày đủ giờ làm việc "
        f"của cơ quan (mặc định 8 giờ), từ 0 đến {MAX_DAYS}, tối đa 2 chữ số thập phân "
        "(0.5 ngày = 4 giờ làm việc).",
    )
    working_hours: Decimal | None = Field(
        None,
        description=f"Thời hạn tính bằng giờ làm việc, không quá {MAX_DAYS} ngày làm việc "
        f"({MAX_DAYS * 8} giờ với giờ làm việc mặc định), tối đa 2 chữ số thập phân "
        "(0.5 giờ = 30 phút).",
    )
    calendar_days: int | None = Field(
        None,
        description=f"Thời hạn tính bằng ngày theo lịch, từ 0 đến {MAX_DAYS}; nếu ngày cuối "
        "không phải ngày làm việc thì hẹn vào đầu giờ ngày làm việc tiếp theo.",
    )
    after_15h_next_day: bool = Field(
        False,
        description="Thủ tục quy định: hồ sơ tiếp nhận sau 15 giờ được tính từ đầu ngày làm việc "
        "tiếp theo.",
    )

    @field_validator("start", mode="before")
    @classmethod
    def _read_start(cls, value):
        if not isinstance(value, str):
            return value
        text = _OFFSET_WITHOUT_PLUS.sub(r"\1+\2", value.strip())
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise PydanticCustomError(
                "datetime_iso8601",
                "không đúng định dạng ngày giờ ISO 8601 (ví dụ 2023-10-27T09:32:00+07:00).",
            ) from None
        return moment if moment.utcoffset() is not None else moment.replace(tzinfo=VIETNAM)

    @field_validator(*_VALUE_ERRORS, mode="wrap")
    @classmethod
    def _explain_in_vietnamese(cls, value, handler, info):
        try:
            return handler(value)
        except ValidationError:
            raise PydanticCustomError("invalid_value", _VALUE_ERRORS[info.field_name]) from None

    @field_validator("working_days", "working_hours", "calendar_days")
    @classmethod
    def _bounded(cls, value):
        # Refused here, before any arithmetic: 1e999999999 hours overflowed Decimal (a 500).
        # Compared, not abs()'d or normalised: those round in the Decimal context and overflow.
        if value is not None and not -_LARGEST <= value <= _LARGEST:
            raise PydanticCustomError("less_than_equal", "quá lớn: tối đa 1.000.000.")
        return value

    @field_validator("working_days", "working_hours")
    @classmethod
    def _at_most_two_decimals(cls, value: Decimal | None):
        # More would give due moments with fractions of a second.
        if value is not None and value.normalize().as_tuple().exponent < -2:
            raise PydanticCustomError("decimal_places", "chỉ được có tối đa 2 chữ số thập phân.")
        return value


class DueOut(Schema):
    due: datetime = Field(
        description="Hạn trả kết quả, theo ISO 8601 với giờ Việt Nam, "
        "ví dụ 2023-11-03T09:32:00+07:00."
    )


class ErrorOut(Schema):
    detail: str = Field(description="Lý do, bằng tiếng Việt.")


@router.get(
    "/due",
    response={200: DueOut, 400: ErrorOut},
    summary="Tính hạn trả kết quả theo lịch làm việc của cơ quan",
    description="Tính hạn từ thời điểm tiếp nhận: thời điểm ngoài giờ làm việc được chuyển tới "
    "thời điểm làm việc kế tiếp (trước giờ làm → đầu giờ; nghỉ trưa → 13:30; sau giờ làm → sáng "
    "ngày làm việc tiếp theo); mỗi ngày làm việc là một ngày đủ giờ làm việc (mặc định 8 giờ), "
    "nên hạn giữ nguyên giờ tiếp nhận. Tính theo giờ làm việc, ngày nghỉ hằng tuần, ngày nghỉ "
    "lễ, Tết, ngày hoán đổi và ngày làm bù của cơ quan. Thời hạn kết thúc đúng lúc hết giờ làm "
    "việc thì hạn là lúc hết giờ (17:00 hoặc 11:30), không chuyển sang buổi làm việc sau.",
)
def due(request, query: Query[DueQuery]):
    limits = {
        unit: amount
        for unit, amount in (
            (TimeUnit.WORKING_DAYS, query.working_days),
            (TimeUnit.WORKING_HOURS, query.working_hours),
            (TimeUnit.CALENDAR_DAYS, query.calendar_days),
        )
        if amount is not None
    }
    if len(limits) != 1:
        raise HttpError(
            400, "Cần đúng một thời hạn: working_days, working_hours hoặc calendar_days."
        )
    agency = Agency.objects.filter(code=query.agency.strip()).first()
    if agency is None:
        raise HttpError(400, f"Không có cơ quan nào mang mã định danh «{query.agency}».")
    [(unit, amount)] = limits.items()
    try:
        moment = due_at(
            calendar_for(agency),
            query.start,
            amount,
            unit,
            after_15h_next_day=query.after_15h_next_day,
        )
    except WorktimeError as error:
        raise HttpError(400, str(error)) from error
    return {"due": moment}
