"""The period picker of the Decision 766 and evaluation pages: a month, a quarter or a year."""

from datetime import date, timedelta

from django import forms

from ..scope import Period

MONTH, QUARTER, YEAR, DAYS = "thang", "quy", "nam", "tu"
KIND_LABELS = {MONTH: "Tháng", QUARTER: "Quý", YEAR: "Năm"}


def period_of(kind: str, year: int, number: int | None) -> Period:
    if kind == YEAR:
        return Period(date(year, 1, 1), date(year, 12, 31))
    first_month = number if kind == MONTH else 3 * (number - 1) + 1
    months = 1 if kind == MONTH else 3
    start = date(year, first_month, 1)
    after = date(year + (first_month + months - 1) // 12, (first_month + months - 1) % 12 + 1, 1)
    return Period(start, after - timedelta(days=1))


def label_of(kind: str, year: int, number: int | None) -> str:
    if kind == YEAR:
        return f"Năm {year}"
    return f"{KIND_LABELS[kind]} {number}/{year}"


class PeriodForm(forms.Form):
    ky = forms.ChoiceField(label="Kỳ", choices=[])
    nam = forms.IntegerField(label="Năm", min_value=2018, max_value=2100)
    so = forms.IntegerField(
        label="Tháng / quý",
        min_value=1,
        max_value=12,
        required=False,
        help_text="Tháng 1–12 hoặc quý 1–4; bỏ trống khi chọn cả năm.",
    )

    def __init__(self, *args, kinds=(MONTH, QUARTER, YEAR), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ky"].choices = [(k, KIND_LABELS[k]) for k in kinds]

    def clean(self):
        data = super().clean()
        kind, number = data.get("ky"), data.get("so")
        if kind in (MONTH, QUARTER) and number is None:
            self.add_error("so", "Cần chọn tháng hoặc quý.")
        elif kind == QUARTER and number is not None and number > 4:
            self.add_error("so", "Quý phải từ 1 đến 4.")
        return data


def _days(query) -> Period | None:
    """Any two days (`tu`, `den`, ISO dates), as the API's links give them."""
    try:
        return Period(
            date.fromisoformat(query.get("tu", "")), date.fromisoformat(query.get("den", ""))
        )
    except ValueError:
        return None


def picked_period(query, today: date, default_kind: str, kinds=(MONTH, QUARTER, YEAR)):
    """(form, period, label, query): the period asked in the query string (a month, quarter
    or year, or two days), else the current `default_kind`; an invalid query keeps the form's
    errors and shows the default."""
    days = _days(query) if query.get("ky") == DAYS else None
    if days is not None:
        form = PeriodForm(kinds=kinds, initial={"ky": default_kind, "nam": days.end.year})
        return (
            form,
            days,
            f"Từ {days.start:%d/%m/%Y} đến {days.end:%d/%m/%Y}",
            {"ky": DAYS, "tu": days.start.isoformat(), "den": days.end.isoformat()},
        )
    number = today.month if default_kind == MONTH else (today.month - 1) // 3 + 1
    default = {
        "ky": default_kind,
        "nam": today.year,
        "so": None if default_kind == YEAR else number,
    }
    form = PeriodForm(query if "ky" in query else default, kinds=kinds)
    if form.is_valid():
        kind, year, number = (
            form.cleaned_data["ky"],
            form.cleaned_data["nam"],
            form.cleaned_data["so"],
        )
    else:
        kind, year, number = default["ky"], default["nam"], default["so"]
    if kind == YEAR:
        number = None
    return (
        form,
        period_of(kind, year, number),
        label_of(kind, year, number),
        {"ky": kind, "nam": year, "so": number or ""},
    )
