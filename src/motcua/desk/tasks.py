"""Scheduled work of the desk (Celery beat; `motcua fetch_questions` from cron)."""

from celery import shared_task

from . import inbox


@shared_task
def fetch_questions() -> int:
    """Turn the new messages of the questions mailbox into questions."""
    return inbox.fetch_questions()
