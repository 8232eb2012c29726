"""Two workers reaching the same message send it once."""

import threading

from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
import pytest

from motcua.notifications.constants import MessageStatus
from motcua.notifications.delivery import send_message
from motcua.notifications.tests.factories import make_pending_message

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks need PostgreSQL; SQLite runs writers one at a time (see the tests below)",
)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_once(sms_gateway):
    sms_gateway.delay = 0.5  # the first worker is still sending when the second one arrives
    message = make_pending_message()
    start = threading.Barrier(2)
    results = []

    def worker():
        try:
            start.wait()
            results.append(send_message(message.pk))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sms_gateway.sent == [message.pk]
    assert len(results) == 2 and results.count(None) == 1  # one found the row locked
    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.SENT, 1)


@on_postgresql
def test_the_row_is_locked_without_waiting(sms_gateway):
    message = make_pending_message()
    with CaptureQueriesContext(connection) as queries:
        send_message(message.pk)
    assert any("FOR UPDATE SKIP LOCKED" in q["sql"] for q in queries.captured_queries)


def test_a_sent_message_is_not_sent_again(sms_gateway):
    message = make_pending_message()
    assert send_message(message.pk).status == MessageStatus.SENT
    assert send_message(message.pk) is None
    assert sms_gateway.sent == [message.pk]


def test_an_attempt_planned_before_another_one_stands_down(sms_gateway):
    """A worker's retry finds that the sweep has attempted the message since it was planned."""
    sms_gateway.down = True
    message = make_pending_message()
    send_message(message.pk, attempts=0)  # first attempt fails; a retry is planned for attempts=1
    send_message(message.pk)  # the sweep tries again meanwhile
    sms_gateway.down = False
    assert send_message(message.pk, attempts=1) is None
    assert sms_gateway.sent == []
