from django import forms

from .constants import AssignmentState


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


def date_input() -> forms.DateInput:
    """A browser date picker reads only ISO dates: the localised d/m/Y initial would be dropped."""
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class StyledMixin:
    """Bootstrap classes on every widget, so templates render fields in one loop."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = (
                "form-check-input"
                if isinstance(field.widget, forms.CheckboxInput)
                else ("form-select" if isinstance(field.widget, forms.Select) else "form-control")
            )
            field.widget.attrs["class"] = css


class _Styled(StyledMixin, forms.Form):
    pass


class ProgressForm(_Styled):
    report = forms.CharField(label="Kết quả thực hiện", widget=forms.Textarea(attrs={"rows": 4}))
    reported_on = forms.DateField(label="Ngày báo cáo", widget=date_input())
    completes = forms.BooleanField(label="Nhiệm vụ đã hoàn thành", required=False)
    files = MultipleFileField(
        label="Tệp minh chứng",
        required=False,
        help_text="PDF, JPG, PNG, DOCX hoặc XLSX; có thể chọn nhiều tệp.",
    )


class ExtendForm(_Styled):
    new_deadline = forms.DateField(label="Hạn mới", widget=date_input())
    reason = forms.CharField(label="Lý do gia hạn", widget=forms.Textarea(attrs={"rows": 2}))


class DoneForm(_Styled):
    result_document = forms.CharField(label="Văn bản kết quả (số, ngày)", max_length=255)
    done_on = forms.DateField(label="Ngày hoàn thành", widget=date_input())
    result_file = forms.FileField(label="Tệp văn bản kết quả", required=False)


class AssignmentFilterForm(_Styled):
    state = forms.ChoiceField(
        label="Trạng thái", required=False, choices=[("", "Tất cả"), *AssignmentState.choices]
    )


class ImportForm(_Styled):
    """Into an existing plan of the agency, or a new one described by the other fields."""

    plan = forms.ModelChoiceField(
        label="Nhập vào kế hoạch", queryset=None, required=False, empty_label="— Kế hoạch mới —"
    )
    number = forms.CharField(label="Số kế hoạch mới", max_length=60, required=False)
    issued_on = forms.DateField(label="Ngày ban hành", required=False, widget=date_input())
    title = forms.CharField(label="Trích yếu", max_length=500, required=False)
    year = forms.IntegerField(label="Năm thực hiện", min_value=2000, max_value=2100, required=False)
    file = forms.FileField(
        label="Bảng nhiệm vụ (XLSX hoặc DOCX)",
        help_text="Các cột: Stt, Nội dung/Nhiệm vụ, Kết quả/Sản phẩm, Tiến độ "
        "thực hiện, Cách thức thực hiện; có thể thêm Đơn vị chủ trì, "
        "Đơn vị phối hợp.",
    )

    def __init__(self, plans, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans

    def clean(self):
        data = super().clean()
        if not data.get("plan"):
            for name in ("number", "issued_on", "title", "year"):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, "Cần nhập khi tạo kế hoạch mới.")
        return data


class SubmissionForm(_Styled):
    document_number = forms.CharField(label="Số văn bản", max_length=60)
    submitted_on = forms.DateField(label="Ngày nộp", widget=date_input())
