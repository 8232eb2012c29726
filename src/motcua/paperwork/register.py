"""The dossier register (Sổ theo dõi hồ sơ, Mẫu 06 of 2018, 07 of 2025) of an agency for a
period: one row per dossier received in it, numbered as in the year's book."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from motcua.dossiers.constants import Timeliness
from motcua.dossiers.models import Dossier, RuleRegime
from motcua.dossiers.selectors import timeliness
from motcua.org.models import Agency
from motcua.worktime.selectors import calendar_for

from .errors import InvalidPeriod
from .formatting import VN, day, local
from .letterhead import letterhead

MAX_DAYS = 366
DATE_FORMAT = "%d/%m/%Y"
# Timeliness worth a remark in the register; "within time" and "paused" are not.
REMARKED = (Timeliness.EARLY, Timeliness.ON_TIME, Timeliness.LATE, Timeliness.OVERDUE)


@dataclass(frozen=True)
class RegisterPeriod:
    """The register of `agency` for the dossiers received from `start` to `end`, inclusive."""

    agency: Agency
    start: date
    end: date


def _read_date(text: str, what: str) -> date:
    try:
        return datetime.strptime(text.strip(), DATE_FORMAT).date()
    except ValueError:
        raise InvalidPeriod(
            f"{what} «{text}» không hợp lệ; hãy ghi theo dạng ngày/tháng/năm, ví dụ 04/03/2024."
        ) from None


def parse_period(
    start_text: str | None, end_text: str | None, today: date | None = None
) -> tuple[date, date]:
    """The period of `?tu=dd/mm/yyyy&den=dd/mm/yyyy`. Without `den`, up to today; without
    `tu`, from the first day of the end's month."""
    today = today or timezone.localdate()
    end = _read_date(end_text, "Ngày kết thúc") if end_text else today
    start = _read_date(start_text, "Ngày bắt đầu") if start_text else end.replace(day=1)
    if start > end:
        raise InvalidPeriod(
            f"Ngày bắt đầu ({day(start)}) sau ngày kết thúc ({day(end)}); hãy chọn lại."
        )
    if (end - start).days >= MAX_DAYS:
        raise InvalidPeriod(f"Mỗi lần chỉ in sổ theo dõi tối đa {MAX_DAYS} ngày.")
    return start, end


def regime_on(on: date) -> RuleRegime:
    regime = RuleRegime.objects.filter(effective_from__lte=on).order_by("-effective_from").first()
    if regime is None:
        raise InvalidPeriod(f"Chưa có chế độ quy định nào áp dụng cho ngày {day(on)}.")
    return regime


def _midnight(on: date) -> datetime:
    return datetime.combine(on, time(), tzinfo=VN)


def _received(agency_id: int, since: datetime, until: datetime):
    """The agency's dossiers received from `since` (included) to `until` (excluded), in order."""
    return Dossier.objects.filter(
        agency_id=agency_id, received_at__gte=since, received_at__lt=until
    ).order_by("received_at", "pk")


def _new_year(on: date) -> datetime:
    return _midnight(on.replace(month=1, day=1))


def yearly_number(dossier: Dossier) -> int:
    """The dossier's number in its year's register: numbers run on through the year
    (Circular 01/2018 Art. 10(2))."""
    same_year = Dossier.objects.filter(
        agency_id=dossier.agency_id,
        received_at__gte=_new_year(local(dossier.received_at).date()),
    )
    return same_year.filter(
        Q(received_at__lt=dossier.received_at)
        | Q(received_at=dossier.received_at, pk__lte=dossier.pk)
    ).count()


def _remark(dossier: Dossier, calendar) -> str:
    parts = [dossier.get_state_display()]
    mark = timeliness(dossier, calendar)
    if mark in REMARKED:
        parts.append(Timeliness(mark).label.lower())
    if dossier.apology_due_at:
        parts.append(f"hẹn lại {day(dossier.apology_due_at)}")
    return ", ".join(parts)


def _contact(dossier: Dossier) -> str:
    phone = f"ĐT: {dossier.applicant_phone}" if dossier.applicant_phone else ""
    return "; ".join(part for part in (dossier.applicant_address, phone) if part)


def register_rows(period: RegisterPeriod) -> list[dict]:
    since, until = _midnight(period.start), _midnight(period.end + timedelta(days=1))
    dossiers = _received(period.agency.pk, since, until).select_related(
        "version", "received_by__user"
    )
    # The period's first year goes on from the dossiers received before it in that year.
    last_number = {
        period.start.year: _received(period.agency.pk, _new_year(period.start), since).count()
    }
    calendar = calendar_for(period.agency)
    rows = []
    for dossier in dossiers:
        year = local(dossier.received_at).year
        last_number[year] = last_number.get(year, 0) + 1
        rows.append(
            {
                "number": last_number[year],
                "code": dossier.code,
                "procedure": dossier.version.name,
                "sets": dossier.sets,
                "owner": dossier.owner_name or dossier.applicant_name,
                "contact": _contact(dossier),
                "received": day(dossier.received_at),
                "due": day(dossier.due_at),
                "returned": day(dossier.returned_at),
                "receiver": dossier.received_by.full_name if dossier.received_by_id else "",
                "remark": _remark(dossier, calendar),
            }
        )
    return rows


def register_context(period: RegisterPeriod, form: dict) -> dict:
    rows = register_rows(period)
    return {
        **letterhead(period.agency, form, None),
        "start": day(period.start),
        "end": day(period.end),
        "rows": rows,
        "total": len(rows),
        "reference": f"từ {period.start:%d-%m-%Y} đến {period.end:%d-%m-%Y}",
    }
