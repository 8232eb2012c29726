"""The forms as print pages and DOCX downloads, for the staff of the agency that owns them.
Another agency's dossier or slip is a 404, as if it did not exist."""

from functools import wraps
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from motcua.dossiers.errors import DossierError
from motcua.dossiers.models import Dossier, GuidanceSlip
from motcua.org.permissions import require
from motcua.org.scoping import scope_to_agency, staff_of

from . import permissions
from .downloads import docx_response
from .errors import FormUnavailable
from .formatting import day
from .forms import (
    DOSSIER_KINDS,
    FORMS,
    docx_file,
    form_context,
    printable_forms,
    supplement_request_of,
)
from .register import RegisterPeriod, parse_period


def staff_page(view):
    """Sign-in required; a refused form is shown as a page with its status and message."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except DossierError as refusal:
            return render(
                request,
                "paperwork/unavailable.html",
                {"message": refusal.message},
                status=refusal.status,
            )

    return wrapper


def _dossier(request, code: str) -> Dossier:
    dossiers = Dossier.objects.select_related(
        "agency__parent", "regime", "version", "received_by__user", "received_by__unit"
    )
    dossier = get_object_or_404(scope_to_agency(dossiers, request.user), code=code)
    if not permissions.may_print_dossier_form(staff_of(request.user), dossier):
        raise Http404("Không tìm thấy hồ sơ.")
    return dossier


def _made_from(request, dossier: Dossier, kind: str):
    """The object the form is made from: the dossier, or the supplement request of ?lan=n
    (its latest without it)."""
    if kind not in DOSSIER_KINDS:
        raise FormUnavailable(f"Hồ sơ không có biểu mẫu «{kind}».")
    if kind != "supplement_request":
        return dossier
    number = request.GET.get("lan", "").strip()
    if number and not number.isdigit():
        raise FormUnavailable(f"Hồ sơ không có yêu cầu bổ sung, hoàn thiện lần «{number}».")
    return supplement_request_of(dossier, int(number) if number else None)


def _query(kind: str, source) -> str:
    return f"?lan={source.number}" if kind == "supplement_request" else ""


@staff_page
def form_html(request, code: str, kind: str):
    dossier = _dossier(request, code)
    source = _made_from(request, dossier, kind)
    context = form_context(kind, source)
    return render(
        request,
        FORMS[kind].html_template,
        {
            **context,
            "docx_url": reverse("paperwork:form_docx", args=[code, kind]) + _query(kind, source),
            "other_forms": [f for f in printable_forms(dossier) if f["kind"] != kind],
            "dossier_code": code,
        },
    )


@staff_page
def form_docx(request, code: str, kind: str):
    dossier = _dossier(request, code)
    return docx_response(*docx_file(kind, _made_from(request, dossier, kind)))


def _slip(request, pk: int) -> GuidanceSlip:
    slips = GuidanceSlip.objects.select_related("agency__parent", "version", "issued_by__user")
    slip = get_object_or_404(scope_to_agency(slips, request.user), pk=pk)
    if not permissions.may_print_slip(staff_of(request.user), slip):
        raise Http404("Không tìm thấy phiếu hướng dẫn.")
    return slip


@staff_page
def guidance_slip_html(request, pk: int):
    context = form_context("guidance_slip", _slip(request, pk))
    return render(
        request,
        FORMS["guidance_slip"].html_template,
        {
            **context,
            "docx_url": reverse("paperwork:guidance_slip_docx", args=[pk]),
        },
    )


@staff_page
def guidance_slip_docx(request, pk: int):
    return docx_response(*docx_file("guidance_slip", _slip(request, pk)))


def _period(request) -> RegisterPeriod:
    staff = staff_of(request.user)
    require(permissions.may_print_register(staff), permissions.NO_AGENCY)
    start, end = parse_period(request.GET.get("tu"), request.GET.get("den"))
    return RegisterPeriod(staff.agency, start, end)


@staff_page
def register_html(request):
    period = _period(request)
    query = urlencode({"tu": day(period.start), "den": day(period.end)})
    return render(
        request,
        FORMS["register"].html_template,
        {
            **form_context("register", period),
            "docx_url": f"{reverse('paperwork:register_docx')}?{query}",
        },
    )


@staff_page
def register_docx(request):
    return docx_response(*docx_file("register", _period(request)))
