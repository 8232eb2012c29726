"""The demo catalogue: 35 real procedures of a provincial Department of Planning and Investment.

Values come from data/procedures-skhdt.json and stay null where the data has no source. Each
procedure with a known time limit gets an internal process that adds up to it and is published
effective 01/01/2022; the others stay drafts, because they cannot be published honestly.
"""

from datetime import date
from decimal import ROUND_DOWN, Decimal
import json
from pathlib import Path

from django.db import transaction

from motcua.catalog import services
from motcua.catalog.constants import (
    ExecutionLevel,
    FeeChannel,
    OnlineLevel,
    Requirement,
    TimeUnit,
)
from motcua.catalog.errors import CatalogError
from motcua.catalog.models import Procedure, ProcedureVersion
from motcua.core.text import fold
from motcua.org.constants import Role
from motcua.org.models import Agency

DATA_FILE = Path(__file__).resolve().parent / "data" / "procedures-skhdt.json"
EFFECTIVE_FROM = date(2022, 1, 1)
LOCAL_CODE_PREFIX = "SKHDT"

COUNTER_UNIT = "mot-cua"
DEFAULT_UNIT = "van-phong"
HANDLING_UNITS = {
    "Thành lập và hoạt động của doanh nghiệp": "dang-ky-kinh-doanh",
    "Thành lập và hoạt động doanh nghiệp xã hội": "dang-ky-kinh-doanh",
    "Hỗ trợ doanh nghiệp nhỏ và vừa": "xuc-tien-dau-tu",
    "Đầu tư tại Việt Nam": "kinh-te-doi-ngoai",
}
# "Mức độ 3/4" is the classification before Decree 42/2022: level 4 was the full online service.
ONLINE_LEVELS = {
    "Toàn trình": OnlineLevel.FULL,
    "Mức độ 4": OnlineLevel.FULL,
    "Một phần": OnlineLevel.PARTIAL,
    "Mức độ 3": OnlineLevel.PARTIAL,
}
TIME_UNITS = {
    "ngày làm việc": TimeUnit.WORKING_DAYS,
    "giờ làm việc": TimeUnit.WORKING_HOURS,
    "ngày": TimeUnit.CALENDAR_DAYS,
}
# A document note that opens with one of these states when the document is needed.
CONDITION_OPENINGS = tuple(
    fold(text) for text in ("Chỉ khi", "Trường hợp", "Tùy trường hợp", "Đối với")
)
COUNTER_HOURS = Decimal(4)
# The file writes the online rate of a fee as a second row "<fee> — nộp qua mạng điện tử" (or
# "— nộp trực tuyến", "— trực tuyến"); the rows whose name starts with <fee> are then the
# rate at the counter or by post.
ONLINE_SUFFIXES = tuple(fold(s) for s in ("nộp qua mạng điện tử", "nộp trực tuyến", "trực tuyến"))


def _fee_channels(names: list[str]) -> list[str]:
    online_bases = [
        name.split(" — ")[0]
        for name in names
        if " — " in name and fold(name.split(" — ", 1)[1]) in ONLINE_SUFFIXES
    ]
    channels = []
    for name in names:
        if " — " in name and name.split(" — ")[0] in online_bases:
            channels.append(FeeChannel.ONLINE)
        elif any(name.startswith(base) for base in online_bases):
            channels.append(FeeChannel.COUNTER)
        else:
            channels.append(FeeChannel.ALL)
    return channels


def _local_code(position: int) -> str:
    return f"{LOCAL_CODE_PREFIX}-{position:02d}"


def _lines(values: list[str] | None) -> str:
    return "\n".join(values or [])


def _level(label: str | None) -> str:
    by_label = {fold(choice.label): choice.value for choice in ExecutionLevel}
    return by_label.get(fold(label), "")


def _whole_half_hours(hours: Decimal) -> Decimal:
    return (hours * 2).to_integral_value(rounding=ROUND_DOWN) / 2


def _process(total: Decimal) -> list[tuple[str, str, str | None, Decimal]]:
    """Five steps (name, role, unit key, hours) that add up to `total` working hours:
    intake and return at the counter, then appraisal, approval and signature in 2:1:1."""
    counter = min(COUNTER_HOURS, _whole_half_hours(total / 6))
    rest = total - 2 * counter
    appraisal = _whole_half_hours(rest / 2)
    approval = _whole_half_hours(rest / 4)
    return [
        ("Tiếp nhận, kiểm tra hồ sơ và chuyển xử lý", Role.COUNTER_OFFICER, "counter", counter),
        ("Thẩm định hồ sơ, đề xuất kết quả", Role.SPECIALIST, "handling", appraisal),
        ("Xem xét, phê duyệt kết quả", Role.UNIT_HEAD, "handling", approval),
        ("Ký ban hành kết quả", Role.DIRECTOR, None, rest - appraisal - approval),
        ("Trả kết quả cho tổ chức, cá nhân", Role.COUNTER_OFFICER, "counter", counter),
    ]


def _units(agency: Agency, field_name: str) -> dict:
    codes = {"counter": COUNTER_UNIT, "handling": HANDLING_UNITS.get(field_name, DEFAULT_UNIT)}
    units = {}
    for key, code in codes.items():
        units[key] = agency.units.filter(code=code).first()
        if units[key] is None:
            raise CatalogError(f"Cơ quan {agency} chưa có đơn vị mã «{code}» cho dữ liệu mẫu.")
    return units


def _load(agency: Agency, entry: dict, local_code: str) -> ProcedureVersion:
    limit = entry["time_limit"]
    version = services.create_procedure(
        agency,
        national_code=entry["national_code"],
        local_code=local_code,
        name=entry["name"].strip(),
        field=services.get_or_create_field(agency, entry["field"]),
        level=_level(entry["level"]),
        online_level=ONLINE_LEVELS.get(entry["online_level"]) if entry["online_level"] else None,
        time_limit_value=Decimal(str(limit["value"])) if limit else None,
        time_limit_unit=TIME_UNITS[limit["unit"]] if limit else "",
        result=entry["result"] or "",
        legal_basis=_lines(entry["legal_basis"]),
        sources=_lines(entry["source"]),
        notes=entry["notes"] or "",
    )
    fees = entry["fees"] or []
    for fee, channel in zip(fees, _fee_channels([fee["name"] for fee in fees])):
        services.add_fee(
            version,
            name=fee["name"],
            amount=fee["amount_vnd"],
            note=fee["note"] or "",
            applies_to=channel,
        )
    for document in entry["documents"] or []:
        note = document["note"] or ""
        conditional = fold(note).startswith(CONDITION_OPENINGS)
        services.add_document(
            version,
            name=document["name"],
            originals=document["originals"],
            copies=document["copies"],
            requirement=Requirement.CONDITIONAL if conditional else Requirement.MANDATORY,
            condition=note if conditional else "",
            note="" if conditional else note,
        )
    if version.time_limit_hours is None:
        return version
    units = _units(agency, entry["field"])
    for name, role, unit_key, hours in _process(version.time_limit_hours):
        services.add_step(version, name=name, role=role, unit=units.get(unit_key), hours=hours)
    return services.publish(version, EFFECTIVE_FROM)


@transaction.atomic
def load_demo_catalog(agency: Agency) -> int:
    """Create the demo procedures `agency` does not have yet; return how many procedures
    the agency's catalogue then holds.

    A procedure is known by its national code, or by its position in the data file
    ("SKHDT-06") when the national code is null, so a second run changes nothing.
    """
    entries = json.loads(DATA_FILE.read_text(encoding="utf-8"))["procedures"]
    existing = set(Procedure.objects.filter(agency=agency).values_list("local_code", flat=True))
    for position, entry in enumerate(entries, start=1):
        local_code = entry["national_code"] or _local_code(position)
        if local_code not in existing:
            _load(agency, entry, local_code)
    return Procedure.objects.filter(agency=agency).count()
