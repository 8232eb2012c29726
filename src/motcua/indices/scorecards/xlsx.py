"""Read a year's tree from one XLSX sheet with Vietnamese headers (any order, any case):
Mã, Tên, Điểm tối đa, and optionally Điểm tự chấm, Điểm thẩm định, Thứ hạng, Thuộc phạm vi
của Sở. Codes should be typed as text: Excel turns "1.10" into the number 1.1."""

from decimal import Decimal, InvalidOperation

from openpyxl import load_workbook

from motcua.core.text import fold
from motcua.org.models import Agency

from ..models import Scorecard
from .tree import ImportRefused, Problem, Row, check_rows, save_tree

COLUMNS = {  # folded header → Row attribute
    "ma": "code",
    "ten": "name",
    "diem toi da": "max_points",
    "diem tu cham": "self_score",
    "diem tham dinh": "official_score",
    "thu hang": "rank",
    "thuoc pham vi cua so": "in_remit",
}
REQUIRED = {"code": "Mã", "name": "Tên", "max_points": "Điểm tối đa"}
YES = {"x", "co", "1", "true"}


def import_scorecard(agency: Agency, kind: str, year: int, file, source: str = "") -> Scorecard:
    """Import `file` (a path or a file object) as the (agency, kind, year) tree, all or
    nothing; raises ImportRefused listing every bad row."""
    rows, problems = read_rows(file)
    if problems:  # also the tree's problems, except on rows already reported unreadable
        unreadable = {p.row for p in problems}
        problems += [p for p in check_rows(rows) if rows and p.row not in unreadable]
        raise ImportRefused(sorted(problems, key=lambda p: p.row or 0))
    return save_tree(agency, kind, year, rows, source)


def read_rows(file) -> tuple[list[Row], list[Problem]]:
    """The sheet's rows and the cells that could not be read (not the tree's rules)."""
    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not XLSX
        return [], [Problem(None, "không đọc được tệp; cần tệp Excel .xlsx")]
    try:
        sheet = workbook.worksheets[0]
        lines = sheet.iter_rows(values_only=True)
        header = next(lines, ())
        columns = {
            COLUMNS[fold(str(h))]: i
            for i, h in enumerate(header)
            if h is not None and fold(str(h)) in COLUMNS
        }
        missing = [label for attr, label in REQUIRED.items() if attr not in columns]
        if missing:
            return [], [Problem(1, "thiếu cột " + ", ".join(missing))]
        rows, problems = [], []
        for number, values in enumerate(lines, start=2):
            if all(v is None or str(v).strip() == "" for v in values):
                continue
            row, row_problems = _row(number, values, columns)
            rows.append(row)
            problems += row_problems
        return rows, problems
    finally:
        workbook.close()


def _row(number: int, values: tuple, columns: dict[str, int]) -> tuple[Row, list[Problem]]:
    def cell(attr):
        i = columns.get(attr)
        return values[i] if i is not None and i < len(values) else None

    problems = []

    def number_of(attr, label):
        raw = cell(attr)
        if raw is None or str(raw).strip() == "":
            return None
        try:
            return Decimal(str(raw).strip().replace(",", ".")).quantize(Decimal("0.01"))
        except InvalidOperation:
            problems.append(Problem(number, f"{label} «{raw}» không phải là số"))
            return None

    row = Row(
        number=number,
        code=_code(cell("code")),
        name=str(cell("name") or "").strip(),
        max_points=number_of("max_points", "điểm tối đa"),
    )
    for attr, label in (("self_score", "điểm tự chấm"), ("official_score", "điểm thẩm định")):
        if attr in columns:
            setattr(row, attr, number_of(attr, label))
    if "rank" in columns:
        rank = number_of("rank", "thứ hạng")
        if rank is not None and (rank != rank.to_integral() or rank < 1):
            problems.append(Problem(number, f"thứ hạng «{cell('rank')}» phải là số nguyên dương"))
            rank = None
        row.rank = None if rank is None else int(rank)
    if "in_remit" in columns:
        row.in_remit = fold(str(cell("in_remit") or "")) in YES
    return row, problems


def _code(raw) -> str:
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw if raw is not None else "").strip().rstrip(".")
