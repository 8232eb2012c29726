"""The Celery task that builds a report job's file (inline when no broker is configured)."""

import logging
import tempfile

from celery import shared_task
from django.core.files import File
from django.utils import timezone

from . import builders
from .constants import Status
from .models import ReportJob

log = logging.getLogger(__name__)


def _set_progress(job_id: int):
    last = [-1]

    def progress(percent: int) -> None:
        # One UPDATE per change of percentage, however many rows the builder reports.
        if percent != last[0]:
            last[0] = percent
            ReportJob.objects.filter(pk=job_id).update(progress=min(percent, 99))

    return progress


@shared_task
def build_report(job_id: int) -> str:
    """Build the job's file into a temporary file, then hand it to storage; a failure is kept
    on the job for the requester to read instead of being lost in the worker's log."""
    job = ReportJob.objects.select_related("agency").get(pk=job_id)
    ReportJob.objects.filter(pk=job_id).update(status=Status.RUNNING, progress=0)
    try:
        with tempfile.TemporaryFile() as out:
            name = builders.BUILDERS[job.kind](job, out, _set_progress(job_id))
            out.seek(0)
            job.file.save(name, File(out, name=name), save=False)
    except Exception as error:
        log.exception("Report job %s failed", job_id)
        ReportJob.objects.filter(pk=job_id).update(
            status=Status.FAILED,
            error=f"{type(error).__name__}: {error}",
            finished_at=timezone.now(),
        )
        return Status.FAILED
    ReportJob.objects.filter(pk=job_id).update(
        status=Status.DONE, progress=100, file=job.file.name, finished_at=timezone.now()
    )
    return Status.DONE
