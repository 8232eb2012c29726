from django import forms
from django.conf import settings
from django.utils import timezone

from motcua.core.uploads import UnacceptableFile, check_file

from ..models import ScorecardNode
from .constants import ScorecardKind

EVIDENCE_TYPES = ".pdf,.jpg,.jpeg,.png,.docx,.xlsx"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": EVIDENCE_TYPES}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        cleaned = [super(MultipleFileField, self).clean(item, initial) for item in files]
        for upload in cleaned:
            try:
                check_file(upload, settings.MOTCUA_MAX_UPLOAD_MB)
            except UnacceptableFile as refusal:
                raise forms.ValidationError(str(refusal)) from None
        return cleaned


class _Styled:
    """Bootstrap classes on every widget, so templates render fields in one loop."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs["class"] = (
                "form-check-input"
                if isinstance(field.widget, forms.CheckboxInput)
                else "form-select"
                if isinstance(field.widget, forms.Select)
                else "form-control"
            )


class ImportForm(_Styled, forms.Form):
    kind = forms.ChoiceField(label="Bộ chỉ số", choices=ScorecardKind.choices)
    year = forms.IntegerField(
        label="Năm", min_value=2000, max_value=2100, initial=lambda: timezone.localdate().year
    )
    file = forms.FileField(
        label="Tệp Excel (.xlsx)",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
        help_text="Một trang tính; hàng đầu là tiêu đề: Mã, Tên, Điểm tối đa, và nếu có: Điểm "
        "tự chấm, Điểm thẩm định, Thứ hạng, Thuộc phạm vi của Sở (ghi x).",
    )
    source = forms.CharField(
        label="Nguồn",
        required=False,
        help_text="Văn bản ban hành bộ tiêu chí hoặc công bố kết quả.",
    )


class NodeForm(_Styled, forms.ModelForm):
    files = MultipleFileField(
        label="Thêm tài liệu kiểm chứng",
        required=False,
        help_text="PDF, JPG, PNG, DOCX hoặc XLSX; có thể chọn nhiều tệp.",
    )

    class Meta:
        model = ScorecardNode
        fields = ["self_score", "self_note", "official_score", "rank", "in_remit"]
        localized_fields = ["self_score", "official_score"]  # "4,5" as Vietnamese type it
        widgets = {"self_note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.scorecard.kind != ScorecardKind.PCI:  # ranks and remit are PCI's
            del self.fields["rank"], self.fields["in_remit"]
