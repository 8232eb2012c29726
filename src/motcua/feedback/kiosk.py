"""The counter's kiosk rates the dossier its officer has just handed over, and no other.

Returning a result at the counter leaves a `return_result` event naming the officer. For
KIOSK_HANDOVER_MINUTES afterwards the kiosk, signed in with that officer's account, offers that
dossier, carried in the form as a signed token bound to the officer and the dossier and expiring
with the same window. Any other dossier needs its tracking secret, as on the web: a dossier code
alone, which is sequential, never opens a rating."""

from datetime import datetime, timedelta

from django.core import signing
from django.utils import timezone

from motcua.dossiers.constants import Action, State
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.org.models import Staff

KIOSK_HANDOVER_MINUTES = 15
SALT = "motcua.feedback.kiosk"


def just_handed_over(staff: Staff, now: datetime | None = None) -> Dossier | None:
    """The dossier `staff` returned at the counter within the window and not rated yet."""
    since = (now or timezone.now()) - timedelta(minutes=KIOSK_HANDOVER_MINUTES)
    event = (
        DossierEvent.objects.filter(
            actor=staff,
            action=Action.RETURN_RESULT,
            at__gte=since,
            dossier__agency=staff.agency_id,
            dossier__state=State.RETURNED,
            dossier__rating__isnull=True,
        )
        .select_related("dossier")
        .order_by("-at", "-pk")
        .first()
    )
    return event.dossier if event else None


def issue(staff: Staff, dossier: Dossier) -> str:
    return signing.dumps({"staff": staff.pk, "dossier": dossier.pk}, salt=SALT)


def redeem(token: str, staff: Staff) -> Dossier | None:
    """The dossier of a token issued to `staff` within the window; None for a forged, expired
    or someone else's token."""
    try:
        data = signing.loads(token, salt=SALT, max_age=KIOSK_HANDOVER_MINUTES * 60)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or data.get("staff") != staff.pk:
        return None
    return Dossier.objects.filter(pk=data.get("dossier"), agency=staff.agency_id).first()
