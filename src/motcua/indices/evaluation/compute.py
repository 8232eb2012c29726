"""The evaluation of Circular 01/2018/TT-VPCP Arts. 13–15 for an agency and a period (a
quarter or a year; any period works): the nine indices, the agency's total and grade, and each
officer's score out of 10 with its grade.

Per-dossier indices (Art. 15: Σ points ÷ dossiers, one decimal, half up):
- 1, 3, 4, 7 from the citizens' ratings given in the period (feedback.Rating);
- 2 from the system, over the dossiers finished (result or refusal) in the period: each step
  of the internal process and each consultation of another agency against its own deadline —
  2 when every one finished before its due day, 1 when the latest finished on its due day
  (not after the due moment), 0 when one finished after its due moment or a consultation was
  still unanswered past its deadline when the dossier finished.
Agency indices 5, 6, 8, 9 (0–2) from the system, by the thresholds of Art. 13 (vn-rules §7.2).
An index without data is left out of every total (Art. 15).
"""

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import TruncDate

from motcua.catalog.models import ProcessStep
from motcua.dossiers.constants import Channel
from motcua.dossiers.models import Consultation, Dossier, DossierStep, SupplementRequest
from motcua.dossiers.selectors import is_return_step
from motcua.feedback.models import Rating
from motcua.org.models import Agency, Staff

from ..d766.criteria import ONLINE_SERVICE, complete_publication
from ..d766.sources import Context
from ..scope import VN, Period
from ..timeliness import finished_in

TENTH = Decimal("0.1")
CITIZEN = (1, 3, 4, 7)
OFFICER_INDICES = (1, 2, 3, 4, 7)
NAMES = {
    1: "Tổng thời gian giải quyết TTHC so với thời gian cho phép",
    2: "Thời gian thực hiện của từng cơ quan, đơn vị tham gia (kể cả phối hợp)",
    3: "Số lần phải liên hệ với nơi tiếp nhận để hoàn thiện hồ sơ",
    4: "Số lượng cơ quan, đơn vị, tổ chức phải liên hệ",
    5: "Tổ chức tiếp nhận, giải quyết, trả kết quả tại Bộ phận Một cửa",
    6: "Công khai thủ tục hành chính",
    7: "Thái độ của cán bộ, công chức, viên chức",
    8: "Tiếp thu, giải trình phản ánh, kiến nghị",
    9: "Tiến độ, chất lượng cung cấp dịch vụ công trực tuyến",
}
SOURCES = {
    1: "citizen",
    2: "system",
    3: "citizen",
    4: "citizen",
    5: "system",
    6: "system",
    7: "citizen",
    8: "system",
    9: "system",
}

# Art. 15(2): officers out of 10; Art. 15(3): agencies.
OFFICER_GRADES = (
    (Decimal(5), "Hoàn thành 100 % nhiệm vụ"),
    (Decimal("3.5"), "Hoàn thành từ 70 % đến dưới 100 % nhiệm vụ"),
    (Decimal(0), "Hoàn thành dưới 70 % nhiệm vụ"),
)
AGENCY_GRADES = (
    (Decimal(15), "Xuất sắc"),
    (Decimal(12), "Tốt"),
    (Decimal(9), "Khá"),
    (Decimal(6), "Trung bình"),
    (Decimal(0), "Yếu"),
)


def grade(total: Decimal | None, grades) -> str | None:
    if total is None:
        return None
    return next(label for floor, label in grades if total >= floor)


def officer_grade(total: Decimal | None) -> str | None:
    return grade(total, OFFICER_GRADES)


def agency_grade(total: Decimal | None) -> str | None:
    return grade(total, AGENCY_GRADES)


@dataclass(frozen=True)
class IndexScore:
    number: int
    points: int | None  # per-dossier indices: Σ points; agency indices: the points
    dossiers: int | None  # per-dossier indices: how many dossiers were scored
    score: Decimal | None  # None: no data, left out of the totals
    basis: str = ""  # agency indices: the figures behind the points

    @property
    def name(self) -> str:
        return NAMES[self.number]

    @property
    def source(self) -> str:
        return SOURCES[self.number]


def _mean(points: int | None, dossiers: int) -> Decimal | None:
    if not dossiers:
        return None
    return (Decimal(points or 0) / dossiers).quantize(TENTH, rounding=ROUND_HALF_UP)


def _total(indices: dict[int, IndexScore]) -> Decimal | None:
    scored = [i.score for i in indices.values() if i.score is not None]
    return sum(scored, Decimal(0)) if scored else None


@dataclass(frozen=True)
class OfficerScore:
    staff: Staff
    indices: dict[int, IndexScore]

    @property
    def total(self) -> Decimal | None:
        return _total(self.indices)

    @property
    def grade(self) -> str | None:
        return officer_grade(self.total)


@dataclass(frozen=True)
class Evaluation:
    agency: Agency
    period: Period
    at: datetime
    indices: dict[int, IndexScore]
    officers: list[OfficerScore]

    @property
    def total(self) -> Decimal | None:
        return _total(self.indices)

    @property
    def grade(self) -> str | None:
        return agency_grade(self.total)


# --- per-dossier indices ---------------------------------------------------------------


def citizen_indices(ratings: QuerySet) -> dict[int, IndexScore]:
    """Indices 1, 3, 4, 7 over `ratings` (one query)."""
    sums = ratings.aggregate(
        **{f"s{n}": Sum(f"index{n}") for n in CITIZEN},
        **{f"c{n}": Count(f"index{n}") for n in CITIZEN},
    )
    return {
        n: IndexScore(n, sums[f"s{n}"] or 0, sums[f"c{n}"], _mean(sums[f"s{n}"], sums[f"c{n}"]))
        for n in CITIZEN
    }


def _same_day(model, finished: str):
    return model.objects.annotate(
        end_day=TruncDate(finished, tzinfo=VN),
        due_day=TruncDate("due_at", tzinfo=VN),
    ).filter(end_day=F("due_day"))


def participants_points():
    """Index 2 of one dossier (an expression over Dossier rows): the time of the agency's units
    and of the bodies it consulted; the counter's return, which waits for the applicant, is not
    one of them."""
    worked = DossierStep.objects.exclude(is_return_step())
    steps = worked.filter(dossier=OuterRef("pk"), finished_at__isnull=False, due_at__isnull=False)
    consultations = Consultation.objects.filter(dossier=OuterRef("pk"))
    late = (
        Exists(steps.filter(finished_at__gt=F("due_at")))
        | Exists(consultations.filter(answered_at__gt=F("due_at")))
        | Exists(consultations.filter(answered_at__isnull=True, due_at__lt=OuterRef("finished_at")))
    )
    equal = Exists(
        _same_day(DossierStep, "finished_at")
        .exclude(is_return_step())
        .filter(dossier=OuterRef("pk"), started_at__isnull=False)
    ) | Exists(_same_day(Consultation, "answered_at").filter(dossier=OuterRef("pk")))
    return Case(
        When(late, then=Value(0)),
        When(equal, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )


def participants_index(dossiers: QuerySet, period: Period) -> IndexScore:
    """Index 2 over the dossiers finished in the period (one query)."""
    totals = (
        dossiers.filter(finished_in(period))
        .annotate(index2=participants_points())
        .aggregate(points=Sum("index2"), dossiers=Count("pk"))
    )
    return IndexScore(
        2, totals["points"] or 0, totals["dossiers"], _mean(totals["points"], totals["dossiers"])
    )


# --- agency indices ----------------------------------------------------------------------


def one_stop_index(ctx: Context) -> IndexScore:
    """Index 5. 2: the one-stop unit itself handles every step of ≥ 20 % of the procedures in
    force (department threshold); 1: every procedure is received and returned there (its
    first and last steps are the counter's); 0 otherwise."""
    versions = ctx.versions()
    steps = ProcessStep.objects.filter(version=OuterRef("pk"))
    counted = versions.annotate(
        has_steps=Exists(steps),
        outside=Exists(steps.filter(Q(unit__isnull=True) | Q(unit__is_counter=False))),
        first_at_counter=Subquery(steps.order_by("position").values("unit__is_counter")[:1]),
        last_at_counter=Subquery(steps.order_by("-position").values("unit__is_counter")[:1]),
    ).aggregate(
        all=Count("pk"),
        whole=Count("pk", filter=Q(has_steps=True, outside=False)),
        ends=Count("pk", filter=Q(first_at_counter=True, last_at_counter=True)),
    )
    if not counted["all"]:
        return IndexScore(5, None, None, None, "Không có thủ tục đang có hiệu lực.")
    if counted["whole"] * 5 >= counted["all"]:
        points = 2
    else:
        points = 1 if counted["ends"] == counted["all"] else 0
    return IndexScore(
        5,
        points,
        None,
        Decimal(points),
        f"{counted['whole']}/{counted['all']} thủ tục do Bộ phận Một cửa giải "
        f"quyết trọn vẹn; {counted['ends']}/{counted['all']} thủ tục tiếp nhận và "
        "trả kết quả tại Bộ phận Một cửa",
    )


def publication_index(ctx: Context) -> IndexScore:
    """Index 6: 2 when every procedure in force is published with all its components (on the
    portal, and posted at the counter from the same catalogue), 0 otherwise."""
    measure = complete_publication(ctx)
    complete, total = measure.counts()
    if not total:
        return IndexScore(6, None, None, None, "Không có thủ tục đang có hiệu lực.")
    points = 2 if complete == total else 0
    return IndexScore(
        6,
        points,
        None,
        Decimal(points),
        f"{complete}/{total} thủ tục công khai đầy đủ bộ phận tạo thành",
    )


def feedback_index(ctx: Context) -> IndexScore:
    """Index 8: 2 when none, or all answered on time and none prolonged; 1 when ≥ 90 % on time
    and none prolonged; 0 otherwise. Prolonged: still unanswered past its deadline."""
    complaints = ctx.complaints()
    if complaints is None:
        return IndexScore(8, None, None, None, "Chưa có dữ liệu phản ánh, kiến nghị.")
    at = ctx.at
    answered_then = Q(answered_at__lt=at)
    counts = complaints.aggregate(
        judged=Count("pk", filter=answered_then | Q(due_at__lt=at)),
        on_time=Count(
            "pk", filter=answered_then & (Q(due_at__isnull=True) | Q(answered_at__lte=F("due_at")))
        ),
        prolonged=Count(
            "pk", filter=(Q(answered_at__isnull=True) | Q(answered_at__gte=at)) & Q(due_at__lt=at)
        ),
    )
    judged, on_time, prolonged = counts["judged"], counts["on_time"], counts["prolonged"]
    if on_time == judged and not prolonged:
        points = 2
    elif not prolonged and on_time * 10 >= judged * 9:
        points = 1
    else:
        points = 0
    return IndexScore(
        8,
        points,
        None,
        Decimal(points),
        f"{on_time}/{judged} trả lời đúng hạn; {prolonged} kéo dài",
    )


def online_index(ctx: Context) -> IndexScore:
    """Index 9: 2 when ≥ 20 % of the procedures are offered online, ≥ 30 % of the dossiers
    came online and no online dossier was late or is overdue; 1 with an online service, 15 %
    to 30 % online and none late; 0 otherwise."""
    versions = ctx.versions().aggregate(all=Count("pk"), online=Count("pk", filter=ONLINE_SERVICE))
    received = ctx.received().aggregate(
        all=Count("pk"), online=Count("pk", filter=Q(channel=Channel.ONLINE))
    )
    if not versions["all"] or not received["all"]:
        return IndexScore(9, None, None, None, "Không có thủ tục hoặc hồ sơ trong kỳ.")
    at = ctx.at
    online = ctx.dossiers().filter(channel=Channel.ONLINE)
    late_finished = online.filter(finished_in(ctx.period), finished_at__gt=F("due_at"))
    overdue_open = (
        online.filter(received_at__lt=at, due_at__lt=at)
        .filter(Q(finished_at__isnull=True) | Q(finished_at__gte=at))
        .exclude(
            Q(clock_stopped_at__lte=at)
            | Q(
                Exists(
                    SupplementRequest.objects.filter(
                        dossier=OuterRef("pk"), requested_at__lte=at
                    ).filter(Q(answered_at__isnull=True) | Q(answered_at__gt=at))
                )
            )
        )
    )
    late = late_finished.count() + overdue_open.count()
    offered = versions["online"] * 5 >= versions["all"]
    share = Decimal(100) * received["online"] / received["all"]
    if not versions["online"] or late:
        points = 0
    elif offered and share >= 30:
        points = 2
    else:
        points = 1 if share >= 15 else 0
    return IndexScore(
        9,
        points,
        None,
        Decimal(points),
        f"{versions['online']}/{versions['all']} thủ tục trực tuyến; "
        f"{received['online']}/{received['all']} hồ sơ trực tuyến; "
        f"{late} hồ sơ trực tuyến trễ hoặc quá hạn",
    )


# --- officers ----------------------------------------------------------------------------


def handled_by(staff_pk) -> Q:
    """Dossiers an officer handled: received them, or held one of their steps. A union of two
    indexed lookups, so that the cost follows the officer's dossiers, not the agency's."""
    received = Dossier.objects.filter(received_by=staff_pk).order_by().values("pk")
    stepped = (
        DossierStep.objects.filter(assignee=staff_pk, started_at__isnull=False)
        .order_by()
        .values("dossier")
    )
    return Q(pk__in=received.union(stepped))


def _officers_of(dossier_ids: QuerySet) -> set[int]:
    ids = set(
        DossierStep.objects.filter(dossier__in=dossier_ids, started_at__isnull=False)
        .exclude(assignee=None)
        .values_list("assignee", flat=True)
    )
    return ids | set(
        Dossier.objects.filter(pk__in=dossier_ids)
        .exclude(received_by=None)
        .values_list("received_by", flat=True)
    )


def officer_scores(
    ctx: Context, ratings: QuerySet, officers: QuerySet | None = None
) -> list[OfficerScore]:
    """Each officer who handled a rated or finished dossier of the period: two aggregate
    queries per officer (a department has tens of officers, not thousands)."""
    finished = ctx.dossiers().filter(finished_in(ctx.period)).values("pk")
    ids = _officers_of(finished) | _officers_of(ratings.values("dossier"))
    staff = Staff.objects.filter(pk__in=ids, agency=ctx.agency).select_related("user", "unit")
    if officers is not None:
        staff = staff.filter(pk__in=officers.values("pk"))
    scores = []
    for officer in staff:
        mine = ctx.dossiers().filter(handled_by(officer.pk))
        indices = citizen_indices(ratings.filter(dossier__in=mine.values("pk")))
        indices[2] = participants_index(mine, ctx.period)
        scores.append(OfficerScore(officer, {n: indices[n] for n in OFFICER_INDICES}))
    return sorted(
        scores, key=lambda s: (-(s.total if s.total is not None else -1), s.staff.full_name)
    )


def evaluation_for(
    agency: Agency, period: Period, now: datetime | None = None, officers: QuerySet | None = None
) -> Evaluation:
    """The evaluation of `agency` over `period`; `officers` narrows the officers listed (a
    unit head sees their unit's)."""
    ctx = Context.of(agency, period, now)
    ratings = Rating.objects.filter(
        agency=agency, rated_at__gte=period.since, rated_at__lt=period.until
    )
    indices = citizen_indices(ratings)
    indices[2] = participants_index(ctx.dossiers(), period)
    for index in (
        one_stop_index(ctx),
        publication_index(ctx),
        feedback_index(ctx),
        online_index(ctx),
    ):
        indices[index.number] = index
    return Evaluation(
        agency,
        period,
        ctx.at,
        dict(sorted(indices.items())),
        officer_scores(ctx, ratings, officers),
    )
