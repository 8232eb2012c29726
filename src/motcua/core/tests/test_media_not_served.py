"""Uploaded files have no public address, not even with DEBUG on (as the demo runs): a path
under MEDIA_URL matches no route, so the only way out is a view that checks the reader."""

import importlib

from django.urls import Resolver404, resolve
import pytest


def test_no_route_serves_media_root_even_in_debug(settings):
    settings.DEBUG = True
    urls = importlib.reload(importlib.import_module("motcua.urls"))
    try:
        with pytest.raises(Resolver404):
            resolve(f"{settings.MEDIA_URL}plans/evidence/bao-cao.pdf", urlconf=urls)
    finally:
        settings.DEBUG = False
        importlib.reload(urls)
