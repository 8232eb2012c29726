"""Two submissions of the same dossier's rating at the same moment end as one rating."""

from motcua.core.testing.concurrency import POSTGRESQL_ONLY, race
from motcua.feedback import services
from motcua.feedback.constants import Overall, RatingChannel
from motcua.feedback.models import Rating

from .conftest import BAD, GOOD, build_world, resolved_and_returned

pytestmark = POSTGRESQL_ONLY


def test_two_ratings_at_once_make_one_row_holding_the_last_answers():
    world = build_world()
    dossier = resolved_and_returned(world)
    results = race(
        lambda: services.rate(dossier, GOOD, RatingChannel.WEB, with_secret=True),
        lambda: services.rate(dossier, BAD, RatingChannel.KIOSK, with_secret=True),
    )
    assert all(isinstance(r, Rating) for r in results)
    assert results[0].pk == results[1].pk
    rating = Rating.objects.get()
    # The second to take the lock replaced the first one's answers.
    assert rating.overall in {Overall.VERY_SATISFIED, Overall.DISSATISFIED}
    assert rating.updated_at >= rating.rated_at
