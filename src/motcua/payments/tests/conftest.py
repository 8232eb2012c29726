"""A submitted online dossier whose procedure charges fees, and helpers to play the gateway."""

from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.utils import timezone
import pytest

from motcua.catalog import services as catalog
from motcua.catalog.constants import FeeChannel
from motcua.catalog.selectors import version_in_force
from motcua.dossiers import services as dossiers
from motcua.dossiers.models import Dossier
from motcua.dossiers.tests.conftest import World, build_world
from motcua.payments.gateways import sandbox

FEES = (("Lệ phí đăng ký doanh nghiệp", 50_000), ("Phí công bố thông tin", 100_000))
TOTAL = sum(amount for _, amount in FEES)


def give_fees(world: World, fees=FEES, *, since: date | None = None) -> None:
    """A new version of the procedure, in force from `since` (today), charging `fees`:
    (name, amount) or (name, amount, the channel it applies to)."""
    draft = catalog.new_draft_from(version_in_force(world.procedure, on=timezone.now()))
    for name, amount, *applies_to in fees:
        catalog.add_fee(
            draft,
            name=name,
            amount=amount,
            applies_to=applies_to[0] if applies_to else FeeChannel.ALL,
        )
    catalog.publish(draft, since or timezone.localdate())


def submit_online(world: World, key: str = "payments-test") -> Dossier:
    return dossiers.submit(world.procedure, world.intake(), idempotency_key=key)


def start_path(dossier: Dossier) -> str:
    from motcua.dossiers.links import dossier_ref

    return f"/thanh-toan/{dossier_ref(dossier)}/{dossier.tracking_secret}/"


def gateway_answer(
    payment,
    code=sandbox.Outcome.SUCCESS,
    *,
    at: datetime | None = None,
    secret: str | None = None,
    **changes,
) -> dict:
    """What the sandbox bank signs for `payment` (with `changes` applied before signing)."""
    params = {"reference": payment.reference, "amount": str(payment.amount), **changes}
    return sandbox.answer(params, code, secret or settings.PAYMENT_SANDBOX_SECRET, at=at)


def query(url: str) -> dict:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


@dataclass
class Shop:
    world: World
    dossier: Dossier


@pytest.fixture(autouse=True)
def unreachable_site(settings):
    """Nothing listens on port 9: the sandbox's server notification fails fast, as when the
    merchant's server is down, and never reaches another server on the machine."""
    settings.SITE_URL = "http://127.0.0.1:9"


@pytest.fixture
def shop(db) -> Shop:
    world = build_world()
    give_fees(world)
    return Shop(world, submit_online(world))
