"""Checks of what people type at intake, with messages in Vietnamese."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from .constants import ApplicantKind
from .errors import InvalidInput

# Vietnamese mobile and landline numbers: 0 + 9–10 digits, or +84 followed by the same.
PHONE = re.compile(r"^(0|\+84)\d{9,10}$")
# Citizen ID (12 digits), old ID card (9), passport (letter + 7 digits), or a tax code
# (10 digits, or 10-3 for a branch).
ID_NUMBER = re.compile(r"^(\d{9}|\d{12}|[A-Z]\d{7}|\d{10}(-\d{3})?)$")


def normalise_phone(phone: str) -> str:
    return re.sub(r"[\s.\-()]", "", phone or "")


def validate_applicant(applicant) -> None:
    problems = []
    if not applicant.name.strip():
        problems.append("cần họ tên người nộp hồ sơ")
    if applicant.kind not in ApplicantKind.values:
        problems.append("loại người nộp không hợp lệ")
    phone = normalise_phone(applicant.phone)
    if phone and not PHONE.match(phone):
        problems.append(f"số điện thoại «{applicant.phone}» không hợp lệ")
    id_number = applicant.id_number.strip().upper()
    if id_number and not ID_NUMBER.match(id_number):
        problems.append(
            f"số giấy tờ «{applicant.id_number}» không hợp lệ (CCCD 12 số, CMND 9 số, "
            "hộ chiếu, hoặc mã số thuế)"
        )
    if applicant.email.strip():
        try:
            validate_email(applicant.email.strip())
        except ValidationError:
            problems.append(f"thư điện tử «{applicant.email}» không hợp lệ")
    if problems:
        raise InvalidInput("Thông tin người nộp chưa đúng: " + "; ".join(problems) + ".")
