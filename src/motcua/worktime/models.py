from datetime import time

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from motcua.org.models import Agency

from .calendar import AFTERNOON, DEFAULT_WEEKEND, MORNING, validate_weekend
from .constants import DayKind, Weekday
from .errors import InvalidCalendarError


def default_weekend_days() -> list[int]:
    return sorted(DEFAULT_WEEKEND)


class WorkSchedule(models.Model):
    """An agency's working hours and weekly days off. An agency without one uses the defaults."""

    agency = models.OneToOneField(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="work_schedule"
    )
    morning_start = models.TimeField("bắt đầu buổi sáng", default=MORNING[0])
    morning_end = models.TimeField("kết thúc buổi sáng", default=MORNING[1])
    afternoon_start = models.TimeField("bắt đầu buổi chiều", default=AFTERNOON[0])
    afternoon_end = models.TimeField("kết thúc buổi chiều", default=AFTERNOON[1])
    weekend_days = models.JSONField(
        "ngày nghỉ hằng tuần",
        default=default_weekend_days,
        help_text="Các ngày trong tuần không làm việc (mặc định Thứ Bảy và Chủ nhật).",
    )
    national_holidays = models.BooleanField(
        "áp dụng ngày nghỉ lễ, Tết quốc gia",
        default=True,
        help_text="Các ngày nghỉ lễ, Tết theo Bộ luật Lao động, ngày nghỉ bù và các ngày hoán "
        "đổi đã công bố. Ngày nghỉ, ngày làm bù riêng của cơ quan luôn được áp dụng.",
    )

    # Who changed this, when, from what to what: it decides legal outcomes.
    history = HistoricalRecords()

    class Meta:
        verbose_name = "thời gian làm việc"
        verbose_name_plural = "thời gian làm việc"
        constraints = [
            models.CheckConstraint(
                condition=Q(morning_start__lt=F("morning_end"))
                & Q(morning_end__lte=F("afternoon_start"))
                & Q(afternoon_start__lt=F("afternoon_end")),
                name="worktime_schedule_periods_in_order",
                violation_error_message="Giờ làm việc phải theo thứ tự: bắt đầu buổi sáng, "
                "kết thúc buổi sáng, bắt đầu buổi chiều, kết thúc buổi chiều.",
            )
        ]

    def __str__(self) -> str:
        return f"Thời gian làm việc của {self.agency}"

    @property
    def periods(self) -> tuple[tuple[time, time], ...]:
        """The morning and afternoon as `WorkingCalendar.periods`."""
        return (
            (self.morning_start, self.morning_end),
            (self.afternoon_start, self.afternoon_end),
        )

    def clean(self):
        # The order of the hours is the check constraint's; the weekly days off are checked here.
        try:
            validate_weekend(frozenset(self.weekend_days))
        except InvalidCalendarError as error:
            raise ValidationError({"weekend_days": str(error)}) from error

    def weekend_labels(self) -> str:
        return ", ".join(Weekday(day).label for day in sorted(self.weekend_days))


class CalendarDay(models.Model):
    """One date of an agency's own calendar: a day off or a working day, with its legal source.

    For what the national calendar lacks or the Government announces later: a swapped day off,
    a make-up working Saturday, a provincial day off. It overrides the national calendar.
    """

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.CASCADE, related_name="calendar_days"
    )
    date = models.DateField("ngày")
    kind = models.CharField("loại ngày", max_length=16, choices=DayKind.choices)
    name = models.CharField(
        "tên", max_length=255, help_text="Ví dụ: Nghỉ Tết Dương lịch (hoán đổi ngày làm việc)."
    )
    source = models.CharField(
        "căn cứ",
        max_length=255,
        help_text="Văn bản công bố, ví dụ: Công văn 12729/VPCP-KGVX ngày 25/12/2025.",
    )

    # Who changed this, when, from what to what: it decides legal outcomes.
    history = HistoricalRecords()

    class Meta:
        verbose_name = "ngày nghỉ, ngày làm bù"
        verbose_name_plural = "ngày nghỉ, ngày làm bù"
        ordering = ["agency", "date"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "date"],
                name="worktime_calendar_day_once_per_agency",
                violation_error_message="Cơ quan đã có một dòng lịch cho ngày này.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y}: {self.get_kind_display()} ({self.name})"
