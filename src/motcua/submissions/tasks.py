"""Scheduled work of online submission (Celery beat; `motcua delete_expired_drafts` from cron in
the embedded setup)."""

from celery import shared_task

from .services import delete_expired_drafts as _delete_expired_drafts


@shared_task
def delete_expired_drafts() -> int:
    """Delete the drafts never submitted whose keeping time is over, with their files."""
    return _delete_expired_drafts()
