"""A campaign's indices (vn-rules, decision 7): each element's index is the share of satisfied
answers to its items; the overall index is the mean of the element indices that have answers."""

from dataclasses import dataclass

from django.db.models import Count, Q

from .constants import SurveyElement
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
    def overall(self) -> float | None:
        measured = self.measured
        return sum(e.index for e in measured) / len(measured) if measured else None

    @property
    def overall_percent(self) -> float | None:
        return None if self.overall is None else 100 * self.overall

    @property
    def response_rate(self) -> float | None:
        return self.responded / self.sampled if self.sampled else None

    @property
    def response_percent(self) -> float | None:
        return None if self.response_rate is None else 100 * self.response_rate


def campaign_results(campaign: SurveyCampaign) -> CampaignResults:
    counts = {
        row["item__element"]: row
        for row in SurveyAnswer.objects.filter(respondent__campaign=campaign)
        .values("item__element")
        .annotate(answers=Count("pk"), satisfied=Count("pk", filter=Q(choice__satisfied=True)))
    }
    elements = [
        ElementResult(element, label, counts.get(element, {}).get("answers", 0),
                      counts.get(element, {}).get("satisfied", 0))
        for element, label in SurveyElement.choices
    ]
    respondents = campaign.respondents.aggregate(
        sampled=Count("pk"), invited=Count("pk", filter=Q(invited_at__isnull=False)),
        responded=Count("pk", filter=Q(responded_at__isnull=False)),
    )
    return CampaignResults(elements, **respondents)
