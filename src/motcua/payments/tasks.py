"""Background work of online payment (Celery; `motcua run_payment_jobs` from cron in the
embedded setup)."""

import logging
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from celery import shared_task

from .services import mark_abandoned

log = logging.getLogger("motcua.payments")

NOTIFY_TIMEOUT_SECONDS = 10


@shared_task
def mark_abandoned_payments() -> int:
    return mark_abandoned()


@shared_task(bind=True, max_retries=5)
def deliver_sandbox_notification(self, notify_url: str, params: dict) -> int:
    """The sandbox gateway's server-to-server notification (IPN): POST the signed result to the
    merchant's notify URL, retrying with backoff as real gateways do.

    Run inline (no Redis: the embedded demo and the tests) there is no worker to retry later;
    the failure is logged and the payment is settled by the browser's return anyway.
    """
    body = urlencode(params).encode()
    request = Request(
        notify_url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    try:
        with urlopen(request, timeout=NOTIFY_TIMEOUT_SECONDS) as response:  # noqa: S310
            return response.status
    except OSError as error:  # URLError, HTTPError, timeouts
        status = getattr(error, "code", None)
        if status == 400:  # refused by the merchant: retrying would be refused again
            return status
        log.warning("Sandbox notification to %s failed: %s", notify_url, error)
        if self.request.is_eager:
            return 0
        raise self.retry(exc=error, countdown=60 * 2**self.request.retries) from error
