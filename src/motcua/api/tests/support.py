"""Calling the API as an integration does: through the real URLs, with a bearer token issued
by `motcua issue_api_token`. Shared by the API tests of every app."""

from io import StringIO

from django.core.management import call_command


def issue_token(username: str, name: str = "") -> str:
    """A fresh token for `username`, read from the command's output like a script would."""
    out = StringIO()
    call_command("issue_api_token", username, name=name, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


class ApiClient:
    """The Django test client, calling /api/v1 with one user's token."""

    def __init__(self, client, username: str):
        self.client = client
        self.headers = {"Authorization": f"Bearer {issue_token(username)}"}

    def get(self, path: str, **params):
        return self.client.get(f"/api/v1{path}", params, headers=self.headers)

    def post(self, path: str, body: dict | None = None):
        return self.client.post(
            f"/api/v1{path}", body or {}, content_type="application/json", headers=self.headers
        )

    def upload(self, path: str, data: dict):
        return self.client.post(f"/api/v1{path}", data, headers=self.headers)
