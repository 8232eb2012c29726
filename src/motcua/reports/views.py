"""/bao-cao/: request a report, follow its progress, download it; for the agency's office,
director and unit heads."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render

from motcua.org.constants import Role
from motcua.org.models import Staff
from motcua.org.scoping import require_staff

from .builders import period_of
from .constants import Status
from .forms import ReportRequestForm
from .models import ReportJob
from .services import request_report

READERS = (Role.OFFICE, Role.DIRECTOR, Role.UNIT_HEAD)
RECENT = 20


def _reader(request) -> Staff:
    return require_staff(request, *READERS,
                         refusal="Chỉ Văn phòng, Giám đốc và lãnh đạo phòng được lập báo cáo.")


def _job(request, pk: int) -> ReportJob:
    return get_object_or_404(ReportJob, pk=pk, agency=_reader(request).agency)


@login_required
def job_list(request):
    staff = _reader(request)
    form = ReportRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        job = request_report(staff, form.cleaned_data["kind"], form.cleaned_data["start"],
                             form.cleaned_data["end"])
        return redirect("reports:job", pk=job.pk)
    jobs = ReportJob.objects.filter(agency=staff.agency).select_related(
        "requested_by__user")[:RECENT]
    return render(request, "reports/job_list.html", {"form": form, "jobs": jobs})


@login_required
def job_detail(request, pk: int):
    job = _job(request, pk)
    period = period_of(job.parameters)
    response = render(request, "reports/job_detail.html",
                      {"job": job, "start": period.start, "end": period.end})
    if job.is_running:
        # Reload every 2 s until done: no script needed for the progress bar to move.
        response["Refresh"] = "2"
    return response


@login_required
def job_download(request, pk: int):
    job = _job(request, pk)
    if job.status != Status.DONE or not job.file:
        raise Http404("Báo cáo chưa lập xong.")
    return FileResponse(job.file.open("rb"), as_attachment=True,
                        filename=job.file.name.rsplit("/", 1)[-1])
