"""The address of a dossier's payment page, for messages, receipts and the tracking page."""

from django.conf import settings
from django.urls import reverse

from motcua.dossiers.links import dossier_ref


def payment_path(dossier) -> str:
    """The public payment page of the dossier (it carries the dossier's tracking secret)."""
    return reverse("payments:start", args=[dossier_ref(dossier), dossier.tracking_secret])


def payment_url(dossier) -> str:
    """The same page as an absolute URL, for messages and receipts."""
    return f"{settings.SITE_URL.rstrip('/')}{payment_path(dossier)}"
