"""Motcua: the one-stop shop ("một cửa") for Vietnamese administrative procedures."""

from .celery import app as celery_app

__all__ = ["celery_app"]
