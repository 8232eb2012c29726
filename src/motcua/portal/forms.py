from django import forms

from motcua.catalog.models import Field

from . import selectors


class ProcedureSearchForm(forms.Form):
    q = forms.CharField(
        label="Tìm thủ tục",
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": "Ví dụ: dang ky doanh nghiep",
                "class": "form-control",
                "aria-describedby": "q-help",
            }
        ),
        help_text="Gõ có dấu hoặc không dấu đều được; sai chính tả nhẹ vẫn tìm ra.",
    )
    agency = forms.ModelChoiceField(
        label="Cơ quan",
        required=False,
        queryset=None,
        empty_label="Tất cả cơ quan",
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    field = forms.ModelChoiceField(
        label="Lĩnh vực",
        required=False,
        queryset=None,
        empty_label="Tất cả lĩnh vực",
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = selectors.publishing_agencies()
        self.fields["field"].queryset = selectors.public_fields()
        self.fields["field"].label_from_instance = _field_label


def _field_label(field: Field) -> str:
    return f"{field.name} ({field.agency.short_name or field.agency.name})"
