"""Dates as people in Vietnam read them: "Thứ Sáu, 04/12/2026" and "08:00, Thứ Sáu, 04/12/2026"."""

from datetime import date, datetime

from django import template
from django.utils import timezone

from motcua.worktime.constants import Weekday

register = template.Library()


@register.filter
def day_vi(value: date | datetime) -> str:
    if isinstance(value, datetime):
        value = timezone.localtime(value)
    return f"{Weekday(value.weekday()).label}, {value:%d/%m/%Y}"


@register.filter
def moment_vi(value: datetime) -> str:
    local = timezone.localtime(value)
    return f"{local:%H:%M}, {day_vi(local)}"
