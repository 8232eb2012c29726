"""The local sandbox gateway: a pretend bank inside Motcua that behaves like VNPay-style gateways.

The merchant (our start view) signs the payment request and sends the browser to the sandbox's
page; the payer's answer comes back twice, as real gateways do: the browser is redirected to the
return URL with signed query parameters, and the same signed parameters are posted server to
server to the notify URL (IPN). Both directions use HMAC-SHA256 over the sorted, URL-encoded
parameters with PAYMENT_SANDBOX_SECRET.
"""

from datetime import datetime
import hashlib
import hmac
import secrets
from urllib.parse import quote_plus, urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from ..errors import ForgedCallback
from .base import Gateway, Health, Option, Verified
from .registry import register

VN = ZoneInfo("Asia/Ho_Chi_Minh")
SIGNATURE = "signature"
TIMESTAMP_FORMAT = "%Y%m%d%H%M%S"  # Vietnam time, as VNPay's vnp_PayDate
REQUEST_FIELDS = (
    "reference",
    "amount",
    "merchant",
    "order_info",
    "return_url",
    "notify_url",
    "timestamp",
)
RESPONSE_FIELDS = ("reference", "amount", "transaction", "response_code", "timestamp")


class Outcome:
    """The sandbox's response codes (VNPay's where they exist)."""

    SUCCESS = "00"
    CANCELLED = "24"
    FAILED = "51"


MESSAGES = {
    Outcome.SUCCESS: "Giao dịch thành công",
    Outcome.CANCELLED: "Người thanh toán đã hủy giao dịch",
    Outcome.FAILED: "Giao dịch không thành công: tài khoản không đủ số dư",
}


def signature(params: dict, secret: str) -> str:
    """HMAC-SHA256 (hex) of `k=v` pairs sorted by key, values URL-encoded, joined by `&`."""
    message = "&".join(
        f"{key}={quote_plus(str(value))}"
        for key, value in sorted(params.items())
        if key != SIGNATURE
    )
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


def signed(params: dict, secret: str) -> dict:
    return {**params, SIGNATURE: signature(params, secret)}


def signature_ok(params: dict, secret: str) -> bool:
    return hmac.compare_digest(str(params.get(SIGNATURE, "")), signature(params, secret))


def stamp(moment: datetime) -> str:
    return moment.astimezone(VN).strftime(TIMESTAMP_FORMAT)


def read_stamp(value: str) -> datetime:
    return datetime.strptime(value, TIMESTAMP_FORMAT).replace(tzinfo=VN)


def answer(request_params: dict, code: str, secret: str, *, at: datetime | None = None) -> dict:
    """The signed result the sandbox bank sends back for a payment request."""
    return signed(
        {
            "reference": request_params["reference"],
            "amount": request_params["amount"],
            "transaction": f"SB{secrets.randbelow(10**12):012d}",
            "response_code": code,
            "timestamp": stamp(at or timezone.now()),
        },
        secret,
    )


@register
class SandboxGateway(Gateway):
    code = "sandbox"
    name = "Cổng thanh toán thử nghiệm"
    simulator = True
    options = (
        Option(
            "PAYMENT_SANDBOX_SECRET",
            "Khóa ký HMAC-SHA256 dùng chung giữa Motcua và cổng thử nghiệm.",
        ),
    )

    def __init__(self, secret: str | None = None):
        self.secret = secret if secret is not None else settings.PAYMENT_SANDBOX_SECRET

    def health(self) -> Health:
        if len(self.secret) < 16:
            return Health(False, "PAYMENT_SANDBOX_SECRET phải dài ít nhất 16 ký tự.")
        return Health(True)

    def start(self, payment, return_url: str, notify_url: str) -> str:
        request = signed(
            {
                "reference": payment.reference,
                "amount": str(payment.amount),
                "merchant": payment.agency.name,
                "order_info": f"Thanh toán phí, lệ phí hồ sơ {payment.reference}",
                "return_url": return_url,
                "notify_url": notify_url,
                "timestamp": stamp(payment.created_at),
            },
            self.secret,
        )
        return f"{reverse('payments:sandbox')}?{urlencode(request)}"

    def verify(self, params: dict[str, str]) -> Verified:
        if not signature_ok(params, self.secret):
            raise ForgedCallback("Chữ ký của thông báo thanh toán không hợp lệ.")
        try:
            fields = {name: str(params[name]) for name in RESPONSE_FIELDS}
            amount = int(fields["amount"])
            moment = read_stamp(fields["timestamp"])
        except (KeyError, ValueError) as exc:
            raise ForgedCallback(
                "Thông báo thanh toán thiếu thông tin hoặc sai định dạng."
            ) from exc
        code = fields["response_code"]
        return Verified(
            reference=fields["reference"],
            amount=amount,
            transaction_id=fields["transaction"],
            success=code == Outcome.SUCCESS,
            cancelled=code == Outcome.CANCELLED,
            timestamp=moment,
            response_code=code,
            message=MESSAGES.get(code, f"Mã phản hồi {code}"),
        )
