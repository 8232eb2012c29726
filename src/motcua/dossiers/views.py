"""The back-office pages of the dossier lifecycle: worklists, intake at the counter, the dossier
page and the actions posted from it. Thin on purpose: forms carry the input, `services` make
every change, `selectors` read. Everything is scoped to the user's agency."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from motcua.catalog.models import Field, Procedure
from motcua.catalog.selectors import search, version_in_force, versions_in_force
from motcua.core.downloads import attachment
from motcua.org.models import Staff, Unit
from motcua.org.permissions import require
from motcua.org.scoping import require_staff, scope_to_agency
from motcua.worktime.selectors import calendar_for

from . import permissions, services
from .constants import Action
from .errors import DossierError, IncompleteDossier
from .forms import ACTION_FORMS, IntakeForm, ProcedureSearchForm, WorklistFilterForm
from .lifecycle import Actor, allowed_actions, check
from .links import ref_lookup
from .models import Attachment, Dossier, GuidanceSlip
from .selectors import (
    filter_dossiers,
    timeliness,
    visible_dossiers,
    worklist as worklist_of,
    worklists_for,
)

COUNT_LIMIT = 1000
PAGE_SIZE = 50


def _staff(request) -> Staff:
    return require_staff(request)


def _counter_officer(request) -> Staff:
    staff = require_staff(request)
    require(permissions.may_receive(staff), permissions.RECEIVE_REFUSAL)
    return staff


def _dossiers(request):
    return visible_dossiers(request.user).select_related(
        "procedure",
        "version__field",
        "regime",
        "received_by__user",
        "current_step__unit",
        "current_step__assignee__user",
    )


def _dossier(request, ref: str) -> Dossier:
    return get_object_or_404(_dossiers(request), **ref_lookup(ref))


# ---------------------------------------------------------------------------------------------
# Worklists


@login_required
def worklist(request):
    staff = _staff(request)
    agency_id = staff.agency_id
    names = worklists_for(staff)
    # Dossiers exist only for published procedures: the versions in force name them.
    versions = (
        versions_in_force()
        .filter(procedure__agency_id=agency_id)
        .select_related("procedure")
        .only("name", "procedure__national_code", "procedure__local_code")
        .order_by("name")
    )
    form = WorklistFilterForm(
        request.GET,
        worklists=names,
        procedures=[(v.procedure_id, f"{v.procedure.code} — {v.name}") for v in versions],
        fields=Field.objects.filter(agency_id=agency_id),
        units=Unit.objects.filter(agency_id=agency_id),
    )
    filters = form.filters() if form.is_valid() else {}
    current = form.cleaned_data.get("ds") or names[0]
    # Counting stops past COUNT_LIMIT: a tab of thousands reads "1000+" and costs no more.
    counts = {
        name: filter_dossiers(worklist_of(staff, name), **filters)
        .order_by()[: COUNT_LIMIT + 1]
        .count()
        for name in names
    }
    dossiers = filter_dossiers(worklist_of(staff, current), **filters).select_related(
        "procedure", "version", "current_step__unit", "current_step__assignee__user"
    )
    paginator = Paginator(dossiers, PAGE_SIZE)
    paginator.count = counts[current]  # counted for its tab already: no second COUNT query
    page = paginator.get_page(request.GET.get("page"))
    calendar, now = calendar_for(agency_id), timezone.now()
    return render(
        request,
        "dossiers/worklist.html",
        {
            "form": form,
            "tabs": list(counts.items()),
            "count_limit": COUNT_LIMIT,
            "current": current,
            "page": page,
            "rows": [(d, timeliness(d, calendar, now)) for d in page.object_list],
            "can_receive": permissions.may_receive(staff),
        },
    )


# ---------------------------------------------------------------------------------------------
# Intake at the counter


@login_required
def intake_start(request):
    """Choose the procedure: those with a version in force, searched without diacritics."""
    staff = _counter_officer(request)
    form = ProcedureSearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    versions = (
        search(versions_in_force().filter(procedure__agency_id=staff.agency_id), query)
        .select_related("procedure", "field")
        .order_by("name")
    )
    page = Paginator(versions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "dossiers/intake_start.html", {"form": form, "page": page})


@login_required
def intake(request, pk: int):
    staff = _counter_officer(request)
    procedure = get_object_or_404(scope_to_agency(Procedure.objects.all(), request.user), pk=pk)
    version = version_in_force(procedure)
    if version is None:
        raise Http404("Thủ tục chưa có phiên bản đang có hiệu lực.")
    form = IntakeForm(request.POST or None, version=version)
    missing, status = [], 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                if request.POST.get("intent") == "guidance":
                    slip = services.issue_guidance_slip(
                        staff,
                        procedure,
                        form.cleaned_data["applicant_name"],
                        form.documents(),
                        phone=form.cleaned_data["applicant_phone"],
                        note=form.cleaned_data["guidance_note"],
                    )
                    messages.success(request, f"Đã lập phiếu hướng dẫn số {slip.number}.")
                    return redirect("dossiers:guidance_slip", slip.pk)
                dossier = services.receive(
                    staff,
                    procedure,
                    form.intake(),
                    idempotency_key=form.cleaned_data["idempotency_key"],
                )
            except IncompleteDossier as incomplete:
                missing = incomplete.missing
            except DossierError as error:
                form.add_error(None, error.message)
                status = error.status
            else:
                messages.success(request, _received_message(dossier))
                return redirect("dossiers:detail", dossier)
    return render(
        request,
        "dossiers/intake.html",
        {
            "procedure": procedure,
            "version": version,
            "form": form,
            "missing": missing,
        },
        status=status,
    )


def _received_message(dossier: Dossier):
    text = (
        f"Đã tiếp nhận hồ sơ {dossier.code}; hẹn trả kết quả "
        f"{timezone.localtime(dossier.due_at):%H:%M ngày %d/%m/%Y}."
    )
    receipt = reverse("paperwork:form_html", args=[dossier.code, "receipt"])
    return format_html('{} <a class="alert-link" href="{}">In giấy tiếp nhận</a>', text, receipt)


@login_required
def guidance_slip(request, pk: int):
    slip = get_object_or_404(
        scope_to_agency(
            GuidanceSlip.objects.select_related("version__procedure", "issued_by__user"),
            request.user,
        ),
        pk=pk,
    )
    return render(request, "dossiers/guidance_slip.html", {"slip": slip})


# ---------------------------------------------------------------------------------------------
# The dossier page and its actions


@login_required
def detail(request, ref: str):
    staff = _staff(request)
    dossier = _dossier(request, ref)
    if dossier.code and ref != dossier.code:  # an online submission accepted since
        return redirect("dossiers:detail", dossier)
    return _render_detail(request, staff, dossier)


@login_required
@require_POST
def act(request, ref: str, action: str):
    """Run one action through its service; on refusal the page comes back with the message,
    the status of the error and what the user typed."""
    staff = _staff(request)
    dossier = _dossier(request, ref)
    form_class = ACTION_FORMS.get(action)
    if form_class is None:
        raise Http404("Không có thao tác này.")
    form = form_class(request.POST, request.FILES, dossier=dossier, staff=staff)
    try:
        if not form.is_valid():
            # An action closed to this user is refused as such, not as a form error.
            check(action, dossier.state, Actor.of(staff), step=dossier.current_step, note="x")
            return _rerender(
                request,
                staff,
                dossier,
                form,
                400,
                f"«{form.label}»: thông tin chưa hợp lệ, xin xem các ô được đánh dấu.",
            )
        message = form.perform()
    except DossierError as error:
        return _rerender(request, staff, dossier, form, error.status, error.message)
    if message:
        messages.success(request, message)
    if form.errors:  # some uploads refused, each named beside its input
        return _rerender(request, staff, dossier, form, 400, "Có tệp không được nhận.")
    return redirect("dossiers:detail", Dossier.objects.get(pk=dossier.pk))


def _rerender(request, staff, dossier, form, status, error):
    # Read again: the action may have been refused because the dossier changed meanwhile.
    fresh = get_object_or_404(_dossiers(request), pk=dossier.pk)
    return _render_detail(request, staff, fresh, bound=form, error=error, status=status)


def _render_detail(request, staff, dossier, *, bound=None, error="", status=200):
    forms = []
    for action in allowed_actions(dossier, Actor.of(staff)):
        form_class = ACTION_FORMS.get(action)
        if form_class is None:
            continue
        if bound is not None and bound.action == action:
            forms.append(bound)
        else:
            forms.append(form_class(dossier=dossier, staff=staff))
    actions = [f for f in forms if f.action != Action.ATTACH]
    attach = next((f for f in forms if f.action == Action.ATTACH), None)
    documents = dossier.documents.prefetch_related("attachments")
    return render(
        request,
        "dossiers/detail.html",
        {
            "dossier": dossier,
            "timeliness": timeliness(dossier, calendar_for(dossier.agency_id)),
            "steps": dossier.steps.select_related("unit", "assignee__user"),
            # Each document beside its upload input, when the user may attach files.
            "document_rows": [(d, attach[f"doc-{d.pk}"] if attach else None) for d in documents],
            "other_files": dossier.attachments.filter(document__isnull=True),
            "events": dossier.events.all(),
            "supplements": dossier.supplements.select_related("requested_by__user"),
            "consultations": dossier.consultations.all(),
            "primary_actions": [f for f in actions if f.primary],
            "other_actions": [f for f in actions if not f.primary],
            "attach_form": attach,
            "error": error,
        },
        status=status,
    )


@login_required
def download(request, ref: str, pk: int):
    staff = _staff(request)
    stored = get_object_or_404(
        Attachment.objects.select_related("dossier"), dossier=_dossier(request, ref), pk=pk
    )
    require(permissions.may_download(staff, stored))
    return attachment(stored.file, stored.original_name, stored.content_type)
