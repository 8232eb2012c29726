"""Formula injection in exports: a text that a citizen or an officer typed (an applicant's name,
a note) and that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a
formula by Excel and LibreOffice when the file is opened or edited (`=HYPERLINK(...)`,
`=cmd|...`). Every XLSX writer asks this module.

XLSX: such a text is written as an explicit string cell with the "quote prefix" style, the
apostrophe Excel itself adds when someone types '=… : the value stays exactly what was typed
(so an exported catalogue imports back unchanged) and no spreadsheet evaluates it, even when the
cell is edited."""

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def neutralise_xlsx_cell(cell) -> None:
    """Make an openpyxl cell holding formula-like text a plain string cell (openpyxl turns any
    text starting with "=" into a formula)."""
    if is_formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
