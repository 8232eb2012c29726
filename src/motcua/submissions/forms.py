"""The applicant's form. Saving a draft keeps whatever was typed; the checks below run when the
applicant asks to review before submitting."""

import uuid

from django import forms

from motcua.dossiers.constants import ApplicantKind, ReturnMethod
from motcua.dossiers.forms import ApplicantForm

from .constants import RETURN_CHOICES
from .services import DraftFields, Upload

OTHER = "khac"  # the file input of the documents outside the list


def file_input_name(required_id: int | None) -> str:
    return f"tep-{required_id if required_id is not None else OTHER}"


class DraftForm(ApplicantForm):
    applicant_kind = forms.ChoiceField(
        label="Người nộp là", choices=ApplicantKind.choices, initial=ApplicantKind.PERSON
    )
    applicant_name = forms.CharField(label="Họ tên người nộp / tên tổ chức", max_length=255)
    applicant_id_number = forms.CharField(
        label="Số CCCD, định danh hoặc mã số thuế",
        max_length=32,
        help_text="CCCD 12 số, CMND 9 số, hộ chiếu, hoặc mã số thuế của tổ chức.",
    )
    applicant_phone = forms.CharField(
        label="Điện thoại",
        max_length=20,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    applicant_email = forms.EmailField(
        label="Thư điện tử",
        max_length=254,
        help_text="Giấy xác nhận đã nhận hồ sơ và đường dẫn lưu nháp được gửi tới địa chỉ này.",
        error_messages={"invalid": "Thư điện tử không hợp lệ (ví dụ ten@example.vn)."},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    applicant_address = forms.CharField(label="Địa chỉ", max_length=500)
    subject = forms.CharField(
        label="Nội dung yêu cầu giải quyết",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Để trống: lấy tên thủ tục.",
    )
    return_method = forms.ChoiceField(
        label="Hình thức nhận kết quả",
        choices=RETURN_CHOICES,
        initial=ReturnMethod.COUNTER,
        widget=forms.RadioSelect,
    )
    postal_address = forms.CharField(
        label="Địa chỉ nhận kết quả qua bưu chính",
        max_length=500,
        required=False,
        help_text="Bắt buộc khi nhận kết quả qua bưu chính công ích.",
    )
    # Names one press of "Lưu nháp": a repeated request sends the resume e-mail once.
    request_key = forms.CharField(widget=forms.HiddenInput, max_length=64, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["request_key"].initial = uuid.uuid4().hex
        self.fields["return_method"].widget.attrs["class"] = "form-check-input"

    def typed(self) -> DraftFields:
        """What was typed, valid or not: a draft keeps it all."""
        return DraftFields(
            **{name: self.data.get(name, "") for name in DraftFields.__dataclass_fields__}
        )


def uploads(request, documents) -> list[Upload]:
    """Every file sent, each with the required document its input belongs to."""
    sent = []
    for required_id in [d.pk for d in documents] + [None]:
        files = request.FILES.getlist(file_input_name(required_id))
        sent += [Upload(f, required_id) for f in files]
    return sent


def draft_initial(draft) -> dict:
    return {name: getattr(draft, name) for name in DraftFields.__dataclass_fields__}
