"""Concurrency tests: real threads, each with its own database connection, started together.
Only PostgreSQL's row locks make the second wait for the first; SQLite runs one writer at a
time, so these tests run on PostgreSQL only."""

from concurrent.futures import ThreadPoolExecutor
import threading

from django.db import connection
import pytest

POSTGRESQL_ONLY = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks across connections need PostgreSQL"
    ),
]


def race(*calls, expected: tuple[type[BaseException], ...] = ()):
    """Run the calls at the same moment in threads; return their results, or the error of a
    call that raised one of `expected` (any other error fails the test)."""
    barrier = threading.Barrier(len(calls))

    def run(call):
        barrier.wait()
        try:
            return call()
        except expected as error:
            return error
        finally:
            connection.close()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))
