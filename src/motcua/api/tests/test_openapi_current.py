"""`docs/openapi.json` is the schema the API serves: integrators read it without a server, and
a change to an endpoint shows in review. Refresh it with `make openapi`."""

import json
from pathlib import Path

from motcua.api.api import api

COMMITTED = Path(__file__).resolve().parents[4] / "docs" / "openapi.json"


def test_the_committed_schema_is_the_served_one():
    served = json.loads(json.dumps(api.get_openapi_schema(), default=str))
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert committed == served, "docs/openapi.json is out of date: run `make openapi`"
