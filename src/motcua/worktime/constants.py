from django.db import models


class DayKind(models.TextChoices):
    """What an agency's calendar row makes of its date, whatever the national calendar says."""

    DAY_OFF = "day_off", "Ngày nghỉ"
    WORKING_DAY = "working_day", "Ngày làm việc"


class Weekday(models.IntegerChoices):
    """Days of the week numbered as Python's `date.weekday()` numbers them."""

    MONDAY = 0, "Thứ Hai"
    TUESDAY = 1, "Thứ Ba"
    WEDNESDAY = 2, "Thứ Tư"
    THURSDAY = 3, "Thứ Năm"
    FRIDAY = 4, "Thứ Sáu"
    SATURDAY = 5, "Thứ Bảy"
    SUNDAY = 6, "Chủ nhật"


class TimeUnit(models.TextChoices):
    """The unit of a legal time limit (thời hạn giải quyết)."""

    WORKING_DAYS = "working_days", "ngày làm việc"
    WORKING_HOURS = "working_hours", "giờ làm việc"
    CALENDAR_DAYS = "calendar_days", "ngày"
