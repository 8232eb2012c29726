"""Pages of the smaller registers: every staff member of the agency reads them, the office
keeps them, the director decides repair and purchase requests."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from motcua.core.downloads import attachment
from motcua.org.permissions import require
from motcua.org.scoping import require_staff

from . import registers
from .constants import Direction
from .errors import PlanError
from .permissions import (
    REGISTER_REFUSAL,
    may_decide_facility,
    may_download_initiative_evidence,
    may_edit_register,
)
from .register_forms import (
    DecisionForm,
    DocumentForm,
    EquipmentForm,
    EvidenceForm,
    FacilityRequestForm,
    InitiativeForm,
    YearForm,
)
from .register_models import Document, Equipment, FacilityRequest, Initiative, InitiativeEvidence


def _staff(request):
    return require_staff(request)


def _year(request) -> int:
    form = YearForm(request.GET)
    return (form.is_valid() and form.cleaned_data["year"]) or timezone.localdate().year


def _saved(request, staff, form, message: str) -> bool:
    """Save a bound register form for the office; the refusal lands on the form."""
    require(may_edit_register(staff, staff.agency_id), REGISTER_REFUSAL)
    if not form.is_valid():
        return False
    try:
        registers.save_row(staff, form.save(commit=False))
    except PlanError as error:
        form.add_error(None, str(error))
        return False
    messages.success(request, message)
    return True


@login_required
def initiative_list(request):
    staff, year = _staff(request), _year(request)
    form = InitiativeForm(staff.agency_id, initial={"year": year})
    if request.method == "POST":
        form = InitiativeForm(staff.agency_id, request.POST)
        if _saved(request, staff, form, "Đã thêm sáng kiến."):
            return redirect("plans:initiative_detail", pk=form.instance.pk)
    rows = (
        Initiative.objects.filter(agency=staff.agency_id, year=year)
        .select_related("unit")
        .prefetch_related("evidence")
    )
    return render(
        request,
        "plans/registers/initiative_list.html",
        {
            "year": year,
            "initiatives": rows,
            "form": form,
            "may_edit": may_edit_register(staff, staff.agency_id),
        },
        status=400 if form.errors else 200,
    )


@login_required
def initiative_detail(request, pk: int):
    staff = _staff(request)
    initiative = get_object_or_404(Initiative, pk=pk, agency=staff.agency_id)
    form = InitiativeForm(staff.agency_id, instance=initiative)
    evidence_form = EvidenceForm()
    if request.method == "POST" and "files" in request.FILES:
        require(may_edit_register(staff, staff.agency_id), REGISTER_REFUSAL)
        evidence_form = EvidenceForm(request.POST, request.FILES)
        if evidence_form.is_valid():
            try:
                registers.add_initiative_evidence(
                    initiative, staff, evidence_form.cleaned_data["files"]
                )
            except PlanError as error:
                evidence_form.add_error(None, str(error))
            else:
                messages.success(request, "Đã thêm minh chứng.")
                return redirect("plans:initiative_detail", pk=pk)
    elif request.method == "POST":
        form = InitiativeForm(staff.agency_id, request.POST, instance=initiative)
        if _saved(request, staff, form, "Đã cập nhật sáng kiến."):
            return redirect("plans:initiative_detail", pk=pk)
    failed = form.errors or evidence_form.errors
    return render(
        request,
        "plans/registers/initiative_detail.html",
        {
            "initiative": initiative,
            "form": form,
            "evidence_form": evidence_form,
            "may_edit": may_edit_register(staff, staff.agency_id),
        },
        status=400 if failed else 200,
    )


@login_required
def initiative_evidence(request, pk: int):
    """An initiative's evidence file, for the staff of the initiative's agency."""
    evidence = get_object_or_404(InitiativeEvidence.objects.select_related("initiative"), pk=pk)
    if not may_download_initiative_evidence(_staff(request), evidence):
        raise Http404
    return attachment(evidence.file, evidence.name, evidence.content_type)


@login_required
def facilities(request):
    return _facilities_page(request)


def _facilities_page(request, equipment_form=None, request_form=None, decision_errors=None):
    """The equipment and the requests, with a refused form or action shown where it was made."""
    staff = _staff(request)
    agency = staff.agency_id
    return render(
        request,
        "plans/registers/facilities.html",
        {
            "equipment": Equipment.objects.filter(agency=agency),
            "requests": FacilityRequest.objects.filter(agency=agency).select_related(
                "equipment", "requested_by__user", "decided_by__user"
            ),
            "equipment_form": equipment_form or EquipmentForm(),
            "request_form": request_form or FacilityRequestForm(agency),
            "decision_form": DecisionForm(),
            "decision_errors": decision_errors or {},
            "may_edit": may_edit_register(staff, agency),
            "may_decide": may_decide_facility(staff, agency),
        },
        status=400 if equipment_form or request_form or decision_errors else 200,
    )


@login_required
def equipment_edit(request, pk: int | None = None):
    """Add a piece of equipment (POST to the list) or edit one on its own page."""
    staff = _staff(request)
    row = get_object_or_404(Equipment, pk=pk, agency=staff.agency_id) if pk else None
    if request.method != "POST":
        if row is None:
            raise Http404
        return render(
            request,
            "plans/registers/equipment_edit.html",
            {
                "row": row,
                "form": EquipmentForm(instance=row),
                "may_edit": may_edit_register(staff, staff.agency_id),
            },
        )
    form = EquipmentForm(request.POST, instance=row)
    if _saved(request, staff, form, "Đã lưu trang thiết bị."):
        return redirect("plans:facilities")
    if row is None:
        return _facilities_page(request, equipment_form=form)
    return render(
        request,
        "plans/registers/equipment_edit.html",
        {"row": row, "form": form, "may_edit": True},
        status=400,
    )


@login_required
@require_POST
def facility_request(request):
    staff = _staff(request)
    form = FacilityRequestForm(staff.agency_id, request.POST)
    if form.is_valid():
        try:
            registers.request_facility(staff, **form.cleaned_data)
        except PlanError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Đã gửi đề nghị.")
            return redirect("plans:facilities")
    return _facilities_page(request, request_form=form)


@login_required
@require_POST
def facility_decide(request, pk: int):
    staff = _staff(request)
    row = get_object_or_404(FacilityRequest, pk=pk, agency=staff.agency_id)
    form = DecisionForm(request.POST)
    try:
        if not form.is_valid():
            raise PlanError("Chọn duyệt hoặc không duyệt.")
        registers.decide_facility(
            row, staff, approve=form.cleaned_data["approve"], note=form.cleaned_data["note"]
        )
    except PlanError as error:
        return _facilities_page(request, decision_errors={pk: str(error)})
    messages.success(request, "Đã ghi ý kiến duyệt.")
    return redirect("plans:facilities")


@login_required
@require_POST
def facility_done(request, pk: int):
    staff = _staff(request)
    row = get_object_or_404(FacilityRequest, pk=pk, agency=staff.agency_id)
    try:
        registers.complete_facility(row, staff)
    except PlanError as error:
        return _facilities_page(request, decision_errors={pk: str(error)})
    messages.success(request, "Đã ghi nhận thực hiện xong.")
    return redirect("plans:facilities")


def _to_documents(row: Document):
    return redirect(f"{reverse('plans:document_list')}?year={row.issued_on.year}")


@login_required
def document_list(request):
    staff, year = _staff(request), _year(request)
    form = DocumentForm(
        initial={"direction": Direction.OUTGOING, "issued_on": timezone.localdate()}
    )
    if request.method == "POST":
        form = DocumentForm(request.POST)
        if _saved(request, staff, form, "Đã vào sổ văn bản."):
            return _to_documents(form.instance)
    rows = Document.objects.filter(agency=staff.agency_id, issued_on__year=year)
    return render(
        request,
        "plans/registers/document_list.html",
        {
            "year": year,
            "documents": rows,
            "form": form,
            "share": registers.electronic_share(staff.agency_id, year),
            "may_edit": may_edit_register(staff, staff.agency_id),
        },
        status=400 if form.errors else 200,
    )


@login_required
def document_edit(request, pk: int):
    staff = _staff(request)
    row = get_object_or_404(Document, pk=pk, agency=staff.agency_id)
    form = DocumentForm(instance=row)
    if request.method == "POST":
        form = DocumentForm(request.POST, instance=row)
        if _saved(request, staff, form, "Đã cập nhật văn bản."):
            return _to_documents(row)
    return render(
        request,
        "plans/registers/document_edit.html",
        {
            "row": row,
            "form": form,
            "may_edit": may_edit_register(staff, staff.agency_id),
        },
        status=400 if form.errors else 200,
    )


@login_required
def staffing(request):
    staff = _staff(request)
    rows = registers.staffing_table(staff.agency_id)
    return render(
        request,
        "plans/registers/staffing.html",
        {
            "rows": rows,
            "quota": sum(r.quota for r in rows),
            "in_post": sum(r.in_post for r in rows),
        },
    )
