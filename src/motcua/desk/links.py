"""Addresses sent to askers and complainants."""

from urllib.parse import urlencode

from django.conf import settings

FOLLOW_PATH = "/phan-anh/theo-doi/"


def follow_url(complaint) -> str:
    query = urlencode({"ma": complaint.code, "k": complaint.secret})
    return f"{settings.SITE_URL.rstrip('/')}{FOLLOW_PATH}?{query}"
