"""Time limits and step durations: conversion to working hours and Vietnamese display."""

from decimal import Decimal

from .constants import HOURS_PER_WORKING_DAY, TimeUnit


def format_number(value: Decimal | int) -> str:
    """A number the Vietnamese way: no useless decimals, a decimal comma (10,5)."""
    text = f"{Decimal(value).normalize():f}"
    return text.replace(".", ",")


def format_hours(hours: Decimal) -> str:
    """A duration in working hours, shown in working days when it is a whole number of days."""
    hours = Decimal(hours)
    if hours and hours % HOURS_PER_WORKING_DAY == 0:
        return f"{format_number(hours / HOURS_PER_WORKING_DAY)} ngày làm việc"
    return f"{format_number(hours)} giờ làm việc"


def working_days_within(calendar_days: int) -> int:
    """The working days that any run of `calendar_days` consecutive days is sure to hold.

    The worst case puts a whole weekend in the partial week; public holidays are not counted
    because they differ each year (worktime applies them to each dossier's real dates).
    """
    weeks, rest = divmod(calendar_days, 7)
    return 5 * weeks + max(0, rest - 2)


def limit_in_working_hours(value: Decimal, unit: str) -> Decimal:
    """A legal time limit as working hours, the measure of the internal process steps.

    A calendar-day limit becomes the working time it is sure to contain, so a process that
    fits it never overruns the limit because of a weekend.
    """
    value = Decimal(value)
    if unit == TimeUnit.WORKING_HOURS:
        return value
    if unit == TimeUnit.WORKING_DAYS:
        return value * HOURS_PER_WORKING_DAY
    if unit == TimeUnit.CALENDAR_DAYS:
        return working_days_within(int(value)) * HOURS_PER_WORKING_DAY
    raise ValueError(f"unknown time unit: {unit!r}")
