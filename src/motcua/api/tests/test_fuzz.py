"""Schemathesis over every operation of the OpenAPI schema, as a staff integration calls them:
whatever the input, the API answers no 5xx and only what its schema documents.

The world is small but real: an agency with a procedure and its process, a few dossiers in
different states, and a staff member holding the counter, office and director roles so that
most operations reach their code rather than a 403. Examples are bounded and derandomised so
the run is the same every time and stays under a few minutes on two cores."""

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
import pytest
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from motcua.api.tests.support import issue_token
from motcua.dossiers import services as dossiers
from motcua.dossiers.tests.conftest import build_world
from motcua.org.constants import Role
from motcua.org.tests.factories import make_staff

MAX_EXAMPLES = 15


@pytest.fixture
def connection_kept():
    """The WSGI app closes the database connection around each request; inside the test's
    transaction that would lose it on PostgreSQL. Django's own test client unhooks the same
    handler."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(db, connection_kept):
    """The token of a staff member of a world with something in every list."""
    world = build_world()
    for number in range(3):
        dossiers.submit(world.procedure, world.intake(), idempotency_key=f"fuzz-{number}")
    make_staff(
        "fuzz",
        world.agency,
        world.counter,
        Role.COUNTER_OFFICER,
        Role.OFFICE,
        Role.DIRECTOR,
        full_name="Trần Kiểm Thử",
    )
    return {"Authorization": f"Bearer {issue_token('fuzz')}"}


# Read through the WSGI app, as a client reads it; building it touches no table.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_operation_answers_a_server_error_or_outside_its_schema(case, bearer):
    response = case.call(headers=bearer)
    case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])
