"""The public tracking pages: the check, the dossier as the applicant may see it, and the online
supplement. Thin: the check, the limits and the wording live in `tracking`, the change of the
dossier in `dossiers.services.supplement`."""

from datetime import timedelta
from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from motcua.core.ratelimit import Limit, client_ip
from motcua.dossiers import services
from motcua.dossiers.errors import DossierError
from motcua.dossiers.lifecycle import Actor
from motcua.dossiers.links import dossier_ref

from . import tracking
from .tracking_forms import LookupForm, SupplementForm

LOOKUP_TEMPLATE = "portal/tracking/lookup.html"
DOSSIER_TEMPLATE = "portal/tracking/dossier.html"


def _too_many(request, limit: Limit):
    minutes = limit.retry_after_minutes()
    response = render(
        request,
        "portal/tracking/limited.html",
        {
            "minutes": minutes,
            "retry_at": timezone.localtime() + timedelta(minutes=minutes),
        },
        status=429,
    )
    response["Retry-After"] = str(minutes * 60)
    return response


# Every tracking page is private to this browser: no shared cache or back button may keep it.
@never_cache
def lookup(request):
    """The check. The receipt's QR link (?ma=…&k=…) is checked like the form."""
    if request.method == "POST":
        data = request.POST
    elif "k" in request.GET:
        data = request.GET
    else:
        data = None
    form = LookupForm(data, initial={"ma": request.GET.get("ma", "")})
    if data is None or not form.is_valid():
        return render(request, LOOKUP_TEMPLATE, {"form": form})
    ref, ip = form.cleaned_data["ma"], client_ip(request)
    limit = tracking.blocking_limit(ref, ip)
    if limit is not None:
        return _too_many(request, limit)
    dossier = tracking.verify(ref, form.cleaned_data["k"])
    if dossier is None:
        tracking.record_failure(ref, ip)
        form.add_error(None, tracking.FAILURE_MESSAGE)
        return render(request, LOOKUP_TEMPLATE, {"form": form})
    tracking.remember(request.session, dossier)
    # A redirect, so the secret leaves the address bar and the browser history.
    return redirect("tracking:dossier", ref=dossier_ref(dossier))


def _checked_or_redirect(request, ref):
    dossier = tracking.remembered(request.session, ref)
    if dossier is None:
        return None, redirect(f"{reverse('tracking:lookup')}?{urlencode({'ma': ref})}")
    return dossier, None


def _render_dossier(request, dossier, form=None):
    supplement_request = tracking.open_supplement_request(dossier)
    if supplement_request is not None and form is None:
        form = SupplementForm(supplement_request.items)
    return render(
        request,
        DOSSIER_TEMPLATE,
        {
            "status": tracking.public_status(dossier),
            "ref": dossier_ref(dossier),
            "tracked": dossier,  # for the payment and rating offers only; never shown as such
            "supplement_request": supplement_request,
            "form": form,
        },
    )


@never_cache
def dossier_status(request, ref: str):
    dossier, refusal = _checked_or_redirect(request, ref)
    return refusal or _render_dossier(request, dossier)


@never_cache
@require_POST
def supplement(request, ref: str):
    dossier, refusal = _checked_or_redirect(request, ref)
    if refusal:
        return refusal
    ip = client_ip(request)
    limit = tracking.supplements_per_ip()
    if limit.exceeded(ip):
        return _too_many(request, limit)
    limit.hit(ip)
    supplement_request = tracking.open_supplement_request(dossier)
    if supplement_request is None:
        messages.info(request, "Hồ sơ hiện không chờ bổ sung.")
        return redirect("tracking:dossier", ref=dossier_ref(dossier))
    form = SupplementForm(supplement_request.items, request.POST, request.FILES)
    if form.is_valid():
        files = [
            services.ApplicantFile(
                upload, tracking.required_document_id(dossier, item) if item else None
            )
            for upload, item in form.uploads()
        ]
        try:
            dossier = services.supplement(
                dossier,
                Actor.applicant(dossier.applicant_name),
                note=form.cleaned_data["note"].strip(),
                files=files,
            )
        except DossierError as refusal:
            form.add_error(None, refusal.message)
        else:
            due = timezone.localtime(dossier.due_at)
            messages.success(
                request,
                f"Đã nhận hồ sơ bổ sung. Hẹn trả kết quả mới: {due:%H:%M} ngày {due:%d/%m/%Y}.",
            )
            return redirect("tracking:dossier", ref=dossier_ref(dossier))
    return _render_dossier(request, dossier, form)
