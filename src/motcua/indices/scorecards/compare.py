"""This year's tree against last year's (plan 1186, item II.2.3: at least four criteria up,
none down).

PAR: each node's score is the official one when published, else the self-assessed one, else
the sum of its children's; it is compared as a share of its maximum so a changed maximum still
compares. PCI: the province's rank per sub-index in the Department's remit (1 is best)."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models

from motcua.core.text import fold

from ..models import Scorecard, ScorecardNode
from .constants import ScorecardKind

GOAL_MIN_UP = 4  # plan 1186/KH-SKHDT, item II.2.3: "Tăng từ 04 tiêu chí trở lên"
GOAL_LEVEL = 2  # the goal counts criteria (tiêu chí); fields and sub-criteria are shown only
HUNDRED = Decimal(100)


class Trend(models.TextChoices):
    UP = "up", "Tăng"
    DOWN = "down", "Giảm"
    SAME = "same", "Giữ nguyên"
    NEW = "new", "Mới"
    GONE = "gone", "Không còn"
    UNSCORED = "unscored", "Chưa có điểm"


@dataclass
class Line:
    current: ScorecardNode | None
    previous: ScorecardNode | None
    now: Decimal | int | None  # PAR: % of maximum; PCI: rank
    before: Decimal | int | None
    trend: Trend
    matched_by_name: bool = False

    @property
    def node(self) -> ScorecardNode:
        return self.current or self.previous


@dataclass
class Comparison:
    current: Scorecard
    previous: Scorecard | None
    lines: list[Line] = field(default_factory=list)

    @property
    def counted(self) -> list[Line]:
        if self.current.kind == ScorecardKind.PCI:
            return self.lines
        return [line for line in self.lines if line.node.level == GOAL_LEVEL]

    def count(self, trend: Trend) -> int:
        return sum(1 for line in self.counted if line.trend == trend)

    @property
    def up(self) -> int:
        return self.count(Trend.UP)

    @property
    def down(self) -> int:
        return self.count(Trend.DOWN)

    @property
    def goal_met(self) -> bool:
        return self.previous is not None and self.up >= GOAL_MIN_UP and self.down == 0


def previous_of(scorecard: Scorecard) -> Scorecard | None:
    return Scorecard.objects.filter(
        agency=scorecard.agency_id, kind=scorecard.kind, year=scorecard.year - 1
    ).first()


def compare(current: Scorecard, previous: Scorecard | None = None) -> Comparison:
    """`current` against `previous` (by default: the same index of the year before)."""
    previous = previous if previous is not None else previous_of(current)
    comparison = Comparison(current, previous)
    now_nodes = list(current.nodes.all())
    before_nodes = list(previous.nodes.all()) if previous else []
    if current.kind == ScorecardKind.PCI:
        now_nodes = [n for n in now_nodes if n.in_remit]
        before_nodes = [n for n in before_nodes if n.in_remit]
        values = {n.pk: n.rank for n in now_nodes + before_nodes}
    else:
        values = _percentages(now_nodes) | _percentages(before_nodes)
    pairs, gone = match(now_nodes, before_nodes)
    for node in now_nodes:
        old, by_name = pairs.get(node.pk, (None, False))
        now = values[node.pk]
        before = values[old.pk] if old else None
        comparison.lines.append(
            Line(
                node,
                old,
                now,
                before,
                _trend(
                    now, before, old is not None, lower_is_better=current.kind == ScorecardKind.PCI
                ),
                by_name,
            )
        )
    comparison.lines += [Line(None, old, None, values[old.pk], Trend.GONE) for old in gone]
    return comparison


def match(
    now: list[ScorecardNode], before: list[ScorecardNode]
) -> tuple[dict[int, tuple[ScorecardNode, bool]], list[ScorecardNode]]:
    """Pair this year's nodes with last year's: same code and name first, then the same folded
    name (the code moved), then the same code (the name was reworded). Returns
    {current pk: (previous node, matched by name)} and last year's nodes left unpaired."""
    pairs: dict[int, tuple[ScorecardNode, bool]] = {}
    left = {n.pk: n for n in before}
    passes = (
        (lambda n: (n.level, n.code, fold(n.name)), False),
        (lambda n: (n.level, fold(n.name)), True),
        (lambda n: (n.level, n.code), False),
    )
    for key, by_name in passes:
        index = {}
        for old in left.values():
            index.setdefault(key(old), old)
        for node in now:
            old = index.get(key(node))
            if node.pk in pairs or old is None or old.pk not in left:
                continue
            pairs[node.pk] = (old, by_name)
            del left[old.pk]
    return pairs, list(left.values())


def _trend(now, before, matched: bool, lower_is_better: bool) -> Trend:
    if not matched:
        return Trend.NEW
    if now is None or before is None:
        return Trend.UNSCORED
    if now == before:
        return Trend.SAME
    return Trend.UP if (now < before) == lower_is_better else Trend.DOWN


def _percentages(nodes: list[ScorecardNode]) -> dict[int, Decimal | None]:
    """Each node's score as a % of its maximum (2 decimals), rolled up from the children when
    the node itself has no score."""
    children: dict[int | None, list[ScorecardNode]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node)
    scores: dict[int, Decimal | None] = {}

    def score(node):
        if node.pk not in scores:
            own = node.official_score if node.official_score is not None else node.self_score
            if own is None:
                kids = [score(k) for k in children.get(node.pk, [])]
                own = sum(kids) if kids and all(k is not None for k in kids) else None
            scores[node.pk] = own
        return scores[node.pk]

    return {
        node.pk: None
        if score(node) is None
        else (score(node) * HUNDRED / node.max_points).quantize(Decimal("0.01"))
        for node in nodes
    }
