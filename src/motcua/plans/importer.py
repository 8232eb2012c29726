"""Import a plan's task table (the appendix layout: Stt, Nội dung/Nhiệm vụ, Kết quả/Sản phẩm,
Tiến độ/Thời gian, Cách thức thực hiện, optionally Đơn vị chủ trì / phối hợp) from XLSX or DOCX.

Good rows become sections and tasks through the services, numbered as printed; a row that cannot
be read is listed with its number and the reason, and the others are still imported. A schedule
the parser does not understand is no error: it stays text, followed by hand."""

from dataclasses import dataclass, field
import re

from django.db import transaction

from motcua.core.text import fold
from motcua.org.models import Unit

from . import services
from .errors import PlanError
from .models import Plan, PlanSection

# Folded header fragments per field, the most specific first: "Cách thức thực hiện" and
# "Tiến độ thực hiện" both say "thực hiện", "Đơn vị phối hợp" and "Đơn vị chủ trì" "đơn vị".
_HEADERS = [
    ("method", ("cach thuc",)),
    ("co_units", ("phoi hop",)),
    ("lead_unit", ("chu tri", "don vi thuc hien", "don vi")),
    ("schedule", ("tien do", "thoi gian", "thoi han")),
    ("expected_result", ("ket qua", "san pham")),
    ("content", ("noi dung", "nhiem vu")),
    ("number", ("stt", "so tt", "so thu tu", "tt")),
]
# "I", "II." are parts, "1.", "2." headings within a part; "1.1", "110" are tasks.
_PART = re.compile(r"^[IVX]+\.?$")
_HEADING = re.compile(r"^\d+\.$")
_UNIT_SEPARATORS = re.compile(r"[,;\n]+")
MAX_HEADER_SEARCH = 10


@dataclass
class ImportResult:
    plan: Plan
    sections: int = 0
    tasks: int = 0
    # (row number in the file, reason in Vietnamese)
    errors: list[tuple[int, str]] = field(default_factory=list)


def _columns(cells: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, text in enumerate(cells):
        folded = fold(text)
        for name, fragments in _HEADERS:
            if name not in found and any(
                folded == f or folded.startswith(f + " ") or f" {f}" in f" {folded}"
                for f in fragments
            ):
                found[name] = index
                break
    return found


def _table(rows: list[tuple[int, list[str]]]) -> tuple[dict[str, int], list]:
    """The columns (from the first row naming a content column) and the rows after it."""
    for position, (_, cells) in enumerate(rows[:MAX_HEADER_SEARCH]):
        columns = _columns(cells)
        if "content" in columns:
            return columns, rows[position + 1 :]
    raise PlanError("Không tìm thấy dòng tiêu đề có cột «Nội dung/Nhiệm vụ» trong bảng.")


def _cell_text(value) -> str:
    return "" if value is None else str(value).strip()


def read_xlsx(file) -> list[tuple[int, list[str]]]:
    """The rows of the first sheet, numbered as Excel numbers them."""
    from openpyxl import load_workbook

    sheet = load_workbook(file, read_only=True, data_only=True).worksheets[0]
    return [
        (number, [_cell_text(v) for v in values])
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
    ]


def read_docx(file) -> list[tuple[int, list[str]]]:
    """The rows of the first table having a content column, numbered from its first row."""
    from docx import Document

    for table in Document(file).tables:
        rows = [
            (number, [cell.text.strip() for cell in row.cells])
            for number, row in enumerate(table.rows, start=1)
        ]
        if any("content" in _columns(cells) for _, cells in rows[:MAX_HEADER_SEARCH]):
            return rows
    raise PlanError("Tệp DOCX không có bảng nào có cột «Nội dung/Nhiệm vụ».")


def read_table(file, name: str) -> list[tuple[int, list[str]]]:
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    reader = {"xlsx": read_xlsx, "docx": read_docx}.get(extension)
    if reader is None:
        raise PlanError("Chỉ nhập được bảng nhiệm vụ từ tệp XLSX hoặc DOCX.")
    try:
        return reader(file)
    except PlanError:
        raise
    except Exception as error:  # a corrupt or mislabelled file: openpyxl/docx raise anything
        raise PlanError(
            f"Không đọc được tệp «{name}»: tệp hỏng hoặc không đúng định dạng."
        ) from error


class _Units:
    """The agency's units, found by code or by name, diacritics and case ignored."""

    def __init__(self, plan: Plan):
        self.by_key = {}
        for unit in Unit.objects.filter(agency=plan.agency_id):
            self.by_key[fold(unit.code)] = unit
            self.by_key[fold(unit.name)] = unit

    def find(self, text: str) -> Unit | None:
        return self.by_key.get(fold(text))


def _add_row(plan: Plan, row: dict[str, str], units: _Units, section, result) -> PlanSection:
    """Add one row; returns the section that following tasks belong to."""
    number, content = row.get("number", ""), row.get("content", "")
    if not content:
        raise PlanError("Thiếu nội dung nhiệm vụ.")
    if _PART.match(number) or _HEADING.match(number):
        result.sections += 1
        return services.add_section(
            plan, number=number.rstrip("."), title=content, level=1 if _PART.match(number) else 2
        )
    lead = None
    if lead_text := row.get("lead_unit", ""):
        lead = units.find(lead_text)
        if lead is None:
            raise PlanError(f"Đơn vị chủ trì «{lead_text}» không có trong cơ quan.")
    co_units = []
    for name in filter(None, (n.strip() for n in _UNIT_SEPARATORS.split(row.get("co_units", "")))):
        unit = units.find(name)
        if unit is None:
            raise PlanError(f"Đơn vị phối hợp «{name}» không có trong cơ quan.")
        co_units.append(unit)
    services.add_task(
        plan,
        number=number,
        content=content,
        expected_result=row.get("expected_result", ""),
        schedule_text=row.get("schedule", "")[:300],
        method=row.get("method", ""),
        lead_unit=lead,
        co_units=co_units,
        section=section,
    )
    result.tasks += 1
    return section


@transaction.atomic
def import_tasks(plan: Plan, file, name: str) -> ImportResult:
    """Append the table of `file` (XLSX or DOCX, told by `name`) to `plan`."""
    columns, rows = _table(read_table(file, name))
    result, units, section = ImportResult(plan), _Units(plan), None
    for number, cells in rows:
        if not any(cells) or _columns(cells) == columns:
            continue  # blank, or the header repeated on a new page
        row = {key: cells[index] if index < len(cells) else "" for key, index in columns.items()}
        try:
            section = _add_row(plan, row, units, section, result)
        except PlanError as error:
            result.errors.append((number, str(error)))
    return result
