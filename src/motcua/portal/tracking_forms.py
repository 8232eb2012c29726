"""Forms of the public tracking pages: the check (code + second factor) and the online
supplement (one file per requested item, other documents, a note)."""

from django import forms
from django.conf import settings

from motcua.core.uploads import EXTENSIONS, UnacceptableFile, check_file
from motcua.dossiers.forms import StyledForm

ACCEPTED = ",".join(EXTENSIONS)


class SecretInput(forms.TextInput):
    """A text box that never writes the typed factor back into the page."""

    def format_value(self, value):
        return None


class LookupForm(StyledForm):
    ma = forms.CharField(
        label="Mã hồ sơ",
        max_length=64,
        error_messages={"required": "Cần nhập mã hồ sơ."},
        help_text="In trên giấy tiếp nhận hồ sơ, ví dụ 000.00.17.H34-240304-0001. Hồ sơ nộp "
        "trực tuyến chưa được tiếp nhận có mã dạng truc-tuyen-123.",
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
    )
    k = forms.CharField(
        label="Mã bí mật in trên giấy tiếp nhận hoặc 4 số cuối điện thoại đăng ký",
        max_length=32,
        error_messages={"required": "Cần nhập mã bí mật hoặc 4 số cuối điện thoại."},
        help_text="Mã bí mật gồm 8 ký tự, in cạnh mã QR trên giấy tiếp nhận (không phân biệt "
        "chữ hoa, chữ thường). Hoặc nhập 4 số cuối của số điện thoại đã khai khi nộp hồ sơ.",
        widget=SecretInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
    )


class SupplementForm(StyledForm):
    """One optional file per requested item, one for anything else, and a note; at least one
    of them. Each file is checked here so its error sits next to it (the service checks again)."""

    other = forms.FileField(
        label="Tài liệu khác (nếu có)",
        required=False,
        help_text="PDF, JPG, PNG, DOCX hoặc XLSX.",
    )
    note = forms.CharField(
        label="Ghi chú gửi kèm",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Ví dụ: giấy tờ nào đã sửa, hoặc nội dung Ông/Bà muốn giải thích thêm.",
    )

    def __init__(self, items: list[dict], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.item_fields = []
        for index, item in enumerate(items):
            name = f"item_{index}"
            self.fields[name] = forms.FileField(
                label=item["name"],
                required=False,
                help_text=item.get("note") or "PDF, JPG, PNG, DOCX hoặc XLSX.",
                widget=forms.ClearableFileInput(attrs={"class": "form-control"}),
            )
            self.item_fields.append((name, item["name"]))
        # The requested items first, then "other" and the note.
        self.order_fields([name for name, _ in self.item_fields] + ["other", "note"])
        for field in self.fields.values():
            if isinstance(field, forms.FileField):
                field.widget.attrs["accept"] = ACCEPTED

    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if isinstance(self.fields[name], forms.FileField) and value:
                try:
                    check_file(value, settings.MOTCUA_MAX_UPLOAD_MB)
                except UnacceptableFile as refusal:
                    self.add_error(name, str(refusal))
        if not self.errors and not self.uploads() and not data.get("note", "").strip():
            raise forms.ValidationError(
                "Cần đính kèm ít nhất một tệp hoặc ghi chú nội dung bổ sung."
            )
        return data

    def uploads(self) -> list[tuple[object, str | None]]:
        """(file, requested item name or None for "other") for every file chosen."""
        chosen = [(self.cleaned_data.get(name), item) for name, item in self.item_fields]
        chosen.append((self.cleaned_data.get("other"), None))
        return [(upload, item) for upload, item in chosen if upload]
