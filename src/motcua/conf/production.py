"""Production: PostgreSQL, Redis, S3-compatible files, HTTPS behind a reverse proxy.

`motcua check --deploy` passes with no warning once SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL
hold real values.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if DEBUG:  # noqa: F405
    raise ImproperlyConfigured("DEBUG must be off in production.")
if SECRET_KEY.startswith("insecure-") or len(SECRET_KEY) < 50:  # noqa: F405
    raise ImproperlyConfigured("Set SECRET_KEY to a random string of at least 50 characters.")

DEPLOYMENT_KIND = "production"  # the system checks refuse simulators and embedded defaults
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS_REDIRECT  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
if "TWO_FACTOR_REQUIRED_ROLES" not in os.environ:  # set (even empty) to choose other roles
    MOTCUA_TWO_FACTOR_REQUIRED_ROLES = ["administrator", "director", "office"]
SECURE_HSTS_SECONDS = HSTS_SECONDS  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}
