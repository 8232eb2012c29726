from django import forms

from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import dossier_by_secret

from . import kiosk
from .constants import (
    CITIZEN_QUESTIONS,
    OVERALL_QUESTION,
    Overall,
    RatingChannel,
    SurveyElement,
)
from .services import Answers

DATE = forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")
TEXT = {"class": "form-control"}


class RatingForm(forms.Form):
    """The four Art. 13 questions the citizen answers, the overall question and a comment."""

    comment = forms.CharField(
        label="Góp ý thêm (không bắt buộc)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field, question in CITIZEN_QUESTIONS.items():
            self.fields[field] = forms.TypedChoiceField(
                label=question["question"],
                coerce=int,
                widget=forms.RadioSelect,
                choices=list(question["answers"].items()),
                error_messages={"required": "Xin chọn một câu trả lời."},
            )
        self.fields["overall"] = forms.ChoiceField(
            label=OVERALL_QUESTION,
            choices=Overall.choices,
            widget=forms.RadioSelect,
            error_messages={"required": "Xin chọn mức độ hài lòng."},
        )
        self.order_fields([*CITIZEN_QUESTIONS, "overall", "comment"])

    @classmethod
    def initial_from(cls, rating) -> dict:
        if rating is None:
            return {}
        return {f: getattr(rating, f) for f in [*CITIZEN_QUESTIONS, "overall", "comment"]}

    def answers(self) -> Answers:
        data = self.cleaned_data
        return Answers(
            *(data[f] for f in CITIZEN_QUESTIONS), overall=data["overall"], comment=data["comment"]
        )

    def question_fields(self):
        return [self[f] for f in CITIZEN_QUESTIONS]


class LookupForm(forms.Form):
    """The dossier code and the secret printed on the receipt (Mẫu 01)."""

    code = forms.CharField(
        label="Mã hồ sơ", max_length=48, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    secret = forms.CharField(
        label="Mã bí mật in trên giấy tiếp nhận",
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


def _code_field():
    return forms.CharField(
        label="Mã hồ sơ",
        max_length=48,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


class PaperRatingForm(RatingForm):
    """A paper slip typed in by staff: the dossier code written on it."""

    code = _code_field()

    def __init__(self, *args, agency, **kwargs):
        self.agency = agency
        super().__init__(*args, **kwargs)
        self.fields["code"].required = True
        self.order_fields(["code", *CITIZEN_QUESTIONS, "overall", "comment"])

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        try:
            self.dossier = Dossier.objects.get(agency=self.agency, code=code)
        except Dossier.DoesNotExist:
            raise forms.ValidationError("Không tìm thấy hồ sơ có mã này tại cơ quan.") from None
        return code

    def entry_fields(self):
        return [self["code"]]


class KioskRatingForm(RatingForm):
    """The kiosk: the dossier just handed over (its token), or a code with its secret."""

    token = forms.CharField(required=False, widget=forms.HiddenInput)
    code = _code_field()
    secret = forms.CharField(
        label="Mã bí mật in trên giấy tiếp nhận",
        max_length=16,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, staff, **kwargs):
        self.staff = staff
        self.dossier, self.with_secret, self.wrong_secret = None, False, False
        super().__init__(*args, **kwargs)
        self.order_fields(["token", "code", "secret", *CITIZEN_QUESTIONS, "overall", "comment"])

    def clean(self):
        data = super().clean()
        if data.get("token"):
            self.dossier = kiosk.redeem(data["token"], self.staff)
            if self.dossier is None:
                raise forms.ValidationError(
                    "Đã hết thời gian đánh giá hồ sơ vừa trả; xin nhập "
                    "mã hồ sơ và mã bí mật in trên giấy tiếp nhận."
                )
            return data
        code, secret = data.get("code", "").strip(), data.get("secret", "").strip().upper()
        if not code or not secret:
            raise forms.ValidationError("Xin nhập mã hồ sơ và mã bí mật in trên giấy tiếp nhận.")
        dossier = dossier_by_secret(code, secret)
        if dossier is None or dossier.agency_id != self.staff.agency_id:
            self.wrong_secret = True
            raise forms.ValidationError("Mã hồ sơ hoặc mã bí mật không đúng.")
        self.dossier, self.with_secret = dossier, True
        return data

    def entry_fields(self):
        return [self["code"], self["secret"]]


class RatingFilterForm(forms.Form):
    channel = forms.ChoiceField(
        label="Hình thức",
        required=False,
        choices=[("", "Tất cả")] + RatingChannel.choices,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    overall = forms.ChoiceField(
        label="Mức độ hài lòng",
        required=False,
        choices=[("", "Tất cả")] + Overall.choices,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    start = forms.DateField(label="Từ ngày", required=False, widget=DATE)
    end = forms.DateField(label="Đến ngày", required=False, widget=DATE)


class CampaignForm(forms.Form):
    name = forms.CharField(
        label="Tên đợt khảo sát", max_length=255, widget=forms.TextInput(attrs=TEXT)
    )
    starts_on = forms.DateField(label="Hồ sơ trả kết quả từ ngày", widget=DATE)
    ends_on = forms.DateField(label="Đến ngày", widget=DATE)
    sample_size = forms.IntegerField(
        label="Cỡ mẫu (số người được khảo sát)",
        min_value=1,
        max_value=10000,
        widget=forms.NumberInput(attrs=TEXT),
    )


class ItemForm(forms.Form):
    element = forms.ChoiceField(
        label="Yếu tố",
        choices=SurveyElement.choices,
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    text = forms.CharField(label="Câu hỏi", max_length=500, widget=forms.TextInput(attrs=TEXT))


class SampleForm(forms.Form):
    seed = forms.IntegerField(
        label="Số hạt giống (để chọn lại đúng mẫu này)",
        min_value=0,
        max_value=2**31 - 1,
        widget=forms.NumberInput(attrs=TEXT),
    )


class QuestionnaireForm(forms.Form):
    """One radio group per item of the campaign; an item may be left unanswered."""

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        choices = [(c.pk, c.label) for c in campaign.choices.all()]
        self.items = list(campaign.items.all())
        for item in self.items:
            self.fields[f"item_{item.pk}"] = forms.TypedChoiceField(
                label=item.text,
                coerce=int,
                required=False,
                choices=choices,
                widget=forms.RadioSelect,
                empty_value=None,
            )

    def clean(self):
        data = super().clean()
        if not any(data.get(f"item_{item.pk}") for item in self.items):
            raise forms.ValidationError("Xin trả lời ít nhất một câu hỏi.")
        return data

    def choices(self) -> dict[int, int]:
        return {
            item.pk: self.cleaned_data[f"item_{item.pk}"]
            for item in self.items
            if self.cleaned_data.get(f"item_{item.pk}")
        }

    def by_element(self):
        """[(element label, [bound fields])] in the order of the five elements."""
        groups = []
        for element, label in SurveyElement.choices:
            fields = [self[f"item_{i.pk}"] for i in self.items if i.element == element]
            if fields:
                groups.append((label, fields))
        return groups
