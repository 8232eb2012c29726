"""The dossier register (Sổ theo dõi hồ sơ, Mẫu 06) of any period as XLSX, streamed: rows are
read in chunks of a few columns (days computed in SQL) and written one by one straight into the
file's zip, so memory does not grow with the period and a year at a million dossiers takes
well under a minute. The printed DOCX register stays in paperwork."""

from collections.abc import Callable
from typing import BinaryIO

from django.db.models import Case, CharField, Q, Value, When
from django.db.models.functions import TruncDate

from motcua.dossiers.constants import State
from motcua.dossiers.models import Dossier
from motcua.dossiers.selectors import FINISHED_STATES
from motcua.indices.rates import received_in
from motcua.indices.scope import VN, Period
from motcua.indices.timeliness import EARLY, LATE
from motcua.org.models import Agency

from .xlsx_stream import StreamedSheet

CHUNK = 2000
HEADERS = [
    "STT",
    "Mã hồ sơ",
    "Tên thủ tục hành chính",
    "Số bộ hồ sơ",
    "Tên tổ chức, cá nhân",
    "Địa chỉ, số điện thoại",
    "Ngày tiếp nhận",
    "Ngày hẹn trả kết quả",
    "Ngày trả kết quả",
    "Người tiếp nhận",
    "Trạng thái",
    "Kết quả giải quyết",
]
COLUMNS = (
    "code",
    "version__name",
    "sets",
    "owner_name",
    "applicant_name",
    "applicant_address",
    "applicant_phone",
    "received_on",
    "due_on",
    "returned_on",
    "received_by__user__last_name",
    "received_by__user__first_name",
    "state",
    "timeliness",
)
STATES = dict(State.choices)

Progress = Callable[[int], None]


def _timeliness() -> Case:
    """Early / on time / late by the indices' own rule (Decision 5), evaluated in SQL."""
    finished = Q(state__in=FINISHED_STATES, finished_at__isnull=False)
    return Case(
        When(finished & LATE, then=Value("Trễ hạn")),
        When(finished & EARLY, then=Value("Trước hạn")),
        When(finished, then=Value("Đúng hạn")),
        default=Value(""),
        output_field=CharField(),
    )


def register_rows(agency: Agency, period: Period):
    """The period's dossiers in receipt order, as tuples of COLUMNS."""
    return (
        Dossier.objects.filter(received_in(period), agency=agency)
        .annotate(
            finished_day=TruncDate("finished_at", tzinfo=VN),
            due_day=TruncDate("due_at", tzinfo=VN),
            timeliness=_timeliness(),
            received_on=TruncDate("received_at", tzinfo=VN),
            due_on=TruncDate("due_at", tzinfo=VN),
            returned_on=TruncDate("returned_at", tzinfo=VN),
        )
        .order_by("received_at", "pk")
        .values_list(*COLUMNS)
    )


def _numbered_before(agency: Agency, period: Period) -> int:
    """Numbers run on through the year (Circular 01/2018 Art. 10(2)): the period's first number
    follows the dossiers received earlier in its first year."""
    since_new_year = Period(period.start.replace(month=1, day=1), period.start)
    return Dossier.objects.filter(
        agency=agency, received_at__gte=since_new_year.since, received_at__lt=period.since
    ).count()


def write_register(
    agency: Agency, period: Period, out: BinaryIO, progress: Progress = lambda percent: None
) -> int:
    """Write the register XLSX to `out`; returns the number of dossiers."""
    rows = register_rows(agency, period)
    total = rows.count()
    number, year = _numbered_before(agency, period), period.start.year
    count = 0
    with StreamedSheet(out, "So theo doi ho so") as sheet:
        sheet.append([f"SỔ THEO DÕI HỒ SƠ — {agency.name}"])
        sheet.append(
            [f"Hồ sơ tiếp nhận từ ngày {period.start:%d/%m/%Y} đến ngày {period.end:%d/%m/%Y}"]
        )
        sheet.append(HEADERS, bold=True)
        for (
            code,
            procedure,
            sets,
            owner,
            applicant,
            address,
            phone,
            received,
            due,
            returned,
            last_name,
            first_name,
            state,
            timeliness,
        ) in rows.iterator(chunk_size=CHUNK):
            if received.year != year:
                number, year = 0, received.year
            number += 1
            count += 1
            sheet.append(
                [
                    number,
                    code,
                    procedure,
                    sets,
                    owner or applicant,
                    "; ".join(part for part in (address, phone and f"ĐT: {phone}") if part),
                    received,
                    due,
                    returned,
                    f"{last_name or ''} {first_name or ''}".strip(),
                    STATES[state],
                    timeliness,
                ]
            )
            if count % CHUNK == 0:
                progress(count * 99 // total)
    return count
