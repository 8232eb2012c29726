"""Input no database can store is refused at the door with a 400, before any view runs.

PostgreSQL refuses text holding a NUL character (and psycopg any string with a lone UTF-16
surrogate); a `%00` in a path, a query string, a form field or a JSON string reached a query and
answered a 500 on nine endpoints. No Vietnamese text, code or number ever holds one, so it is
safe to refuse them everywhere at once rather than in each form and schema."""

import json

from django.http import HttpResponseBadRequest, JsonResponse

REFUSAL = "Yêu cầu có ký tự không hợp lệ (ký tự NUL hoặc mã Unicode lỗi)."
API_PREFIX = "/api/"


def is_unstorable(text: str) -> bool:
    """A NUL character, or a lone surrogate that cannot be written as UTF-8."""
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _any_unstorable(values) -> bool:
    return any(is_unstorable(value) for value in values if isinstance(value, str))


def _json_strings(value):
    """Every key and string inside a decoded JSON document."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def _json_unstorable(request) -> bool:
    """Only JSON bodies are read here: they are small, and a multipart upload is left to the
    form that streams it."""
    if not request.content_type.endswith("json"):
        return False
    try:
        document = json.loads(request.body)
    except ValueError:
        return False  # the API answers an unreadable body itself
    return _any_unstorable(_json_strings(document))


def _form_unstorable(request) -> bool:
    if request.method != "POST" or request.content_type not in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        return False
    fields = request.POST
    return _any_unstorable(value for key in fields for value in [key, *fields.getlist(key)])


def has_unstorable_input(request) -> bool:
    query = request.GET
    return (
        is_unstorable(request.path)
        or _any_unstorable(value for key in query for value in [key, *query.getlist(key)])
        or _form_unstorable(request)
        or _json_unstorable(request)
    )


class UnstorableInputMiddleware:
    """Placed right after SecurityMiddleware, before sessions and views touch the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_unstorable_input(request):
            if request.path.startswith(API_PREFIX):
                return JsonResponse({"detail": REFUSAL}, status=400)
            return HttpResponseBadRequest(REFUSAL, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
