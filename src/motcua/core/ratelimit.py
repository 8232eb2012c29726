"""Limits on public forms (tracking, questions, complaints, drafts): at most `limit` counted
events per key in a sliding window of fixed buckets, kept in Django's cache (Redis in
production, so every worker shares the count)."""

from dataclasses import dataclass
import time

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    scope: str  # what is limited, e.g. "tracking-failures-ip"
    limit: int
    window_seconds: int

    def _key(self, subject: str, bucket: int) -> str:
        return f"ratelimit:{self.scope}:{subject}:{bucket}"

    def _buckets(self, now: float) -> list[int]:
        # Six buckets per window: a burst just before a boundary still counts after it.
        width = max(self.window_seconds // 6, 1)
        current = int(now) // width
        return [current - i for i in range(6)]

    def count(self, subject: str, now: float | None = None) -> int:
        keys = [self._key(subject, b) for b in self._buckets(now or time.time())]
        return sum(cache.get_many(keys).values())

    def exceeded(self, subject: str, now: float | None = None) -> bool:
        return self.count(subject, now) >= self.limit

    def hit(self, subject: str, now: float | None = None) -> None:
        key = self._key(subject, self._buckets(now or time.time())[0])
        # add() then incr(): atomic on Redis and the local-memory cache alike.
        cache.add(key, 0, timeout=self.window_seconds + 60)
        try:
            cache.incr(key)
        except ValueError:  # expired between the two calls
            cache.set(key, 1, timeout=self.window_seconds + 60)

    def retry_after_minutes(self) -> int:
        return max(self.window_seconds // 60, 1)


def client_ip(request) -> str:
    """The client's address. Behind reverse proxies listed in TRUSTED_PROXIES, the nearest
    address in X-Forwarded-For that is not one of them (the ones before it can be forged)."""
    address = request.META.get("REMOTE_ADDR", "") or "unknown"
    trusted = set(settings.MOTCUA_TRUSTED_PROXIES)
    if address not in trusted:
        return address
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([a for a in forwarded if a]):
        if hop not in trusted:
            return hop
    return address
