"""One rating per returned dossier, scored 2/1/0, replaced within the window, refused after."""

from dataclasses import replace
from datetime import timedelta

from django.db import IntegrityError, transaction
import pytest

from motcua.dossiers.constants import State
from motcua.dossiers.tests.conftest import vn
from motcua.feedback import services
from motcua.feedback.constants import Overall, RatingChannel
from motcua.feedback.errors import Forbidden, InvalidAnswers, NotAllowed
from motcua.feedback.models import Rating
from motcua.feedback.selectors import officers_of

from .conftest import BAD, GOOD, refused_and_returned, web_rate


def test_the_scores_are_stored_as_answered(returned):
    rating = web_rate(returned, GOOD, at=vn(2024, 3, 5, 10, 0))
    rating.refresh_from_db()
    assert (rating.index1, rating.index3, rating.index4, rating.index7) == (2, 2, 1, 2)
    assert rating.total == 7
    assert rating.overall == Overall.VERY_SATISFIED
    assert rating.agency == returned.agency and rating.dossier == returned
    assert rating.rated_at == rating.updated_at == vn(2024, 3, 5, 10, 0)
    assert returned.rating == rating


def test_a_change_within_the_window_replaces_the_answers(returned):
    first = web_rate(returned, GOOD, at=vn(2024, 3, 5, 10, 0))
    second = web_rate(returned, BAD, at=vn(2024, 3, 12, 9, 59))
    assert Rating.objects.count() == 1 and second.pk == first.pk
    second.refresh_from_db()
    assert (second.index1, second.overall) == (0, Overall.DISSATISFIED)
    assert second.rated_at == vn(2024, 3, 5, 10, 0)
    assert second.updated_at == vn(2024, 3, 12, 9, 59)


def test_a_change_after_the_window_is_refused(returned, settings):
    settings.MOTCUA_RATING_CHANGE_DAYS = 3
    web_rate(returned, GOOD, at=vn(2024, 3, 5, 10, 0))
    with pytest.raises(NotAllowed, match="chỉ được sửa đánh giá trong 3 ngày"):
        web_rate(returned, BAD, at=vn(2024, 3, 8, 10, 1))
    assert Rating.objects.get().overall == Overall.VERY_SATISFIED


def test_only_returned_dossiers_can_be_rated(world):
    open_dossier = world.receive()
    with pytest.raises(NotAllowed, match="đã trả kết quả"):
        web_rate(open_dossier, GOOD)
    assert not Rating.objects.exists()


def test_a_refused_dossier_is_rated_once_its_refusal_is_handed_over(world):
    dossier = refused_and_returned(world)
    assert dossier.state == State.RETURNED
    assert services.rate(dossier, BAD, RatingChannel.WEB).overall == Overall.DISSATISFIED


@pytest.mark.parametrize(
    "answers, message",
    [
        (replace(GOOD, index3=3), "chỉ số 3"),
        (replace(GOOD, index7=None), "chỉ số 7"),
        (replace(GOOD, overall="neutral"), "mức độ hài lòng"),
    ],
)
def test_answers_outside_the_scale_are_refused(returned, answers, message):
    with pytest.raises(InvalidAnswers, match=message):
        web_rate(returned, answers)


def test_the_database_refuses_a_score_above_two_and_a_second_rating(returned):
    web_rate(returned, GOOD)
    with pytest.raises(IntegrityError), transaction.atomic():
        Rating.objects.update(index4=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        Rating.objects.create(
            agency=returned.agency,
            dossier=returned,
            version=returned.version,
            channel="web",
            index1=2,
            index3=2,
            index4=2,
            index7=2,
            overall="satisfied",
            rated_at=returned.returned_at,
            updated_at=returned.returned_at,
        )


def test_a_paper_slip_names_who_typed_it_and_stays_in_the_agency(world, returned, other_agency):
    from motcua.org.constants import Role
    from motcua.org.models import Unit
    from motcua.org.tests.factories import make_staff

    with pytest.raises(InvalidAnswers, match="người nhập phiếu"):
        services.rate(returned, GOOD, RatingChannel.PAPER)
    unit = Unit.objects.create(agency=other_agency, code="mc", name="Một cửa", is_counter=True)
    stranger = make_staff("khac", other_agency, unit, Role.COUNTER_OFFICER)
    with pytest.raises(Forbidden):
        services.rate(returned, GOOD, RatingChannel.PAPER, staff=stranger)
    rating = services.rate(returned, GOOD, RatingChannel.PAPER, staff=world.office)
    assert rating.entered_by == world.office and rating.channel == RatingChannel.PAPER


def test_the_officers_are_who_received_it_and_every_step_assignee(world, returned):
    # Received by Mai; the specialist held the appraisal step; the others held no step by name.
    assert list(officers_of(returned)) == [world.officer, world.specialist]


def test_the_window_counts_from_the_first_rating_not_the_last_change(returned, settings):
    settings.MOTCUA_RATING_CHANGE_DAYS = 7
    start = vn(2024, 3, 5, 10, 0)
    web_rate(returned, GOOD, at=start)
    web_rate(returned, BAD, at=start + timedelta(days=6))
    with pytest.raises(NotAllowed):
        web_rate(returned, GOOD, at=start + timedelta(days=8))


def test_officers_of_a_page_of_dossiers_match_one_by_one(world, returned):
    from motcua.feedback.selectors import officers_by_dossier

    other = refused_and_returned(world)
    assert officers_by_dossier([returned, other]) == {
        returned.pk: list(officers_of(returned)),
        other.pk: list(officers_of(other)),
    }
