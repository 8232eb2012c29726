"""The catalogue as an Excel workbook: one sheet per table, Vietnamese headers.

Export writes every field, procedure version, fee, document and process step of an agency.
Import reads the same layout into an agency through the services, in one transaction: a file
with any problem is refused whole, with the sheet, row and reason of every problem found.
Template files of documents are not carried (a workbook holds no files).
"""

from collections import defaultdict
from dataclasses import dataclass, field as dataclass_field
from datetime import date, datetime
from decimal import Decimal
import re
from typing import IO, Any
import zipfile

from django.db import models, transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils.exceptions import InvalidFileException

from motcua.core.cells import neutralise_xlsx_cell
from motcua.core.text import fold
from motcua.org.constants import Role
from motcua.org.models import Agency, Unit

from . import services
from .constants import (
    ExecutionLevel,
    FeeChannel,
    OnlineLevel,
    Requirement,
    SupplementClock,
    TimeUnit,
    VersionStatus,
)
from .errors import CatalogError
from .models import Field, Procedure, ProcedureVersion

YES, NO = "Có", "Không"
DATE_FORMAT = "DD/MM/YYYY"


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = "text"  # text, code, int, decimal, date, bool or choice
    required: bool = False
    choices: type[models.TextChoices] | None = None


@dataclass(frozen=True)
class Sheet:
    title: str
    columns: dict[str, Column]

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns.values()]


_VERSION_KEY = {
    "local_code": Column("Mã nội bộ thủ tục", "code", required=True),
    "number": Column("Phiên bản", "int", required=True),
}

FIELDS = Sheet(
    "Lĩnh vực",
    {"code": Column("Mã lĩnh vực", "code"), "name": Column("Tên lĩnh vực", required=True)},
)
VERSIONS = Sheet(
    "Thủ tục",
    {
        **_VERSION_KEY,
        "national_code": Column("Mã thủ tục quốc gia", "code"),
        "status": Column("Trạng thái", "choice", True, VersionStatus),
        "effective_from": Column("Hiệu lực từ ngày", "date"),
        "retired_from": Column("Hết hiệu lực từ ngày", "date"),
        "name": Column("Tên thủ tục", required=True),
        "field": Column("Lĩnh vực"),
        "level": Column("Cấp thực hiện", "choice", choices=ExecutionLevel),
        "online_level": Column("Mức độ trực tuyến", "choice", choices=OnlineLevel),
        "time_limit_value": Column("Thời hạn giải quyết", "decimal"),
        "time_limit_unit": Column("Đơn vị thời hạn", "choice", choices=TimeUnit),
        "after_15h_next_day": Column("Nhận sau 15 giờ thì tính từ ngày làm việc tiếp theo", "bool"),
        "supplement_clock": Column("Thời hạn khi bổ sung hồ sơ", "choice", True, SupplementClock),
        "result": Column("Kết quả thực hiện"),
        "legal_basis": Column("Căn cứ pháp lý"),
        "conditions": Column("Yêu cầu, điều kiện thực hiện"),
        "submission": Column("Cách thức thực hiện"),
        "applicants": Column("Đối tượng thực hiện"),
        "sources": Column("Nguồn thông tin"),
        "notes": Column("Ghi chú"),
    },
)
FEES = Sheet(
    "Phí, lệ phí",
    {
        **_VERSION_KEY,
        "position": Column("Thứ tự", "int", required=True),
        "name": Column("Tên phí, lệ phí", required=True),
        "amount": Column("Mức thu (đồng)", "int"),
        "note": Column("Ghi chú"),
        "applies_to": Column("Áp dụng cho", "choice", choices=FeeChannel),
    },
)
DOCUMENTS = Sheet(
    "Thành phần hồ sơ",
    {
        **_VERSION_KEY,
        "position": Column("Thứ tự", "int", required=True),
        "name": Column("Tên giấy tờ", required=True),
        "originals": Column("Số bản chính", "int"),
        "copies": Column("Số bản sao", "int"),
        "requirement": Column("Yêu cầu", "choice", True, Requirement),
        "condition": Column("Trường hợp phải nộp"),
        "note": Column("Ghi chú"),
    },
)
STEPS = Sheet(
    "Quy trình nội bộ",
    {
        **_VERSION_KEY,
        "position": Column("Bước", "int", required=True),
        "name": Column("Tên bước", required=True),
        "unit": Column("Mã đơn vị", "code"),
        "role": Column("Vai trò", "choice", choices=Role),
        "hours": Column("Thời gian (giờ làm việc)", "decimal", required=True),
    },
)
SHEETS = (FIELDS, VERSIONS, FEES, DOCUMENTS, STEPS)
ITEM_SHEETS = {"fees": FEES, "documents": DOCUMENTS, "steps": STEPS}


# --- export -------------------------------------------------------------------------------


def _cell(value: Any, column: Column) -> Any:
    """A stored value as the workbook shows it."""
    if value is None or value == "":
        return None
    if column.kind == "choice":
        return column.choices(value).label
    if column.kind == "bool":
        return YES if value else NO
    if column.kind == "decimal":
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, str):
        return value.strip() or None
    return value


def _write_sheet(workbook: Workbook, sheet: Sheet, rows: list[dict]) -> None:
    ws = workbook.create_sheet(sheet.title)
    ws.append(sheet.headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    for row in rows:
        ws.append([_cell(row.get(key), column) for key, column in sheet.columns.items()])
    for index, column in enumerate(sheet.columns.values(), start=1):
        letter = ws.cell(row=1, column=index).column_letter
        ws.column_dimensions[letter].width = 40 if column.kind == "text" else 16
        for (cell,) in ws.iter_rows(min_row=2, min_col=index, max_col=index):
            if column.kind == "date":
                cell.number_format = DATE_FORMAT
            elif column.kind == "code":
                cell.number_format = "@"  # codes such as 2.001610 must stay text in Excel
            neutralise_xlsx_cell(cell)  # a typed "=…" stays text, and imports back unchanged


def export_catalog(agency: Agency) -> Workbook:
    """The agency's whole catalogue, every version included, as a workbook."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    fields = Field.objects.filter(agency=agency).order_by("name")
    _write_sheet(workbook, FIELDS, [{"code": f.code, "name": f.name} for f in fields])

    versions = (
        ProcedureVersion.objects.filter(procedure__agency=agency)
        .select_related("procedure", "field")
        .prefetch_related("fees", "documents", "steps__unit")
        .order_by("procedure__local_code", "number")
    )
    version_rows: list[dict] = []
    item_rows: dict[str, list[dict]] = defaultdict(list)
    for version in versions:
        key = {"local_code": version.procedure.local_code, "number": version.number}
        row = {name: getattr(version, name) for name in services.CONTENT_FIELDS}
        row.update(
            key,
            national_code=version.procedure.national_code,
            status=version.status,
            effective_from=version.effective_from,
            retired_from=version.retired_from,
            field=version.field.name if version.field else None,
        )
        version_rows.append(row)
        # Positions are renumbered 1, 2, 3… so that gaps left by removed rows do not show.
        for related in ITEM_SHEETS:
            for position, item in enumerate(getattr(version, related).all(), start=1):
                values = {name: getattr(item, name, None) for name in ITEM_SHEETS[related].columns}
                values.update(key, position=position)
                if related == "steps":
                    values["unit"] = item.unit.code if item.unit else None
                item_rows[related].append(values)
    _write_sheet(workbook, VERSIONS, version_rows)
    for related, sheet in ITEM_SHEETS.items():
        _write_sheet(workbook, sheet, item_rows[related])
    return workbook


def write_catalog(agency: Agency, target: str | IO[bytes]) -> None:
    export_catalog(agency).save(target)


# --- import -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None
    message: str

    def __str__(self) -> str:
        where = f"Trang «{self.sheet}»" + (f", dòng {self.row}" if self.row else "")
        return f"{where}: {self.message}"


class ImportRefused(CatalogError):
    """The workbook was refused; nothing of it was kept."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(
            f"Không nhập được danh mục: {len(problems)} lỗi. Không có dữ liệu nào được ghi."
        )


@dataclass
class ImportSummary:
    fields: int = 0
    procedures: int = 0
    versions: int = 0
    items: dict[str, int] = dataclass_field(default_factory=lambda: defaultdict(int))

    def __str__(self) -> str:
        return (
            f"{self.procedures} thủ tục, {self.versions} phiên bản, {self.fields} lĩnh vực mới, "
            f"{self.items['fees']} phí/lệ phí, {self.items['documents']} thành phần hồ sơ, "
            f"{self.items['steps']} bước xử lý"
        )


class _BadCell(ValueError):
    pass


# Numbers typed as text: Vietnamese style "50.000" or "10,5", or a plain "0.5".
_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
_PLAIN = re.compile(r"^\d+([.,]\d+)?$")


def _number_from_text(typed: str) -> Decimal:
    text = typed.replace(" ", "")
    if _THOUSANDS.match(text):
        text = text.replace(".", "")
    elif not _PLAIN.match(text):
        raise _BadCell(f"«{typed}» không phải là số")
    return Decimal(text.replace(",", "."))


def _parse(value: Any, column: Column) -> Any:
    """A workbook cell as a stored value; raises _BadCell with the reason."""
    if isinstance(value, str):
        value = value.strip()
    if value is None or value == "":
        if column.required:
            raise _BadCell("thiếu giá trị bắt buộc")
        if column.kind == "bool":
            return False
        return None if column.kind in {"int", "decimal", "date", "code", "choice"} else ""
    if column.kind in {"text", "code"}:
        if column.kind == "code" and not isinstance(value, str):
            raise _BadCell(
                f"«{value}» là số; mã phải nhập dạng văn bản (ví dụ 2.001610), "
                "hãy định dạng ô là Text"
            )
        return str(value)
    if column.kind == "int":
        number = _parse(value, Column(column.header, "decimal"))
        if number != number.to_integral_value() or number < 0:
            raise _BadCell(f"«{value}» không phải số nguyên không âm")
        return int(number)
    if column.kind == "decimal":
        if isinstance(value, bool):
            raise _BadCell(f"«{value}» không phải là số")
        if isinstance(value, (int, float)):
            return Decimal(str(value))
        return _number_from_text(str(value))
    if column.kind == "date":
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return datetime.strptime(str(value), "%d/%m/%Y").date()
        except ValueError:
            raise _BadCell(f"«{value}» không phải ngày dạng dd/mm/yyyy") from None
    if column.kind == "bool":
        if isinstance(value, bool):
            return value
        folded = fold(str(value))
        if folded in {"co", "x", "true", "1"}:
            return True
        if folded in {"khong", "false", "0"}:
            return False
        raise _BadCell(f"«{value}» không hợp lệ; ghi «{YES}» hoặc «{NO}»")
    if column.kind == "choice":
        folded = fold(str(value))
        for choice in column.choices:
            if folded in {fold(choice.label), choice.value}:
                return choice.value
        allowed = ", ".join(f"«{choice.label}»" for choice in column.choices)
        raise _BadCell(f"«{value}» không hợp lệ; chọn một trong: {allowed}")
    raise AssertionError(column.kind)


@dataclass
class _Rows:
    """A sheet's well-read rows, and the version keys of every row (read well or not), so
    that a bad cell is reported once and not again as a missing reference."""

    good: list[tuple[int, dict]] = dataclass_field(default_factory=list)
    keys: list[tuple[int, tuple]] = dataclass_field(default_factory=list)


def _read_sheet(workbook, sheet: Sheet, problems: list[Problem]) -> _Rows:
    """The rows of one sheet; problems are added to `problems`, not raised."""
    result = _Rows()
    if sheet.title not in workbook.sheetnames:
        problems.append(Problem(sheet.title, None, "thiếu trang này trong tệp"))
        return result
    ws = workbook[sheet.title]
    rows = ws.iter_rows(values_only=True)
    found = [("" if h is None else str(h).strip()) for h in next(rows, ())]
    while found and not found[-1]:
        found.pop()
    if found != sheet.headers:
        problems.append(
            Problem(
                sheet.title,
                1,
                "tiêu đề cột không đúng mẫu; cần đúng các cột: "
                + ", ".join(f"«{h}»" for h in sheet.headers)
                + " (có: "
                + ", ".join(f"«{h}»" for h in found)
                + ")",
            )
        )
        return result
    for number, cells in enumerate(rows, start=2):
        cells = list(cells) + [None] * (len(sheet.headers) - len(cells))
        if all(cell is None or str(cell).strip() == "" for cell in cells):
            continue
        values, ok = {}, True
        for (key, column), cell in zip(sheet.columns.items(), cells):
            try:
                values[key] = _parse(cell, column)
            except _BadCell as exc:
                problems.append(Problem(sheet.title, number, f"cột «{column.header}»: {exc}"))
                ok = False
        if ok:
            result.good.append((number, values))
        if values.get("local_code") is not None and values.get("number") is not None:
            result.keys.append((number, (values["local_code"], values["number"])))
    return result


def _check_versions(rows: _Rows, field_names: set[str], problems: list[Problem]) -> dict:
    """Versions grouped by local code, numbered 1…n, with consistent national codes."""
    numbers: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for row, (code, number) in rows.keys:
        numbers[code].append((number, row))
    for code, found in numbers.items():
        found.sort()
        for expected, (number, row) in enumerate(found, start=1):
            if number != expected:
                problems.append(
                    Problem(
                        VERSIONS.title,
                        row,
                        f"thủ tục {code}: phiên bản phải đánh số liên tục từ 1, không trùng "
                        f"(cần {expected}, có {number})",
                    )
                )
                break
    by_code: dict[str, list[tuple[int, dict]]] = defaultdict(list)
    for row, values in rows.good:
        by_code[values["local_code"]].append((row, values))
        status = values["status"]
        if status != VersionStatus.DRAFT and values["effective_from"] is None:
            problems.append(Problem(VERSIONS.title, row, "phiên bản đã công bố cần ngày hiệu lực"))
        if (status == VersionStatus.RETIRED) != (values["retired_from"] is not None):
            problems.append(
                Problem(
                    VERSIONS.title,
                    row,
                    "chỉ phiên bản «Hết hiệu lực» có (và phải có) ngày hết hiệu lực",
                )
            )
        if (values["time_limit_value"] is None) != (values["time_limit_unit"] is None):
            problems.append(Problem(VERSIONS.title, row, "thời hạn giải quyết cần cả số và đơn vị"))
        if values["field"] and values["field"] not in field_names:
            problems.append(
                Problem(
                    VERSIONS.title,
                    row,
                    f"lĩnh vực «{values['field']}» không có trong trang «{FIELDS.title}»",
                )
            )
    for versions in by_code.values():
        versions.sort(key=lambda item: item[1]["number"])
        national = {values["national_code"] for _, values in versions}
        if len(national) > 1:
            problems.append(
                Problem(
                    VERSIONS.title,
                    versions[0][0],
                    f"thủ tục {code}: các phiên bản ghi mã quốc gia khác nhau",
                )
            )
    return by_code


def _check_items(sheet: Sheet, rows, versions: set, units: dict, problems: list[Problem]):
    """Items grouped by (local code, version), in their order; references checked."""
    grouped: dict[tuple, list[tuple[int, dict]]] = defaultdict(list)
    for row, values in rows:
        key = (values["local_code"], values["number"])
        if key not in versions:
            problems.append(
                Problem(
                    sheet.title,
                    row,
                    f"không có thủ tục mã nội bộ {key[0]} phiên bản {key[1]} "
                    f"trong trang «{VERSIONS.title}»",
                )
            )
            continue
        if any(values["position"] == other["position"] for _, other in grouped[key]):
            problems.append(Problem(sheet.title, row, f"thứ tự {values['position']} bị trùng"))
        if sheet is STEPS:
            if values["unit"] is not None and values["unit"] not in units:
                problems.append(
                    Problem(sheet.title, row, f"cơ quan không có đơn vị mã «{values['unit']}»")
                )
            if values["unit"] is None and values["role"] is None:
                problems.append(Problem(sheet.title, row, "cần mã đơn vị hoặc vai trò"))
        grouped[key].append((row, values))
    for items in grouped.values():
        items.sort(key=lambda item: item[1]["position"])
    return grouped


def _open(source) -> Any:
    try:
        return load_workbook(source, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportRefused(
            [Problem("—", None, f"tệp không phải bảng tính Excel (.xlsx) đọc được ({exc})")]
        ) from exc


@transaction.atomic
def import_catalog(agency: Agency, source: str | IO[bytes]) -> ImportSummary:
    """Add the workbook's catalogue to `agency`; refuse the whole file on any problem."""
    workbook = _open(source)
    problems: list[Problem] = []
    sheets = {sheet.title: _read_sheet(workbook, sheet, problems) for sheet in SHEETS}

    field_rows = sheets[FIELDS.title].good
    names = [values["name"] for _, values in field_rows]
    for row, values in field_rows:
        if names.count(values["name"]) > 1:
            problems.append(Problem(FIELDS.title, row, f"lĩnh vực «{values['name']}» bị trùng"))
    known_fields = set(names) | set(
        Field.objects.filter(agency=agency).values_list("name", flat=True)
    )
    by_code = _check_versions(sheets[VERSIONS.title], known_fields, problems)
    version_keys = {key for _, key in sheets[VERSIONS.title].keys}
    units = {unit.code: unit for unit in Unit.objects.filter(agency=agency)}
    items = {
        related: _check_items(sheet, sheets[sheet.title].good, version_keys, units, problems)
        for related, sheet in ITEM_SHEETS.items()
    }
    if problems:
        raise ImportRefused(problems)

    summary = ImportSummary()
    fields = {}
    for _, values in field_rows:
        exists = Field.objects.filter(agency=agency, name=values["name"]).exists()
        fields[values["name"]] = services.get_or_create_field(
            agency, values["name"], values["code"] or ""
        )
        summary.fields += not exists
    for versions in by_code.values():
        _import_procedure(agency, versions, items, fields, units, summary, problems)
    if problems:
        raise ImportRefused(problems)
    return summary


def _import_procedure(agency, versions, items, fields, units, summary, problems) -> None:
    """Write one procedure's versions in order; stop at its first refused row."""
    procedure: Procedure | None = None
    for row, values in versions:
        content = {name: values[name] for name in services.CONTENT_FIELDS if name != "field"}
        content.update(
            field=fields.get(values["field"]) or _existing_field(agency, values["field"]),
            effective_from=values["effective_from"],
            level=values["level"] or "",
            time_limit_unit=values["time_limit_unit"] or "",
        )
        key = (values["local_code"], values["number"])
        try:
            if procedure is None:
                version = services.create_procedure(
                    agency,
                    local_code=values["local_code"],
                    national_code=values["national_code"],
                    **content,
                )
                procedure = version.procedure
                summary.procedures += 1
            else:
                version = services.create_draft(procedure, **content)
        except CatalogError as exc:
            problems.append(Problem(VERSIONS.title, row, exc.message))
            return
        summary.versions += 1
        for related, sheet in ITEM_SHEETS.items():
            for item_row, item in items[related].get(key, []):
                try:
                    _add_item(version, related, item, units)
                    summary.items[related] += 1
                except CatalogError as exc:
                    problems.append(Problem(sheet.title, item_row, exc.message))
        if values["status"] == VersionStatus.DRAFT:
            continue
        try:
            services.publish(version)
            if values["status"] == VersionStatus.RETIRED:
                services.retire(version, values["retired_from"])
        except CatalogError as exc:
            problems.append(Problem(VERSIONS.title, row, exc.message))
            return


def _existing_field(agency: Agency, name: str | None) -> Field | None:
    return Field.objects.get(agency=agency, name=name) if name else None


def _add_item(version: ProcedureVersion, related: str, values: dict, units: dict) -> None:
    if related == "fees":
        services.add_fee(
            version,
            name=values["name"],
            amount=values["amount"],
            note=values["note"],
            applies_to=values["applies_to"] or FeeChannel.ALL,
        )
    elif related == "documents":
        services.add_document(
            version,
            name=values["name"],
            originals=values["originals"],
            copies=values["copies"],
            requirement=values["requirement"],
            condition=values["condition"],
            note=values["note"],
        )
    else:
        services.add_step(
            version,
            name=values["name"],
            hours=values["hours"],
            unit=units.get(values["unit"]),
            role=values["role"] or "",
        )
