"""The monthly briefing written out: XLSX with a sheet per table, DOCX for the meeting."""

from decimal import Decimal
from typing import BinaryIO

from docx import Document

from motcua.plans.constants import TaskStatus

from .briefing import COLUMNS, Briefing, Line
from .xlsx import header, rate_cell, workbook


def assignment_rows(briefing: Briefing) -> list[tuple[str, int]]:
    figures = briefing.assignments
    return [
        ("Nhận trong tháng", figures.received),
        ("Đang thực hiện, trong hạn", figures.open),
        ("Quá hạn chưa hoàn thành", figures.overdue),
        ("Đã gia hạn", figures.extended),
        ("Hoàn thành đúng hạn", figures.done),
        ("Hoàn thành trễ hạn", figures.done_late),
    ]


def plan_rows(briefing: Briefing) -> list[list]:
    return [
        [
            f"{entry.plan.number}: {entry.plan.title}",
            *(entry.by_status[status] for status in TaskStatus),
            sum(entry.by_status.values()),
        ]
        for entry in briefing.plans
    ]


PLAN_HEADERS = ["Kế hoạch", *TaskStatus.labels, "Tổng số nhiệm vụ"]


def _title(briefing: Briefing) -> str:
    return (
        f"BÁO CÁO GIAO BAN THÁNG {briefing.period.start:%m/%Y} — {briefing.agency.name} "
        f"(từ {briefing.period.start:%d/%m/%Y} đến {briefing.period.end:%d/%m/%Y})"
    )


def write_briefing_xlsx(briefing: Briefing, out: BinaryIO) -> None:
    book = workbook()
    for name, first, lines in (
        ("Theo don vi", "Đơn vị", [briefing.total, *briefing.units]),
        ("Theo can bo", "Cán bộ", briefing.officers),
    ):
        sheet = book.create_sheet(name)
        sheet.append([_title(briefing)])
        sheet.append(header(sheet, [first, *COLUMNS]))
        for entry in lines:
            sheet.append(
                [
                    entry.label,
                    *(rate_cell(sheet, v) if isinstance(v, Decimal) else v for v in entry.values()),
                ]
            )
    sheet = book.create_sheet("Ke hoach CCHC")
    sheet.append([f"Tiến độ kế hoạch đến ngày {briefing.period.end:%d/%m/%Y}"])
    sheet.append(header(sheet, PLAN_HEADERS))
    for row in plan_rows(briefing):
        sheet.append(row)
    sheet.append([])
    sheet.append(header(sheet, ["Nhiệm vụ UBND tỉnh giao", "Số nhiệm vụ"]))
    for row in assignment_rows(briefing):
        sheet.append(list(row))
    book.save(out)


def _table(document, titles: list[str], rows: list[list]) -> None:
    table = document.add_table(rows=1, cols=len(titles))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, titles):
        cell.text = text
    for values in rows:
        for cell, value in zip(table.add_row().cells, values):
            cell.text = str(value)


def _text(value) -> str:
    """A figure as printed: a rate with a decimal comma, a dash where there is none."""
    if value is None:
        return "—"
    return str(value).replace(".", ",")


def _lines(lines: list[Line]) -> list[list]:
    return [[entry.label, *map(_text, entry.values())] for entry in lines]


def write_briefing_docx(briefing: Briefing, out: BinaryIO) -> None:
    document = Document()
    document.add_paragraph(briefing.agency.name.upper())
    document.add_heading(_title(briefing), level=1)
    document.add_heading("1. Kết quả giải quyết hồ sơ theo đơn vị", level=2)
    _table(document, ["Đơn vị", *COLUMNS], _lines([briefing.total, *briefing.units]))
    document.add_heading("2. Kết quả giải quyết hồ sơ theo cán bộ", level=2)
    _table(document, ["Cán bộ", *COLUMNS], _lines(briefing.officers))
    document.add_heading("3. Tiến độ kế hoạch cải cách hành chính", level=2)
    if briefing.plans:
        _table(document, PLAN_HEADERS, plan_rows(briefing))
    else:
        document.add_paragraph(f"Không có kế hoạch năm {briefing.period.end.year}.")
    document.add_heading("4. Thực hiện nhiệm vụ UBND tỉnh giao", level=2)
    _table(document, ["Chỉ tiêu", "Số nhiệm vụ"], [list(row) for row in assignment_rows(briefing)])
    document.save(out)
