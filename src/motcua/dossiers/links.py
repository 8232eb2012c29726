"""Addresses an applicant can use, printed on forms and sent in messages."""

from urllib.parse import urlencode

from django.conf import settings

# The public tracking page of the portal: the code plus the secret printed on the receipt.
TRACKING_PATH = "/tra-cuu/"


def tracking_url(dossier) -> str:
    query = urlencode({"ma": dossier_ref(dossier), "k": dossier.tracking_secret})
    return f"{settings.SITE_URL.rstrip('/')}{TRACKING_PATH}?{query}"


# How pages and the API name a dossier: its code, or before it has one (an online submission
# waiting at the counter) this prefix and its number.
ONLINE_REF_PREFIX = "truc-tuyen-"


def dossier_ref(dossier) -> str:
    return dossier.code or f"{ONLINE_REF_PREFIX}{dossier.pk}"


def ref_lookup(ref: str) -> dict:
    """The lookup that finds the dossier `ref` names."""
    number = ref.removeprefix(ONLINE_REF_PREFIX)
    if ref.startswith(ONLINE_REF_PREFIX) and number.isdigit():
        return {"pk": int(number)}
    return {"code": ref}
