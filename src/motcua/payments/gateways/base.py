"""The interface every payment gateway implements; services know nothing else about them."""

from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar


@dataclass(frozen=True)
class Option:
    """A setting the plugin reads, declared so that health checks and docs can name it."""

    setting: str
    help_text: str


@dataclass(frozen=True)
class Health:
    """The answer of a health check: ok, or the problem in words an operator can act on."""

    ok: bool
    problem: str = ""


@dataclass(frozen=True)
class Verified:
    """What a callback says, once its signature has been checked."""

    reference: str
    amount: int
    transaction_id: str
    success: bool
    timestamp: datetime
    response_code: str = ""
    cancelled: bool = False  # the payer pressed "cancel": a failure the page words differently
    message: str = ""  # the gateway's own words about the outcome


class Gateway(ABC):
    """A payment gateway. One instance serves one request; options come from settings."""

    code: ClassVar[str]
    name: ClassVar[str]
    options: ClassVar[tuple[Option, ...]] = ()
    # A pretend bank that moves no money: refused on production deployments (payments/checks.py)
    # unless TRAINING_DEPLOYMENT says the deployment is for training.
    simulator: ClassVar[bool] = False
    # The callback parameter naming our reference: read before verifying, only to file a
    # forged callback under the payment it claims.
    reference_param: ClassVar[str] = "reference"

    @abstractmethod
    def health(self) -> Health:
        """Whether payments can go through now (keys configured, gateway reachable…)."""

    @abstractmethod
    def start(self, payment, return_url: str, notify_url: str) -> str:
        """The address to send the payer's browser to, to pay `payment`.

        `return_url` is where the gateway sends the browser back with the signed result;
        `notify_url` where its server posts the same result (IPN).
        """

    @abstractmethod
    def verify(self, params: dict[str, str]) -> Verified:
        """Check the signature of a callback and read it; raise ForgedCallback otherwise."""

    def acknowledgement(self, outcome) -> tuple[int, dict]:
        """The HTTP status and JSON body the gateway expects in answer to a notification."""
        if outcome.refused:
            return 400, {"code": "97", "message": outcome.reason}
        return 200, {"code": "00", "message": "Đã ghi nhận"}
