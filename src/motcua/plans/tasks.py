"""Scheduled work of plans (Celery beat in production; `motcua run_plan_jobs` from cron in the
embedded setup)."""

from celery import shared_task
from django.conf import settings

from .reminders import remind_assignments
from .report_reminders import remind_reports


@shared_task
def send_assignment_reminders() -> int:
    """Remind the people of open assignments before and after their deadlines."""
    return remind_assignments(days=settings.MOTCUA_ASSIGNMENT_REMINDER_DAYS)


@shared_task
def send_report_reminders() -> int:
    """Remind the office of the recurring reports it owes, before and after their due dates."""
    return remind_reports()
