"""The indices of a scope over a period: counts and rates computed by aggregate queries over the
dossier facts (never from stored counters), each rate with its numerator, denominator,
definition and, where the plan sets one, its target and the gap."""

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from motcua.catalog.constants import OnlineLevel
from motcua.catalog.models import Field, ProcedureVersion
from motcua.core.text import fold
from motcua.dossiers.constants import Action, Channel, State
from motcua.dossiers.models import Attachment, DossierEvent
from motcua.feedback.constants import CITIZEN_QUESTIONS, INDEX_FIELDS, SATISFIED_OVERALL
from motcua.feedback.models import Rating
from motcua.feedback.sipas import period_overall_percent
from motcua.org.models import Agency
from motcua.worktime.selectors import calendar_for

from .constants import TargetKey
from .scope import Period, Scope
from .targets import targets_for
from .timeliness import (
    FinishedCounts,
    OpenCounts,
    finished_filters,
    finished_in,
    finished_of,
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
class RatingCounts:
    """The applicants' ratings given in the period: the overall answer, the points of each
    Art. 13 index the applicant answers (2/1/0 each), and the same for the investment field."""

    ratings: int
    satisfied: int  # very satisfied or satisfied
    points: dict[str, int]  # index field → sum of points
    investment_ratings: int
    investment_satisfied: int


@dataclass(frozen=True)
class OtherTarget:
    """A target whose actual is not a rate over dossiers: the SIPAS survey campaigns' overall
    index, or none here (the PAR INDEX is scored by the province)."""

    key: str
    label: str
    target: Decimal
    source: str
    actual: Decimal | None = None

    @property
    def gap(self) -> Decimal | None:
        return None if self.actual is None else self.actual - self.target


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
    ratings: RatingCounts
    rates: dict[str, Rate]
    other_targets: list[OtherTarget]


def received_in(period: Period) -> Q:
    return Q(received_at__gte=period.since, received_at__lt=period.until)


def received_filters(period: Period) -> dict[str, Q]:
    """The counts of ReceivedCounts as filters."""
    received, online = received_in(period), Q(channel=Channel.ONLINE)
    # Lists hashed once, not a look-up per dossier: the whole query can run in parallel.
    digitized = Q(
        pk__in=Attachment.objects.filter(kind=Attachment.Kind.DOCUMENT, digitized=True).values(
            "dossier_id"
        )
    )
    return {
        "received": received,
        "online": received & online,
        "online_full": received & online & Q(version__online_level=OnlineLevel.FULL),
        "online_partial": received & online & Q(version__online_level=OnlineLevel.PARTIAL),
        "with_supplement": received & Q(supplement_count__gte=1),
        "digitized": received & digitized,
    }


def ended_filters(period: Period) -> dict[str, Q]:
    """Refused among the finished (refused, or refused and then handed back), and withdrawn.
    The handed-back refusals are found by a list of the refused dossiers (hashed once), not a
    look-up per finished dossier."""
    refused_ever = DossierEvent.objects.filter(action=Action.REFUSE).values("dossier_id")
    return {
        "refused": finished_in(period)
        & (Q(state=State.REFUSED) | (Q(state=State.RETURNED) & Q(pk__in=refused_ever))),
        "withdrawn": Q(
            state=State.WITHDRAWN, finished_at__gte=period.since, finished_at__lt=period.until
        ),
    }


def dossier_counts(dossiers: QuerySet, period: Period, calendar, now: datetime | None = None):
    """Received, finished and ended counts in one pass over the dossiers that matter to the
    period (received before its end and not finished before its start); the open ones in a
    second query that reads only them (bench/: a few percent of a year's dossiers)."""
    filters = {**received_filters(period), **finished_filters(period), **ended_filters(period)}
    relevant = Q(received_at__lt=period.until) & (
        Q(finished_at__isnull=True) | Q(finished_at__gte=period.since)
    )
    counts = dossiers.filter(relevant).aggregate(
        **{key: Count("pk", filter=q) for key, q in filters.items()}
    )
    received = ReceivedCounts(**{key: counts[key] for key in received_filters(period)})
    return (
        received,
        finished_of(counts),
        counts["refused"],
        counts["withdrawn"],
        open_counts(dossiers, period, calendar, now),
    )


def investment_fields(agency: Agency) -> list[int]:
    """The agency's fields counted as "investment" for its satisfaction target: those whose
    code or name (ignoring marks and case) is listed in MOTCUA_INVESTMENT_FIELDS."""
    wanted = {fold(name) for name in settings.MOTCUA_INVESTMENT_FIELDS}
    return [
        field.pk
        for field in Field.objects.filter(agency=agency)
        if fold(field.code) in wanted or fold(field.name) in wanted
    ]


def rating_counts(scope: Scope, period: Period) -> RatingCounts:
    """Two queries over the ratings given in the period to the scope's dossiers: all of them,
    then those of the investment fields (by the procedure version each rating keeps, so no
    rating is joined to its dossier)."""
    ratings = Rating.objects.filter(
        agency=scope.agency, rated_at__gte=period.since, rated_at__lt=period.until
    )
    if scope.narrowed:
        ratings = ratings.filter(dossier__in=scope.dossiers())
    satisfied = Q(overall__in=SATISFIED_OVERALL)
    counts = ratings.aggregate(
        ratings=Count("pk"),
        satisfied=Count("pk", filter=satisfied),
        **{f: Coalesce(Sum(f), 0) for f in INDEX_FIELDS},
    )
    versions = ProcedureVersion.objects.filter(field__in=investment_fields(scope.agency))
    investment = ratings.filter(
        version_id__in=list(versions.values_list("pk", flat=True))
    ).aggregate(investment_ratings=Count("pk"), investment_satisfied=Count("pk", filter=satisfied))
    return RatingCounts(points={f: counts.pop(f) for f in INDEX_FIELDS}, **counts, **investment)


def indices_for(scope: Scope, period: Period, now: datetime | None = None) -> Indices:
    """Every index of `scope` over `period`; targets are those of the period's last year."""
    received, finished, refused, withdrawn, opened = dossier_counts(
        scope.dossiers(), period, calendar_for(scope.agency), now
    )
    ratings = rating_counts(scope, period)
    targets = targets_for(scope.agency, period.end.year)

    def rate(key, label, definition, numerator, denominator):
        target = targets.get(key)
        return Rate(
            key, label, definition, numerator, denominator, target.value if target else None
        )

    rates = [
        rate(
            TargetKey.ON_TIME.value,
            "Tỷ lệ giải quyết trước hạn, đúng hạn",
            "(trước hạn + đúng hạn) ÷ hồ sơ có kết quả hoặc từ chối trong kỳ",
            finished.early + finished.on_time,
            finished.finished,
        ),
        rate(
            TargetKey.ONLINE.value,
            "Tỷ lệ hồ sơ trực tuyến",
            "hồ sơ nộp trực tuyến ÷ hồ sơ tiếp nhận trong kỳ",
            received.online,
            received.received,
        ),
        rate(
            "online_full",
            "Tỷ lệ hồ sơ trực tuyến toàn trình",
            "hồ sơ nộp trực tuyến của thủ tục toàn trình ÷ hồ sơ tiếp nhận trong kỳ",
            received.online_full,
            received.received,
        ),
        rate(
            "online_partial",
            "Tỷ lệ hồ sơ trực tuyến một phần",
            "hồ sơ nộp trực tuyến của thủ tục một phần ÷ hồ sơ tiếp nhận trong kỳ",
            received.online_partial,
            received.received,
        ),
        rate(
            "supplement",
            "Tỷ lệ hồ sơ phải bổ sung",
            "hồ sơ có ít nhất một yêu cầu bổ sung ÷ hồ sơ tiếp nhận trong kỳ",
            received.with_supplement,
            received.received,
        ),
        rate(
            "refusal",
            "Tỷ lệ hồ sơ từ chối giải quyết",
            "hồ sơ từ chối giải quyết ÷ hồ sơ có kết quả hoặc từ chối trong kỳ",
            refused,
            finished.finished,
        ),
        rate(
            "digitization",
            "Tỷ lệ hồ sơ số hóa",
            "hồ sơ có ít nhất một thành phần đã số hóa ÷ hồ sơ tiếp nhận trong kỳ",
            received.digitized,
            received.received,
        ),
        rate(
            TargetKey.TTHC_SATISFACTION.value,
            "Tỷ lệ hài lòng trong giải quyết TTHC",
            "(rất hài lòng + hài lòng) ÷ lượt đánh giá của người dân trong kỳ",
            ratings.satisfied,
            ratings.ratings,
        ),
        *(
            rate(
                f"satisfaction_{f}",
                f"Chỉ số {q['number']}: {q['name']}",
                "tổng điểm của chỉ số (2, 1 hoặc 0 mỗi lượt) ÷ (2 × lượt đánh giá trong kỳ)",
                ratings.points[f],
                2 * ratings.ratings,
            )
            for f, q in CITIZEN_QUESTIONS.items()
        ),
        rate(
            TargetKey.INVESTMENT_SATISFACTION.value,
            "Tỷ lệ hài lòng với TTHC lĩnh vực đầu tư",
            "(rất hài lòng + hài lòng) ÷ lượt đánh giá trong kỳ, hồ sơ thuộc lĩnh vực đầu tư",
            ratings.investment_satisfied,
            ratings.investment_ratings,
        ),
    ]
    computed = {r.key for r in rates}
    sipas = period_overall_percent(scope.agency, period.start, period.end)
    actuals = {
        TargetKey.SATISFACTION.value: None
        if sipas is None
        else Decimal(sipas).quantize(CENT, rounding=ROUND_HALF_UP)
    }
    others = [
        OtherTarget(t.key, t.get_key_display(), t.value, t.source, actuals.get(key))
        for key, t in sorted(targets.items())
        if key not in computed
    ]
    return Indices(
        scope=scope,
        period=period,
        open_at=reference_moment(period, now),
        received=received,
        finished=finished,
        refused=refused,
        withdrawn=withdrawn,
        open=opened,
        ratings=ratings,
        rates={r.key: r for r in rates},
        other_targets=others,
    )
