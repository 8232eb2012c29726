import pytest
from django.core.cache import cache

from motcua.core.ratelimit import Limit


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_limit_is_reached_after_its_count_and_only_for_that_subject():
    limit = Limit("test", limit=3, window_seconds=600)
    for _ in range(2):
        limit.hit("1.2.3.4", now=1000)
    assert not limit.exceeded("1.2.3.4", now=1000)
    limit.hit("1.2.3.4", now=1000)
    assert limit.exceeded("1.2.3.4", now=1001)
    assert not limit.exceeded("5.6.7.8", now=1001)


def test_hits_age_out_of_the_window():
    limit = Limit("test", limit=2, window_seconds=600)
    limit.hit("x", now=6000)
    limit.hit("x", now=6000)
    assert limit.exceeded("x", now=6100)
    assert not limit.exceeded("x", now=6000 + 700)
