"""Dossiers taken to RETURNED through the lifecycle services, on the small department of the
dossiers tests."""

import pytest

from motcua.dossiers import services
from motcua.dossiers.tests.conftest import build_world, vn  # noqa: F401  (re-exported)
from motcua.feedback.constants import Overall, RatingChannel
from motcua.feedback.services import Answers


def resolved_and_returned(world, *, at=None, **intake):
    """Received, assigned to the specialist, approved, registered, returned the next days."""
    at = at or vn(2024, 3, 4, 9, 0)
    dossier = resolved(world, at=at, **intake)
    return services.return_result(dossier, world.officer2, at=at.replace(day=at.day + 1, hour=9))


def returned_now(world, officer=None):
    """Resolved in March 2024 and handed over at the counter just now by `officer`, as the
    kiosk expects."""
    return services.return_result(resolved(world), officer or world.officer)


def resolved(world, *, at=None, **intake):
    """Received, assigned to the specialist, approved and registered the next day."""
    at = at or vn(2024, 3, 4, 9, 0)
    day = at.day
    dossier = world.receive(at=at, **intake)
    dossier = services.forward(dossier, world.officer, at=at.replace(hour=10))
    dossier = services.assign(
        dossier, world.head, world.specialist, at=at.replace(hour=10, minute=5)
    )
    dossier = services.forward(dossier, world.specialist, at=at.replace(hour=14))
    dossier = services.forward(dossier, world.head, at=at.replace(hour=15))
    dossier = services.approve(
        dossier, world.director, summary="Cấp GCN", at=at.replace(day=day + 1, hour=8)
    )
    return services.register_result(
        dossier, world.clerk, f"GCN-{dossier.pk}", at=at.replace(day=day + 1, hour=8, minute=30)
    )


def refused_and_returned(world, *, at=None):
    at = at or vn(2024, 3, 4, 9, 0)
    dossier = services.forward(world.receive(at=at), world.officer, at=at.replace(hour=10))
    dossier = services.refuse(
        dossier, world.head, "Ngành nghề cấm kinh doanh", at=at.replace(hour=11)
    )
    return services.return_result(dossier, world.officer, at=at.replace(hour=14))


GOOD = Answers(
    index1=2,
    index3=2,
    index4=1,
    index7=2,
    overall=Overall.VERY_SATISFIED,
    comment="Cán bộ hướng dẫn tận tình",
)
BAD = Answers(
    index1=0,
    index3=0,
    index4=0,
    index7=0,
    overall=Overall.DISSATISFIED,
    comment="Phải đi lại nhiều lần",
)


def web_rate(dossier, answers, **kwargs):
    """The applicant's rating on the web page, which has checked the tracking secret."""
    from motcua.feedback import services as feedback

    return feedback.rate(dossier, answers, RatingChannel.WEB, with_secret=True, **kwargs)


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def returned(world):
    return resolved_and_returned(world)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Wrong secrets count per address in the cache; each test starts from none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
