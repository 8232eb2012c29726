"""End to end with a real Celery worker on the local Redis: commit, worker, sent.

Skipped when Redis is unreachable, except in CI (the CI variable set), where it must run.
"""

import os
import time

from celery.contrib.testing.worker import start_worker
from django.db import transaction
import kombu.pools
import pytest
import redis

from motcua.celery import app
from motcua.notifications.constants import Channel, MessageStatus
from motcua.notifications.models import LocalSms, Message
from motcua.notifications.services import queue_message

BROKER = "redis://127.0.0.1:6379/15"  # a database of its own, emptied before the test


def forget_broker_connections():
    # Even inline (eager) calls open a producer on the configured broker, and the app and kombu
    # keep it; without this the next `delay()` would still publish to the in-memory broker.
    kombu.pools.reset()
    app._after_fork()  # how Celery drops the app's pools in a forked worker


@pytest.fixture
def celery_worker():
    try:
        redis.Redis.from_url(BROKER, socket_connect_timeout=1).flushdb()
    except redis.exceptions.ConnectionError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is needed in CI: {exc}")
        pytest.skip(f"no Redis at {BROKER}: {exc}")
    saved = {
        name: app.conf[name]
        for name in ("broker_url", "task_always_eager", "worker_hijack_root_logger")
    }
    app.conf.update(broker_url=BROKER, task_always_eager=False, worker_hijack_root_logger=False)
    forget_broker_connections()
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield
    finally:
        app.conf.update(saved)
        forget_broker_connections()


@pytest.mark.django_db(transaction=True)
def test_a_committed_message_is_sent_by_the_worker(celery_worker, agency):
    with transaction.atomic():
        message = queue_message(
            Channel.SMS,
            "0912345678",
            "",
            "Hồ sơ đã có kết quả.",
            agency=agency,
            topic="dossier.result_ready",
        )
    deadline = time.monotonic() + 15
    while Message.objects.get(pk=message.pk).status == MessageStatus.PENDING:
        assert time.monotonic() < deadline, "the worker did not send the message in 15 s"
        time.sleep(0.1)
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.SENT, 1)
    assert LocalSms.objects.get().message_id == message.pk
