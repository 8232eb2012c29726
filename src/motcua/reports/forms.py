import calendar
from datetime import date, datetime

from django import forms

from .constants import Kind

DATE_INPUTS = ["%Y-%m-%d", "%d/%m/%Y"]
MONTHLY = (Kind.BRIEFING_XLSX, Kind.BRIEFING_DOCX)


class ReportRequestForm(forms.Form):
    """A monthly report takes a month; the register and the statistics any period."""

    kind = forms.ChoiceField(label="Loại báo cáo", choices=Kind.choices)
    month = forms.CharField(
        label="Tháng (báo cáo giao ban)",
        required=False,
        widget=forms.TextInput(attrs={"type": "month"}),
    )
    start = forms.DateField(
        label="Từ ngày (sổ theo dõi, thống kê)",
        required=False,
        input_formats=DATE_INPUTS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = forms.DateField(
        label="Đến ngày (sổ theo dõi, thống kê)",
        required=False,
        input_formats=DATE_INPUTS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, kinds=Kind.choices, **kwargs):
        """`kinds`: the choices the requester may order (reports.permissions)."""
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = kinds

    def clean(self):
        data = super().clean()
        if data.get("kind") in MONTHLY:
            try:
                first = datetime.strptime(data.get("month") or "", "%Y-%m").date()
            except ValueError:
                raise forms.ValidationError("Hãy chọn tháng báo cáo.") from None
            last = calendar.monthrange(first.year, first.month)[1]
            data["start"], data["end"] = first, date(first.year, first.month, last)
        elif not data.get("start") or not data.get("end"):
            raise forms.ValidationError("Hãy chọn từ ngày và đến ngày.")
        elif data["start"] > data["end"]:
            raise forms.ValidationError("Ngày bắt đầu phải không sau ngày kết thúc.")
        return data
