from django import forms

from motcua.org.models import Unit

from .constants import RequestKind
from .forms import MultipleFileField, StyledMixin, date_input
from .register_models import Document, Equipment, Initiative


class InitiativeForm(StyledMixin, forms.ModelForm):
    class Meta:
        model = Initiative
        fields = [
            "year",
            "title",
            "authors",
            "unit",
            "description",
            "decision_number",
            "decision_date",
        ]
        widgets = {"decision_date": date_input(), "description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, agency_id, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(agency_id=agency_id)

    def clean(self):
        data = super().clean()
        if bool(data.get("decision_number")) != bool(data.get("decision_date")):
            self.add_error("decision_date", "Ghi cả số và ngày quyết định công nhận.")
        return data


class EvidenceForm(StyledMixin, forms.Form):
    files = MultipleFileField(
        label="Tệp minh chứng", help_text="PDF, JPG, PNG, DOCX hoặc XLSX; có thể chọn nhiều tệp."
    )


class EquipmentForm(StyledMixin, forms.ModelForm):
    class Meta:
        model = Equipment
        fields = ["name", "quantity", "condition", "location"]


class FacilityRequestForm(StyledMixin, forms.Form):
    kind = forms.ChoiceField(label="Loại đề nghị", choices=RequestKind.choices)
    equipment = forms.ModelChoiceField(
        label="Trang thiết bị", queryset=None, required=False, empty_label="— Mua mới —"
    )
    item = forms.CharField(label="Nội dung đề nghị", max_length=300)
    reason = forms.CharField(label="Lý do", widget=forms.Textarea(attrs={"rows": 2}))
    estimated_cost = forms.IntegerField(label="Dự toán (đồng)", min_value=0, initial=0)

    def __init__(self, agency_id, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["equipment"].queryset = Equipment.objects.filter(agency_id=agency_id)


class DecisionForm(StyledMixin, forms.Form):
    approve = forms.TypedChoiceField(
        label="Quyết định",
        coerce=lambda v: v == "yes",
        choices=[("yes", "Duyệt"), ("no", "Không duyệt")],
    )
    note = forms.CharField(label="Ý kiến", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class DocumentForm(StyledMixin, forms.ModelForm):
    class Meta:
        model = Document
        fields = [
            "direction",
            "number",
            "issued_on",
            "summary",
            "signer",
            "correspondent",
            "is_electronic",
        ]
        widgets = {"issued_on": date_input(), "summary": forms.Textarea(attrs={"rows": 2})}


class YearForm(forms.Form):
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100, required=False)
