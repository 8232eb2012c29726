"""/bao-cao/: request a report, follow its progress, download it; who may order which report
and open which job is asked of reports.permissions."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from motcua.core.downloads import attachment
from motcua.org.models import Staff
from motcua.org.permissions import require
from motcua.org.scoping import require_staff

from .builders import period_of
from .constants import Status
from .forms import ReportRequestForm
from .models import ReportJob
from .permissions import USE_REFUSAL, may_use_reports, may_view_job, orderable_kinds
from .services import request_report

RECENT = 20
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _reader(request) -> Staff:
    staff = require_staff(request)
    require(may_use_reports(staff), USE_REFUSAL)
    return staff


def _job(request, pk: int) -> ReportJob:
    staff = _reader(request)
    job = get_object_or_404(ReportJob, pk=pk)
    if not may_view_job(staff, job):
        raise Http404("Không tìm thấy báo cáo.")
    return job


@login_required
def job_list(request):
    staff = _reader(request)
    form = ReportRequestForm(request.POST or None, kinds=orderable_kinds(staff))
    if request.method == "POST" and form.is_valid():
        job = request_report(
            staff, form.cleaned_data["kind"], form.cleaned_data["start"], form.cleaned_data["end"]
        )
        return redirect("reports:job", pk=job.pk)
    jobs = ReportJob.objects.filter(agency=staff.agency, requested_by=staff).select_related(
        "requested_by__user"
    )[:RECENT]
    return render(request, "reports/job_list.html", {"form": form, "jobs": jobs})


@login_required
def job_detail(request, pk: int):
    job = _job(request, pk)
    period = period_of(job.parameters)
    response = render(
        request, "reports/job_detail.html", {"job": job, "start": period.start, "end": period.end}
    )
    if job.is_running:
        # Reload every 2 s until done: no script needed for the progress bar to move.
        response["Refresh"] = "2"
    return response


@login_required
def job_download(request, pk: int):
    job = _job(request, pk)
    if job.status != Status.DONE or not job.file:
        raise Http404("Báo cáo chưa lập xong.")
    name = job.file.name.rsplit("/", 1)[-1]
    return attachment(job.file, name, XLSX if name.endswith(".xlsx") else DOCX)
