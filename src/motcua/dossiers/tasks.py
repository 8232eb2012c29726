"""Scheduled work of the lifecycle (Celery beat in production; `motcua run_dossier_jobs` from
cron in the embedded setup)."""

from celery import shared_task
from django.utils import timezone

from .models import Consultation
from .services import remind_late_consultation
from .warnings import warn_of_deadlines


@shared_task
def remind_late_consultations() -> int:
    """Send the reminder, second reminder or escalation due for every late consultation."""
    now = timezone.now()
    late = Consultation.objects.filter(
        answered_at__isnull=True, escalated_at__isnull=True, due_at__lt=now
    ).values_list("pk", flat=True)
    return sum(
        remind_late_consultation(consultation, now) is not None
        for consultation in Consultation.objects.filter(pk__in=list(late))
    )


@shared_task
def warn_officers_of_deadlines() -> int:
    """Warn the holders of dossiers whose last day to apologise has come."""
    return warn_of_deadlines()
