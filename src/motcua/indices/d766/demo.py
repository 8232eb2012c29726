"""Illustrative manual figures for the demo Department: the Decision 766 criteria Motcua does
not hold (national-database dates, portal sync), for each month of the current year so far.
Every row says it is made up ("dữ liệu minh họa"); rows already there are kept as edited."""

from datetime import date, timedelta

from django.utils import timezone

from motcua.org.models import Agency

from ..models import D766ManualValue

NOTE = "DỮ LIỆU MINH HỌA do Motcua tự đặt để trình diễn, không phải số liệu của Cổng DVCQG."
# code: (numerator, denominator) each month
MONTHLY = {"1.1": (4, 4), "1.2": (3, 4), "1.4": (95, 100)}


def load_demo_d766(agency: Agency, today: date | None = None) -> list[D766ManualValue]:
    today = today or timezone.localdate()
    values = []
    for month in range(1, today.month + 1):
        start = date(today.year, month, 1)
        end = date(today.year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        for code, (numerator, denominator) in MONTHLY.items():
            value, _ = D766ManualValue.objects.get_or_create(
                agency=agency,
                code=code,
                start=start,
                end=end,
                defaults={"numerator": numerator, "denominator": denominator, "note": NOTE},
            )
            values.append(value)
    return values
