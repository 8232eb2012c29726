"""A year's tree as rows: check every row, then write it all or nothing.

The XLSX import and the demo data both go through `save_tree`, so the same rules hold for
both: codes as printed ("1", "1.2", "1.2.3"), the level from the code's depth, a score within
its maximum, and a parent's maximum equal to the sum of its children's."""

from dataclasses import dataclass, field
from decimal import Decimal
import re

from django.db import transaction

from motcua.org.models import Agency

from ..models import Scorecard, ScorecardNode
from .constants import MAX_DEPTH, ScorecardKind, vn_number

CODE = re.compile(r"^\d+(\.\d+)*$")
UNSET = object()  # a column the file does not have: keep what is stored


@dataclass
class Row:
    number: int  # the row number in the sheet, for error messages
    code: str
    name: str
    max_points: Decimal | None
    self_score: Decimal | None | object = UNSET
    official_score: Decimal | None | object = UNSET
    rank: int | None | object = UNSET
    in_remit: bool | object = UNSET

    @property
    def parent_code(self) -> str | None:
        return self.code.rpartition(".")[0] or None


@dataclass
class Problem:
    row: int | None  # None: the problem is the file's as a whole
    reason: str

    def __str__(self) -> str:
        return (
            self.reason[:1].upper() + self.reason[1:]
            if self.row is None
            else (f"Dòng {self.row}: {self.reason}")
        )


@dataclass
class ImportRefused(Exception):
    problems: list[Problem] = field(default_factory=list)

    @property
    def message(self) -> str:
        return f"Tệp có {len(self.problems)} lỗi, chưa nhập dòng nào."


def check_rows(rows: list[Row]) -> list[Problem]:
    """Every problem of `rows`, in row order; an empty list means the tree can be saved."""
    problems = []
    by_code: dict[str, Row] = {}
    for row in rows:
        problems += _row_problems(row)
        if row.code in by_code:
            problems.append(
                Problem(row.number, f"mã {row.code} trùng với dòng {by_code[row.code].number}")
            )
        elif CODE.match(row.code):
            by_code[row.code] = row
    if not rows:
        problems.append(Problem(None, "tệp không có dòng tiêu chí nào"))
    children: dict[str, list[Row]] = {}
    for row in by_code.values():
        parent = row.parent_code
        if parent is None:
            continue
        if parent not in by_code:
            problems.append(Problem(row.number, f"không có mục cha mã {parent}"))
        else:
            children.setdefault(parent, []).append(row)
    for code, kids in children.items():
        parent = by_code[code]
        if parent.max_points is None or any(k.max_points is None for k in kids):
            continue
        total = sum(k.max_points for k in kids)
        if total != parent.max_points:
            problems.append(
                Problem(
                    parent.number,
                    (
                        f"điểm tối đa của {code} là {vn_number(parent.max_points)} nhưng "
                        f"tổng điểm tối đa các mục con là {vn_number(total)}"
                    ),
                )
            )
    return sorted(problems, key=lambda p: p.row or 0)


def _row_problems(row: Row) -> list[Problem]:
    out = []
    if not CODE.match(row.code):
        out.append(Problem(row.number, f"mã «{row.code}» không đúng dạng 1, 1.2 hoặc 1.2.3"))
    elif row.code.count(".") + 1 > MAX_DEPTH:
        out.append(Problem(row.number, f"mã {row.code} sâu quá {MAX_DEPTH} cấp"))
    if not row.name:
        out.append(Problem(row.number, "thiếu tên"))
    if row.max_points is None or row.max_points <= 0:
        out.append(Problem(row.number, "điểm tối đa phải là số lớn hơn 0"))
    for label, score in (("điểm tự chấm", row.self_score), ("điểm thẩm định", row.official_score)):
        if score in (UNSET, None) or row.max_points is None:
            continue
        if not 0 <= score <= row.max_points:
            out.append(
                Problem(
                    row.number,
                    f"{label} {vn_number(score)} nằm ngoài khoảng 0 – {vn_number(row.max_points)}",
                )
            )
    return out


@transaction.atomic
def save_tree(
    agency: Agency, kind: ScorecardKind | str, year: int, rows: list[Row], source: str = ""
) -> Scorecard:
    """Create or update the (agency, kind, year) tree from `rows`: nodes are matched by code so
    their evidence stays; nodes missing from `rows` are removed unless they carry evidence.
    Raises ImportRefused with every problem, writing nothing."""
    problems = check_rows(rows)
    scorecard, _ = Scorecard.objects.select_for_update().get_or_create(
        agency=agency, kind=kind, year=year, defaults={"source": source}
    )
    existing = {n.code: n for n in scorecard.nodes.all()}
    wanted = {row.code for row in rows}
    kept = (
        ScorecardNode.objects.filter(scorecard=scorecard, evidence__isnull=False)
        .exclude(code__in=wanted)
        .distinct()
    )
    problems += [
        Problem(None, f"mục {n.code} đã có tài liệu kiểm chứng nhưng không còn trong tệp")
        for n in kept
    ]
    if problems:
        raise ImportRefused(problems)
    if source:
        scorecard.source = source
        scorecard.save(update_fields=["source"])
    scorecard.nodes.exclude(code__in=wanted).delete()
    saved: dict[str, ScorecardNode] = {}
    order = {row.code: position for position, row in enumerate(rows)}  # the printed order
    for row in sorted(rows, key=lambda r: r.code.count(".")):  # parents before children
        node = existing.get(row.code) or ScorecardNode(scorecard=scorecard, code=row.code)
        node.parent = saved.get(row.parent_code)
        node.name, node.max_points = row.name, row.max_points
        node.level, node.position = row.code.count(".") + 1, order[row.code]
        for attr in ("self_score", "official_score", "rank", "in_remit"):
            if getattr(row, attr) is not UNSET:
                setattr(node, attr, getattr(row, attr))
        node.save()
        saved[row.code] = node
    return scorecard
