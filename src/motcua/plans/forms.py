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


class _Styled(forms.Form):
    """Bootstrap classes on every widget, so templates render fields in one loop."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            css = "form-check-input" if isinstance(field.widget, forms.CheckboxInput) else (
                "form-select" if isinstance(field.widget, forms.Select) else "form-control")
            field.widget.attrs["class"] = css


class ProgressForm(_Styled):
    report = forms.CharField(label="Kết quả thực hiện", widget=forms.Textarea(attrs={"rows": 4}))
    reported_on = forms.DateField(label="Ngày báo cáo",
                                  widget=forms.DateInput(attrs={"type": "date"}))
    completes = forms.BooleanField(label="Nhiệm vụ đã hoàn thành", required=False)
    files = MultipleFileField(label="Tệp minh chứng", required=False,
                              help_text="PDF, JPG, PNG, DOCX hoặc XLSX; có thể chọn nhiều tệp.")


class ExtendForm(_Styled):
    new_deadline = forms.DateField(label="Hạn mới", widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label="Lý do gia hạn", widget=forms.Textarea(attrs={"rows": 2}))


class DoneForm(_Styled):
    result_document = forms.CharField(label="Văn bản kết quả (số, ngày)", max_length=255)
    done_on = forms.DateField(label="Ngày hoàn thành",
                              widget=forms.DateInput(attrs={"type": "date"}))
    result_file = forms.FileField(label="Tệp văn bản kết quả", required=False)


class AssignmentFilterForm(_Styled):
    state = forms.ChoiceField(label="Trạng thái", required=False,
                              choices=[("", "Tất cả"), *AssignmentState.choices])
