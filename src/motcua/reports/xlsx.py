"""Shared pieces of the write-only workbooks: a streamed workbook keeps only the current row
in memory, so every cell goes through these helpers."""

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

RATE_FORMAT = "0.00"
BOLD = Font(bold=True)


def workbook() -> Workbook:
    return Workbook(write_only=True)


def header(sheet, titles: list[str]) -> list[WriteOnlyCell]:
    cells = []
    for title in titles:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = BOLD
        cells.append(cell)
    return cells


def rate_cell(sheet, value: Decimal) -> WriteOnlyCell:
    """A percentage (already ×100) kept as a number, shown with two decimals."""
    cell = WriteOnlyCell(sheet, value=float(value))
    cell.number_format = RATE_FORMAT
    return cell
