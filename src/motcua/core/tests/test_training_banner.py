"""A training deployment says so on every page, public and staff alike; others do not."""

from django.urls import reverse
import pytest

from motcua.core.deployment import TRAINING_BANNER

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "training", "shown"),
    [
        ("production", True, True),
        ("production", False, False),
        ("", True, False),
    ],
)
def test_the_banner_of_a_training_deployment(client, settings, kind, training, shown):
    settings.DEPLOYMENT_KIND, settings.TRAINING_DEPLOYMENT = kind, training
    for url in (reverse("org:welcome"), reverse("org:login")):
        assert (TRAINING_BANNER in client.get(url).content.decode()) is shown
