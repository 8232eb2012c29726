"""The address of a dossier's payment page, for messages, receipts and the tracking page."""

from django.conf import settings
from django.urls import reverse

from motcua.dossiers.links import dossier_ref


def payment_url(dossier) -> str:
    """Absolute URL of the public payment page (it carries the dossier's tracking secret)."""
    path = reverse("payments:start", args=[dossier_ref(dossier), dossier.tracking_secret])
    return f"{settings.SITE_URL.rstrip('/')}{path}"
