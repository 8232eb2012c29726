from django import forms

from motcua.catalog.selectors import versions_in_force
from motcua.org.models import Agency, Staff, Unit

from .constants import ComplaintKind, ComplaintOutcome, DeskChannel

# Spam bots fill every field; people never see this one.
HONEYPOT = "website"


class StyledMixin:
    """Bootstrap classes on every widget, so templates render fields in one loop."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs["class"] = "form-check-input"
            elif isinstance(widget, forms.Select):
                widget.attrs["class"] = "form-select"
            elif not isinstance(widget, forms.HiddenInput):
                widget.attrs["class"] = "form-control"


def desk_agencies():
    """Agencies that run a desk: those with units."""
    return Agency.objects.filter(units__isnull=False).distinct().order_by("name")


def procedure_choices(agency_ids=None) -> list[tuple[int, str]]:
    """(procedure id, name in force) for a select, by name."""
    versions = versions_in_force()
    if agency_ids is not None:
        versions = versions.filter(procedure__agency__in=agency_ids)
    return sorted(versions.values_list("procedure_id", "name"), key=lambda row: row[1])


class _PublicForm(StyledMixin, forms.Form):
    """A public form: the agency (hidden when there is one) and the honeypot."""

    agency = forms.ModelChoiceField(
        label="Gửi tới cơ quan", queryset=Agency.objects.none(), empty_label=None
    )
    website = forms.CharField(
        label="Để trống ô này",
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = desk_agencies()
        self.fields["agency"].queryset = agencies
        if len(agencies) == 1:
            self.fields["agency"].widget = forms.HiddenInput()
            self.fields["agency"].initial = agencies[0].pk

    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT))


class AskForm(_PublicForm):
    name = forms.CharField(label="Họ tên hoặc tên doanh nghiệp", max_length=255)
    email = forms.EmailField(
        label="Thư điện tử", required=False, help_text="Câu trả lời được gửi tới địa chỉ này."
    )
    phone = forms.CharField(label="Điện thoại", max_length=32, required=False)
    subject = forms.CharField(label="Tiêu đề câu hỏi", max_length=500)
    body = forms.CharField(label="Nội dung câu hỏi", widget=forms.Textarea(attrs={"rows": 6}))
    procedure = forms.TypedChoiceField(
        label="Thủ tục liên quan (nếu có)", required=False, coerce=int, empty_value=None
    )

    field_order = ["agency", "name", "email", "phone", "subject", "body", "procedure"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procedure"].choices = [("", "— Không chọn —"), *procedure_choices()]

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone"):
            self.add_error(
                "email", "Vui lòng cho biết thư điện tử hoặc số điện thoại để nhận trả lời."
            )
        return data


class ComplaintForm(_PublicForm):
    kind = forms.ChoiceField(label="Loại", choices=ComplaintKind.choices)
    name = forms.CharField(label="Họ tên hoặc tên tổ chức", max_length=255)
    email = forms.EmailField(
        label="Thư điện tử",
        required=False,
        help_text="Mã theo dõi và câu trả lời được gửi tới địa chỉ này.",
    )
    phone = forms.CharField(label="Điện thoại", max_length=32, required=False)
    subject = forms.CharField(label="Tiêu đề", max_length=500)
    body = forms.CharField(
        label="Nội dung phản ánh, kiến nghị", widget=forms.Textarea(attrs={"rows": 6})
    )
    dossier_code = forms.CharField(
        label="Mã hồ sơ liên quan (nếu có)",
        max_length=48,
        required=False,
        help_text="In trên giấy tiếp nhận hồ sơ.",
    )
    officer_named = forms.CharField(
        label="Cán bộ liên quan (nếu có)",
        max_length=255,
        required=False,
        help_text="Họ tên hoặc vị trí làm việc của cán bộ.",
    )

    field_order = [
        "agency",
        "kind",
        "name",
        "email",
        "phone",
        "subject",
        "body",
        "dossier_code",
        "officer_named",
    ]

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone"):
            self.add_error(
                "email", "Vui lòng cho biết thư điện tử hoặc số điện thoại để nhận trả lời."
            )
        return data


class FollowForm(StyledMixin, forms.Form):
    ma = forms.CharField(
        label="Mã phản ánh", max_length=24, widget=forms.TextInput(attrs={"placeholder": "PA-…"})
    )
    k = forms.CharField(
        label="Mã bí mật",
        max_length=16,
        help_text="8 ký tự, in trên phiếu hoặc gửi qua thư điện tử.",
    )


class FaqSearchForm(StyledMixin, forms.Form):
    q = forms.CharField(
        label="Từ khóa",
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text="Có thể gõ không dấu, ví dụ: thanh lap doanh nghiep.",
    )
    thu_tuc = forms.TypedChoiceField(label="Thủ tục", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, procedures=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thu_tuc"].choices = [("", "Tất cả thủ tục"), *procedures]


# --- staff ----------------------------------------------------------------------------------

STAFF_CHANNELS = [c for c in DeskChannel.choices if c[0] != DeskChannel.PORTAL]


class EntryForm(StyledMixin, forms.Form):
    channel = forms.ChoiceField(label="Kênh", choices=STAFF_CHANNELS, initial=DeskChannel.HOTLINE)
    name = forms.CharField(label="Họ tên người hỏi", max_length=255)
    phone = forms.CharField(label="Điện thoại", max_length=32, required=False)
    email = forms.EmailField(label="Thư điện tử", required=False)
    subject = forms.CharField(label="Tiêu đề", max_length=500)
    body = forms.CharField(label="Nội dung", widget=forms.Textarea(attrs={"rows": 5}))


class ComplaintEntryForm(EntryForm):
    kind = forms.ChoiceField(label="Loại", choices=ComplaintKind.choices)
    dossier_code = forms.CharField(label="Mã hồ sơ liên quan", max_length=48, required=False)
    officer = forms.ModelChoiceField(
        label="Cán bộ bị phản ánh",
        queryset=Staff.objects.none(),
        required=False,
        empty_label="— Không nêu —",
    )

    def __init__(self, agency, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = "Họ tên người phản ánh"
        self.fields["officer"].queryset = agency_staff(agency)


def agency_staff(agency):
    return Staff.objects.filter(agency=agency).select_related("user")


class AssignForm(StyledMixin, forms.Form):
    unit = forms.ModelChoiceField(label="Giao cho đơn vị", queryset=Unit.objects.none())

    def __init__(self, agency, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = Unit.objects.filter(agency=agency)


class ComplaintAssignForm(AssignForm):
    officer = forms.ModelChoiceField(
        label="Cán bộ bị phản ánh",
        queryset=Staff.objects.none(),
        required=False,
        empty_label="— Không nêu —",
    )

    def __init__(self, agency, *args, **kwargs):
        super().__init__(agency, *args, **kwargs)
        self.fields["officer"].queryset = agency_staff(agency)


class AnswerForm(StyledMixin, forms.Form):
    answer = forms.CharField(label="Nội dung trả lời", widget=forms.Textarea(attrs={"rows": 6}))


class ComplaintAnswerForm(AnswerForm):
    outcome = forms.ChoiceField(
        label="Kết quả xác minh", choices=[("", "— Chọn —"), *ComplaintOutcome.choices]
    )


class NoteForm(StyledMixin, forms.Form):
    text = forms.CharField(label="Nội dung xác minh", widget=forms.Textarea(attrs={"rows": 3}))


class PublishForm(StyledMixin, forms.Form):
    procedures = forms.TypedMultipleChoiceField(
        label="Thủ tục liên quan",
        required=False,
        coerce=int,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text="Giữ phím Ctrl để chọn nhiều thủ tục.",
    )

    def __init__(self, agency, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procedures"].choices = procedure_choices([agency.pk])
