"""The wall clock of Vietnam: every calendar computation runs on Asia/Ho_Chi_Minh local time.

Vietnam has kept UTC+07:00 without daylight saving since 1975, so local wall-clock times can be
added and compared as plain (naive) datetimes inside the calendar and turned back into aware ones
at the edge without any ambiguity.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from .errors import NaiveDatetimeError, OutOfCalendarError

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

# The national holidays are known from 1995 (observed days off begin then) and the lunar calendar
# of the `holidays` package ends in 2100; inputs stop five years earlier so that even the longest
# time limit (1000 working days) ends inside it.
SUPPORTED_YEARS = range(1995, 2096)


def to_local(moment: datetime) -> datetime:
    """`moment` as a naive Vietnamese wall-clock time; refuses naive and out-of-range moments."""
    if not isinstance(moment, datetime):
        raise TypeError(f"expected a datetime, got {type(moment).__name__}")
    if moment.utcoffset() is None:
        raise NaiveDatetimeError(
            "Thời điểm phải có múi giờ (ví dụ 2023-10-27T09:32:00+07:00); "
            "không thể tính hạn với một thời điểm không rõ múi giờ."
        )
    local = moment.astimezone(VIETNAM).replace(tzinfo=None)
    if local.year not in SUPPORTED_YEARS:
        raise OutOfCalendarError(
            f"Lịch làm việc chỉ tính cho các thời điểm từ năm {SUPPORTED_YEARS.start} "
            f"đến năm {SUPPORTED_YEARS.stop - 1}."
        )
    return local


def to_aware(local: datetime) -> datetime:
    """A naive Vietnamese wall-clock time as an aware datetime (+07:00)."""
    return local.replace(tzinfo=VIETNAM)
