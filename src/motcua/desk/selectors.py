"""Read queries of the desk, shared by the pages, the API and the demo."""

from django.db.models import BooleanField, Case, Count, Q, QuerySet, When
from django.utils import timezone

from motcua.core.text import fold
from motcua.org.models import Staff

from .constants import ComplaintOutcome, QuestionTab
from .models import Question


def published_faq(query: str = "", procedure_id: int | None = None) -> QuerySet:
    """The published questions, newest first; `query` matches every word, diacritics ignored."""
    questions = Question.objects.filter(published=True).select_related("agency")
    for word in fold(query).split():
        questions = questions.filter(search_text__contains=word)
    if procedure_id:
        questions = questions.filter(procedures=procedure_id)
    return questions.prefetch_related("procedures").order_by("-published_at", "-pk")


def faq_of(procedure) -> QuerySet:
    return Question.objects.filter(published=True, procedures=procedure).order_by("-published_at")


def overdue_q(now=None) -> Q:
    """Not answered by the due moment."""
    return Q(answered_at__isnull=True, due_at__lt=now or timezone.now())


def question_tab(questions: QuerySet, tab: str, now=None) -> QuerySet:
    """The questions of one worklist tab; each row has `is_overdue`."""
    questions = questions.annotate(
        is_overdue=Case(When(overdue_q(now), then=True), default=False, output_field=BooleanField())
    )
    if tab == QuestionTab.NEW:
        return questions.filter(unit__isnull=True, answered_at__isnull=True).order_by("due_at")
    if tab == QuestionTab.ASSIGNED:
        return questions.filter(unit__isnull=False, answered_at__isnull=True).order_by("due_at")
    if tab == QuestionTab.OVERDUE:
        return questions.filter(overdue_q(now)).order_by("due_at")
    return questions.filter(answered_at__isnull=False).order_by("-answered_at")


def question_counts(questions: QuerySet, now=None) -> dict[str, int]:
    return questions.aggregate(
        **{
            QuestionTab.NEW: Count("pk", filter=Q(unit__isnull=True, answered_at__isnull=True)),
            QuestionTab.ASSIGNED: Count(
                "pk", filter=Q(unit__isnull=False, answered_at__isnull=True)
            ),
            QuestionTab.OVERDUE: Count("pk", filter=overdue_q(now)),
            QuestionTab.ANSWERED: Count("pk", filter=Q(answered_at__isnull=False)),
        }
    )


def complaint_worklist(complaints: QuerySet, now=None) -> QuerySet:
    """Overdue first, then the other open ones by due date, then the answered; each row has
    `is_overdue`."""
    return (
        complaints.select_related("unit", "officer__user", "dossier")
        .annotate(
            is_overdue=Case(
                When(overdue_q(now), then=True), default=False, output_field=BooleanField()
            ),
            is_open=Case(
                When(answered_at__isnull=True, then=True),
                default=False,
                output_field=BooleanField(),
            ),
        )
        .order_by("-is_overdue", "-is_open", "due_at", "pk")
    )


def officer_record(officer: Staff) -> tuple[QuerySet, dict[str, int]]:
    """The complaints naming `officer`, and how many of them were found true, partly, or not."""
    complaints = officer.complaints.select_related("dossier", "unit").order_by("-received_at")
    counts = complaints.aggregate(
        total=Count("pk"),
        **{o.value: Count("pk", filter=Q(outcome=o.value)) for o in ComplaintOutcome},
    )
    return complaints, counts


def is_overdue(item, now=None) -> bool:
    """A question or complaint not answered by its due moment."""
    return (
        item.answered_at is None
        and item.due_at is not None
        and item.due_at < (now or timezone.now())
    )
