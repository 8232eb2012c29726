"""Business actions of online payment, one transaction each."""

from dataclasses import dataclass
from datetime import datetime, timedelta
import logging
import secrets

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from motcua.core.text import dong
from motcua.dossiers.models import Dossier

from . import selectors
from .constants import Channel, PaymentState, Verdict
from .errors import ForgedCallback, NothingToPay, PaymentError
from .gateways.base import Gateway, Verified
from .gateways.registry import registry
from .models import CallbackLog, Payment

log = logging.getLogger("motcua.payments")

# A gateway's clock may run a little ahead of ours.
CLOCK_SKEW = timedelta(minutes=5)
LOGGED_PARAMS = 50


@dataclass(frozen=True)
class Started:
    payment: Payment
    redirect_url: str  # the gateway's page where the payer pays


@dataclass(frozen=True)
class CallbackOutcome:
    verdict: str
    reason: str
    payment: Payment | None = None
    verified: Verified | None = None

    @property
    def refused(self) -> bool:
        return self.verdict == Verdict.REJECTED


def _site(path: str) -> str:
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def _new_reference(at: datetime) -> str:
    return f"TT{timezone.localtime(at):%y%m%d}{secrets.token_hex(5).upper()}"


@transaction.atomic
def start_payment(
    dossier: Dossier, *, gateway: Gateway | None = None, at: datetime | None = None
) -> Started:
    """A PENDING payment of what the dossier still owes, and the gateway page to pay it on."""
    gateway = gateway or registry.selected()
    dossier = Dossier.objects.select_for_update().select_related("agency").get(pk=dossier.pk)
    if dossier.state in selectors.CLOSED_STATES:
        raise NothingToPay(selectors.CLOSED + ".")
    due = selectors.amount_due(dossier)
    if due is None:
        raise NothingToPay(selectors.UNKNOWN_FEE + ".")
    if due == 0:
        raise NothingToPay("Hồ sơ không còn khoản phí, lệ phí nào phải nộp.")
    health = gateway.health()
    if not health.ok:
        log.error("Payment gateway %s is not healthy: %s", gateway.code, health.problem)
        raise PaymentError(
            "Cổng thanh toán tạm thời chưa sẵn sàng. Xin thử lại sau hoặc nộp "
            "phí tại Bộ phận Một cửa."
        )
    at = at or timezone.now()
    payment = Payment.objects.create(
        agency=dossier.agency,
        dossier=dossier,
        amount=due,
        gateway=gateway.code,
        reference=_new_reference(at),
        created_at=at,
    )
    return_url = _site(reverse("payments:return", args=[gateway.code]))
    notify_url = _site(reverse("payments:callback", args=[gateway.code]))
    return Started(payment, gateway.start(payment, return_url, notify_url))


def _locked(reference: str, gateway_code: str) -> Payment | None:
    if not reference:
        return None
    return (
        Payment.objects.select_for_update()
        .filter(reference=reference, gateway=gateway_code)
        .first()
    )


def _loggable(params: dict) -> dict:
    """The parameters as received, bounded: a junk request cannot bloat the log."""
    return {key[:100]: value[:1000] for key, value in list(params.items())[:LOGGED_PARAMS]}


def _record(
    gateway_code, channel, params, client_ip, at, verdict, reason="", payment=None, verified=None
) -> CallbackOutcome:
    CallbackLog.objects.create(
        agency_id=payment.agency_id if payment else None,
        payment=payment,
        gateway=gateway_code[:32],
        channel=channel,
        received_at=at,
        params=_loggable(params),
        client_ip=client_ip[:64],
        verdict=verdict,
        reason=reason[:500],
    )
    if verdict == Verdict.REJECTED:
        log.warning(
            "Refused %s payment callback (%s) from %s for %s: %s",
            gateway_code,
            channel,
            client_ip,
            payment.reference if payment else "no known payment",
            reason,
        )
    elif verdict == Verdict.DUPLICATE:
        log.info(
            "Duplicate %s payment callback (%s) for %s acknowledged",
            gateway_code,
            channel,
            payment.reference,
        )
    return CallbackOutcome(verdict, reason, payment, verified)


def _replay_reason(payment: Payment, verified: Verified, now: datetime) -> str:
    """Why this verified callback is not news about `payment`, or "" when it is."""
    max_age = timedelta(minutes=settings.PAYMENT_CALLBACK_MAX_AGE_MINUTES)
    if verified.timestamp < now - max_age or verified.timestamp > now + CLOCK_SKEW:
        moment = timezone.localtime(verified.timestamp)
        return (
            f"Thông báo lập lúc {moment:%H:%M %d/%m/%Y}, ngoài khoảng "
            f"{settings.PAYMENT_CALLBACK_MAX_AGE_MINUTES} phút cho phép: có thể bị phát lại."
        )
    if verified.amount != payment.amount:
        return (
            f"Số tiền {dong(verified.amount)} không khớp số tiền của giao dịch "
            f"({dong(payment.amount)})."
        )
    if (
        Payment.objects.filter(gateway=payment.gateway, gateway_transaction=verified.transaction_id)
        .exclude(pk=payment.pk)
        .exists()
    ):
        return (
            f"Mã giao dịch {verified.transaction_id} của cổng đã dùng cho giao dịch khác: "
            "thông báo bị phát lại."
        )
    return ""


@transaction.atomic
def handle_callback(
    gateway_code: str,
    params: dict,
    client_ip: str,
    *,
    channel: str = Channel.NOTIFY,
    now: datetime | None = None,
) -> CallbackOutcome:
    """Settle a payment from a gateway's callback, or refuse it; every callback is logged.

    The payment row stays locked until the end, so the browser's return and the gateway's
    notification arriving together settle it once: the second sees the first's result.
    """
    now = now or timezone.now()
    params = {str(key): str(value) for key, value in params.items()}
    record = lambda verdict, reason="", payment=None, verified=None: _record(  # noqa: E731
        gateway_code, channel, params, client_ip, now, verdict, reason, payment, verified
    )
    gateway = registry.get(gateway_code)
    if gateway is None:
        return record(Verdict.REJECTED, f"Không có cổng thanh toán «{gateway_code}».")
    # Looked up before verifying only to file a forged callback under the payment it names.
    payment = _locked(params.get(gateway.reference_param, ""), gateway_code)
    try:
        verified = gateway.verify(params)
    except ForgedCallback as error:
        return record(Verdict.REJECTED, error.message, payment)
    if payment is None or payment.reference != verified.reference:
        payment = _locked(verified.reference, gateway_code)
    if payment is None:
        return record(
            Verdict.REJECTED, f"Không có giao dịch mang mã {verified.reference}.", verified=verified
        )
    reason = _replay_reason(payment, verified, now)
    if reason:
        return record(Verdict.REJECTED, reason, payment, verified)

    outcome = PaymentState.PAID if verified.success else PaymentState.FAILED
    if payment.settled_at is not None:
        if payment.gateway_transaction == verified.transaction_id and payment.state == outcome:
            return record(Verdict.DUPLICATE, "Đã ghi nhận trước đó.", payment, verified)
        return record(
            Verdict.REJECTED,
            f"Giao dịch đã có kết quả «{payment.get_state_display()}»; thông báo "
            "mang kết quả khác bị từ chối.",
            payment,
            verified,
        )

    note = ""
    if payment.state == PaymentState.ABANDONED:
        note = "Giao dịch đã bị coi là bỏ dở; cổng báo kết quả muộn nên vẫn được ghi nhận."
    if outcome == PaymentState.PAID:
        # Lock the dossier: two payments of it succeeding together are settled one at a time.
        Dossier.objects.select_for_update().filter(pk=payment.dossier_id).first()
        other = (
            Payment.objects.filter(dossier_id=payment.dossier_id, state=PaymentState.PAID)
            .exclude(pk=payment.pk)
            .first()
        )
        if other is not None:
            _settle(
                payment,
                PaymentState.FAILED,
                verified,
                now,
                f"Hồ sơ đã được thanh toán bằng giao dịch {other.reference}; khoản này cần "
                "được hoàn trả cho người nộp.",
            )
            return record(Verdict.REJECTED, payment.failure_reason, payment, verified)
    _settle(payment, outcome, verified, now, "" if verified.success else verified.message)
    return record(Verdict.ACCEPTED, note, payment, verified)


def _settle(payment: Payment, state: str, verified: Verified, now: datetime, reason: str):
    payment.state = state
    payment.gateway_transaction = verified.transaction_id
    payment.settled_at = now
    payment.failure_reason = reason[:500]
    payment.save(update_fields=["state", "gateway_transaction", "settled_at", "failure_reason"])


@transaction.atomic
def mark_abandoned(now: datetime | None = None) -> int:
    """PENDING payments older than PAYMENT_ABANDON_MINUTES become ABANDONED; safe to rerun."""
    minutes = settings.PAYMENT_ABANDON_MINUTES
    cutoff = (now or timezone.now()) - timedelta(minutes=minutes)
    return Payment.objects.filter(state=PaymentState.PENDING, created_at__lt=cutoff).update(
        state=PaymentState.ABANDONED,
        failure_reason=f"Người nộp không hoàn tất thanh toán trong {minutes} phút.",
    )
