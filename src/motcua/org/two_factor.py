"""Two-factor sign-in for staff: a code app (TOTP, RFC 6238) and ten single-use recovery codes,
kept in django-otp's tables. The second step itself is asked by `org.middleware`."""

from base64 import b32encode

from django.conf import settings
from django.db import transaction
import django_otp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
import segno

from .constants import Role
from .scoping import staff_of

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Ứng dụng xác thực"
RECOVERY_DEVICE_NAME = "Mã dự phòng"


def is_required(user) -> bool:
    """Whether TWO_FACTOR_REQUIRED_ROLES obliges this user to have a code app; the deployment's
    operator (a superuser with no agency) counts as an administrator."""
    required = set(settings.MOTCUA_TWO_FACTOR_REQUIRED_ROLES)
    if not required:
        return False
    staff = staff_of(user)
    if staff is None:
        return user.is_superuser and Role.ADMINISTRATOR in required
    return staff.has_role(*required)


def has_device(user) -> bool:
    """A confirmed code app: from then on every sign-in asks for a code."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user) -> TOTPDevice:
    """The code app being set up: its secret is shown until a first code confirms it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def qr_code_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code (no image file, no outside service)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, border=2)


def secret_text(device: TOTPDevice) -> str:
    """The secret as the base32 text a code app accepts when typed, in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def confirm(device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the code app with its first code; return the new recovery codes, or None when
    the code is wrong."""
    if not device.verify_token(_digits(code)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Ten fresh recovery codes; the old ones stop working. Shown once, kept only as tokens."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def remove_devices(user) -> None:
    """Remove the code app and the recovery codes: the user signs in with a password again
    (or is sent to enrolment, if their role requires a code)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def check_code(user, code: str):
    """The device that accepts `code` (the app's current code or an unused recovery code, which
    is then spent), or None. django-otp slows down repeated failures per device."""
    code = code.strip().lower().replace(" ", "")
    return django_otp.match_token(user, code) if code else None


def remaining_recovery_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def _digits(code: str) -> str:
    return "".join(ch for ch in code if ch.isdigit())
