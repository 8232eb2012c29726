"""System checks of a production deployment: the embedded defaults that make `make demo` work
(SQLite, inline jobs, files beside the code, a loopback address) are errors there."""

import ipaddress
from pathlib import Path
import sys
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, register

from .deployment import is_production

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def _in_the_installation(path: Path) -> bool:
    """Inside the virtualenv or the Python installation: wiped by the next reinstall."""
    prefixes = {sys.prefix, sys.base_prefix} - {"/"}
    return any(_inside(path, Path(prefix)) for prefix in prefixes)


@register()
def check_production_data_dir(app_configs, **kwargs):
    """Uploaded files and the embedded database go to DATA_DIR; its default lies inside the
    package's tree, which for an installed wheel is the virtualenv."""
    if not is_production() or settings.AWS_STORAGE_BUCKET_NAME:
        return []
    data_dir = Path(settings.DATA_DIR)
    if data_dir == Path(settings.DEFAULT_DATA_DIR) or _in_the_installation(data_dir):
        return [
            Error(
                f"DATA_DIR is {data_dir}, the default beside the code (inside the virtualenv when "
                "Motcua is installed): uploaded files would be lost with the next installation.",
                hint="Set DATA_DIR to a folder outside the installation (e.g. /var/lib/motcua), or "
                "S3_BUCKET to keep uploaded files in an S3-compatible store.",
                obj="DATA_DIR",
                id="core.E001",
            )
        ]
    return []


@register(deploy=True)
def check_production_database(app_configs, **kwargs):
    if is_production() and settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        return [
            Error(
                "The database is SQLite, the embedded setup's: production needs PostgreSQL.",
                hint="Set DATABASE_URL=postgres://user:password@host:5432/name.",
                obj="DATABASE_URL",
                id="core.E002",
            )
        ]
    return []


@register(deploy=True)
def check_production_redis(app_configs, **kwargs):
    if is_production() and not settings.REDIS_URL:
        return [
            Error(
                "REDIS_URL is empty: background jobs would run inside web requests and each worker "
                "would keep its own cache (rate limits, locks).",
                hint="Set REDIS_URL=redis://host:6379/0 and run the Celery worker and beat.",
                obj="REDIS_URL",
                id="core.E003",
            )
        ]
    return []


def is_loopback(host: str) -> bool:
    host = host.lower().rstrip(".")
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


@register(deploy=True)
def check_production_site_url(app_configs, **kwargs):
    """SITE_URL goes into the links e-mailed to applicants and the receipt's QR code."""
    if not is_production():
        return []
    host = urlsplit(settings.SITE_URL).hostname or ""
    if not host or is_loopback(host):
        return [
            Error(
                f"SITE_URL is {settings.SITE_URL!r}: the links sent to applicants and the "
                "receipt's QR code would point at the applicant's own computer.",
                hint="Set SITE_URL to the public address, e.g. https://motcua.khanhhoa.gov.vn.",
                obj="SITE_URL",
                id="core.E004",
            )
        ]
    return []
