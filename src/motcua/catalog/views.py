"""Staff pages of the catalogue, scoped to the user's agency."""

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from motcua.core.downloads import attachment
from motcua.org.models import Staff
from motcua.org.permissions import is_operator, require
from motcua.org.scoping import scope_to_agency, staff_of

from .forms import CatalogImportForm, CatalogueFilterForm
from .models import Field, Procedure, RequiredDocument
from .permissions import (
    MANAGE_REFUSAL,
    may_download_template,
    may_export,
    may_import,
    may_manage_catalogue,
    may_view_procedure,
)
from .selectors import (
    filter_catalogue,
    headline_versions,
    version_in_force,
    version_state,
    with_content,
)
from .xlsx import ImportRefused, export_catalog, import_catalog

PAGE_SIZE = 20
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _catalogue_manager(request, may) -> Staff:
    staff = staff_of(request.user)
    require(may(staff), MANAGE_REFUSAL)
    return staff


@login_required
def procedure_list(request):
    procedures = scope_to_agency(Procedure.objects.all(), request.user)
    form = CatalogueFilterForm(
        request.GET or None, fields=scope_to_agency(Field.objects.all(), request.user)
    )
    versions = headline_versions(procedures)
    if form.is_valid():
        versions = filter_catalogue(
            versions,
            query=form.cleaned_data["q"],
            field_id=form.cleaned_data["field"] and form.cleaned_data["field"].pk,
            online_level=form.cleaned_data["online"],
        )
    else:
        versions = filter_catalogue(versions)
    page = Paginator(versions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "catalog/procedure_list.html",
        {
            "form": form,
            "page": page,
            "can_manage": may_manage_catalogue(staff_of(request.user)),
        },
    )


@login_required
def procedure_detail(request, pk: int):
    procedure = get_object_or_404(Procedure.objects.select_related("agency"), pk=pk)
    if not (may_view_procedure(staff_of(request.user), procedure) or is_operator(request.user)):
        raise Http404("Không tìm thấy thủ tục.")
    versions = list(procedure.versions.order_by("-number"))
    if not versions:
        raise Http404("Thủ tục chưa có phiên bản nào.")
    today = timezone.localdate()
    in_force = version_in_force(procedure, today)
    wanted = request.GET.get("version")
    chosen = next((v for v in versions if str(v.number) == wanted), None)
    if wanted and chosen is None:
        raise Http404("Không có phiên bản này.")
    chosen = chosen or in_force or versions[0]
    shown = with_content(procedure.versions.filter(pk=chosen.pk)).get()
    return render(
        request,
        "catalog/procedure_detail.html",
        {
            "procedure": procedure,
            "version": shown,
            "in_force": in_force,
            "version_rows": [(v, version_state(v, today)) for v in versions],
            "state": version_state(shown, today),
        },
    )


def document_template(request, pk: int):
    """Download a form template. Templates of issued versions are public; drafts' are not."""
    document = get_object_or_404(
        RequiredDocument.objects.select_related("version__procedure").exclude(template=""), pk=pk
    )
    if not may_download_template(staff_of(request.user), document):
        raise Http404("Không tìm thấy mẫu đơn.")
    return attachment(document.template, PurePath(document.template.name).name)


@login_required
def export_view(request):
    agency = _catalogue_manager(request, may_export).agency
    response = HttpResponse(content_type=XLSX_TYPE)
    filename = f"danh-muc-thu-tuc-{agency.code}-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    export_catalog(agency).save(response)
    return response


@login_required
def import_view(request):
    agency = _catalogue_manager(request, may_import).agency
    problems = []
    form = CatalogImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            summary = import_catalog(agency, form.cleaned_data["file"])
        except ImportRefused as refused:
            problems = refused.problems
            form.add_error(None, refused.message)
        else:
            messages.success(request, f"Đã nhập danh mục: {summary}.")
            return redirect("catalog:procedure_list")
    return render(
        request, "catalog/import.html", {"form": form, "problems": problems, "agency": agency}
    )
