"""The demo ratings and campaign: made through the services, deterministic, loaded once."""

from motcua.dossiers.tests.conftest import vn
from motcua.feedback.constants import CampaignState, Overall
from motcua.feedback.demo import load_demo_ratings
from motcua.feedback.models import Rating, SurveyCampaign
from motcua.feedback.sipas import campaign_results

from .conftest import refused_and_returned, resolved_and_returned


def test_demo_ratings_and_a_closed_campaign(world):
    for day in (4, 5, 6, 7, 11, 12, 13, 14, 18, 19):
        resolved_and_returned(world, at=vn(2024, 3, day, 9, 0))
        refused_and_returned(world, at=vn(2024, 3, day, 8, 0))
    made = load_demo_ratings(world.agency, now=vn(2024, 5, 15, 9, 0))
    assert 6 <= made <= 18 and Rating.objects.count() == made
    assert {r.overall for r in Rating.objects.all()} >= {Overall.VERY_SATISFIED}
    for rating in Rating.objects.select_related("dossier"):
        assert rating.dossier.returned_at <= rating.rated_at <= vn(2024, 5, 15, 9, 0)
    campaign = SurveyCampaign.objects.get()
    assert campaign.state == CampaignState.CLOSED
    assert (campaign.starts_on.isoformat(), campaign.ends_on.isoformat()) == (
        "2024-01-01",
        "2024-03-31",
    )
    results = campaign_results(campaign)
    assert results.sampled == 20 and results.responded > 5 and results.overall_percent > 50
    assert load_demo_ratings(world.agency, now=vn(2024, 5, 15, 9, 0)) == 0
    assert SurveyCampaign.objects.count() == 1
