"""Staff pages: the office sees every task and assignment, a unit those of its own; files leave
only through the download views below, after the same predicates (permissions.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from motcua.core.downloads import attachment
from motcua.org.permissions import require
from motcua.org.scoping import staff_of

from . import permissions, services
from .errors import PlanError
from .forms import AssignmentFilterForm, DoneForm, ExtendForm, ProgressForm
from .models import Assignment, Evidence, PlanTask
from .selectors import visible_assignments, visible_plans, visible_tasks

PAGE_SIZE = 20


@login_required
def plan_list(request):
    page = Paginator(visible_plans(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "plans/plan_list.html",
        {"page": page, "may_import": permissions.may_use_report_calendar(staff_of(request.user))},
    )


@login_required
def plan_detail(request, pk: int):
    plan = get_object_or_404(visible_plans(request.user), pk=pk)
    today = timezone.localdate()
    tasks = list(visible_tasks(request.user, plan))
    for task in tasks:
        task.current_status = task.status(today)
    sections = list(plan.sections.all())
    # Each task under its part heading and its own heading, each printed once, in table order.
    rows, shown = [], set()
    for task in tasks:
        part = next(
            (s for s in reversed(sections) if s.level == 1 and s.position < task.position), None
        )
        for heading in (part, task.section):
            if heading is not None and heading.pk not in shown:
                shown.add(heading.pk)
                rows.append(("section", heading))
        rows.append(("task", task))
    return render(request, "plans/plan_detail.html", {"plan": plan, "rows": rows})


def _visible_task(request, pk: int) -> PlanTask:
    """The task when the user may follow it; another agency's, or another unit's, is 404."""
    task = get_object_or_404(PlanTask.objects.select_related("plan", "lead_unit"), pk=pk)
    if not permissions.may_view_task(staff_of(request.user), task):
        raise Http404
    return task


@login_required
def task_progress(request, pk: int):
    task = _visible_task(request, pk)
    staff = staff_of(request.user)
    may_report = permissions.may_report(staff, task) and not task.completed_on
    form = ProgressForm(initial={"reported_on": timezone.localdate()})
    if request.method == "POST":
        require(may_report, "Nhiệm vụ đã hoàn thành; không báo cáo thêm.")
        form = ProgressForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.report_progress(
                    task,
                    staff,
                    report=form.cleaned_data["report"],
                    reported_on=form.cleaned_data["reported_on"],
                    completes=form.cleaned_data["completes"],
                    files=form.cleaned_data["files"],
                )
            except PlanError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "Đã ghi nhận báo cáo tiến độ.")
                return redirect("plans:task_progress", pk=task.pk)
    return render(
        request,
        "plans/task_progress.html",
        {
            "task": task,
            "status": task.status(timezone.localdate()),
            "form": form,
            "may_report": may_report,
            "reports": task.progress.select_related("reporter__user").prefetch_related("evidence"),
        },
    )


@login_required
def assignment_list(request):
    today = timezone.localdate()
    form = AssignmentFilterForm(request.GET or None)
    assignments = list(visible_assignments(request.user))
    wanted = form.cleaned_data["state"] if form.is_valid() else ""
    for assignment in assignments:
        assignment.current_state = assignment.state(today)
    if wanted:
        assignments = [a for a in assignments if a.current_state == wanted]
    page = Paginator(assignments, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "plans/assignment_list.html", {"form": form, "page": page})


def _assignment_page(request, pk, **forms):
    assignment = get_object_or_404(visible_assignments(request.user), pk=pk)
    today = timezone.localdate()
    context = {
        "assignment": assignment,
        "state": assignment.state(today),
        "may_handle": permissions.may_handle(staff_of(request.user), assignment),
        "extend_form": forms.get("extend_form") or ExtendForm(),
        "done_form": forms.get("done_form") or DoneForm(initial={"done_on": today}),
        "close_error": forms.get("close_error"),
        "extensions": assignment.extensions.select_related("by__user"),
    }
    return render(request, "plans/assignment_detail.html", context, status=400 if forms else 200)


@login_required
def assignment_detail(request, pk: int):
    return _assignment_page(request, pk)


def _act(request, pk, form_class, form_name, action):
    assignment = get_object_or_404(visible_assignments(request.user), pk=pk)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            action(assignment, staff_of(request.user), form.cleaned_data)
        except PlanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Đã cập nhật nhiệm vụ.")
            return redirect("plans:assignment_detail", pk=pk)
    return _assignment_page(request, pk, **{form_name: form})


@login_required
@require_POST
def assignment_extend(request, pk: int):
    return _act(
        request,
        pk,
        ExtendForm,
        "extend_form",
        lambda a, s, data: services.extend_assignment(
            a, s, new_deadline=data["new_deadline"], reason=data["reason"]
        ),
    )


@login_required
@require_POST
def assignment_done(request, pk: int):
    return _act(
        request,
        pk,
        DoneForm,
        "done_form",
        lambda a, s, data: services.mark_assignment_done(
            a,
            s,
            result_document=data["result_document"],
            done_on=data["done_on"],
            result_file=data["result_file"],
        ),
    )


@login_required
@require_POST
def assignment_close(request, pk: int):
    assignment = get_object_or_404(visible_assignments(request.user), pk=pk)
    try:
        services.close_assignment(assignment, staff_of(request.user))
    except PlanError as error:
        return _assignment_page(request, pk, close_error=str(error))
    messages.success(request, "Đã kết thúc nhắc việc.")
    return redirect("plans:assignment_detail", pk=pk)


@login_required
def evidence_download(request, pk: int):
    """A progress report's evidence file, for whoever may follow its task."""
    evidence = get_object_or_404(Evidence.objects.select_related("progress__task__plan"), pk=pk)
    if not permissions.may_download_evidence(staff_of(request.user), evidence):
        raise Http404
    return attachment(evidence.file, evidence.name, evidence.content_type)


@login_required
def result_download(request, pk: int):
    """An assignment's result file, for whoever may follow the assignment."""
    assignment = get_object_or_404(Assignment.objects.exclude(result_file=""), pk=pk)
    if not permissions.may_download_result(staff_of(request.user), assignment):
        raise Http404
    return attachment(assignment.result_file, assignment.result_file.name.rsplit("/", 1)[-1])
