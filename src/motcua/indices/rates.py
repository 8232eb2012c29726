"""The indices of a scope over a period: counts and rates computed by aggregate queries over the
dossier facts (never from stored counters), each rate with its numerator, denominator,
definition and, where the plan sets one, its target and the gap."""

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from motcua.catalog.constants import OnlineLevel
from motcua.dossiers.constants import Action, Channel, State
from motcua.dossiers.models import Attachment, DossierEvent
from motcua.worktime.selectors import calendar_for

from .constants import TargetKey
from .scope import Period, Scope
from .targets import targets_for
from .timeliness import (
    FinishedCounts,
    OpenCounts,
    finished_counts,
    finished_in,
    open_counts,
    reference_moment,
)

CENT = Decimal("0.01")


def percent(numerator: int, denominator: int) -> Decimal | None:
    """A rate in %, rounded half up to 2 decimals (the 766 display rule); None without a
    denominator."""
    if not denominator:
        return None
    return (Decimal(100) * numerator / denominator).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Rate:
    key: str
    label: str
    definition: str
    numerator: int
    denominator: int
    target: Decimal | None = None

    @property
    def value(self) -> Decimal | None:
        return percent(self.numerator, self.denominator)

    @property
    def gap(self) -> Decimal | None:
        """Actual minus target, in percentage points: negative when short of the target."""
        if self.value is None or self.target is None:
            return None
        return self.value - self.target


@dataclass(frozen=True)
class ReceivedCounts:
    received: int
    online: int
    online_full: int
    online_partial: int
    with_supplement: int
    digitized: int


@dataclass(frozen=True)
class OtherTarget:
    """A target whose actual comes from elsewhere (surveys, ratings, the province's index)."""

    key: str
    label: str
    target: Decimal
    source: str


@dataclass(frozen=True)
class Indices:
    scope: Scope
    period: Period
    open_at: datetime
    received: ReceivedCounts
    finished: FinishedCounts
    refused: int
    withdrawn: int
    open: OpenCounts
    rates: dict[str, Rate]
    other_targets: list[OtherTarget]


def received_in(period: Period) -> Q:
    return Q(received_at__gte=period.since, received_at__lt=period.until)


def received_counts(dossiers: QuerySet, period: Period) -> ReceivedCounts:
    """One query over the dossiers received in the period."""
    online = Q(channel=Channel.ONLINE)
    digitized = Exists(Attachment.objects.filter(
        dossier=OuterRef("pk"), kind=Attachment.Kind.DOCUMENT, digitized=True))
    counts = dossiers.filter(received_in(period)).aggregate(
        received=Count("pk"),
        online=Count("pk", filter=online),
        online_full=Count("pk", filter=online & Q(version__online_level=OnlineLevel.FULL)),
        online_partial=Count("pk", filter=online & Q(version__online_level=OnlineLevel.PARTIAL)),
        with_supplement=Count("pk", filter=Q(supplement_count__gte=1)),
        digitized=Count("pk", filter=Q(digitized)),
    )
    return ReceivedCounts(**counts)


def ended_counts(dossiers: QuerySet, period: Period) -> tuple[int, int]:
    """Refused among the finished (refused, or refused and then handed back), and withdrawn,
    in the period: one query."""
    refuse_event = Exists(DossierEvent.objects.filter(dossier=OuterRef("pk"),
                                                      action=Action.REFUSE))
    refused = finished_in(period) & (
        Q(state=State.REFUSED) | (Q(state=State.RETURNED) & Q(refuse_event)))
    withdrawn = Q(state=State.WITHDRAWN, finished_at__gte=period.since,
                  finished_at__lt=period.until)
    counts = dossiers.aggregate(refused=Count("pk", filter=refused),
                                withdrawn=Count("pk", filter=withdrawn))
    return counts["refused"], counts["withdrawn"]


def indices_for(scope: Scope, period: Period, now: datetime | None = None) -> Indices:
    """Every index of `scope` over `period`; targets are those of the period's last year."""
    dossiers = scope.dossiers()
    received = received_counts(dossiers, period)
    finished = finished_counts(dossiers, period)
    refused, withdrawn = ended_counts(dossiers, period)
    opened = open_counts(dossiers, period, calendar_for(scope.agency), now)
    targets = targets_for(scope.agency, period.end.year)

    def rate(key, label, definition, numerator, denominator):
        target = targets.get(key)
        return Rate(key, label, definition, numerator, denominator,
                    target.value if target else None)

    rates = [
        rate(TargetKey.ON_TIME.value, "Tỷ lệ giải quyết trước hạn, đúng hạn",
             "(trước hạn + đúng hạn) ÷ hồ sơ có kết quả hoặc từ chối trong kỳ",
             finished.early + finished.on_time, finished.finished),
        rate(TargetKey.ONLINE.value, "Tỷ lệ hồ sơ trực tuyến",
             "hồ sơ nộp trực tuyến ÷ hồ sơ tiếp nhận trong kỳ",
             received.online, received.received),
        rate("online_full", "Tỷ lệ hồ sơ trực tuyến toàn trình",
             "hồ sơ nộp trực tuyến của thủ tục toàn trình ÷ hồ sơ tiếp nhận trong kỳ",
             received.online_full, received.received),
        rate("online_partial", "Tỷ lệ hồ sơ trực tuyến một phần",
             "hồ sơ nộp trực tuyến của thủ tục một phần ÷ hồ sơ tiếp nhận trong kỳ",
             received.online_partial, received.received),
        rate("supplement", "Tỷ lệ hồ sơ phải bổ sung",
             "hồ sơ có ít nhất một yêu cầu bổ sung ÷ hồ sơ tiếp nhận trong kỳ",
             received.with_supplement, received.received),
        rate("refusal", "Tỷ lệ hồ sơ từ chối giải quyết",
             "hồ sơ từ chối giải quyết ÷ hồ sơ có kết quả hoặc từ chối trong kỳ",
             refused, finished.finished),
        rate("digitization", "Tỷ lệ hồ sơ số hóa",
             "hồ sơ có ít nhất một thành phần đã số hóa ÷ hồ sơ tiếp nhận trong kỳ",
             received.digitized, received.received),
    ]
    computed = {r.key for r in rates}
    others = [
        OtherTarget(t.key, t.get_key_display(), t.value, t.source)
        for key, t in sorted(targets.items()) if key not in computed
    ]
    return Indices(
        scope=scope, period=period, open_at=reference_moment(period, now), received=received,
        finished=finished, refused=refused, withdrawn=withdrawn, open=opened,
        rates={r.key: r for r in rates}, other_targets=others,
    )
