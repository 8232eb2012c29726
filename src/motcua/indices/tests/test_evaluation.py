"""Circular 01/2018 Arts. 13–15 on the fixed month of test_d766_data.py, Art. 15's grades at
their boundaries, and index 2 on dossiers built to score 2, 1 and 0."""

from datetime import date
from decimal import Decimal

import pytest

from motcua.dossiers import services
from motcua.dossiers.models import Dossier, DossierStep
from motcua.dossiers.tests.conftest import build_world, vn
from motcua.indices.evaluation.compute import (
    agency_grade,
    evaluation_for,
    officer_grade,
    participants_index,
)
from motcua.indices.scope import Period

from .test_d766_data import Builder, build_march

MARCH = Period(date(2024, 3, 1), date(2024, 3, 31))
LATER = vn(2024, 6, 1, 9, 0)


@pytest.fixture
def march(db):
    return build_march(build_world())


def _scores(indices):
    return {n: i.score for n, i in indices.items()}


def test_the_agency_in_march(march):
    evaluation = evaluation_for(march.world.agency, MARCH, now=LATER)
    indices = evaluation.indices
    # Ratings of A, B, C, J: index 1 = (2+2+0+2)/4 = 1.5; 3 = (2+2+1+1)/4 = 1.5;
    # 4 = (1+2+1+2)/4 = 1.5; 7 = (2+2+1+2)/4 = 1.75 → 1.8 (one decimal, half up).
    assert [(indices[n].points, indices[n].dossiers) for n in (1, 3, 4, 7)] == [
        (6, 4),
        (6, 4),
        (6, 4),
        (7, 4),
    ]
    # Index 2 over the 9 dossiers finished in March (A B C D E F G I J; H withdrawn): every
    # appraisal step but I's ended after its 8-hour deadline (0 points); I's steps all ended on
    # their due day (1 point): 1/9 = 0.1. J's consultation was answered in time but its
    # appraisal was late.
    assert (indices[2].points, indices[2].dossiers) == (1, 9)
    # 5: no procedure handled wholly at the counter, both received and returned there → 1.
    # 6: P1 lacks its method and target → 0. 8: 1 of 2 complaints answered on time (50 %) → 0.
    # 9: both procedures online, but 1 of 12 dossiers came online (8.3 % < 15 %) → 0.
    assert _scores(indices) == {
        1: Decimal("1.5"),
        2: Decimal("0.1"),
        3: Decimal("1.5"),
        4: Decimal("1.5"),
        5: Decimal(1),
        6: Decimal(0),
        7: Decimal("1.8"),
        8: Decimal(0),
        9: Decimal(0),
    }
    # 1.5 + 0.1 + 1.5 + 1.5 + 1 + 0 + 1.8 + 0 + 0 = 7.4 → trung bình (6 to < 9).
    assert (evaluation.total, evaluation.grade) == (Decimal("7.4"), "Trung bình")


def test_officers_ranked_with_their_grades(march):
    officers = evaluation_for(march.world.agency, MARCH, now=LATER).officers
    ranked = [(o.staff.full_name, o.total, o.grade) for o in officers]
    # Ngô Thị Hồng appraised A B E F G I J (rated: A B J): 1 = 6/3 = 2.0, 2 = 1/7 = 0.1,
    # 3 = 5/3 = 1.7, 4 = 5/3 = 1.7, 7 = 6/3 = 2.0 → 7.5.
    # Võ Thị Mai received all nine and the ratings of A B C J: 1.5 + 0.1 + 1.5 + 1.5 + 1.8 = 6.4.
    # Bùi Văn Long appraised C and D (rated: C): 0 + 0 + 1 + 1 + 1 = 3.0 (< 3.5).
    assert ranked == [
        ("Ngô Thị Hồng", Decimal("7.5"), "Hoàn thành 100 % nhiệm vụ"),
        ("Võ Thị Mai", Decimal("6.4"), "Hoàn thành 100 % nhiệm vụ"),
        ("Bùi Văn Long", Decimal("3.0"), "Hoàn thành dưới 70 % nhiệm vụ"),
    ]
    long = officers[2].indices
    assert _scores(long) == {
        1: Decimal(0),
        2: Decimal(0),
        3: Decimal(1),
        4: Decimal(1),
        7: Decimal(1),
    }


def test_a_period_without_ratings_leaves_the_citizen_indices_out(march):
    evaluation = evaluation_for(
        march.world.agency, Period(date(2024, 2, 1), date(2024, 2, 29)), now=LATER
    )
    assert [evaluation.indices[n].score for n in (1, 3, 4, 7)] == [None] * 4
    # N finished in February: its appraisal ended after its deadline → index 2 = 0.
    assert evaluation.indices[2].score == Decimal(0)


@pytest.mark.parametrize(
    ("total", "grade"),
    [
        (Decimal(10), "Hoàn thành 100 % nhiệm vụ"),
        (Decimal(5), "Hoàn thành 100 % nhiệm vụ"),
        (Decimal("4.9"), "Hoàn thành từ 70 % đến dưới 100 % nhiệm vụ"),
        (Decimal("3.5"), "Hoàn thành từ 70 % đến dưới 100 % nhiệm vụ"),
        (Decimal("3.4"), "Hoàn thành dưới 70 % nhiệm vụ"),
        (Decimal(0), "Hoàn thành dưới 70 % nhiệm vụ"),
        (None, None),
    ],
)
def test_officer_grades_at_the_boundaries(total, grade):
    assert officer_grade(total) == grade


@pytest.mark.parametrize(
    ("total", "grade"),
    [
        (Decimal(18), "Xuất sắc"),
        (Decimal(15), "Xuất sắc"),
        (Decimal("14.9"), "Tốt"),
        (Decimal(12), "Tốt"),
        (Decimal("11.9"), "Khá"),
        (Decimal(9), "Khá"),
        (Decimal("8.9"), "Trung bình"),
        (Decimal(6), "Trung bình"),
        (Decimal("5.9"), "Yếu"),
        (Decimal(0), "Yếu"),
    ],
)
def test_agency_grades_at_the_boundaries(total, grade):
    assert agency_grade(total) == grade


def _quick(b, w, received, consulted=None, answered=None):
    """Received at 14:00 and pushed through every step before the day each step is due:
    counter step due 08:00 next day (done 16:00), appraisal due next day 16:00 (done 16:30),
    approval due next day 10:30 (done 16:45), signing due next day 10:45 (done 16:50)."""
    day = received.date()

    def at(hour, minute):
        return vn(day.year, day.month, day.day, hour, minute)

    dossier = b.appraisal(b.counter(w.procedure, received), at(16, 0))
    if consulted is not None:
        consultation = services.consult(
            dossier, w.specialist, "Sở Tài chính", "Ý kiến", 1, at=at(16, 5)
        )
        if answered is not None:
            services.answer_consultation(consultation, w.specialist, "Đồng ý", at=answered)
        dossier = Dossier.objects.get(pk=dossier.pk)
    dossier = services.forward(dossier, w.specialist, at=at(16, 30))
    dossier = services.forward(dossier, w.head, at=at(16, 45))
    return services.approve(dossier, w.director, at=at(16, 50))


def test_index_2_shorter_equal_longer_with_consultations(db):
    w = build_world()
    b = Builder(w)
    # Consultation sent Mon 04/03 16:05 with 1 working day → due Tue 05/03 16:05.
    _quick(b, w, vn(2024, 3, 4, 14, 0))  # 2: every step before its due day
    _quick(b, w, vn(2024, 3, 4, 14, 0), consulted=True, answered=vn(2024, 3, 4, 16, 20))  # 2
    _quick(b, w, vn(2024, 3, 4, 14, 0), consulted=True, answered=vn(2024, 3, 5, 9, 0))  # 1
    _quick(b, w, vn(2024, 3, 4, 14, 0), consulted=True, answered=vn(2024, 3, 6, 9, 0))  # 0
    _quick(b, w, vn(2024, 3, 4, 14, 0), consulted=True)  # 0: still unanswered after the due
    index = participants_index(Dossier.objects.filter(agency=w.agency), MARCH)
    # The fifth dossier finished Monday, before its consultation was due: no lateness yet → 2.
    assert (index.points, index.dossiers) == (2 + 2 + 1 + 0 + 2, 5)
    assert index.score == Decimal("1.4")


def test_index_2_leaves_out_the_return_that_waits_for_the_applicant(db):
    """Circular 01 Art. 13 index 2 judges the time of the agency's units and the bodies they
    consulted. Worked by hand: approved Mon 04/03 16:50, every working step on its first day
    (2 points); the counter's return step (4 working hours from 16:50) was due Tue 05/03 10:50,
    and the applicant collects on Mon 11/03 (late) or at 16:00 on Tue 05/03 (its due day, after
    the moment): 2 either way, where counting the return gave 0 and 1."""
    w = build_world()
    b = Builder(w)
    late = _quick(b, w, vn(2024, 3, 4, 14, 0))
    on_its_day = _quick(b, w, vn(2024, 3, 4, 14, 0))
    for dossier, collected in ((late, vn(2024, 3, 11, 9, 0)), (on_its_day, vn(2024, 3, 5, 16, 0))):
        dossier = services.register_result(
            dossier, w.clerk, f"{dossier.pk}/GCN", at=vn(2024, 3, 5, 8, 0)
        )
        services.return_result(dossier, w.officer, at=collected)
    ret = DossierStep.objects.get(dossier=late, name="Trả kết quả")
    assert ret.finished_at > ret.due_at  # the return itself was late
    index = participants_index(Dossier.objects.filter(agency=w.agency), MARCH)
    assert (index.points, index.dossiers) == (2 + 2, 2)


def test_index_2_still_counts_a_late_working_step(db):
    w = build_world()
    b = Builder(w)
    received = vn(2024, 3, 4, 8, 0)
    dossier = b.appraisal(b.counter(w.procedure, received), vn(2024, 3, 4, 9, 0))
    # The appraisal (8 working hours from 09:00 Mon) is due 09:00 Tue; forwarded Wed.
    dossier = services.forward(dossier, w.specialist, at=vn(2024, 3, 6, 9, 0))
    dossier = services.forward(dossier, w.head, at=vn(2024, 3, 6, 9, 30))
    services.approve(dossier, w.director, at=vn(2024, 3, 6, 10, 0))
    index = participants_index(Dossier.objects.filter(agency=w.agency), MARCH)
    assert (index.points, index.dossiers) == (0, 1)
