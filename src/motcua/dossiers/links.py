"""Addresses an applicant can use, printed on forms and sent in messages."""

from urllib.parse import urlencode

from django.conf import settings

# The public tracking page of the portal: the code plus the secret printed on the receipt.
TRACKING_PATH = "/tra-cuu/"


def tracking_url(dossier) -> str:
    query = urlencode({"ma": dossier.code or "", "k": dossier.tracking_secret})
    return f"{settings.SITE_URL.rstrip('/')}{TRACKING_PATH}?{query}"
