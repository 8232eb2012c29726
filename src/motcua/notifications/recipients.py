"""Checking recipients before a message is queued, so that a bad address fails in the caller's
action (where the user can correct it) rather than later in a worker."""

import re

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from .constants import Channel
from .errors import InvalidRecipient

# Mobile numbers since the 2018 renumbering: 10 digits, 03/05/07/08/09; or +84 / 84 instead of 0.
_MOBILE = re.compile(r"(?:\+?84|0)([35789]\d{8})")
_SEPARATORS = re.compile(r"[\s.\-()]")


def normalize_phone(value: str) -> str:
    """A Vietnamese mobile number in the national form 0912345678."""
    match = _MOBILE.fullmatch(_SEPARATORS.sub("", value or ""))
    if match is None:
        raise InvalidRecipient(
            f"Số điện thoại di động không hợp lệ: “{value}”. Số di động Việt Nam gồm 10 chữ số, "
            "ví dụ 0912345678 hoặc +84912345678."
        )
    return "0" + match.group(1)


def normalize_email(value: str) -> str:
    address = (value or "").strip()
    try:
        validate_email(address)
    except ValidationError:
        raise InvalidRecipient(
            f"Địa chỉ thư điện tử không hợp lệ: “{value}”. Ví dụ đúng: nguyenvanan@khanhhoa.gov.vn."
        ) from None
    local, _, domain = address.rpartition("@")
    return f"{local}@{domain.lower()}"


def clean_recipient(channel: str, recipient) -> tuple[str, object | None]:
    """The recipient as stored on the message: (address or phone or username, user or None)."""
    if channel == Channel.EMAIL:
        return normalize_email(recipient), None
    if channel == Channel.SMS:
        return normalize_phone(recipient), None
    if channel == Channel.IN_APP:
        if not isinstance(recipient, get_user_model()) or recipient.pk is None:
            raise InvalidRecipient(
                "Thông báo trong phần mềm phải gửi tới một tài khoản người dùng."
            )
        return recipient.get_username(), recipient
    raise InvalidRecipient(f"Kênh thông báo không tồn tại: “{channel}”.")
