"""The periodic statistics agencies send upward, by field and procedure: carried over from the
previous period, received, finished early / on time / late, and still pending at the end.
Each procedure row comes from `indices_for`; field and grand totals are sums of those rows,
since every dossier belongs to exactly one procedure and version."""

from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from typing import BinaryIO

from django.db.models import Max

from motcua.catalog.models import Field, Procedure
from motcua.dossiers.models import Dossier
from motcua.indices.rates import indices_for
from motcua.indices.scope import Period, Scope
from motcua.indices.timeliness import open_counts
from motcua.org.models import Agency
from motcua.worktime.selectors import calendar_for

from .xlsx import header, workbook

HEADERS = [
    "Lĩnh vực, thủ tục",
    "Mã thủ tục",
    "Kỳ trước chuyển sang",
    "Tiếp nhận trong kỳ",
    "Trước hạn",
    "Đúng hạn",
    "Trễ hạn",
    "Đang giải quyết",
]
NO_FIELD = "Chưa phân lĩnh vực"


@dataclass(frozen=True)
class Counts:
    carried: int = 0
    received: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    pending: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def values(self) -> list[int]:
        return [getattr(self, f.name) for f in fields(self)]


@dataclass(frozen=True)
class ProcedureRow:
    name: str
    code: str
    counts: Counts


@dataclass(frozen=True)
class FieldGroup:
    name: str
    total: Counts
    procedures: list[ProcedureRow]


def counts(scope: Scope, period: Period, calendar, now: datetime | None = None) -> Counts:
    indices = indices_for(scope, period, now)
    before = Period(period.start - timedelta(days=1), period.start - timedelta(days=1))
    return Counts(
        carried=open_counts(scope.dossiers(), before, calendar, now).open,
        received=indices.received.received,
        early=indices.finished.early,
        on_time=indices.finished.on_time,
        late=indices.finished.late,
        pending=indices.open.open,
    )


def statistics(
    agency: Agency,
    period: Period,
    now: datetime | None = None,
    progress: Callable[[int], None] = lambda percent: None,
) -> list[FieldGroup]:
    """Fields by name (the unclassified last); within each, the procedures that had a dossier
    by the period's end, by national code."""
    pairs = list(
        Dossier.objects.filter(agency=agency, received_at__lt=period.until)
        .values("version__field", "version__field__name", "procedure", "procedure__national_code")
        .annotate(name=Max("version__name"))
        .order_by("version__field__name", "procedure__national_code")
    )
    procedures = Procedure.objects.in_bulk([pair["procedure"] for pair in pairs])
    field_rows = Field.objects.in_bulk([pair["version__field"] for pair in pairs])
    calendar = calendar_for(agency)
    groups: dict[str | None, list[ProcedureRow]] = {}
    for done, pair in enumerate(pairs, start=1):
        # A procedure without a field is counted whole: Scope cannot ask for "no field".
        scope = Scope(
            agency,
            procedure=procedures[pair["procedure"]],
            field=field_rows.get(pair["version__field"]),
        )
        groups.setdefault(pair["version__field__name"], []).append(
            ProcedureRow(
                pair["name"], pair["procedure__national_code"], counts(scope, period, calendar, now)
            )
        )
        progress(done * 90 // len(pairs))
    ordered = sorted(groups.items(), key=lambda item: (item[0] is None, item[0] or ""))
    return [
        FieldGroup(name or NO_FIELD, sum((r.counts for r in rows), Counts()), rows)
        for name, rows in ordered
    ]


def write_statistics(
    agency: Agency,
    period: Period,
    out: BinaryIO,
    progress: Callable[[int], None] = lambda percent: None,
) -> None:
    groups = statistics(agency, period, progress=progress)
    book = workbook()
    sheet = book.create_sheet("Thong ke")
    sheet.append([f"THỐNG KÊ KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH — {agency.name}"])
    sheet.append([f"Từ ngày {period.start:%d/%m/%Y} đến ngày {period.end:%d/%m/%Y}"])
    sheet.append(header(sheet, HEADERS))
    sheet.append(
        header(sheet, ["Tổng cộng", "", *sum((g.total for g in groups), Counts()).values()])
    )
    for group in groups:
        sheet.append(header(sheet, [group.name, "", *group.total.values()]))
        for row in group.procedures:
            sheet.append([row.name, row.code, *row.counts.values()])
    book.save(out)
