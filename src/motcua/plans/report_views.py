"""Office pages of the report calendar and of the task-table import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from motcua.org.permissions import require
from motcua.org.scoping import require_staff

from . import services
from .errors import PlanError
from .forms import ImportForm, SubmissionForm
from .importer import import_tasks
from .models import Plan, ReportOccurrence
from .permissions import OFFICE_REFUSAL, may_use_occurrence, may_use_report_calendar
from .report_calendar import occurrences_for, record_submission
from .report_draft import build_draft

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _office(request):
    staff = require_staff(request)
    require(may_use_report_calendar(staff), OFFICE_REFUSAL)
    return staff


@login_required
def plan_import(request):
    staff = _office(request)
    plans = Plan.objects.filter(agency=staff.agency_id)
    form, result = ImportForm(plans), None
    if request.method == "POST":
        form = ImportForm(plans, request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    plan = data["plan"] or services.create_plan(
                        staff.agency,
                        number=data["number"],
                        issued_on=data["issued_on"],
                        title=data["title"],
                        year=data["year"],
                    )
                    result = import_tasks(plan, data["file"], data["file"].name)
            except PlanError as error:
                form.add_error(None, str(error))
    return render(
        request,
        "plans/plan_import.html",
        {"form": form, "result": result},
        status=400 if form.errors else 200,
    )


def _year(request) -> int:
    try:
        return int(request.GET.get("nam", ""))
    except ValueError:
        return timezone.localdate().year


@login_required
def report_calendar(request):
    staff = _office(request)
    year, today = _year(request), timezone.localdate()
    occurrences = occurrences_for(staff.agency, year)
    for occurrence in occurrences:
        occurrence.current_state = occurrence.state(today)
    return render(
        request,
        "plans/report_calendar.html",
        {
            "year": year,
            "occurrences": occurrences,
            "form": SubmissionForm(initial={"submitted_on": today}),
        },
    )


def _occurrence(request, pk: int) -> tuple:
    staff = _office(request)
    occurrence = get_object_or_404(
        ReportOccurrence.objects.select_related("obligation__agency"), pk=pk
    )
    if not may_use_occurrence(staff, occurrence):
        raise Http404
    return staff, occurrence


@login_required
def report_draft(request, pk: int):
    _, occurrence = _occurrence(request, pk)
    response = HttpResponse(build_draft(occurrence), content_type=DOCX)
    name = f"du-thao-{occurrence.obligation.code}-{occurrence.period_end:%Y-%m-%d}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def report_submit(request, pk: int):
    staff, occurrence = _occurrence(request, pk)
    form = SubmissionForm(request.POST)
    if form.is_valid():
        try:
            record_submission(occurrence, staff, **form.cleaned_data)
        except PlanError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, f"Đã ghi nhận nộp {occurrence.obligation.name}.")
    else:
        messages.error(request, "Cần số văn bản và ngày nộp hợp lệ.")
    return redirect(f"{reverse('plans:report_calendar')}?nam={occurrence.period_end.year}")
