from django import forms
from django.core.validators import FileExtensionValidator

from .constants import OnlineLevel
from .selectors import UNKNOWN

MAX_IMPORT_BYTES = 10 * 1024 * 1024


class CatalogueFilterForm(forms.Form):
    """The search box and filters of the catalogue list (a GET form)."""

    q = forms.CharField(label="Tìm thủ tục", required=False, max_length=200)
    field = forms.ModelChoiceField(
        label="Lĩnh vực", queryset=None, required=False, empty_label="Tất cả lĩnh vực"
    )
    online = forms.ChoiceField(
        label="Mức độ trực tuyến",
        required=False,
        choices=[("", "Tất cả mức độ"), *OnlineLevel.choices, (UNKNOWN, "Chưa rõ")],
    )

    def __init__(self, *args, fields, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = fields


class CatalogImportForm(forms.Form):
    file = forms.FileField(
        label="Tệp Excel danh mục (.xlsx)",
        validators=[FileExtensionValidator(["xlsx"], "Chỉ nhận tệp Excel .xlsx.")],
        help_text="Đúng mẫu của tệp xuất danh mục; tối đa 10 MB.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("Tệp lớn hơn 10 MB.")
        return upload
