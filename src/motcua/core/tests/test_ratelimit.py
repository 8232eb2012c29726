from django.core.cache import cache
import pytest

from motcua.core.ratelimit import Limit, client_ip


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


def test_the_client_address_behind_a_trusted_proxy(rf, settings):
    settings.MOTCUA_TRUSTED_PROXIES = ["127.0.0.1"]
    direct = rf.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="1.1.1.1")
    assert client_ip(direct) == "203.0.113.9"  # not from a proxy: the header is ignored
    proxied = rf.get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7"
    )  # first hop forged
    assert client_ip(proxied) == "198.51.100.7"
    settings.MOTCUA_TRUSTED_PROXIES = []
    assert client_ip(proxied) == "127.0.0.1"
