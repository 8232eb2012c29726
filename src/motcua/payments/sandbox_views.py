"""The sandbox gateway's own "bank" page. It plays the gateway's part: it reads only the signed
request, never our tables, and answers as a real gateway would (see gateways/sandbox.py)."""

from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from motcua.core.deployment import is_training

from .gateways import sandbox
from .gateways.switch import OFF, online_payment_offered
from .tasks import deliver_sandbox_notification

CHOICES = {
    "pay": sandbox.Outcome.SUCCESS,
    "fail": sandbox.Outcome.FAILED,
    "cancel": sandbox.Outcome.CANCELLED,
}


def _signed_request(data) -> dict | None:
    params = {name: data.get(name, "") for name in (*sandbox.REQUEST_FIELDS, sandbox.SIGNATURE)}
    if not all(params.values()) or not params["amount"].isdigit():
        return None
    if not sandbox.signature_ok(params, settings.PAYMENT_SANDBOX_SECRET):
        return None
    return params


@require_http_methods(["GET", "POST"])
def bank_page(request):
    if settings.PAYMENT_GATEWAY != sandbox.SandboxGateway.code:
        raise Http404("Cổng thanh toán thử nghiệm không được bật.")
    if not online_payment_offered():
        return render(request, "payments/off.html", {"message": OFF}, status=404)
    params = _signed_request(request.POST if request.method == "POST" else request.GET)
    if params is None:
        return render(
            request,
            "payments/sandbox.html",
            {"invalid": True, "training": is_training()},
            status=400,
        )
    code = CHOICES.get(request.POST.get("choice", "")) if request.method == "POST" else None
    if code is None:
        return render(
            request,
            "payments/sandbox.html",
            {
                "params": params,
                "amount": f"{int(params['amount']):,}".replace(",", "."),
                "training": is_training(),
            },
        )
    answer = sandbox.answer(params, code, settings.PAYMENT_SANDBOX_SECRET)
    notify_url = params["notify_url"]
    transaction.on_commit(lambda: deliver_sandbox_notification.delay(notify_url, answer))
    return redirect(f"{params['return_url']}?{urlencode(answer)}")
