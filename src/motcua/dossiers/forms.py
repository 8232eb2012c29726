"""Forms of the back-office dossier pages: the worklist filters, the intake at the counter, and
one small form per lifecycle action. An action form knows the service it calls (`perform`) and
returns the message to show; the services stay the only place a dossier changes."""

import uuid

from django import forms
from django.utils import timezone

from motcua.catalog.constants import Requirement
from motcua.org.models import Staff

from . import services
from .constants import Action, ApplicantKind, CancelCase, Channel, ReturnMethod, State
from .errors import InvalidInput
from .lifecycle import Actor
from .models import Attachment, Consultation
from .services import ApplicantData, Intake, ReceivedDocument
from .validation import ID_NUMBER, PHONE, normalise_phone

DATE_TIME_FORMAT = "%d/%m/%Y %H:%M"


def _local(moment) -> str:
    return f"{timezone.localtime(moment):%H:%M %d/%m/%Y}"


class StyledForm(forms.Form):
    """Bootstrap classes on every widget, and `is-invalid` on the fields that have errors
    (Django already adds aria-invalid and points aria-describedby at the error text)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # Django's Vietnamese catalogue lacks these two or words them oddly.
            if "invalid_choice" in field.error_messages:
                field.error_messages["invalid_choice"] = "Lựa chọn không hợp lệ, xin chọn lại."
            if isinstance(field, forms.IntegerField):
                field.error_messages["invalid"] = "Cần nhập một số nguyên."
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["class"] = f"{widget.attrs['class']} is-invalid"


# ---------------------------------------------------------------------------------------------
# Worklists


class WorklistFilterForm(StyledForm):
    """The tab, search box and filters of the worklist page (a GET form)."""

    ds = forms.ChoiceField(label="Danh sách", required=False)
    q = forms.CharField(
        label="Tìm hồ sơ",
        required=False,
        max_length=200,
        help_text="Mã hồ sơ, tên người nộp (có dấu hay không), số giấy tờ hoặc điện thoại.",
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    procedure = forms.TypedChoiceField(
        label="Thủ tục", required=False, coerce=int, empty_value=None
    )
    field = forms.ModelChoiceField(
        label="Lĩnh vực", queryset=None, required=False, empty_label="Mọi lĩnh vực"
    )
    unit = forms.ModelChoiceField(
        label="Đơn vị đang xử lý", queryset=None, required=False, empty_label="Mọi đơn vị"
    )
    channel = forms.ChoiceField(
        label="Kênh", required=False, choices=[("", "Mọi kênh"), *Channel.choices]
    )
    state = forms.ChoiceField(
        label="Trạng thái", required=False, choices=[("", "Mọi trạng thái"), *State.choices]
    )

    def __init__(self, *args, worklists, procedures, fields, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ds"].choices = [(name, name.label) for name in worklists]
        self.fields["procedure"].choices = [("", "Mọi thủ tục"), *procedures]
        self.fields["field"].queryset = fields
        self.fields["unit"].queryset = units

    def filters(self) -> dict:
        """The keyword arguments of `selectors.filter_dossiers`."""
        data = self.cleaned_data
        return {
            "q": data["q"],
            "procedure": data["procedure"],
            "field": data["field"] and data["field"].pk,
            "unit": data["unit"] and data["unit"].pk,
            "channel": data["channel"],
            "state": data["state"],
        }


# ---------------------------------------------------------------------------------------------
# Intake at the counter


class ProcedureSearchForm(StyledForm):
    q = forms.CharField(
        label="Tìm thủ tục",
        required=False,
        max_length=200,
        help_text="Tên hoặc mã thủ tục, có dấu hay không dấu.",
        widget=forms.TextInput(attrs={"type": "search"}),
    )


class ChecklistLineForm(StyledForm):
    """One required document of the version in force: ticked when the applicant brought it."""

    received = forms.BooleanField(required=False)
    originals = forms.IntegerField(label="Số bản chính", min_value=0, max_value=99)
    copies = forms.IntegerField(label="Số bản sao", min_value=0, max_value=99)

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, prefix=f"giayto-{document.pk}", **kwargs)
        self.document = document
        self.fields["received"].label = document.name
        self.fields["originals"].initial = document.originals or 0
        self.fields["copies"].initial = document.copies or 0

    @property
    def mandatory(self) -> bool:
        return self.document.requirement == Requirement.MANDATORY

    def clean(self):
        data = super().clean()
        if data.get("received") and not (data.get("originals") or data.get("copies")):
            self.add_error("originals", "Giấy tờ đã nhận cần ít nhất một bản chính hoặc bản sao.")
        return data

    def line(self) -> ReceivedDocument:
        data = self.cleaned_data
        if not data["received"]:
            return ReceivedDocument(self.document.name, required_id=self.document.pk)
        return ReceivedDocument(
            self.document.name, data["originals"], data["copies"], self.document.pk
        )


class ExtraDocumentForm(StyledForm):
    """A document the applicant brought that the checklist does not name."""

    name = forms.CharField(label="Tên giấy tờ", required=False, max_length=1000)
    originals = forms.IntegerField(
        label="Số bản chính", min_value=0, max_value=99, initial=0, required=False
    )
    copies = forms.IntegerField(
        label="Số bản sao", min_value=0, max_value=99, initial=0, required=False
    )

    def clean(self):
        data = super().clean()
        counted = data.get("originals") or data.get("copies")
        if data.get("name", "").strip() and not counted:
            self.add_error("originals", "Ghi số bản chính hoặc bản sao của giấy tờ này.")
        if counted and not data.get("name", "").strip():
            self.add_error("name", "Ghi tên giấy tờ.")
        return data


ExtraDocumentFormSet = forms.formset_factory(ExtraDocumentForm, extra=2, max_num=20)


class ApplicantForm(StyledForm):
    """The checks of the applicant's phone, ID number and postal address, shared by the
    counter's intake and the portal's online submission; each declares the fields."""

    def clean_applicant_phone(self):
        phone = self.cleaned_data["applicant_phone"]
        if phone and not PHONE.match(normalise_phone(phone)):
            raise forms.ValidationError("Số điện thoại không hợp lệ (ví dụ 0912345678).")
        return normalise_phone(phone)

    def clean_applicant_id_number(self):
        number = self.cleaned_data["applicant_id_number"].strip().upper()
        if number and not ID_NUMBER.match(number):
            raise forms.ValidationError(
                "Số giấy tờ không hợp lệ: CCCD 12 số, CMND 9 số, hộ chiếu (1 chữ và 7 số) hoặc "
                "mã số thuế."
            )
        return number

    def clean(self):
        data = super().clean()
        if data.get("return_method") == ReturnMethod.POST and not data.get("postal_address"):
            self.add_error("postal_address", "Nhận kết quả qua bưu chính cần địa chỉ nhận.")
        return data


class IntakeForm(ApplicantForm):
    """The applicant, what they brought and how they want the result. Holds the checklist lines
    and the extra documents as sub-forms, so one `is_valid` checks the whole page."""

    applicant_kind = forms.ChoiceField(
        label="Người nộp là", choices=ApplicantKind.choices, initial=ApplicantKind.PERSON
    )
    applicant_name = forms.CharField(label="Họ tên người nộp / tên tổ chức", max_length=255)
    applicant_id_number = forms.CharField(
        label="Số CCCD, định danh hoặc mã số thuế",
        max_length=32,
        required=False,
        help_text="CCCD 12 số, CMND 9 số, hộ chiếu, hoặc mã số thuế.",
    )
    applicant_phone = forms.CharField(
        label="Điện thoại",
        max_length=20,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel"}),
    )
    applicant_email = forms.EmailField(
        label="Thư điện tử",
        required=False,
        error_messages={"invalid": "Thư điện tử không hợp lệ (ví dụ ten@example.vn)."},
    )
    applicant_address = forms.CharField(label="Địa chỉ", max_length=500, required=False)
    owner_name = forms.CharField(
        label="Chủ hồ sơ",
        max_length=255,
        required=False,
        help_text="Để trống nếu chính người nộp là chủ hồ sơ.",
    )
    subject = forms.CharField(
        label="Nội dung yêu cầu giải quyết",
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Để trống: lấy tên thủ tục.",
    )
    sets = forms.IntegerField(label="Số bộ hồ sơ", min_value=1, max_value=99, initial=1)
    return_method = forms.ChoiceField(
        label="Hình thức nhận kết quả", choices=ReturnMethod.choices, initial=ReturnMethod.COUNTER
    )
    postal_address = forms.CharField(
        label="Địa chỉ nhận qua bưu chính",
        max_length=500,
        required=False,
        help_text="Bắt buộc khi nhận kết quả qua bưu chính.",
    )
    guidance_note = forms.CharField(
        label="Hướng dẫn thêm ghi trên phiếu",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    # A double click or a re-sent page receives the dossier once.
    idempotency_key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, data=None, *, version, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["idempotency_key"].initial = uuid.uuid4().hex
        self.checklist = [ChecklistLineForm(data, document=d) for d in version.documents.all()]
        self.extras = ExtraDocumentFormSet(data, prefix="khac")

    def is_valid(self) -> bool:
        results = [super().is_valid(), self.extras.is_valid()]
        results += [line.is_valid() for line in self.checklist]
        return all(results)

    @property
    def has_errors(self) -> bool:
        return bool(
            self.errors
            or self.extras.total_error_count()
            or any(line.errors for line in self.checklist)
        )

    def documents(self) -> list[ReceivedDocument]:
        lines = [line.line() for line in self.checklist]
        lines += [
            ReceivedDocument(extra["name"].strip(), extra["originals"] or 0, extra["copies"] or 0)
            for extra in self.extras.cleaned_data
            if extra.get("name", "").strip()
        ]
        return lines

    def intake(self) -> Intake:
        data = self.cleaned_data
        applicant = ApplicantData(
            name=data["applicant_name"],
            kind=data["applicant_kind"],
            id_number=data["applicant_id_number"],
            phone=data["applicant_phone"],
            email=data["applicant_email"],
            address=data["applicant_address"],
            owner_name=data["owner_name"],
        )
        return Intake(
            applicant=applicant,
            documents=self.documents(),
            return_method=data["return_method"],
            postal_address=data["postal_address"],
            sets=data["sets"],
            subject=data["subject"],
        )


# ---------------------------------------------------------------------------------------------
# Actions on a dossier


class ActionForm(StyledForm):
    """The form of one action. It posts the revision the page was rendered with, so the
    service refuses it if someone else acted in between."""

    action: Action
    template = "dossiers/actions/_form.html"
    # The actions of the usual path come first as primary buttons; those that end a dossier
    # without a result are marked as dangerous.
    primary = False
    danger = False
    revision = forms.IntegerField(
        widget=forms.HiddenInput,
        error_messages={
            "required": "Trang thiếu lần cập nhật của hồ sơ; xin tải lại trang.",
            "invalid": "Trang thiếu lần cập nhật của hồ sơ; xin tải lại trang.",
        },
    )

    def __init__(self, data=None, files=None, *, dossier, staff, **kwargs):
        super().__init__(data, files, auto_id=f"{self.action}-%s", **kwargs)
        self.dossier, self.staff = dossier, staff

    @property
    def label(self) -> str:
        return Action(self.action).label

    @property
    def expected(self) -> int:
        return self.cleaned_data["revision"]

    def perform(self) -> str:
        raise NotImplementedError


def _reason(label="Lý do", rows=3, required=True):
    return forms.CharField(
        label=label, required=required, max_length=4000, widget=forms.Textarea(attrs={"rows": rows})
    )


def _unit_staff(unit, role=""):
    """Who may hold a step: the members of its unit, or the holders of its role."""
    staff = Staff.objects.select_related("user")
    if unit is not None:
        return staff.filter(unit=unit)
    if role:
        return staff.filter(user__groups__name=role)
    return staff


class AcceptForm(ActionForm):
    action = Action.ACCEPT
    primary = True

    def perform(self):
        dossier = services.accept(self.dossier, self.staff, expected_revision=self.expected)
        return f"Đã tiếp nhận hồ sơ, mã {dossier.code}; hẹn trả kết quả {_local(dossier.due_at)}."


class RejectOnlineForm(ActionForm):
    action = Action.REJECT_ONLINE
    danger = True
    reason = _reason("Lý do trả lại (gửi cho người nộp)")

    def perform(self):
        services.reject_online(
            self.dossier, self.staff, self.cleaned_data["reason"], expected_revision=self.expected
        )
        return "Đã trả lại hồ sơ trực tuyến và báo lý do cho người nộp."


class AssignForm(ActionForm):
    action = Action.ASSIGN
    primary = True
    assignee = forms.ModelChoiceField(
        label="Giao cho", queryset=None, empty_label="— Chọn cán bộ —"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        step = self.dossier.current_step
        self.fields["assignee"].queryset = (
            _unit_staff(step.unit, step.role).filter(agency_id=self.dossier.agency_id)
            if step
            else Staff.objects.none()
        )

    def perform(self):
        assignee = self.cleaned_data["assignee"]
        services.assign(self.dossier, self.staff, assignee, expected_revision=self.expected)
        return f"Đã giao bước «{self.dossier.current_step.name}» cho {assignee.full_name}."


class ClaimForm(ActionForm):
    action = Action.CLAIM
    primary = True

    def perform(self):
        services.claim(self.dossier, self.staff, expected_revision=self.expected)
        return f"Bạn đã nhận xử lý bước «{self.dossier.current_step.name}»."


class ForwardForm(ActionForm):
    action = Action.FORWARD
    primary = True
    assignee = forms.ModelChoiceField(
        label="Giao luôn cho (không bắt buộc)",
        queryset=None,
        required=False,
        empty_label="— Để lãnh đạo phân công —",
    )
    note = _reason("Ghi chú", rows=2, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.following = _following(self.dossier)
        if self.following is None or self.following.unit is None:
            del self.fields["assignee"]
        else:
            self.fields["assignee"].queryset = _unit_staff(self.following.unit)

    @property
    def label(self) -> str:
        return f"Chuyển sang «{self.following.name}»" if self.following else super().label

    def perform(self):
        dossier = services.forward(
            self.dossier,
            self.staff,
            note=self.cleaned_data["note"],
            assignee=self.cleaned_data.get("assignee"),
            expected_revision=self.expected,
        )
        return f"Đã chuyển hồ sơ sang bước «{dossier.current_step.name}»."


def _following(dossier):
    step = dossier.current_step
    if step is None:
        return None
    return dossier.steps.filter(position__gt=step.position).select_related("unit").first()


class SendBackForm(ActionForm):
    action = Action.SEND_BACK
    reason = _reason("Lý do trả lại bước trước")

    def perform(self):
        dossier = services.send_back(
            self.dossier, self.staff, self.cleaned_data["reason"], expected_revision=self.expected
        )
        return f"Đã trả hồ sơ về bước «{dossier.current_step.name}»."


class SupplementItemForm(StyledForm):
    name = forms.CharField(
        label="Giấy tờ cần bổ sung",
        required=False,
        max_length=1000,
        widget=forms.TextInput(attrs={"list": "goi-y-bo-sung", "placeholder": "Tên giấy tờ"}),
    )
    note = forms.CharField(
        label="Cần bổ sung, sửa gì",
        required=False,
        max_length=1000,
        widget=forms.TextInput(attrs={"placeholder": "Cần bổ sung, sửa gì"}),
    )


SupplementItemFormSet = forms.formset_factory(SupplementItemForm, extra=3, max_num=30)


class RequestSupplementForm(ActionForm):
    """Mẫu 02: every missing or wrong document on its own row, listed once and completely."""

    action = Action.REQUEST_SUPPLEMENT
    template = "dossiers/actions/_request_supplement.html"
    reason = _reason("Lý do yêu cầu bổ sung")

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.items = SupplementItemFormSet(data, prefix="bosung", auto_id=f"{self.action}-%s")
        # The version's documents, offered as suggestions for the rows.
        self.suggestions = [d.name for d in self.dossier.version.documents.all()]

    def is_valid(self) -> bool:
        valid = super().is_valid()
        if not self.items.is_valid():
            return False
        if not self.rows():
            self.add_error(None, "Cần liệt kê ít nhất một giấy tờ phải bổ sung, hoàn thiện.")
        return valid and not self.errors

    def rows(self) -> list[dict]:
        return [row for row in self.items.cleaned_data if row.get("name", "").strip()]

    def perform(self):
        request = services.request_supplement(
            self.dossier,
            self.staff,
            self.rows(),
            self.cleaned_data["reason"],
            expected_revision=self.expected,
        )
        return (
            f"Đã lập yêu cầu bổ sung lần {request.number}; thời hạn tạm dừng đến khi người "
            "nộp bổ sung."
        )


class SupplementForm(ActionForm):
    action = Action.SUPPLEMENT
    primary = True
    note = _reason("Giấy tờ đã nhận bổ sung", rows=2, required=False)

    def perform(self):
        dossier = services.supplement(
            self.dossier,
            Actor.of(self.staff),
            note=self.cleaned_data["note"],
            expected_revision=self.expected,
        )
        return f"Đã nhận hồ sơ bổ sung; hẹn trả kết quả mới {_local(dossier.due_at)}."


class RefuseForm(ActionForm):
    action = Action.REFUSE
    danger = True
    reason = _reason("Lý do từ chối giải quyết")

    def perform(self):
        services.refuse(
            self.dossier, self.staff, self.cleaned_data["reason"], expected_revision=self.expected
        )
        return "Đã từ chối giải quyết; hồ sơ chuyển về Bộ phận Một cửa để trả phiếu từ chối."


class WithdrawForm(ActionForm):
    action = Action.WITHDRAW
    danger = True
    note = _reason("Nội dung đề nghị của người nộp", rows=2, required=False)

    def perform(self):
        services.withdraw(
            self.dossier,
            Actor.of(self.staff),
            note=self.cleaned_data["note"],
            expected_revision=self.expected,
        )
        return "Đã ghi nhận việc rút hồ sơ / dừng giải quyết theo yêu cầu."


class CancelForm(ActionForm):
    action = Action.CANCEL
    danger = True
    case = forms.ChoiceField(
        label="Trường hợp hủy", choices=[("", "— Chọn trường hợp —"), *CancelCase.choices]
    )
    reason = _reason("Lý do hủy")

    def perform(self):
        services.cancel(
            self.dossier,
            self.staff,
            self.cleaned_data["case"],
            self.cleaned_data["reason"],
            expected_revision=self.expected,
        )
        return "Đã hủy hồ sơ."


class SuspendForm(ActionForm):
    action = Action.SUSPEND
    reason = _reason("Lý do tạm dừng")

    def perform(self):
        services.suspend(
            self.dossier, self.staff, self.cleaned_data["reason"], expected_revision=self.expected
        )
        return "Đã tạm dừng giải quyết; thời hạn ngừng tính."


class ResumeForm(ActionForm):
    action = Action.RESUME
    primary = True
    note = _reason("Ghi chú", rows=2, required=False)

    def perform(self):
        dossier = services.resume(
            self.dossier,
            self.staff,
            note=self.cleaned_data["note"],
            expected_revision=self.expected,
        )
        return f"Đã tiếp tục giải quyết; hẹn trả kết quả {_local(dossier.due_at)}."


class WorkingDaysField(forms.IntegerField):
    def __init__(self, label):
        super().__init__(
            label=label,
            min_value=1,
            max_value=60,
            widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        )


class ExtendForm(ActionForm):
    action = Action.EXTEND
    working_days = WorkingDaysField("Số ngày làm việc gia hạn")
    reason = _reason("Lý do gia hạn")

    def perform(self):
        dossier = services.extend(
            self.dossier,
            self.staff,
            self.cleaned_data["working_days"],
            self.cleaned_data["reason"],
            expected_revision=self.expected,
        )
        return f"Đã gia hạn; hẹn trả kết quả mới {_local(dossier.due_at)}."


class ApologizeForm(ActionForm):
    action = Action.APOLOGIZE
    new_due_at = forms.DateTimeField(
        label="Ngày hẹn mới",
        input_formats=[DATE_TIME_FORMAT],
        help_text="Dạng dd/mm/yyyy HH:MM, trong giờ làm việc, ví dụ 12/03/2024 09:00.",
        error_messages={"invalid": "Ghi ngày giờ theo dạng dd/mm/yyyy HH:MM."},
        widget=forms.DateTimeInput(
            format=DATE_TIME_FORMAT, attrs={"placeholder": "dd/mm/yyyy HH:MM"}
        ),
    )
    reason = _reason("Lý do chậm trễ (ghi trong văn bản xin lỗi)")

    def perform(self):
        dossier = services.apologize(
            self.dossier,
            self.staff,
            self.cleaned_data["new_due_at"],
            self.cleaned_data["reason"],
            expected_revision=self.expected,
        )
        return f"Đã lập văn bản xin lỗi, hẹn lại ngày trả {_local(dossier.apology_due_at)}."


class ConsultForm(ActionForm):
    action = Action.CONSULT
    consulted_name = forms.CharField(label="Cơ quan được lấy ý kiến", max_length=255)
    question = _reason("Nội dung lấy ý kiến")
    working_days = WorkingDaysField("Thời hạn trả lời (ngày làm việc)")

    def perform(self):
        data = self.cleaned_data
        consultation = services.consult(
            self.dossier,
            self.staff,
            data["consulted_name"],
            data["question"],
            data["working_days"],
            expected_revision=self.expected,
        )
        return (
            f"Đã gửi lấy ý kiến {consultation.consulted_name}; hạn trả lời "
            f"{_local(consultation.due_at)}."
        )


class AnswerConsultationForm(ActionForm):
    action = Action.ANSWER_CONSULTATION
    consultation = forms.ModelChoiceField(label="Ý kiến của", queryset=None)
    answer = _reason("Nội dung trả lời")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultation"].queryset = _open_consultations(self.dossier)
        self.fields["consultation"].label_from_instance = lambda c: c.consulted_name

    def perform(self):
        consultation = services.answer_consultation(
            self.cleaned_data["consultation"], self.staff, self.cleaned_data["answer"]
        )
        return f"Đã ghi nhận ý kiến của {consultation.consulted_name}."


def _open_consultations(dossier):
    return Consultation.objects.filter(dossier=dossier, answered_at__isnull=True)


class ApproveForm(ActionForm):
    action = Action.APPROVE
    primary = True
    summary = _reason("Kết quả giải quyết (tóm tắt)", rows=2, required=False)

    def perform(self):
        services.approve(
            self.dossier,
            self.staff,
            summary=self.cleaned_data["summary"],
            expected_revision=self.expected,
        )
        return "Đã phê duyệt kết quả; hồ sơ chuyển Văn thư vào sổ, cấp số."


class RegisterResultForm(ActionForm):
    action = Action.REGISTER_RESULT
    primary = True
    number = forms.CharField(label="Số văn bản kết quả", max_length=64)

    def perform(self):
        dossier = services.register_result(
            self.dossier, self.staff, self.cleaned_data["number"], expected_revision=self.expected
        )
        return f"Đã vào sổ kết quả số {dossier.result_number}."


class ReturnResultForm(ActionForm):
    action = Action.RETURN_RESULT
    primary = True
    tracking_number = forms.CharField(label="Số hiệu bưu gửi", max_length=64, required=False)
    note = _reason("Ghi chú", rows=2, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.dossier.return_method == ReturnMethod.POST:
            self.fields["tracking_number"].required = True
        else:
            del self.fields["tracking_number"]

    def perform(self):
        services.return_result(
            self.dossier,
            self.staff,
            note=self.cleaned_data["note"],
            tracking_number=self.cleaned_data.get("tracking_number", ""),
            expected_revision=self.expected,
        )
        return "Đã trả kết quả; hồ sơ kết thúc."


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, **kwargs):
        super().__init__(widget=MultipleFileInput(), required=False, **kwargs)

    def clean(self, data, initial=None):
        clean_one = super().clean
        files = data if isinstance(data, (list, tuple)) else [data]
        return [clean_one(upload, initial) for upload in files if upload]


class AttachForm(ActionForm):
    """Scans of the received documents, one file input per document, plus other files.

    Each file is attached on its own: a refused file gets its message beside its input while
    the others are kept.
    """

    action = Action.ATTACH
    kind = forms.ChoiceField(
        label="Loại tệp khác",
        choices=[
            (k, label) for k, label in Attachment.Kind.choices if k != Attachment.Kind.DOCUMENT
        ],
        initial=Attachment.Kind.RESULT,
    )
    other = MultipleFileField(label="Tệp khác (kết quả, tài liệu khác)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.documents = list(self.dossier.documents.all())
        for document in self.documents:
            field = MultipleFileField(label=f"Bản quét: {document.name}")
            field.widget.attrs["class"] = "form-control"
            self.fields[f"doc-{document.pk}"] = field

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in self.fields if name not in ("kind", "revision")):
            raise forms.ValidationError("Chọn ít nhất một tệp để tải lên.")
        return data

    def perform(self):
        attached = []
        targets = [(f"doc-{d.pk}", d, Attachment.Kind.DOCUMENT) for d in self.documents]
        targets.append(("other", None, self.cleaned_data["kind"]))
        for name, document, kind in targets:
            for upload in self.cleaned_data.get(name) or []:
                try:
                    services.attach(self.dossier, self.staff, upload, document=document, kind=kind)
                except InvalidInput as refused:
                    self.add_error(name, refused.message)
                else:
                    attached.append(upload.name)
        if not attached:
            return ""
        return f"Đã đính kèm {len(attached)} tệp: {', '.join(attached)}."


ACTION_FORMS: dict[str, type[ActionForm]] = {
    form.action: form
    for form in (
        AcceptForm,
        RejectOnlineForm,
        AssignForm,
        ClaimForm,
        ForwardForm,
        SendBackForm,
        RequestSupplementForm,
        SupplementForm,
        RefuseForm,
        WithdrawForm,
        CancelForm,
        SuspendForm,
        ResumeForm,
        ExtendForm,
        ApologizeForm,
        ConsultForm,
        AnswerConsultationForm,
        ApproveForm,
        RegisterResultForm,
        ReturnResultForm,
        AttachForm,
    )
}
