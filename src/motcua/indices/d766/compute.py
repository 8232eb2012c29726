"""The Decision 766 score of an agency over a period: every criterion of the year's point
table with its numerator, denominator, rate and points, the group scores and the total.

Points (vn-rules §8.2): the maximum when the rate reaches the criterion's threshold, else
rate × maximum ÷ threshold, two decimals half up. A criterion without data (a manual figure
not entered, a source app without its model, or a zero denominator) is shown "Không có dữ
liệu" and scores nothing: the total is the sum of the points earned, out of 100, and
`max_with_data` says how many of those 100 points could be earned from the data there is.
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from motcua.org.models import Agency

from ..models import D766Criterion, D766ManualValue
from ..rates import CENT, percent
from ..scope import Period
from .constants import Group, Source
from .criteria import MEASURES, SYNC_RATE, Measure
from .sources import Context

ZERO = Decimal(0)


@dataclass(frozen=True)
class Manual:
    numerator: int
    denominator: int
    note: str


@dataclass(frozen=True)
class CriterionScore:
    criterion: D766Criterion
    numerator: int | None
    denominator: int | None
    rate: Decimal | None
    points: Decimal
    no_data: bool
    note: str = ""
    display: str = ""
    drillable: bool = False

    @property
    def code(self) -> str:
        return self.criterion.code

    @property
    def tracked_only(self) -> bool:
        return not self.criterion.max_points


@dataclass(frozen=True)
class GroupScore:
    group: Group
    criteria: list[CriterionScore]

    @property
    def max_points(self) -> Decimal:
        return sum((c.criterion.max_points for c in self.criteria), ZERO)

    @property
    def points(self) -> Decimal:
        return sum((c.points for c in self.criteria), ZERO)

    @property
    def max_with_data(self) -> Decimal:
        return sum((c.criterion.max_points for c in self.criteria if not c.no_data), ZERO)


@dataclass(frozen=True)
class D766Score:
    agency: Agency
    period: Period
    at: datetime
    year: int
    groups: list[GroupScore]

    @property
    def criteria(self) -> list[CriterionScore]:
        return [c for g in self.groups for c in g.criteria]

    @property
    def max_points(self) -> Decimal:
        return sum((g.max_points for g in self.groups), ZERO)

    @property
    def total(self) -> Decimal:
        return sum((g.points for g in self.groups), ZERO)

    @property
    def max_with_data(self) -> Decimal:
        return sum((g.max_with_data for g in self.groups), ZERO)

    def criterion(self, code: str) -> CriterionScore:
        return next(c for c in self.criteria if c.code == code)


def points_for(rate: Decimal | None, max_points: Decimal, threshold: Decimal) -> Decimal:
    if rate is None or not max_points:
        return ZERO
    if rate >= threshold:
        return max_points
    return (rate * max_points / threshold).quantize(CENT, rounding=ROUND_HALF_UP)


def manual_values(agency: Agency, period: Period) -> dict[str, Manual]:
    """The figure entered for exactly this period, else the sum of those entered for periods
    inside it (e.g. three months make a quarter)."""
    rows = D766ManualValue.objects.filter(
        agency=agency, start__gte=period.start, end__lte=period.end
    )
    exact, summed = {}, {}
    for row in rows:
        if (row.start, row.end) == (period.start, period.end):
            exact[row.code] = Manual(row.numerator, row.denominator, row.note)
        else:
            num, den, notes = summed.get(row.code, (0, 0, []))
            summed[row.code] = (
                num + row.numerator,
                den + row.denominator,
                [*notes, row.note] if row.note else notes,
            )
    for code, (num, den, notes) in summed.items():
        exact.setdefault(code, Manual(num, den, "; ".join(notes)))
    return exact


def table_for(year: int) -> list[D766Criterion]:
    """The point table of `year`; a year without one uses the latest earlier year's."""
    known = (
        D766Criterion.objects.filter(year__lte=year)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    if known is None:
        known = D766Criterion.objects.order_by("year").values_list("year", flat=True).first()
    return list(D766Criterion.objects.filter(year=known).order_by("group", "position"))


def measure_for(criterion: D766Criterion, ctx: Context) -> Measure | None:
    if criterion.source != Source.SYSTEM:
        return None
    function = MEASURES.get(criterion.code)
    return function(ctx) if function else None


def _score(criterion: D766Criterion, ctx: Context, manual: dict[str, Manual]) -> CriterionScore:
    if criterion.source == Source.MANUAL:
        value = manual.get(criterion.code)
        if value is None:
            return CriterionScore(
                criterion,
                None,
                None,
                None,
                ZERO,
                no_data=True,
                note="Chưa nhập số liệu cho kỳ này.",
            )
        rate = percent(value.numerator, value.denominator)
        return CriterionScore(
            criterion,
            value.numerator,
            value.denominator,
            rate,
            points_for(rate, criterion.max_points, criterion.threshold),
            no_data=rate is None,
            note=value.note,
        )
    measure = measure_for(criterion, ctx)
    if measure is None:
        return CriterionScore(
            criterion,
            None,
            None,
            None,
            ZERO,
            no_data=True,
            note="Chức năng cung cấp dữ liệu chưa có trong hệ thống.",
        )
    numerator, denominator = measure.counts()
    if measure.display is not None:
        return CriterionScore(
            criterion,
            numerator,
            denominator,
            None,
            ZERO,
            no_data=False,
            display=measure.display(),
            drillable=True,
        )
    rate, note = percent(numerator, denominator), ""
    if measure.uses_sync_rate and rate is not None:
        sync = manual.get(SYNC_RATE)
        sync_rate = percent(sync.numerator, sync.denominator) if sync else None
        if sync_rate is None:
            note = "Chưa nhân tỷ lệ đồng bộ (chưa nhập tiêu chí 1.4)."
        else:
            note = f"Đã nhân tỷ lệ đồng bộ {sync_rate} % (tiêu chí 1.4)."
            # Rounded once, at the end (766 display rule): the product of the exact rates.
            exact = Decimal(100 * numerator * sync.numerator) / (denominator * sync.denominator)
            rate = exact.quantize(CENT, rounding=ROUND_HALF_UP)
    if rate is None:
        note = "Mẫu số bằng 0 (N/A)."
    return CriterionScore(
        criterion,
        numerator,
        denominator,
        rate,
        points_for(rate, criterion.max_points, criterion.threshold),
        no_data=rate is None,
        note=note,
        drillable=True,
    )


def d766_for(agency: Agency, period: Period, now: datetime | None = None) -> D766Score:
    """The score over `period` with the point table of the period's last year."""
    ctx = Context.of(agency, period, now)
    manual = manual_values(agency, period)
    scores = [_score(c, ctx, manual) for c in table_for(period.end.year)]
    groups = [
        GroupScore(group, [s for s in scores if s.criterion.group == group]) for group in Group
    ]
    return D766Score(agency, period, ctx.at, period.end.year, [g for g in groups if g.criteria])
