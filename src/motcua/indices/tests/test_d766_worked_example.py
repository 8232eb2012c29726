"""THE worked example: Decision 766 for March 2024 on the month of test_d766_data.py, with the
office's manual figures 1.1 = 4/5 and 1.4 = 9/10. Each criterion, by hand:

Points = max when rate ≥ threshold, else rate × max ÷ threshold (2 decimals, half up).

Group 1 — Công khai, minh bạch (18)
  1.1  manual 4 / 5 = 80.00 %, threshold 100            → 6 × 80.00 ÷ 100 = 4.80
  1.2  not entered                                        → Không có dữ liệu, 0
  1.3  P2 complete, P1 lacks method and target: 1 / 2 = 50.00 % → 2 × 50 ÷ 100 = 1.00
  1.4  manual 9 / 10 = 90.00 %                             → 6 × 90 ÷ 100 = 5.40
                                                             group 11.20
Group 2 — Tiến độ, kết quả giải quyết (20)
  2.1  handled in March: A–M (13; N finished in February). On time: A B E (after its pause)
       F (after its extension) H (withdrawal ends processing) J (consultation) K (ends at its
       one unanswered supplement request) L (open, ends 01/04 00:00 before 02/04) = 8.
       Late: C; D (apology or not); G (approved 08/03 15:00 after 07/03 09:00 + 24 h of
       waiting = 08/03 09:00, though on time by its restarted due date 11/03); I (two
       supplement requests); M (open, due 29/02) = 5.
       8 / 13 = 61.54 %                                    → 20 × 61.54 ÷ 100 = 12.31
  2.2  display only (9 dossiers finished with a result or refusal)           0
                                                             group 12.31
Group 3 — Dịch vụ trực tuyến và thanh toán (22)
  3.1  both procedures online: 2 / 2 = 100 % ≥ 80         → 4.00
  3.2  online services with an online dossier in March: P1 (B): 1 / 2 = 50.00 % → 2.00
  3.3  online B among the 12 received in March: 8.33 % × sync 90 % = 7.50 % (threshold 50)
                                                         → 4 × 7.50 ÷ 50 = 0.60
  3.5  not entered (tracked, 0 points)                                      0
  3.6  fee-bearing P2 dossiers received in March: C, I; paid: C: 1 / 2 = 50.00 % → 5.00
                                                             group 11.60
Group 4 — Số hóa hồ sơ (22)
  4.1  with a result in March: A B C D E F G I J (9); with a result file: A B:
       2 / 9 = 22.22 %                                  → 6 × 22.22 ÷ 100 = 1.33
  4.2  result file and a digitised document: A: 1 / 9 = 11.11 % (threshold 80)
                                                         → 4 × 11.11 ÷ 80 = 0.56
  4.3, 4.4, 4.5a, 4.5b not entered                                          0
                                                             group 1.89
Group 5 — Mức độ hài lòng (18)
  5.1  3 complaints (tracked)                                                0
  5.2  judged by 01/04: X1 (answered on time), X2 (answered late); X3 not yet due:
       1 / 2 = 50.00 %                                    → 6 × 50 ÷ 100 = 3.00
  5.3  X1 dissatisfied, X2 overdue, X3 fine: 1 / 3 = 33.33 % → 6 × 33.33 ÷ 100 = 2.00
  5.4  2.1's 13 dossiers, on time and without a complaint or a "dissatisfied" rating:
       B E F H J K L (A was rated dissatisfied): 7 / 13 = 53.85 % (threshold 90)
                                                         → 6 × 53.85 ÷ 90 = 3.59
                                                             group 8.59

Total = 11.20 + 12.31 + 11.60 + 1.89 + 8.59 = 45.59 out of 100; the criteria with data
weigh 100 − 4 (1.2) − 2 (4.3) − 2 (4.4) − 4 (4.5a) − 4 (4.5b) = 84 points.
"""

from datetime import date
from decimal import Decimal

import pytest

from motcua.dossiers.models import Dossier
from motcua.dossiers.tests.conftest import build_world, vn
from motcua.indices.d766.compute import d766_for, manual_values, points_for
from motcua.indices.d766.criteria import MEASURES
from motcua.indices.d766.sources import Context
from motcua.indices.models import D766ManualValue
from motcua.indices.scope import Period

from .test_d766_data import build_march

MARCH = Period(date(2024, 3, 1), date(2024, 3, 31))
LATER = vn(2024, 6, 1, 9, 0)
D = Decimal

EXPECTED = {  # code: (numerator, denominator, rate, points)
    "1.1": (4, 5, D("80.00"), D("4.80")),
    "1.2": (None, None, None, D(0)),
    "1.3": (1, 2, D("50.00"), D("1.00")),
    "1.4": (9, 10, D("90.00"), D("5.40")),
    "2.1": (8, 13, D("61.54"), D("12.31")),
    "2.2": (9, 9, None, D(0)),
    "3.1": (2, 2, D("100.00"), D("4.00")),
    "3.2": (1, 2, D("50.00"), D("2.00")),
    "3.3": (1, 12, D("7.50"), D("0.60")),
    "3.5": (None, None, None, D(0)),
    "3.6": (1, 2, D("50.00"), D("5.00")),
    "4.1": (2, 9, D("22.22"), D("1.33")),
    "4.2": (1, 9, D("11.11"), D("0.56")),
    "4.3": (None, None, None, D(0)),
    "4.4": (None, None, None, D(0)),
    "4.5a": (None, None, None, D(0)),
    "4.5b": (None, None, None, D(0)),
    "5.1": (3, 3, None, D(0)),
    "5.2": (1, 2, D("50.00"), D("3.00")),
    "5.3": (1, 3, D("33.33"), D("2.00")),
    "5.4": (7, 13, D("53.85"), D("3.59")),
}


@pytest.fixture
def march(db):
    month = build_march(build_world())
    for code, numerator, denominator in (("1.1", 4, 5), ("1.4", 9, 10)):
        D766ManualValue.objects.create(
            agency=month.world.agency,
            code=code,
            start=MARCH.start,
            end=MARCH.end,
            numerator=numerator,
            denominator=denominator,
        )
    return month


def test_the_march_total_equals_the_worked_example(march):
    score = d766_for(march.world.agency, MARCH, now=LATER)
    assert {
        c.code: (c.numerator, c.denominator, c.rate, c.points) for c in score.criteria
    } == EXPECTED
    assert [g.points for g in score.groups] == [
        D("11.20"),
        D("12.31"),
        D("11.60"),
        D("1.89"),
        D("8.59"),
    ]
    assert score.total == D("45.59")
    assert (score.max_points, score.max_with_data) == (D(100), D(84))
    assert [c.code for c in score.criteria if c.no_data] == [
        "1.2",
        "3.5",
        "4.3",
        "4.4",
        "4.5a",
        "4.5b",
    ]


def _names(march, queryset):
    names = {v.pk: k for k, v in march.d.items()}
    return "".join(sorted(names[pk] for pk in queryset.values_list("pk", flat=True)))


def test_criterion_2_1_dossier_by_dossier(march):
    measure = MEASURES["2.1"](Context.of(march.world.agency, MARCH, LATER))
    assert _names(march, measure.numerator) == "ABEFHJKL"
    assert _names(march, measure.denominator) == "ABCDEFGHIJKLM"
    g = Dossier.objects.get(pk=march.d["G"].pk)
    assert g.due_at == vn(2024, 3, 11, 9, 0) and g.finished_at < g.due_at  # on time by due_at


def test_a_dossier_open_at_a_period_end_is_judged_then(march):
    """On 06/03, C (due 07/03) is still open: on time then; D too. M is already late."""
    day = Period(date(2024, 3, 6), date(2024, 3, 6))
    measure = MEASURES["2.1"](Context.of(march.world.agency, day, LATER))
    assert _names(march, measure.denominator) == "BCDEFGIJM"
    # G: its single supplement was answered 06/03 09:00, its restarted clock not yet spent;
    # I: two requests already → late; M overdue since 29/02.
    assert _names(march, measure.numerator) == "BCDEFGJ"


def test_a_quarter_sums_the_months_entered(march):
    agency = march.world.agency
    D766ManualValue.objects.create(
        agency=agency,
        code="1.4",
        start=date(2024, 1, 1),
        end=date(2024, 1, 31),
        numerator=5,
        denominator=10,
        note="Tháng 1",
    )
    quarter = Period(date(2024, 1, 1), date(2024, 3, 31))
    assert (
        manual_values(agency, quarter)["1.4"].numerator,
        manual_values(agency, quarter)["1.4"].denominator,
    ) == (14, 20)
    D766ManualValue.objects.create(
        agency=agency, code="1.4", start=quarter.start, end=quarter.end, numerator=1, denominator=2
    )
    assert manual_values(agency, quarter)["1.4"].numerator == 1  # the quarter's own figure wins


def test_a_zero_denominator_is_no_data_and_scores_nothing(march):
    score = d766_for(march.world.agency, Period(date(2024, 5, 1), date(2024, 5, 31)), now=LATER)
    online = score.criterion("3.3")
    assert (online.numerator, online.denominator, online.rate, online.no_data) == (0, 0, None, True)
    assert online.note == "Mẫu số bằng 0 (N/A)."


def test_a_year_without_a_table_uses_the_latest_one(march):
    score = d766_for(
        march.world.agency, Period(date(2027, 1, 1), date(2027, 1, 31)), now=vn(2027, 2, 1, 9, 0)
    )
    assert score.criteria[0].criterion.year == 2026


@pytest.mark.parametrize(
    ("rate", "points"),
    [
        (D("90.00"), D(6)),
        (D("95.00"), D(6)),
        (D("89.99"), D("6.00")),
        (D("45.00"), D("3.00")),
        (D(0), D("0.00")),
        (None, D(0)),
    ],
)
def test_points_against_a_90_percent_threshold(rate, points):
    assert points_for(rate, D(6), D(90)) == points
