"""Shared pieces of the write-only workbooks: a streamed workbook keeps only the current row
in memory, so every cell goes through these helpers."""

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from motcua.core.cells import is_formula_like, neutralise_xlsx_cell

RATE_FORMAT = "0.00"
BOLD = Font(bold=True)


class _SafeSheet(WriteOnlyWorksheet):
    """Every appended text that a spreadsheet would read as a formula is written as text."""

    def append(self, row):
        super().append([_safe(self, value) for value in row])


def _safe(sheet, value):
    if isinstance(value, Cell):
        neutralise_xlsx_cell(value)
    elif is_formula_like(value):
        value = WriteOnlyCell(sheet, value=value)
        neutralise_xlsx_cell(value)
    return value


class _SafeWorkbook(Workbook):
    def create_sheet(self, title=None, index=None):
        sheet = _SafeSheet(parent=self, title=title)
        self._add_sheet(sheet=sheet, index=index)
        return sheet


def workbook() -> Workbook:
    """A write-only workbook whose sheets neutralise formula-like text (core.cells)."""
    return _SafeWorkbook(write_only=True)


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
