"""Requesting a report: the job row now, its build after the request's transaction commits
(so the worker finds the row); only a kind the requester may order (reports.permissions)."""

from datetime import date

from django.db import transaction

from motcua.org.models import Staff
from motcua.org.permissions import require

from .models import ReportJob
from .permissions import ORDER_REFUSAL, may_order
from .tasks import build_report


def request_report(staff: Staff, kind: str, start: date, end: date) -> ReportJob:
    require(may_order(staff, kind), ORDER_REFUSAL)
    job = ReportJob.objects.create(
        agency=staff.agency,
        kind=kind,
        requested_by=staff,
        parameters={"start": start.isoformat(), "end": end.isoformat()},
    )
    transaction.on_commit(lambda: build_report.delay(job.pk), robust=True)
    return job
