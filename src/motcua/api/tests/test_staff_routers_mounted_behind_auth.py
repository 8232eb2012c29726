"""The staff routers carry no auth of their own (no app imports the API app): it is given when
the API app mounts them. Every operation under their prefixes must then ask for a staff member,
in the schema and in fact (401 without one)."""

from django.test import Client
import pytest

from motcua.api.api import api

STAFF_PREFIXES = ("/api/v1/dossiers", "/api/v1/indices", "/api/v1/payments", "/api/v1/ratings")


def _staff_operations():
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        if path.startswith(STAFF_PREFIXES):
            for method, operation in operations.items():
                yield path, method, operation


def test_every_staff_operation_declares_the_staff_auth():
    operations = list(_staff_operations())
    assert len(operations) > 30
    unsecured = [
        (path, method) for path, method, operation in operations if not operation.get("security")
    ]
    assert unsecured == []


@pytest.mark.django_db
def test_an_anonymous_call_to_any_staff_operation_gets_401():
    client = Client()
    for path, method, _ in _staff_operations():
        url = path.replace("{", "").replace("}", "")  # a placeholder value for each parameter
        answer = getattr(client, method)(url, content_type="application/json")
        assert answer.status_code == 401, (method, path, answer.status_code)
