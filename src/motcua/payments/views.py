"""Pages of online payment: the applicant's start and result pages, the gateways' callback and
the staff's list. Thin: the work is in services and selectors."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from motcua.core.ratelimit import Limit, client_ip
from motcua.dossiers.links import dossier_ref, tracking_url
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import dossier_by_secret
from motcua.org.permissions import require
from motcua.org.scoping import require_staff

from . import permissions, selectors, services
from .constants import Channel, PaymentState, Verdict
from .errors import PaymentError
from .gateways.registry import registry
from .gateways.switch import OFF, online_payment_offered, simulator_refused

# Guessing tracking secrets through this page is limited like the tracking page itself.
START_FAILURES = Limit("payment-start-failures-ip", limit=20, window_seconds=3600)
STAFF_PAGE_SIZE = 50


def _dossier(request, ref: str, secret: str) -> Dossier:
    """The dossier `ref` names if `secret` is its tracking secret; 404 otherwise, the same
    page as an unknown dossier."""
    ip = client_ip(request)
    if START_FAILURES.exceeded(ip):
        raise Http404("Không tìm thấy hồ sơ.")
    # The secret is printed in capitals; a link typed in lower case is the same secret.
    dossier = dossier_by_secret(ref, secret.upper())
    if dossier is None:
        START_FAILURES.hit(ip)
        raise Http404("Không tìm thấy hồ sơ.")
    return dossier


def payment_off(request):
    """The answer of every payment page while online payment is not offered: a 404 that says
    why, in words an applicant can act on."""
    return render(request, "payments/off.html", {"message": OFF}, status=404)


@require_http_methods(["GET", "POST"])
def start(request, ref: str, secret: str):
    if not online_payment_offered():
        return payment_off(request)
    dossier = _dossier(request, ref, secret)
    error, status = "", 200
    if request.method == "POST":
        try:
            started = services.start_payment(dossier)
        except PaymentError as exc:
            error, status = exc.message, exc.status
        else:
            return redirect(started.redirect_url)
    return render(
        request,
        "payments/start.html",
        {
            "dossier": dossier,
            "ref": dossier_ref(dossier),
            "fees": selectors.applicable_fees(dossier),
            "due": selectors.amount_due(dossier),
            "unknown_fee": selectors.UNKNOWN_FEE,
            "closed": selectors.CLOSED if dossier.state in selectors.CLOSED_STATES else "",
            "payments": selectors.payments_of(dossier),
            "status_url": tracking_url(dossier),
            "error": error,
        },
        status=status,
    )


def payment_return(request, gateway: str):
    """Where the gateway sends the browser back: the signed result settles the payment too,
    so the payment completes even when the gateway's notification never arrives. A real
    gateway's result is taken even once online payment is switched off (the money has moved);
    a simulator's never on a production deployment."""
    if simulator_refused(gateway):
        return payment_off(request)
    outcome = services.handle_callback(
        gateway, request.GET.dict(), client_ip(request), channel=Channel.RETURN
    )
    trusted = outcome.verdict in (Verdict.ACCEPTED, Verdict.DUPLICATE)
    payment = outcome.payment if trusted else None
    context = {"outcome": outcome, "payment": payment, "States": PaymentState}
    if payment is not None:
        dossier = payment.dossier
        context.update(
            dossier=dossier,
            ref=dossier_ref(dossier),
            status_url=tracking_url(dossier),
            cancelled=outcome.verified.cancelled and payment.state == PaymentState.FAILED,
            due=selectors.amount_due(dossier),
        )
    return render(request, "payments/result.html", context, status=200 if trusted else 400)


@csrf_exempt
@require_POST
def callback(request, gateway: str):
    """The gateway's server-to-server notification (IPN)."""
    if simulator_refused(gateway):
        return JsonResponse({"code": "99", "message": OFF}, status=404)
    outcome = services.handle_callback(
        gateway, request.POST.dict(), client_ip(request), channel=Channel.NOTIFY
    )
    plugin = registry.get(gateway)
    if plugin is None:
        return JsonResponse({"code": "99", "message": outcome.reason}, status=404)
    status, body = plugin.acknowledgement(outcome)
    return JsonResponse(body, status=status)


@login_required
def staff_list(request):
    staff = require_staff(request)
    require(permissions.may_see_payments(staff), permissions.MONEY_REFUSAL)
    state = request.GET.get("trang_thai", "")
    if state not in PaymentState.values:
        state = ""
    payments = selectors.agency_payments(staff.agency, state)
    counts = selectors.state_counts(staff.agency)
    return render(
        request,
        "payments/staff_list.html",
        {
            "page": Paginator(payments, STAFF_PAGE_SIZE).get_page(request.GET.get("page")),
            "state": state,
            "tabs": [(value, label, counts[value]) for value, label in PaymentState.choices],
            "total": sum(counts.values()),
            "refused": selectors.refused_callbacks(staff.agency),
        },
    )
