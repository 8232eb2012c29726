"""The applicant's rating of one dossier, and the survey campaigns of the office."""

from django.db import models
from django.db.models import Q

from motcua.catalog.models import ProcedureVersion
from motcua.dossiers.models import Dossier
from motcua.org.models import Agency, Staff

from .constants import (
    INDEX_FIELDS,
    CampaignState,
    Overall,
    RatingChannel,
    SurveyChannel,
    SurveyElement,
)


def _score_field(number: int):
    return models.PositiveSmallIntegerField(
        f"chỉ số {number}", choices=[(2, "2"), (1, "1"), (0, "0")]
    )


class Rating(models.Model):
    """One rating per dossier (the one-to-one makes a second impossible): its current answers,
    which the indices read. Every answer given, the first and each change, is also kept as a
    `RatingRevision`, so a change never loses what was said before."""

    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="ratings"
    )
    dossier = models.OneToOneField(
        Dossier, verbose_name="hồ sơ", on_delete=models.PROTECT, related_name="rating"
    )
    # The dossier's procedure version, copied at rating time: satisfaction by field or
    # procedure is then read from the ratings alone, never joined to a million dossiers.
    version = models.ForeignKey(
        ProcedureVersion,
        verbose_name="phiên bản thủ tục",
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    channel = models.CharField("hình thức", max_length=8, choices=RatingChannel.choices)
    index1 = _score_field(1)
    index3 = _score_field(3)
    index4 = _score_field(4)
    index7 = _score_field(7)
    overall = models.CharField("mức độ hài lòng", max_length=16, choices=Overall.choices)
    comment = models.TextField("góp ý", blank=True)
    rated_at = models.DateTimeField("đánh giá lúc", db_index=True)
    updated_at = models.DateTimeField("sửa lần cuối lúc")
    entered_by = models.ForeignKey(
        Staff,
        verbose_name="người nhập phiếu",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "đánh giá của người dân"
        verbose_name_plural = "đánh giá của người dân"
        ordering = ["-rated_at"]
        indexes = [models.Index(fields=["agency", "rated_at"], name="rating_agency_time")]
        constraints = [
            *[
                models.CheckConstraint(condition=Q(**{f"{f}__lte": 2}), name=f"rating_{f}_score")
                for f in INDEX_FIELDS
            ],
            models.CheckConstraint(
                condition=Q(overall__in=Overall.values), name="rating_overall_choice"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dossier} — {self.get_overall_display()}"

    @property
    def total(self) -> int:
        return sum(getattr(self, f) for f in INDEX_FIELDS)


class RatingRevision(models.Model):
    """One set of answers given for a dossier: by whom, through which channel, when. The last
    revision is the rating's current answers."""

    rating = models.ForeignKey(
        Rating, verbose_name="đánh giá", on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveSmallIntegerField("lần")
    channel = models.CharField("hình thức", max_length=8, choices=RatingChannel.choices)
    with_secret = models.BooleanField(
        "người có mã bí mật",
        default=False,
        help_text="Người đánh giá đã nhập mã bí mật in trên giấy tiếp nhận.",
    )
    staff = models.ForeignKey(
        Staff,
        verbose_name="qua tài khoản cán bộ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Cán bộ nhập phiếu giấy, hoặc cán bộ Một cửa có thiết bị tại quầy.",
    )
    recorded_at = models.DateTimeField("ghi lúc")
    index1 = _score_field(1)
    index3 = _score_field(3)
    index4 = _score_field(4)
    index7 = _score_field(7)
    overall = models.CharField("mức độ hài lòng", max_length=16, choices=Overall.choices)
    comment = models.TextField("góp ý", blank=True)

    class Meta:
        verbose_name = "lần đánh giá"
        verbose_name_plural = "lịch sử đánh giá"
        ordering = ["rating", "number"]
        constraints = [
            models.UniqueConstraint(fields=["rating", "number"], name="rating_revision_number")
        ]

    def __str__(self) -> str:
        return f"{self.rating.dossier} — lần {self.number}"


class SurveyCampaign(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name="cơ quan", on_delete=models.PROTECT, related_name="survey_campaigns"
    )
    name = models.CharField("tên đợt khảo sát", max_length=255)
    starts_on = models.DateField("hồ sơ trả kết quả từ ngày")
    ends_on = models.DateField("đến ngày")
    sample_size = models.PositiveIntegerField("cỡ mẫu")
    seed = models.PositiveIntegerField("hạt giống chọn mẫu", null=True, blank=True)
    state = models.CharField(
        "trạng thái", max_length=8, choices=CampaignState.choices, default=CampaignState.DRAFT
    )
    illustrative = models.BooleanField(
        "bộ câu hỏi minh họa",
        default=True,
        help_text="Bộ câu hỏi chép từ mẫu minh họa, không phải bộ câu hỏi chính thức.",
    )
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)

    class Meta:
        verbose_name = "đợt khảo sát"
        verbose_name_plural = "đợt khảo sát"
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="survey_period_order"
            )
        ]

    def __str__(self) -> str:
        return self.name


class SurveyItem(models.Model):
    campaign = models.ForeignKey(SurveyCampaign, on_delete=models.CASCADE, related_name="items")
    element = models.CharField("yếu tố", max_length=16, choices=SurveyElement.choices)
    text = models.CharField("câu hỏi", max_length=500)
    position = models.PositiveSmallIntegerField("thứ tự")

    class Meta:
        verbose_name = "câu hỏi khảo sát"
        verbose_name_plural = "câu hỏi khảo sát"
        ordering = ["campaign", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class SurveyChoice(models.Model):
    """One option of the campaign's answer scale; `satisfied` says whether it counts as such."""

    campaign = models.ForeignKey(SurveyCampaign, on_delete=models.CASCADE, related_name="choices")
    label = models.CharField("mức trả lời", max_length=100)
    satisfied = models.BooleanField("tính là hài lòng", default=False)
    position = models.PositiveSmallIntegerField("thứ tự")

    class Meta:
        verbose_name = "mức trả lời"
        verbose_name_plural = "thang trả lời"
        ordering = ["campaign", "position"]

    def __str__(self) -> str:
        return self.label


class SurveyRespondent(models.Model):
    """A dossier drawn into the campaign's sample; its applicant answers once."""

    campaign = models.ForeignKey(
        SurveyCampaign, on_delete=models.CASCADE, related_name="respondents"
    )
    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="+")
    token = models.CharField(max_length=32, unique=True, editable=False)
    invited_at = models.DateTimeField("mời lúc", null=True, blank=True)
    responded_at = models.DateTimeField("trả lời lúc", null=True, blank=True)
    channel = models.CharField("hình thức", max_length=8, choices=SurveyChannel.choices, blank=True)
    entered_by = models.ForeignKey(
        Staff,
        verbose_name="người nhập phiếu",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "người được khảo sát"
        verbose_name_plural = "người được khảo sát"
        ordering = ["campaign", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "dossier"], name="survey_respondent_once")
        ]

    def __str__(self) -> str:
        return f"{self.campaign} — {self.dossier}"


class SurveyAnswer(models.Model):
    respondent = models.ForeignKey(
        SurveyRespondent, on_delete=models.CASCADE, related_name="answers"
    )
    item = models.ForeignKey(SurveyItem, on_delete=models.PROTECT, related_name="answers")
    choice = models.ForeignKey(SurveyChoice, on_delete=models.PROTECT, related_name="answers")

    class Meta:
        verbose_name = "câu trả lời"
        verbose_name_plural = "câu trả lời"
        constraints = [
            models.UniqueConstraint(fields=["respondent", "item"], name="survey_answer_once")
        ]
