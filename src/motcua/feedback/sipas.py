"""A campaign's indices (vn-rules, decision 7): each element's index is the share of satisfied
answers to its items; the overall index is the mean of the element indices that have answers."""

from dataclasses import dataclass

from django.db.models import Count, Q

from .constants import CampaignState, SurveyElement
from .models import SurveyAnswer, SurveyCampaign


@dataclass(frozen=True)
class ElementResult:
    element: str
    label: str
    answers: int
    satisfied: int

    @property
    def index(self) -> float | None:
        return self.satisfied / self.answers if self.answers else None

    @property
    def percent(self) -> float | None:
        return None if self.index is None else 100 * self.index


@dataclass(frozen=True)
class CampaignResults:
    elements: list[ElementResult]
    sampled: int
    invited: int
    responded: int

    @property
    def measured(self) -> list[ElementResult]:
        return [e for e in self.elements if e.answers]

    @property
    def without_answers(self) -> list[ElementResult]:
        return [e for e in self.elements if not e.answers]

    @property
    def overall_percent(self) -> float | None:
        return overall_percent(self.elements)

    @property
    def response_rate(self) -> float | None:
        return self.responded / self.sampled if self.sampled else None

    @property
    def response_percent(self) -> float | None:
        return None if self.response_rate is None else 100 * self.response_rate


def element_results(answers) -> list[ElementResult]:
    """Each of the five elements' answers and satisfied answers among `answers`."""
    counts = {
        row["item__element"]: row
        for row in answers.values("item__element").annotate(
            answers=Count("pk"), satisfied=Count("pk", filter=Q(choice__satisfied=True))
        )
    }
    return [
        ElementResult(
            element,
            label,
            counts.get(element, {}).get("answers", 0),
            counts.get(element, {}).get("satisfied", 0),
        )
        for element, label in SurveyElement.choices
    ]


def overall_percent(elements: list[ElementResult]) -> float | None:
    """The overall index: the mean of the element indices that have answers, in %."""
    measured = [e for e in elements if e.answers]
    return 100 * sum(e.index for e in measured) / len(measured) if measured else None


def period_overall_percent(agency, start, end) -> float | None:
    """The overall index of the agency's campaigns (opened or closed) whose sampling period
    ends between `start` and `end`, over all their answers together."""
    answers = SurveyAnswer.objects.filter(
        respondent__campaign__agency=agency,
        respondent__campaign__ends_on__gte=start,
        respondent__campaign__ends_on__lte=end,
    ).exclude(respondent__campaign__state=CampaignState.DRAFT)
    return overall_percent(element_results(answers))


def campaign_results(campaign: SurveyCampaign) -> CampaignResults:
    elements = element_results(SurveyAnswer.objects.filter(respondent__campaign=campaign))
    respondents = campaign.respondents.aggregate(
        sampled=Count("pk"),
        invited=Count("pk", filter=Q(invited_at__isnull=False)),
        responded=Count("pk", filter=Q(responded_at__isnull=False)),
    )
    return CampaignResults(elements, **respondents)
